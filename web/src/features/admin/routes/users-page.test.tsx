import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { User } from '@/api/types';
import { makeUser, signedInState } from '@/testing/fixtures';
import { json, mockApi, problem, type MockRequest } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

const admin = makeUser({ role: 'admin', email: 'root@example.com', name: 'Ada Admin' });

function usersRoute(pages: Record<string, { data: User[]; next_cursor: string | null; has_more: boolean }>) {
  return (request: MockRequest) => json(200, pages[request.url.searchParams.get('cursor') ?? 'first']);
}

describe('Admin users page', () => {
  it('lists users, loads more with the cursor and filters by search', async () => {
    const alice = makeUser({ email: 'alice@example.com', name: 'Alice' });
    const bob = makeUser({ email: 'bob@example.com', name: 'Bob', role: 'vendor' });
    const mock = mockApi({
      'GET /api/admin/users': usersRoute({
        first: { data: [admin, alice], next_cursor: 'c2', has_more: true },
        c2: { data: [bob], next_cursor: null, has_more: false },
      }),
    });
    const { user } = renderApp('/admin/users', { preloadedState: signedInState(admin) });

    const table = await screen.findByRole('table', { name: 'Users' });
    expect(await within(table).findByText('alice@example.com')).toBeInTheDocument();
    expect(mock.callsTo('GET', '/api/admin/users')[0]?.url.searchParams.get('limit')).toBe('25');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByText('bob@example.com')).toBeInTheDocument();
    expect(within(table).getByText('alice@example.com')).toBeInTheDocument();
    expect(mock.callsTo('GET', '/api/admin/users')[1]?.url.searchParams.get('cursor')).toBe('c2');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Search users'), 'ali');
    await waitFor(() =>
      expect(mock.calls.some((call) => call.url.searchParams.get('q') === 'ali')).toBe(true),
    );
    // Debounced: no request per keystroke.
    expect(mock.calls.filter((call) => call.url.searchParams.get('q') === 'a')).toHaveLength(0);
  });

  it('asks for confirmation before deactivating and sends is_active=false', async () => {
    const alice = makeUser({ email: 'alice@example.com', name: 'Alice' });
    const mock = mockApi({
      'GET /api/admin/users': usersRoute({ first: { data: [admin, alice], next_cursor: null, has_more: false } }),
      [`PATCH /api/admin/users/${alice.id}`]: () => json(200, { ...alice, is_active: false }),
      'GET /api/admin/audit': () => json(200, { data: [], next_cursor: null, has_more: false }),
    });
    const { user } = renderApp('/admin/users', { preloadedState: signedInState(admin) });

    await user.click(await screen.findByRole('switch', { name: 'Active: alice@example.com' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate this account?' });
    expect(mock.callsTo('PATCH', `/api/admin/users/${alice.id}`)).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    await waitFor(() => expect(mock.callsTo('PATCH', `/api/admin/users/${alice.id}`)).toHaveLength(1));
    expect(mock.callsTo('PATCH', `/api/admin/users/${alice.id}`)[0]?.body).toEqual({ is_active: false });
    expect(await screen.findByText('alice@example.com was deactivated.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // The admin's own row cannot be changed from the UI.
    expect(screen.getByRole('switch', { name: 'Active: root@example.com' })).toBeDisabled();
  });

  it('shows a server error for a role change in a snackbar', async () => {
    const alice = makeUser({ email: 'alice@example.com', name: 'Alice' });
    mockApi({
      'GET /api/admin/users': usersRoute({ first: { data: [alice], next_cursor: null, has_more: false } }),
      [`PATCH /api/admin/users/${alice.id}`]: () =>
        problem(409, { code: 'cannot_modify_self', detail: 'You cannot change your own role or status.' }),
    });
    const { user } = renderApp('/admin/users', { preloadedState: signedInState(admin) });

    await user.click(await screen.findByRole('combobox', { name: 'Role for alice@example.com' }));
    await user.click(await screen.findByRole('option', { name: 'Vendor' }));

    expect(await screen.findByText('You cannot change your own role or status.')).toBeInTheDocument();
  });

  it('marks a vendor as trusted with the switch, only offered for vendors', async () => {
    const vendor = makeUser({ email: 'vera@example.com', role: 'vendor' });
    const client = makeUser({ email: 'carl@example.com', role: 'client' });
    const mock = mockApi({
      'GET /api/admin/users': usersRoute({ first: { data: [vendor, client], next_cursor: null, has_more: false } }),
      [`PATCH /api/admin/users/${vendor.id}`]: () => json(200, { ...vendor, is_trusted_vendor: true }),
      'GET /api/admin/audit': () => json(200, { data: [], next_cursor: null, has_more: false }),
    });
    const { user } = renderApp('/admin/users', { preloadedState: signedInState(admin) });

    await user.click(await screen.findByRole('switch', { name: 'Trusted vendor: vera@example.com' }));

    expect(await screen.findByText('vera@example.com is now a trusted vendor.')).toBeInTheDocument();
    expect(mock.callsTo('PATCH', `/api/admin/users/${vendor.id}`)[0]?.body).toEqual({ is_trusted_vendor: true });
    expect(screen.queryByRole('switch', { name: 'Trusted vendor: carl@example.com' })).not.toBeInTheDocument();
  });
});
