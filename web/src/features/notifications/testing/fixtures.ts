import type { AppNotification, NotificationEvent, NotificationPage } from '@/api/types';

let nextId = 10;

export function makeNotification(overrides: Partial<AppNotification> = {}): AppNotification {
  nextId += 1;
  return {
    id: nextId,
    type: 'upload_finished',
    title: `Your upload #${nextId} finished`,
    body: '120 leads accepted, 3 rejected.',
    link: `/vendor/uploads/${nextId}`,
    data: {},
    read_at: null,
    created_at: new Date(Date.now() - 5 * 60_000).toISOString(),
    ...overrides,
  };
}

export function notificationPage(
  data: AppNotification[],
  unreadCount = data.filter((n) => n.read_at === null).length,
  nextCursor: string | null = null,
): NotificationPage {
  return { data, next_cursor: nextCursor, has_more: nextCursor !== null, unread_count: unreadCount };
}

/** A text/event-stream response that stays open; the test pushes events into it. */
export function eventStream() {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  return {
    response: () => new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    send(event: NotificationEvent) {
      const text = `id: ${event.notification.id}\nevent: notification\ndata: ${JSON.stringify(event)}\n\n`;
      controller?.enqueue(encoder.encode(text));
    },
  };
}
