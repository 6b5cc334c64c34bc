import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, signedInState, tokenResponse } from '@/testing/fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

describe('Profile page', () => {
  it('shows account details and saves name and company', async () => {
    const me = makeUser({ name: 'Cleo Client', company: null, email: 'cleo@example.com' });
    const mock = mockApi({
      'GET /api/auth/me': () => json(200, me),
      'PATCH /api/auth/me': (request) => json(200, { ...me, ...(request.body as object) }),
    });
    const { user, store } = renderApp('/profile', { preloadedState: signedInState(me) });

    const name = await screen.findByLabelText('Full name');
    expect(screen.getByText('cleo@example.com')).toBeInTheDocument();
    expect(screen.getByText('Member since')).toBeInTheDocument();
    await user.clear(name);
    await user.type(name, 'Cleo Buyer');
    await user.type(screen.getByLabelText('Company (optional)'), 'Acme');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Profile saved')).toBeInTheDocument();
    expect(mock.callsTo('PATCH', '/api/auth/me')[0]?.body).toEqual({ name: 'Cleo Buyer', company: 'Acme' });
    expect(store.getState().auth.user?.name).toBe('Cleo Buyer');
  });

  it('changes the password, stores the new access token and shows a wrong current password', async () => {
    const me = makeUser();
    let attempts = 0;
    const mock = mockApi({
      'GET /api/auth/me': () => json(200, me),
      'POST /api/auth/password': () => {
        attempts += 1;
        return attempts === 1
          ? problem(422, {
              code: 'validation_failed',
              detail: 'Invalid input',
              errors: [{ field: 'current_password', code: 'invalid', message: 'Current password is incorrect' }],
            })
          : json(200, tokenResponse(me, 'after-password-change'));
      },
    });
    const { user, store } = renderApp('/profile', { preloadedState: signedInState(me) });

    await user.type(await screen.findByLabelText('Current password'), 'old password!');
    await user.type(screen.getByLabelText('New password'), 'brand new passphrase');
    await user.type(screen.getByLabelText('Confirm new password'), 'brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    const current = screen.getByLabelText('Current password');
    await waitFor(() => expect(current).toHaveAccessibleDescription('Current password is incorrect'));

    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText(/Password changed/)).toBeInTheDocument();
    expect(mock.callsTo('POST', '/api/auth/password')[1]?.body).toEqual({
      current_password: 'old password!',
      new_password: 'brand new passphrase',
    });
    expect(store.getState().auth.accessToken).toBe('after-password-change');
  });

  it('shows one switch per notification type with human labels and saves a change at once', async () => {
    const me = makeUser({ role: 'vendor' });
    const email = {
      upload_finished: true,
      lead_approved: false,
      lead_rejected: true,
      lead_sold: true,
      purchase_completed: true,
      saved_search_match: true,
      announcement: true,
    };
    const mock = mockApi({
      'GET /api/auth/me': () => json(200, me),
      'GET /api/workflows/notifications/preferences': () => json(200, { email }),
      'PUT /api/workflows/notifications/preferences': (request) => {
        const changes = (request.body as { email: Record<string, boolean> }).email;
        return json(200, { email: { ...email, ...changes } });
      },
    });
    const { user } = renderApp('/profile', { preloadedState: signedInState(me) });

    const form = await screen.findByRole('form', { name: 'Email notifications' });
    const switches = await within(form).findAllByRole('switch');
    expect(switches.map((s) => s.closest('label')?.querySelector('p')?.textContent)).toEqual([
      'Upload finished',
      'Lead approved',
      'Lead rejected',
      'Lead sold',
      'Purchase completed',
      'Saved search match',
      'Announcements',
    ]);
    const approved = within(form).getByRole('switch', { name: /Lead approved/ });
    expect(approved).not.toBeChecked();
    expect(within(form).getByRole('switch', { name: /Lead sold/ })).toBeChecked();

    await user.click(approved);
    expect(await screen.findByText('Email preferences saved')).toBeInTheDocument();
    expect(mock.callsTo('PUT', '/api/workflows/notifications/preferences')[0]?.body).toEqual({
      email: { lead_approved: true },
    });
    expect(within(form).getByRole('switch', { name: /Lead approved/ })).toBeChecked();
  });

  it('puts a switch back and explains when saving a preference fails', async () => {
    const me = makeUser();
    const email = {
      upload_finished: true,
      lead_approved: false,
      lead_rejected: true,
      lead_sold: true,
      purchase_completed: true,
      saved_search_match: true,
      announcement: true,
    };
    mockApi({
      'GET /api/auth/me': () => json(200, me),
      'GET /api/workflows/notifications/preferences': () => json(200, { email }),
      'PUT /api/workflows/notifications/preferences': () =>
        problem(503, { code: 'service_unavailable', detail: 'The database is busy; try again.' }),
    });
    const { user } = renderApp('/profile', { preloadedState: signedInState(me) });

    const announcements = await screen.findByRole('switch', { name: /Announcements/ });
    await user.click(announcements);
    expect(await screen.findByText('The database is busy; try again.')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: /Announcements/ })).toBeChecked();
  });
});
