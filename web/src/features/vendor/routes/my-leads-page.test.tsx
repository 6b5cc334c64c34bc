import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInAs } from '@/testing/fixtures';
import { json, mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import { makeUpload, makeVendorLead } from '@/features/vendor/testing/fixtures';

describe('My leads', () => {
  it('filters by the upload from the URL and opens the validation report in a drawer', async () => {
    const lead = makeVendorLead();
    // The API's stage order is not trusted: the drawer sorts the pipeline order itself.
    const shuffled = { ...lead, validation_report: [...lead.validation_report].reverse() };
    const mock = mockApi({
      'GET /api/leads/mine': () => json(200, { data: [shuffled], next_cursor: null, has_more: false }),
      [`GET /api/leads/mine/${lead.id}`]: () => json(200, shuffled),
      'GET /api/leads/uploads/9': () => json(200, makeUpload({ status: 'completed' })),
    });
    const { user } = renderApp('/vendor/leads?upload_id=9', { preloadedState: signedInAs('vendor') });

    const table = await screen.findByRole('table', { name: 'My leads' });
    expect(mock.callsTo('GET', '/api/leads/mine')[0]?.url.searchParams.get('upload_id')).toBe('9');
    expect(await screen.findByText('From crm-export.csv (upload #9)')).toBeInTheDocument();
    expect(within(table).getByText('travis@garciagroup.net')).toBeInTheDocument();

    await user.click(within(table).getByRole('row', { name: `Open lead ${lead.title}` }));
    const drawer = await screen.findByRole('dialog', { name: 'Lead details' });

    const stages = within(drawer).getByRole('list', { name: 'Validation stages' });
    expect(within(stages).getAllByRole('listitem').map((item) => item.getAttribute('aria-label'))).toEqual([
      'Required fields: Passed',
      'Normalisation: Passed',
      'Validity: Warning',
      'Risk: Passed',
      'Deliverability: Not checked',
      'Duplicates: Failed',
      'Suppression list: Passed',
    ]);
    expect(within(stages).getByText('The phone number is not valid. It was dropped.')).toBeInTheDocument();
    expect(within(stages).getByText('You already listed a lead with this email.')).toBeInTheDocument();

    const breakdown = within(drawer).getByRole('list', { name: 'Score breakdown' });
    const completeness = within(breakdown).getByRole('listitem', { name: 'Completeness' });
    expect(completeness).toHaveTextContent('weight 25%');
    expect(completeness).toHaveTextContent('0.80');
    expect(completeness).toHaveTextContent('14 of 18 fields present');
    expect(within(breakdown).getByRole('listitem', { name: 'Validity' })).toHaveTextContent('3 of 4 contact values valid');
    expect(within(within(drawer).getByRole('region', { name: 'Quality score' })).getByText('0.87')).toBeInTheDocument();

    expect(within(drawer).getByText('Free email domain')).toBeInTheDocument();
    expect(within(drawer).getByText('Garcia Group')).toBeInTheDocument();
  });

  it('filters by status and loads more with the cursor', async () => {
    const first = makeVendorLead({ id: 1, title: 'Lead one' });
    const second = makeVendorLead({ id: 2, title: 'Lead two' });
    const mock = mockApi({
      'GET /api/leads/mine': (request) =>
        request.url.searchParams.get('cursor') === 'c2'
          ? json(200, { data: [second], next_cursor: null, has_more: false })
          : json(200, { data: [first], next_cursor: 'c2', has_more: true }),
    });
    const { user } = renderApp('/vendor/leads', { preloadedState: signedInAs('vendor') });

    await screen.findByText('Lead one');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Lead two')).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Sold' }));
    await screen.findByText('Lead one');
    expect(mock.calls.some((call) => call.url.searchParams.get('status') === 'sold')).toBe(true);
  });

  it('shows a deliberate empty state when there are no leads', async () => {
    mockApi({ 'GET /api/leads/mine': () => json(200, { data: [], next_cursor: null, has_more: false }) });
    renderApp('/vendor/leads', { preloadedState: signedInAs('vendor') });

    expect(await screen.findByText('No leads yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Upload leads' })).toHaveAttribute('href', '/vendor/uploads/new');
  });
});
