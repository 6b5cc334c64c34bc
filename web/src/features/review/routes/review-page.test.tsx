import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInAs } from '@/testing/fixtures';
import { json, mockApi, problem, type MockRequest } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import { PHONE_WIDTH, setViewportWidth } from '@/testing/viewport';
import {
  makeReviewLead,
  makeReviewLeadDetail,
  makeReviewVendor,
  queuePage,
  REASONS,
} from '@/features/review/testing/fixtures';

/** The queue table's own requests (the navigation badge asks with limit=1). */
function queueCalls(mock: { callsTo: (method: string, path: string) => MockRequest[] }) {
  return mock.callsTo('GET', '/api/review/queue').filter((call) => call.url.searchParams.get('limit') === '50');
}

describe('Review queue', () => {
  it('lists pending leads oldest first and bulk-approves the selection with a per-lead summary', async () => {
    const trusted = makeReviewVendor({ id: 41, name: 'Tom Trusted', company: 'Trusty Leads', is_trusted_vendor: true, approval_rate: 0.95 });
    const first = makeReviewLead({
      vendor: trusted,
      risk_flags: ['free_mail', 'role_mailbox', 'no_mx'],
      duplicates: [{ lead_id: 9, vendor_id: 50, status: 'available', matched_on: 'email' }],
      queue_age_seconds: 2 * 86_400 + 60,
    });
    const second = makeReviewLead();
    const third = makeReviewLead({ lead_score: 0.42 });
    let decided = false;
    const mock = mockApi({
      'GET /api/review/queue': () =>
        json(200, decided ? queuePage([third]) : queuePage([first, second, third])),
      'POST /api/review/decisions': () => {
        decided = true;
        return json(200, {
          results: [
            { lead_id: first.id, outcome: 'approved', code: null, detail: null, status: 'available', version: 4 },
            {
              lead_id: second.id,
              outcome: 'conflict',
              code: 'lead_already_decided',
              detail: 'The lead is rejected; it cannot be approved now.',
              status: 'rejected',
              version: 4,
            },
          ],
          approved: 1,
          rejected: 0,
          unchanged: 0,
          conflicts: 1,
          not_found: 0,
        });
      },
    });
    const { user } = renderApp('/admin/review', { preloadedState: signedInAs('admin') });

    const table = await screen.findByRole('table', { name: 'Review queue' });
    expect(screen.getByText('3 leads waiting for review.')).toBeInTheDocument();
    expect(queueCalls(mock)[0]?.url.searchParams.get('sort')).toBe('oldest');

    const row = within(table).getByRole('row', { name: first.title });
    expect(within(row).getByText('Trusty Leads')).toBeInTheDocument();
    expect(within(row).getByText('Germany')).toBeInTheDocument(); // the country by name, not "DE"
    expect(within(row).getByText('Trusted')).toBeInTheDocument();
    expect(within(row).getByText('95% approved')).toBeInTheDocument();
    expect(within(row).getByText('Free-mail address')).toBeInTheDocument();
    expect(within(row).getByText('+1')).toBeInTheDocument();
    expect(within(row).getByLabelText('Matches 1 other lead on email')).toBeInTheDocument();
    expect(within(row).getByText('2 d')).toBeInTheDocument();
    expect(within(within(table).getByRole('row', { name: second.title })).getByText('3 h')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Keyboard shortcuts' })).toBeInTheDocument();

    await user.click(within(table).getByRole('checkbox', { name: `Select ${first.title}` }));
    await user.click(within(table).getByRole('checkbox', { name: `Select ${second.title}` }));
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Approve selected' }));

    const summary = await screen.findByText('1 approved, 1 already decided by someone else');
    expect(summary.closest('[role="alert"]')).toHaveTextContent(
      `${second.title}: The lead is rejected; it cannot be approved now.`,
    );
    expect(mock.callsTo('POST', '/api/review/decisions')[0]?.body).toEqual({
      action: 'approve',
      lead_ids: [first.id, second.id],
      versions: { [first.id]: 3, [second.id]: 3 },
    });
    // The queue is refetched: decided leads leave it and the selection is gone.
    await waitFor(() => expect(within(table).queryByRole('row', { name: first.title })).not.toBeInTheDocument());
    expect(screen.getByText('1 lead waiting for review.')).toBeInTheDocument();
    expect(screen.queryByText('2 selected')).not.toBeInTheDocument();
  });

  it('moves with j/k, opens the reject dialog with r and requires a note for "other"', async () => {
    const first = makeReviewLead();
    const second = makeReviewLead({ contact_first_name: 'Hans', email: 'hans@example.de' });
    const mock = mockApi({
      'GET /api/review/queue': () => json(200, queuePage([first, second])),
      [`GET /api/review/leads/${first.id}`]: () => json(200, makeReviewLeadDetail(first)),
      [`GET /api/review/leads/${second.id}`]: () => json(200, makeReviewLeadDetail(second)),
      'GET /api/review/reasons': () => json(200, REASONS),
      'GET /api/review/rules': () => json(200, { data: [] }),
      [`POST /api/review/leads/${second.id}/reject`]: () =>
        json(200, makeReviewLeadDetail({ ...second, status: 'rejected', version: 4 })),
    });
    const { user } = renderApp('/admin/review', { preloadedState: signedInAs('admin') });

    const table = await screen.findByRole('table', { name: 'Review queue' });
    await user.click(within(table).getByRole('row', { name: first.title }));
    const panel = await screen.findByRole('complementary', { name: 'Lead review' });
    expect(within(panel).getByRole('heading', { name: first.title })).toBeInTheDocument();
    expect(await within(panel).findByRole('list', { name: 'Status history' })).toBeInTheDocument();

    await user.keyboard('j');
    expect(within(table).getByRole('row', { name: second.title })).toHaveFocus();
    expect(await within(panel).findByText('hans@example.de')).toBeInTheDocument();

    await user.keyboard('r');
    const dialog = await screen.findByRole('dialog', { name: 'Reject this lead?' });
    expect(dialog).toHaveTextContent(second.title);
    await user.click(await within(dialog).findByRole('radio', { name: 'Other' }));
    await user.click(within(dialog).getByRole('button', { name: 'Reject lead' }));

    expect(await within(dialog).findByText('With “Other” the vendor needs a note saying what to fix.')).toBeInTheDocument();
    expect(mock.callsTo('POST', `/api/review/leads/${second.id}/reject`)).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: /Note for the vendor/ }), 'The company closed in 2024.');
    await user.click(within(dialog).getByRole('button', { name: 'Reject lead' }));

    expect(await screen.findByText(`Rejected “${second.title}”. Its vendor was told why.`)).toBeInTheDocument();
    expect(mock.callsTo('POST', `/api/review/leads/${second.id}/reject`)[0]?.body).toEqual({
      reason: 'other',
      note: 'The company closed in 2024.',
      version: 3,
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Reject this lead?' })).not.toBeInTheDocument());
  });

  it('shows the server\'s detail when a lead was decided meanwhile and refreshes the queue', async () => {
    const lead = makeReviewLead();
    const mock = mockApi({
      'GET /api/review/queue': () => json(200, queuePage([lead])),
      [`POST /api/review/leads/${lead.id}/approve`]: () =>
        problem(409, { code: 'lead_already_decided', detail: 'The lead is rejected; it cannot be approved now.' }),
    });
    const { user } = renderApp('/admin/review', { preloadedState: signedInAs('admin') });

    const table = await screen.findByRole('table', { name: 'Review queue' });
    within(table).getByRole('row', { name: lead.title }).focus();
    await user.keyboard('a');

    expect(await screen.findByText('The lead is rejected; it cannot be approved now.')).toBeInTheDocument();
    expect(mock.callsTo('POST', `/api/review/leads/${lead.id}/approve`)[0]?.body).toEqual({ version: 3 });
    await waitFor(() => expect(queueCalls(mock).length).toBeGreaterThan(1));
  });

  it('filters by risk flag and says so when the queue is empty', async () => {
    const mock = mockApi({ 'GET /api/review/queue': () => json(200, queuePage([])) });
    const { user } = renderApp('/admin/review', { preloadedState: signedInAs('admin') });

    expect(await screen.findByText('The queue is empty')).toBeInTheDocument();
    expect(screen.getByText(/^Nothing waits for review\. New leads land here/)).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Risk flags' }));
    await user.click(await screen.findByRole('option', { name: 'No risk flags' }));
    expect(await screen.findByText('No lead matches these filters')).toBeInTheDocument();
    expect(queueCalls(mock).some((call) => call.url.searchParams.get('flag') === 'none')).toBe(true);
  });

  it('leaves the keyboard shortcuts out on a phone, which has no keys to press', async () => {
    setViewportWidth(PHONE_WIDTH);
    mockApi({ 'GET /api/review/queue': () => json(200, queuePage([makeReviewLead()])) });
    renderApp('/admin/review', { preloadedState: signedInAs('admin') });

    expect(await screen.findByRole('table', { name: 'Review queue' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument();
  });
});
