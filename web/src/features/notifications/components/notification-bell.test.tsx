import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInAs } from '@/testing/fixtures';
import { json, mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import { eventStream, makeNotification, notificationPage } from '@/features/notifications/testing/fixtures';

const LIST = '/api/workflows/notifications';
const STREAM = '/api/workflows/notifications/stream';

describe('Notification bell', () => {
  it('shows the unread count and updates it from the live stream without refetching', async () => {
    const older = makeNotification({ title: 'Welcome to Lead-Nexus', read_at: '2026-01-15T10:00:00Z' });
    const newest = makeNotification({ title: 'Your upload leads.csv finished' });
    const stream = eventStream();
    const mock = mockApi({
      [`GET ${LIST}`]: () => json(200, notificationPage([newest, older])),
      [`GET ${STREAM}`]: () => stream.response(),
    });
    const { user } = renderApp('/vendor', { preloadedState: signedInAs('vendor', 'token-for-stream') });

    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
    // The stream resumes after the newest notification shown, with the current access token.
    await waitFor(() => expect(mock.callsTo('GET', STREAM)).toHaveLength(1));
    const opened = mock.callsTo('GET', STREAM)[0];
    expect(opened?.headers.get('Authorization')).toBe('Bearer token-for-stream');
    expect(opened?.headers.get('Last-Event-ID')).toBe(String(newest.id));

    const sold = makeNotification({ type: 'lead_sold', title: 'Your lead Acme CTO sold', link: '/vendor/leads' });
    stream.send({ notification: sold, unread_count: 2 });
    expect(await screen.findByRole('button', { name: 'Notifications, 2 unread' })).toBeInTheDocument();
    expect(screen.getByTestId('notification-badge')).toHaveTextContent('2');

    await user.click(screen.getByRole('button', { name: 'Notifications, 2 unread' }));
    const panel = await screen.findByRole('dialog', { name: 'Latest notifications' });
    const items = within(panel).getAllByRole('button', { name: /Unread:|Welcome/ });
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual([
      'Unread: Your lead Acme CTO sold',
      'Unread: Your upload leads.csv finished',
      'Welcome to Lead-Nexus',
    ]);
    expect(mock.callsTo('GET', LIST)).toHaveLength(1);
  });

  it('marks everything read from the dropdown', async () => {
    const mock = mockApi({
      [`GET ${LIST}`]: () => json(200, notificationPage([makeNotification(), makeNotification(), makeNotification()])),
      [`GET ${STREAM}`]: () => eventStream().response(),
      [`POST ${LIST}/read-all`]: () => json(200, { unread_count: 0 }),
    });
    const { user } = renderApp('/client', { preloadedState: signedInAs('client') });

    await user.click(await screen.findByRole('button', { name: 'Notifications, 3 unread' }));
    const panel = await screen.findByRole('dialog', { name: 'Latest notifications' });
    await user.click(within(panel).getByRole('button', { name: 'Mark all read' }));

    // The open dropdown hides the rest of the page from assistive technology.
    expect(await screen.findByRole('button', { name: 'Notifications', hidden: true })).toBeInTheDocument();
    expect(mock.callsTo('POST', `${LIST}/read-all`)).toHaveLength(1);
    expect(within(panel).queryByRole('button', { name: /^Unread:/ })).not.toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  });

  it('opens a notification: marks it read and follows its link', async () => {
    const notification = makeNotification({ title: 'Lead rejected', type: 'lead_rejected', link: '/vendor/leads' });
    const mock = mockApi({
      [`GET ${LIST}`]: () => json(200, notificationPage([notification])),
      [`GET ${STREAM}`]: () => eventStream().response(),
      [`POST ${LIST}/${notification.id}/read`]: () =>
        json(200, { ...notification, read_at: '2026-11-29T12:00:00Z' }),
      'GET /api/leads/mine': () => json(200, { data: [], next_cursor: null, has_more: false }),
    });
    const { user, router } = renderApp('/vendor', { preloadedState: signedInAs('vendor') });

    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    await user.click(await screen.findByRole('button', { name: 'Unread: Lead rejected' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/vendor/leads'));
    expect(mock.callsTo('POST', `${LIST}/${notification.id}/read`)).toHaveLength(1);
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
  });
});
