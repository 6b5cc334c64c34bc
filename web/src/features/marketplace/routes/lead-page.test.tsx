import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInAs } from '@/testing/fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import { makeLeadDetail, makeSearchResults } from '@/features/marketplace/testing/fixtures';

describe('Lead page', () => {
  it('shows a shared lead on its own page, and says so when it left the marketplace', async () => {
    mockApi({
      'GET /api/leads/2101': () => json(200, makeLeadDetail({ already_have_contact: true })),
      'GET /api/leads/999': () => problem(404, { code: 'lead_not_found', detail: 'No lead with this id.' }),
    });
    const { router } = renderApp('/client/leads/2101', { preloadedState: signedInAs('client') });

    expect(await screen.findByRole('heading', { level: 1, name: 'Head of Sales · Software · Bavaria, DE' })).toBeInTheDocument();
    expect(screen.getByText('Contact details are shown after purchase')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('You may already have this contact');
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Marketplace' })).toHaveAttribute('href', '/client/marketplace');

    await router.navigate('/client/leads/999');
    expect(await screen.findByText('This lead is not on the marketplace')).toBeInTheDocument();
  });

  it("opens the marketplace on the vendor's other leads", async () => {
    mockApi({
      'GET /api/leads/2101': () => json(200, makeLeadDetail()),
      'GET /api/leads': () => json(200, makeSearchResults()),
    });
    const { router, user } = renderApp('/client/leads/2101', { preloadedState: signedInAs('client') });

    await user.click(await screen.findByRole('button', { name: 'More from this vendor' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/client/marketplace'));
    expect(router.state.location.search).toBe('?vendor_id=3');
    expect(await screen.findByText('Vendor: Contoso Leads')).toBeInTheDocument();
  });
});
