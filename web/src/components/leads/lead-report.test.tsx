import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ScoreBreakdown } from '@/components/leads/lead-report';
import { renderWithProviders } from '@/testing/render';

describe('ScoreBreakdown', () => {
  it('words the risk flags a score part names by code (vendors and reviewers see it too)', async () => {
    renderWithProviders(
      <ScoreBreakdown
        score={0.72}
        version="2026.1"
        parts={[
          { name: 'risk', weight: 0.2, value: 0.25, detail: 'Risk flags: phone_country_mismatch, free_mail' },
          { name: 'freshness', weight: 0.15, value: 1, detail: '0 days old' },
        ]}
      />,
    );
    const risk = within(await screen.findByRole('list', { name: 'Score breakdown' })).getByRole('listitem', { name: 'Risk' });
    expect(risk).toHaveTextContent('Risk flags: Phone ≠ country, Free-mail address');
    expect(risk).not.toHaveTextContent('phone_country_mismatch');
  });
});
