import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInAs } from '@/testing/fixtures';
import { json, mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import { makeRule, queuePage } from '@/features/review/testing/fixtures';

describe('Auto-approval rules', () => {
  it('lists rules, pauses one, creates one and applies the active rules to the queue', async () => {
    const clean = makeRule();
    const trusted = makeRule({ id: 2, name: 'Trusted vendors', min_score: null, require_no_risk_flags: false, trusted_vendors_only: true });
    const mock = mockApi({
      'GET /api/review/rules': () => json(200, { data: [clean, trusted] }),
      'GET /api/review/queue': () => json(200, queuePage([])),
      [`PATCH /api/review/rules/${clean.id}`]: () => json(200, { ...clean, is_active: false }),
      'POST /api/review/rules': (request) => json(201, makeRule({ id: 3, ...(request.body as object) })),
      'POST /api/review/rules/apply': () => json(200, { approved: 4 }),
    });
    const { user } = renderApp('/admin/review/rules', { preloadedState: signedInAs('admin') });

    const table = await screen.findByRole('table', { name: 'Auto-approval rules' });
    const cleanRow = within(table).getByRole('row', { name: /High score, clean/ });
    expect(within(cleanRow).getByText('Score ≥ 0.80')).toBeInTheDocument();
    expect(within(cleanRow).getByText('No risk flags')).toBeInTheDocument();
    expect(within(within(table).getByRole('row', { name: /Trusted vendors/ })).getByText('Trusted vendors only')).toBeInTheDocument();

    await user.click(within(cleanRow).getByRole('switch', { name: 'Active: High score, clean' }));
    expect(await screen.findByText('“High score, clean” is paused.')).toBeInTheDocument();
    expect(mock.callsTo('PATCH', `/api/review/rules/${clean.id}`)[0]?.body).toEqual({ is_active: false });

    await user.click(screen.getAllByRole('button', { name: 'New rule' })[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'New auto-approval rule' });
    await user.click(within(dialog).getByRole('button', { name: 'Create rule' }));
    expect(await within(dialog).findByText('Give the rule a name.')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Validated');
    await user.click(within(dialog).getByRole('switch', { name: 'Validation passed without warnings' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create rule' }));

    expect(await screen.findByText('“Validated” was created.')).toBeInTheDocument();
    expect(mock.callsTo('POST', '/api/review/rules')[0]?.body).toEqual({
      name: 'Validated',
      is_active: true,
      min_score: 0.8,
      require_no_risk_flags: true,
      require_validation_passed: true,
      trusted_vendors_only: false,
    });

    await user.click(screen.getByRole('button', { name: 'Apply rules to the queue now' }));
    expect(await screen.findByText('The active rules approved 4 leads from the queue.')).toBeInTheDocument();
  });

  it('deletes a rule only after confirmation', async () => {
    const rule = makeRule();
    const mock = mockApi({
      'GET /api/review/rules': () => json(200, { data: [rule] }),
      'GET /api/review/queue': () => json(200, queuePage([])),
      [`DELETE /api/review/rules/${rule.id}`]: () => json(204, null),
    });
    const { user } = renderApp('/admin/review/rules', { preloadedState: signedInAs('admin') });

    await user.click(await screen.findByRole('button', { name: `Delete ${rule.name}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this rule?' });
    expect(mock.callsTo('DELETE', `/api/review/rules/${rule.id}`)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText(`“${rule.name}” was deleted.`)).toBeInTheDocument();
    await waitFor(() => expect(mock.callsTo('DELETE', `/api/review/rules/${rule.id}`)).toHaveLength(1));
  });

  it('shows a deliberate empty state without rules', async () => {
    mockApi({
      'GET /api/review/rules': () => json(200, { data: [] }),
      'GET /api/review/queue': () => json(200, queuePage([])),
    });
    renderApp('/admin/review/rules', { preloadedState: signedInAs('admin') });

    expect(await screen.findByText('No auto-approval rules')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply rules to the queue now' })).toBeDisabled();
  });
});
