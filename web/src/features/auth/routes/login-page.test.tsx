import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, signedOutState, tokenResponse } from '@/testing/fixtures';
import { deferred, json, mockApi, problem } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

async function fillAndSubmit(user: ReturnType<typeof renderApp>['user'], email: string, password: string) {
  await user.type(screen.getByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginPage', () => {
  it('signs in, keeps the access token in memory only and lands on the role home', async () => {
    const client = makeUser({ role: 'client', name: 'Cleo Client' });
    const api = mockApi({
      'POST /api/auth/login': () => json(200, tokenResponse(client, 'fresh-access')),
    });
    const { user, store, router } = renderApp('/login', { preloadedState: signedOutState });

    await fillAndSubmit(user, 'cleo@example.com', 'correct horse battery');

    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/client');
    expect(api.callsTo('POST', '/api/auth/login')[0]?.body).toEqual({
      email: 'cleo@example.com',
      password: 'correct horse battery',
    });
    expect(store.getState().auth.accessToken).toBe('fresh-access');
    expect(JSON.stringify(store.getState())).not.toContain('refresh-token-in-body');
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
    // The title follows in an effect, after the heading: on a loaded machine, a moment later.
    await waitFor(() => expect(document.title).toBe('Dashboard · Lead-Nexus'));
  });

  it('shows field errors from a 422 problem+json under the matching field', async () => {
    mockApi({
      'POST /api/auth/login': () =>
        problem(422, {
          code: 'validation_failed',
          detail: 'The request is invalid.',
          errors: [{ field: 'email', code: 'invalid_email', message: 'Enter a valid email address' }],
        }),
    });
    const { user } = renderApp('/login', { preloadedState: signedOutState });

    await fillAndSubmit(user, 'not-an-email', 'whatever-password');

    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email).toHaveAccessibleDescription('Enter a valid email address'));
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the server message for invalid credentials and stays signed out', async () => {
    mockApi({
      'POST /api/auth/login': () =>
        problem(401, { code: 'invalid_credentials', detail: 'Email or password is incorrect.' }),
    });
    const { user, store, router } = renderApp('/login', { preloadedState: signedOutState });

    await fillAndSubmit(user, 'cleo@example.com', 'wrong password!');

    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is incorrect.');
    expect(store.getState().auth.status).toBe('anonymous');
    expect(router.state.location.pathname).toBe('/login');
  });

  it('explains rate limiting using Retry-After', async () => {
    mockApi({
      'POST /api/auth/login': () =>
        problem(429, { code: 'rate_limited', detail: 'Too many requests' }, { 'Retry-After': '42' }),
    });
    const { user } = renderApp('/login', { preloadedState: signedOutState });

    await fillAndSubmit(user, 'cleo@example.com', 'some password');

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts, try again in 42 seconds');
  });

  it('disables the submit button while the request is pending', async () => {
    const pending = deferred<Response>();
    mockApi({ 'POST /api/auth/login': () => pending.promise });
    const { user } = renderApp('/login', { preloadedState: signedOutState });

    await fillAndSubmit(user, 'cleo@example.com', 'some password');

    expect(await screen.findByRole('button', { name: 'Signing in…' })).toBeDisabled();
    pending.resolve(problem(401, { code: 'invalid_credentials', detail: 'Email or password is incorrect.' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('returns to the page in ?next= after signing in', async () => {
    const vendor = makeUser({ role: 'vendor' });
    mockApi({ 'POST /api/auth/login': () => json(200, tokenResponse(vendor)) });
    const { user, router } = renderApp('/login?next=%2Fvendor%2Fuploads', { preloadedState: signedOutState });

    await fillAndSubmit(user, vendor.email, 'correct horse battery');

    expect(await screen.findByRole('heading', { name: 'Uploads' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/vendor/uploads');
  });

  it('ignores an off-site ?next= and goes to the role home', async () => {
    const vendor = makeUser({ role: 'vendor' });
    mockApi({ 'POST /api/auth/login': () => json(200, tokenResponse(vendor)) });
    const { user, router } = renderApp('/login?next=%2F%2Fevil.example%2F', { preloadedState: signedOutState });

    await fillAndSubmit(user, vendor.email, 'correct horse battery');

    await waitFor(() => expect(router.state.location.pathname).toBe('/vendor'));
  });
});
