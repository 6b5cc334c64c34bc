import { describe, expect, it } from 'vitest';
import { makeStore } from '@/app/store';
import { api } from '@/lib/api-client';
import { makeUser, signedInState, tokenResponse } from '@/testing/fixtures';
import { deferred, json, mockApi, problem, type MockRequest } from '@/testing/mock-api';

// A test-only endpoint, so these tests exercise the real base query and nothing else.
const testApi = api.injectEndpoints({
  endpoints: (build) => ({
    thing: build.query<{ id: string; seenToken: string | null }, string>({ query: (id) => `/things/${id}` }),
  }),
});

const user = makeUser({ role: 'client' });
const expired = () => problem(401, { code: 'token_expired', detail: 'Access token expired' });

/** /api/things/:id answers 200 only for the given token, otherwise 401 token_expired. */
function thingsAcceptOnly(token: string) {
  return (request: MockRequest) => {
    const auth = request.headers.get('Authorization');
    if (auth !== `Bearer ${token}`) return expired();
    return json(200, { id: request.path.split('/').pop(), seenToken: auth });
  };
}

describe('base query: refresh on 401', () => {
  it('refreshes once for concurrent 401s and retries every request with the new token', async () => {
    const refreshGate = deferred<Response>();
    const mock = mockApi({
      'GET /api/things/a': thingsAcceptOnly('new-token'),
      'GET /api/things/b': thingsAcceptOnly('new-token'),
      'GET /api/things/c': thingsAcceptOnly('new-token'),
      'POST /api/auth/refresh': () => refreshGate.promise,
    });
    const store = makeStore(signedInState(user, 'old-token'));

    const requests = ['a', 'b', 'c'].map((id) => store.dispatch(testApi.endpoints.thing.initiate(id)));
    // Let all three fail and queue up behind the single refresh before it answers.
    await new Promise((resolve) => setTimeout(resolve, 20));
    refreshGate.resolve(json(200, tokenResponse(user, 'new-token')));
    const results = await Promise.all(requests);

    expect(mock.callsTo('POST', '/api/auth/refresh')).toHaveLength(1);
    expect(results.map((r) => r.data?.seenToken)).toEqual(['Bearer new-token', 'Bearer new-token', 'Bearer new-token']);
    expect(mock.callsTo('GET', '/api/things/a')).toHaveLength(2);
    expect(store.getState().auth.accessToken).toBe('new-token');
    expect(mock.callsTo('POST', '/api/auth/refresh')[0]?.body).toEqual({});
  });

  it('does not refresh again for a late 401 that was sent before the refresh finished', async () => {
    const slowGate = deferred<Response>();
    let slowCalls = 0;
    const mock = mockApi({
      'GET /api/things/fast': thingsAcceptOnly('new-token'),
      'GET /api/things/slow': (request) => {
        slowCalls += 1;
        return slowCalls === 1 ? slowGate.promise : thingsAcceptOnly('new-token')(request);
      },
      'POST /api/auth/refresh': () => json(200, tokenResponse(user, 'new-token')),
    });
    const store = makeStore(signedInState(user, 'old-token'));

    const slow = store.dispatch(testApi.endpoints.thing.initiate('slow'));
    await store.dispatch(testApi.endpoints.thing.initiate('fast'));
    expect(store.getState().auth.accessToken).toBe('new-token');
    slowGate.resolve(expired());
    const result = await slow;

    expect(result.data?.seenToken).toBe('Bearer new-token');
    expect(mock.callsTo('POST', '/api/auth/refresh')).toHaveLength(1);
  });

  it('retries only once: a second 401 after refreshing is returned as an error', async () => {
    const mock = mockApi({
      'GET /api/things/a': () => expired(),
      'POST /api/auth/refresh': () => json(200, tokenResponse(user, 'new-token')),
    });
    const store = makeStore(signedInState(user, 'old-token'));

    const result = await store.dispatch(testApi.endpoints.thing.initiate('a'));

    expect(result.error).toMatchObject({ status: 401 });
    expect(mock.callsTo('POST', '/api/auth/refresh')).toHaveLength(1);
    expect(mock.callsTo('GET', '/api/things/a')).toHaveLength(2);
  });

  it('logs out when the refresh fails', async () => {
    const mock = mockApi({
      'GET /api/things/a': () => expired(),
      'POST /api/auth/refresh': () => problem(401, { code: 'invalid_token', detail: 'Refresh token revoked' }),
    });
    const store = makeStore(signedInState(user, 'old-token'));

    const result = await store.dispatch(testApi.endpoints.thing.initiate('a'));

    // The cache is wiped on logout, which aborts the request that found the session dead.
    expect(result.isError).toBe(true);
    expect(result.data).toBeUndefined();
    expect(mock.callsTo('GET', '/api/things/a')).toHaveLength(1);
    expect(mock.callsTo('POST', '/api/auth/refresh')).toHaveLength(1);
    expect(store.getState().auth).toEqual({
      status: 'anonymous',
      accessToken: null,
      user: null,
      signOutReason: 'session_expired',
    });
  });

  it('does not refresh for other 401s such as wrong credentials', async () => {
    const mock = mockApi({
      'GET /api/things/a': () => problem(401, { code: 'invalid_credentials', detail: 'Nope' }),
    });
    const store = makeStore(signedInState(user, 'old-token'));

    await store.dispatch(testApi.endpoints.thing.initiate('a'));

    expect(mock.callsTo('POST', '/api/auth/refresh')).toHaveLength(0);
    expect(store.getState().auth.accessToken).toBe('old-token');
  });

  it('sends the bearer token and never a refresh token', async () => {
    const mock = mockApi({ 'GET /api/things/a': thingsAcceptOnly('tok') });
    const store = makeStore(signedInState(user, 'tok'));

    await store.dispatch(testApi.endpoints.thing.initiate('a'));

    const call = mock.callsTo('GET', '/api/things/a')[0];
    expect(call?.headers.get('Authorization')).toBe('Bearer tok');
  });
});
