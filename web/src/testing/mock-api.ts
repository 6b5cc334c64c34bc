import { vi } from 'vitest';

export interface MockRequest {
  method: string;
  path: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type Handler = (request: MockRequest) => Response | Promise<Response>;

/**
 * Replaces the global fetch with a router keyed by "METHOD /path". Requests nobody
 * expected are recorded in `unhandled` and answered with a network error, so a test
 * that forgets a route fails instead of hanging.
 */
export function mockApi(routes: Record<string, Handler>) {
  const calls: MockRequest[] = [];
  const unhandled: string[] = [];

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = await request.clone().text();
    const mockRequest: MockRequest = {
      method: request.method,
      path: url.pathname,
      url,
      headers: request.headers,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    calls.push(mockRequest);
    const handler = routes[`${request.method} ${url.pathname}`];
    if (!handler) {
      unhandled.push(`${request.method} ${url.pathname}${url.search}`);
      throw new TypeError(`No mock for ${request.method} ${url.pathname}`);
    }
    return handler(mockRequest);
  });
  vi.stubGlobal('fetch', fetchMock);

  return {
    fetchMock,
    calls,
    unhandled,
    callsTo(method: string, path: string) {
      return calls.filter((call) => call.method === method && call.path === path);
    },
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problem(
  status: number,
  fields: { code: string; detail: string; title?: string; errors?: { field: string; code: string; message: string }[] },
  headers: Record<string, string> = {},
): Response {
  const body = { type: 'about:blank', title: fields.title ?? 'Error', status, ...fields };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

/** A response that only resolves when the test says so, to observe pending states. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
