import { screen, waitFor } from '@testing-library/react';
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
});
