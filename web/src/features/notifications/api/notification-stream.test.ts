import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NotificationEvent } from '@/api/types';
import { makeNotification } from '@/features/notifications/testing/fixtures';
import { backoffMs, openNotificationStream } from '@/features/notifications/api/notification-stream';

function sse(text: string): Response {
  return new Response(text, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('notification stream client', () => {
  it('refreshes the token on 401, waits on 503, and resumes after the last event with a fresh token', async () => {
    vi.useFakeTimers();
    let token = 'expired-token';
    const notification = makeNotification({ id: 42 });
    const requests: Headers[] = [];
    const responses = [
      () => new Response('{}', { status: 401, headers: { 'Content-Type': 'application/problem+json' } }),
      () => sse(`retry: 3000\n\nid: 42\nevent: notification\ndata: ${JSON.stringify({ notification, unread_count: 4 })}\n\n`),
      () => new Response('{}', { status: 503, headers: { 'Retry-After': '10' } }),
      () => sse(': ping\n\n'),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
        requests.push(new Headers(init?.headers));
        const next = responses.shift();
        if (!next) return new Promise<Response>(() => undefined); // stays open
        return next();
      }),
    );
    const events: NotificationEvent[] = [];
    const controller = new AbortController();
    const refreshToken = vi.fn(async () => {
      token = 'fresh-token';
      return true;
    });

    const done = openNotificationStream({
      url: 'http://localhost/api/workflows/notifications/stream',
      signal: controller.signal,
      lastEventId: 7,
      getToken: () => token,
      refreshToken,
      onEvent: (event) => events.push(event),
    });

    await vi.advanceTimersByTimeAsync(0);
    expect(refreshToken).toHaveBeenCalledTimes(1);
    expect(requests[0]?.get('Authorization')).toBe('Bearer expired-token');
    expect(requests[0]?.get('Last-Event-ID')).toBe('7');
    await vi.advanceTimersByTimeAsync(10);
    expect(requests[1]?.get('Authorization')).toBe('Bearer fresh-token');
    expect(events).toEqual([{ notification, unread_count: 4 }]);

    // The server ended the stream: reconnect after a second, resuming after event 42.
    await vi.advanceTimersByTimeAsync(1000);
    expect(requests).toHaveLength(3);
    expect(requests[2]?.get('Last-Event-ID')).toBe('42');
    // 503 with Retry-After: 10 → nothing for ten seconds.
    await vi.advanceTimersByTimeAsync(9000);
    expect(requests).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(requests).toHaveLength(4);

    controller.abort();
    await done;
  });

  it('stops when the session is over', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 401 })),
    );
    const refreshToken = vi.fn(async () => false);
    await openNotificationStream({
      url: 'http://localhost/api/workflows/notifications/stream',
      signal: new AbortController().signal,
      lastEventId: 0,
      getToken: () => 'token',
      refreshToken,
      onEvent: () => undefined,
    });
    expect(refreshToken).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('backs off exponentially up to 30 seconds, with jitter', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, () => 0.5))).toEqual([1000, 2000, 4000, 8000, 30000]);
    expect(backoffMs(1, () => 0)).toBe(800);
    expect(backoffMs(1, () => 1)).toBe(1200);
  });
});
