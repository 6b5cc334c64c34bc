import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, signedInAs, signedInState, signedOutState, tokenResponse } from '@/testing/fixtures';
import { deferred, json, mockApi, problem } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

const emptyUserPage = { data: [], next_cursor: null, has_more: false };

describe('route guards', () => {
  it('sends a signed-out visitor to /login?next=… and back after signing in', async () => {
    const admin = makeUser({ role: 'admin' });
    mockApi({
      'POST /api/auth/login': () => json(200, tokenResponse(admin)),
      'GET /api/admin/users': () => json(200, emptyUserPage),
    });
    const { user, router } = renderApp('/admin/users?role=vendor', { preloadedState: signedOutState });

    expect(await screen.findByRole('heading', { name: 'Welcome back' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/admin/users?role=vendor')}`);

    await user.type(screen.getByLabelText('Email'), admin.email);
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Users' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin/users');
  });

  it("shows Access denied with a link home when opening another role's page", async () => {
    mockApi({});
    const { router } = renderApp('/admin/users', { preloadedState: signedInAs('vendor') });

    expect(await screen.findByRole('heading', { name: 'Access denied' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to my dashboard' })).toHaveAttribute('href', '/vendor');
    expect(router.state.location.pathname).toBe('/admin/users');
    expect(screen.queryByRole('heading', { name: 'Users' })).not.toBeInTheDocument();
  });

  it('shows the role-specific navigation', async () => {
    mockApi({});
    renderApp('/client', { preloadedState: signedInAs('client') });

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Dashboard' })).toHaveAttribute('href', '/client');
    expect(within(nav).getByRole('link', { name: 'Marketplace' })).toHaveAttribute('href', '/client/marketplace');
    expect(within(nav).getByRole('link', { name: 'Purchases' })).toHaveAttribute('href', '/client/purchases');
    expect(within(nav).queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
  });

  it('redirects a signed-in user from the landing page to their home', async () => {
    mockApi({});
    const { router } = renderApp('/', { preloadedState: signedInAs('admin') });
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin'));
  });
});

describe('session restore on start-up', () => {
  it('shows a splash, refreshes once from the cookie and restores the session', async () => {
    const vendor = makeUser({ role: 'vendor', name: 'Vera Vendor' });
    const gate = deferred<Response>();
    const mock = mockApi({ 'POST /api/auth/refresh': () => gate.promise });
    const { store } = renderApp('/vendor/leads');

    expect(screen.getByRole('status', { name: 'Loading Lead-Nexus' })).toBeInTheDocument();
    gate.resolve(json(200, tokenResponse(vendor, 'restored')));

    expect(await screen.findByRole('heading', { name: 'My leads' })).toBeInTheDocument();
    expect(mock.callsTo('POST', '/api/auth/refresh')).toHaveLength(1);
    expect(store.getState().auth.accessToken).toBe('restored');
    expect(screen.getByRole('button', { name: 'Account menu' })).toHaveTextContent('Vera Vendor');
  });

  it('treats a failed refresh on start-up as signed out', async () => {
    mockApi({ 'POST /api/auth/refresh': () => problem(401, { code: 'invalid_token', detail: 'No session' }) });
    const { router } = renderApp('/client/purchases');

    expect(await screen.findByRole('heading', { name: 'Welcome back' })).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/client/purchases')}`);
  });

  it('goes to /login?next=<current page> when a refresh after a 401 fails', async () => {
    const client = makeUser({ role: 'client' });
    mockApi({
      'GET /api/auth/me': () => problem(401, { code: 'token_expired', detail: 'Access token expired' }),
      'POST /api/auth/refresh': () => problem(401, { code: 'invalid_token', detail: 'Refresh token revoked' }),
    });
    const { router } = renderApp('/profile', { preloadedState: signedInState(client, 'stale') });

    expect(await screen.findByRole('heading', { name: 'Welcome back' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/profile')}`);
    expect(screen.getByText(/session has expired/i)).toBeInTheDocument();
  });

  it('signing out goes to /login without a next and calls the API', async () => {
    const mock = mockApi({ 'POST /api/auth/logout': () => json(204, null) });
    const { user, router, store } = renderApp('/client', { preloadedState: signedInAs('client') });

    await user.click(await screen.findByRole('button', { name: 'Account menu' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('');
    expect(mock.callsTo('POST', '/api/auth/logout')).toHaveLength(1);
    expect(store.getState().auth.accessToken).toBeNull();
  });
});
