import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInAs } from '@/testing/fixtures';
import { json, mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import { eventStream, makeNotification, notificationPage } from '@/features/notifications/testing/fixtures';

const LIST = '/api/workflows/notifications';

describe('Notifications page', () => {
  it('lists with unread styling, loads more with the cursor, filters unread and marks one read', async () => {
    const unread = makeNotification({ title: 'Purchase completed', type: 'purchase_completed', link: '/client/purchases' });
    const read = makeNotification({ title: 'Maintenance tonight', type: 'announcement', read_at: '2026-11-01T08:00:00Z' });
    const older = makeNotification({ title: 'Saved search: 12 new leads', type: 'saved_search_match' });
    const mock = mockApi({
      [`GET ${LIST}`]: (request) => {
        const params = request.url.searchParams;
        if (params.get('unread') === 'true') return json(200, notificationPage([unread, older], 2));
        if (params.get('cursor') === 'page-2') return json(200, notificationPage([older], 2));
        return json(200, notificationPage([unread, read], 2, 'page-2'));
      },
      [`GET ${LIST}/stream`]: () => eventStream().response(),
      [`POST ${LIST}/${unread.id}/read`]: () => json(200, { ...unread, read_at: '2026-11-29T12:00:00Z' }),
    });
    const { user } = renderApp('/notifications', { preloadedState: signedInAs('client') });

    expect(await screen.findByRole('heading', { name: 'Notifications' })).toBeInTheDocument();
    const first = await screen.findByRole('button', { name: 'Unread: Purchase completed' });
    expect(first).toHaveAttribute('data-unread', 'true');
    expect(screen.getByRole('button', { name: 'Maintenance tonight' })).toHaveAttribute('data-unread', 'false');
    expect(screen.getByText('2 unread')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('button', { name: 'Unread: Saved search: 12 new leads' })).toBeInTheDocument();
    expect(screen.getByText("That's everything.")).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Mark as read: Purchase completed' }));
    expect(await screen.findByText('1 unread')).toBeInTheDocument();
    expect(mock.callsTo('POST', `${LIST}/${unread.id}/read`)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Unread' }));
    await waitFor(() =>
      expect(mock.callsTo('GET', LIST).some((call) => call.url.searchParams.get('unread') === 'true')).toBe(true),
    );
    expect(await screen.findByRole('button', { name: 'Unread: Saved search: 12 new leads' })).toBeInTheDocument();
  });

  it('shows an empty state', async () => {
    mockApi({
      [`GET ${LIST}`]: () => json(200, notificationPage([])),
      [`GET ${LIST}/stream`]: () => eventStream().response(),
    });
    renderApp('/notifications', { preloadedState: signedInAs('vendor') });
    expect(await screen.findByText('No notifications yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  });
});
