import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, signedInAs, signedInState } from '@/testing/fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import {
  makeLeadEvent,
  makeUpload,
  makeVendorLead,
  makeVendorLeadDetail,
} from '@/features/vendor/testing/fixtures';

describe('My leads', () => {
  it('filters by the upload from the URL and opens the validation report in a drawer', async () => {
    const lead = makeVendorLead();
    // The API's stage order is not trusted: the drawer sorts the pipeline order itself.
    const shuffled = { ...lead, validation_report: [...lead.validation_report].reverse() };
    const mock = mockApi({
      'GET /api/leads/mine': () => json(200, { data: [shuffled], next_cursor: null, has_more: false }),
      [`GET /api/leads/mine/${lead.id}`]: () => json(200, { ...shuffled, events: [] }),
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
    expect(within(drawer).getByText('Toronto, Ontario, Canada')).toBeInTheDocument();
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

  it('shows the reviewer\'s reason for a rejected lead and resubmits an edit, with field errors from a 422', async () => {
    const vendor = makeUser({ role: 'vendor' });
    const rejected = makeVendorLead({
      status: 'rejected',
      approval_status: 'rejected',
      rejection_reason: 'invalid_contact',
      rejection_note: 'The phone number belongs to a pizzeria.',
      decided_at: '2026-11-21T10:00:00Z',
    });
    const events = [
      makeLeadEvent({ id: 1, from_status: 'processing', to_status: 'pending_review', actor_id: vendor.id }),
      makeLeadEvent({
        id: 2,
        from_status: 'pending_review',
        to_status: 'rejected',
        reason: 'invalid_contact',
        note: 'The phone number belongs to a pizzeria.',
        actor_id: 7,
        created_at: '2026-11-21T10:00:00Z',
      }),
    ];
    let saved = false;
    const mock = mockApi({
      'GET /api/leads/mine': () => json(200, { data: [rejected], next_cursor: null, has_more: false }),
      [`GET /api/leads/mine/${rejected.id}`]: () =>
        json(200, makeVendorLeadDetail(saved ? { status: 'pending_review', events } : { ...rejected, events })),
      [`PATCH /api/leads/${rejected.id}`]: (request) => {
        const body = request.body as Record<string, string>;
        if (body.email === 'travis@') {
          return problem(422, {
            code: 'lead_rejected',
            detail: 'The lead did not pass validation: The email address is not valid.',
            errors: [{ field: 'email', code: 'invalid_email', message: 'The email address is not valid.' }],
          });
        }
        saved = true;
        return json(200, makeVendorLeadDetail({ status: 'pending_review', email: body.email ?? null, events }));
      },
    });
    const { user } = renderApp('/vendor/leads?status=rejected', { preloadedState: signedInState(vendor) });

    // The status filter comes from the URL, as the notifications link to it.
    const table = await screen.findByRole('table', { name: 'My leads' });
    expect(mock.callsTo('GET', '/api/leads/mine')[0]?.url.searchParams.get('status')).toBe('rejected');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveTextContent('Rejected');
    expect(within(table).getByText('Invalid contact data: The phone number belongs to a pizzeria.')).toBeInTheDocument();

    await user.click(within(table).getByRole('row', { name: `Open lead ${rejected.title}` }));
    const drawer = await screen.findByRole('dialog', { name: 'Lead details' });
    const verdict = within(drawer).getByRole('alert', { name: 'Rejection reason' });
    expect(verdict).toHaveTextContent('Rejected: Invalid contact data');
    expect(verdict).toHaveTextContent('“The phone number belongs to a pizzeria.”');

    const history = await within(drawer).findByRole('list', { name: 'Status history' });
    const items = within(history).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Rejected · from In review');
    expect(items[0]).toHaveTextContent('by a reviewer');
    expect(items[0]).toHaveTextContent('Reason: Invalid contact data');
    expect(items[1]).toHaveTextContent('by you');
    // Creation is not a status change, but the history starts there.
    expect(items[items.length - 1]).toHaveTextContent('Created and validated');

    await user.click(within(drawer).getByRole('button', { name: 'Edit and resubmit' }));
    const form = within(drawer).getByRole('form', { name: 'Edit and resubmit' });
    const email = within(form).getByRole('textbox', { name: 'Email' });
    expect(email).toHaveValue('travis@garciagroup.net');
    await user.clear(email);
    await user.type(email, 'travis@');
    await user.click(within(form).getByRole('button', { name: 'Resubmit for review' }));

    // The 422's field error sits under the field it names; only the changed field was sent.
    expect(await within(form).findByText('The email address is not valid.')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(mock.callsTo('PATCH', `/api/leads/${rejected.id}`)[0]?.body).toEqual({ email: 'travis@' });

    await user.type(email, 'garcia.example');
    await user.type(within(form).getByRole('textbox', { name: 'Phone' }), '+1 416 555 0199');
    // A lead rejected for its consent can be fixed here too.
    await user.type(within(form).getByRole('textbox', { name: 'Consent source' }), 'Webinar sign-up');
    fireEvent.change(within(form).getByLabelText('Consent date'), { target: { value: '2026-10-01' } });
    await user.click(within(form).getByRole('button', { name: 'Resubmit for review' }));

    expect(await within(drawer).findByText('Saved and resubmitted: the lead is back in review.')).toBeInTheDocument();
    expect(mock.callsTo('PATCH', `/api/leads/${rejected.id}`)[1]?.body).toEqual({
      email: 'travis@garcia.example',
      phone: '+1 416 555 0199',
      consent_source: 'Webinar sign-up',
      consent_date: '2026-10-01',
    });
    expect(within(drawer).queryByRole('form', { name: 'Edit and resubmit' })).not.toBeInTheDocument();
    // The list and the lead were refetched after the save.
    await waitFor(() => expect(mock.callsTo('GET', '/api/leads/mine').length).toBeGreaterThan(1));
  });

  it('withdraws an available lead from the marketplace after confirmation', async () => {
    const live = makeVendorLead({ status: 'available', approval_status: 'approved', published_at: '2026-11-21T10:00:00Z' });
    const mock = mockApi({
      'GET /api/leads/mine': () => json(200, { data: [live], next_cursor: null, has_more: false }),
      [`GET /api/leads/mine/${live.id}`]: () => json(200, makeVendorLeadDetail(live)),
      [`POST /api/leads/${live.id}/withdraw`]: () => json(200, makeVendorLeadDetail({ ...live, status: 'withdrawn' })),
    });
    const { user } = renderApp('/vendor/leads', { preloadedState: signedInAs('vendor') });

    await user.click(await screen.findByRole('row', { name: `Open lead ${live.title}` }));
    const drawer = await screen.findByRole('dialog', { name: 'Lead details' });
    expect(within(drawer).queryByRole('button', { name: 'Edit and resubmit' })).not.toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: 'Withdraw from marketplace' }));

    const confirm = await screen.findByRole('dialog', { name: 'Withdraw from the marketplace?' });
    expect(mock.callsTo('POST', `/api/leads/${live.id}/withdraw`)).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'Withdraw' }));

    expect(await within(drawer).findByText('Withdrawn: buyers no longer see this lead.')).toBeInTheDocument();
    expect(mock.callsTo('POST', `/api/leads/${live.id}/withdraw`)).toHaveLength(1);
  });
});
