import { fetchEventSource } from '@microsoft/fetch-event-source';
import type { NotificationEvent } from '@/api/types';

/** Stop for good (signed out, or a request the server will never accept). */
class FatalStreamError extends Error {}

/** Reconnect after `delayMs`, or after the backoff when undefined. */
class RetriableStreamError extends Error {
  constructor(
    message: string,
    readonly delayMs?: number,
  ) {
    super(message);
  }
}

const MAX_BACKOFF_MS = 30_000;
/** After the server ends a stream (its lifetime is bounded): reconnect soon, with a fresh token. */
const RECONNECT_AFTER_CLOSE_MS = 1_000;

/** 1 s, 2 s, 4 s … 30 s, with ±20 % jitter so many tabs don't reconnect in step. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

export interface NotificationStreamOptions {
  url: string;
  signal: AbortSignal;
  /** Resume after this event id (the newest notification already shown). */
  lastEventId: number;
  /** Read at every (re)connect, so a refreshed token is used. */
  getToken: () => string | null;
  /** Called on a 401; resolves false when the session is over. */
  refreshToken: () => Promise<boolean>;
  onEvent: (event: NotificationEvent) => void;
}

/**
 * Keeps the live notification stream open until `signal` aborts: reconnects with
 * Last-Event-ID after the server ends a stream or a network error, backs off on errors, and
 * pauses while the tab is hidden (each open stream holds a server thread).
 */
export function openNotificationStream(options: NotificationStreamOptions): Promise<void> {
  const { url, signal, lastEventId, getToken, refreshToken, onEvent } = options;
  let failures = 0;
  let refreshes = 0;

  return fetchEventSource(url, {
    signal,
    headers: { 'last-event-id': String(lastEventId) },
    fetch: (input, init) => {
      const token = getToken();
      if (!token) return Promise.reject(new FatalStreamError('signed out'));
      const headers = new Headers(init?.headers);
      headers.set('Authorization', `Bearer ${token}`);
      return globalThis.fetch(input, { ...init, headers, credentials: 'same-origin' });
    },
    async onopen(response) {
      const type = response.headers.get('Content-Type') ?? '';
      if (response.ok && type.startsWith('text/event-stream')) {
        failures = 0;
        refreshes = 0;
        return;
      }
      if (response.status === 401) {
        // One refresh per failed open: a token refused right after refreshing ends the stream.
        refreshes += 1;
        if (refreshes === 1 && (await refreshToken())) throw new RetriableStreamError('token refreshed', 0);
        throw new FatalStreamError('session ended');
      }
      if (response.status === 503 || response.status === 429) {
        throw new RetriableStreamError('server busy', retryAfterMs(response));
      }
      if (response.status >= 400 && response.status < 500) {
        throw new FatalStreamError(`stream refused with ${response.status}`);
      }
      throw new RetriableStreamError(`stream failed with ${response.status}`);
    },
    onmessage(message) {
      if (message.event !== 'notification' || !message.data) return;
      try {
        onEvent(JSON.parse(message.data) as NotificationEvent);
      } catch {
        // A malformed event is skipped; the next one carries the current unread count.
      }
    },
    onclose() {
      throw new RetriableStreamError('stream ended', RECONNECT_AFTER_CLOSE_MS);
    },
    onerror(error: unknown) {
      if (error instanceof FatalStreamError) throw error;
      if (error instanceof RetriableStreamError && error.delayMs !== undefined) return error.delayMs;
      failures += 1;
      return backoffMs(failures);
    },
  }).catch(() => undefined);
}
