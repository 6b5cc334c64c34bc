import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, signedOutState, tokenResponse } from '@/testing/fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

describe('RegisterPage', () => {
  it('sends the chosen role and signs the new vendor in', async () => {
    const vendor = makeUser({ role: 'vendor', name: 'Vera Vendor', company: null });
    const api = mockApi({ 'POST /api/auth/register': () => json(201, tokenResponse(vendor)) });
    const { user, router, store } = renderApp('/register', { preloadedState: signedOutState });

    await user.click(screen.getByRole('button', { name: /I sell leads/ }));
    await user.type(screen.getByLabelText('Full name'), 'Vera Vendor');
    await user.type(screen.getByLabelText('Work email'), 'vera@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long enough passphrase');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/vendor'));
    expect(api.callsTo('POST', '/api/auth/register')[0]?.body).toEqual({
      role: 'vendor',
      name: 'Vera Vendor',
      email: 'vera@example.com',
      password: 'a long enough passphrase',
    });
    expect(store.getState().auth.user?.role).toBe('vendor');
  });

  it('defaults to the client role and sends the optional company', async () => {
    const client = makeUser({ role: 'client' });
    const api = mockApi({ 'POST /api/auth/register': () => json(201, tokenResponse(client)) });
    const { user } = renderApp('/register', { preloadedState: signedOutState });

    expect(screen.getByRole('button', { name: /I want to buy leads/ })).toHaveAttribute('aria-pressed', 'true');
    await user.type(screen.getByLabelText('Full name'), 'Cleo');
    await user.type(screen.getByLabelText('Company (optional)'), 'Acme');
    await user.type(screen.getByLabelText('Work email'), 'cleo@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long enough passphrase');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(api.callsTo('POST', '/api/auth/register')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/auth/register')[0]?.body).toMatchObject({ role: 'client', company: 'Acme' });
  });

  it('shows the password rules as helper text and the server password error in its place', async () => {
    mockApi({
      'POST /api/auth/register': () =>
        problem(422, {
          code: 'validation_failed',
          detail: 'The request is invalid.',
          errors: [{ field: 'password', code: 'password_too_common', message: 'This password is too common' }],
        }),
    });
    const { user } = renderApp('/register', { preloadedState: signedOutState });
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAccessibleDescription(/10–128 characters/);

    await user.type(screen.getByLabelText('Full name'), 'Cleo');
    await user.type(screen.getByLabelText('Work email'), 'cleo@example.com');
    await user.type(password, 'password1234');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(password).toHaveAccessibleDescription('This password is too common'));
  });

  it('does not send a password shorter than 10 characters', async () => {
    const api = mockApi({});
    const { user } = renderApp('/register', { preloadedState: signedOutState });

    await user.type(screen.getByLabelText('Full name'), 'Cleo');
    await user.type(screen.getByLabelText('Work email'), 'cleo@example.com');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Use at least 10 characters');
    expect(api.calls).toHaveLength(0);
  });
});
