import type { UnknownAction } from '@reduxjs/toolkit';
import {
  createApi,
  fetchBaseQuery,
  type BaseQueryFn,
  type FetchArgs,
  type FetchBaseQueryError,
  type FetchBaseQueryMeta,
} from '@reduxjs/toolkit/query/react';
import type { TokenResponse } from '@/api/types';
import { credentialsReceived, loggedOut, type AuthState } from '@/lib/auth/auth-slice';
import type { ApiProblem } from '@/lib/problem';

/**
 * Absolute same-origin URL: fetchBaseQuery builds a `Request`, which needs an absolute
 * URL outside the browser (tests); in the browser it is the same as '/api'.
 */
export function apiBaseUrl(): string {
  const origin = typeof window !== 'undefined' ? window.location.origin : '';
  return `${origin}/api`;
}

const REFRESHABLE_CODES = new Set(['token_expired', 'invalid_token']);

function accessTokenOf(state: unknown): string | null {
  return (state as { auth: AuthState }).auth.accessToken;
}

const rawBaseQuery = fetchBaseQuery({
  baseUrl: apiBaseUrl(),
  credentials: 'same-origin',
  prepareHeaders(headers, { getState }) {
    const token = accessTokenOf(getState());
    if (token && !headers.has('Authorization')) {
      headers.set('Authorization', `Bearer ${token}`);
    }
    headers.set('Accept', 'application/json, application/problem+json');
    return headers;
  },
});

type Dispatch = (action: UnknownAction) => unknown;

let refreshInFlight: Promise<boolean> | null = null;

async function requestRefresh(dispatch: Dispatch, hadSession: boolean): Promise<boolean> {
  try {
    const response = await fetch(`${apiBaseUrl()}/auth/refresh`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{}',
    });
    if (response.ok) {
      dispatch(credentialsReceived((await response.json()) as TokenResponse));
      return true;
    }
  } catch {
    // Network failure: fall through and treat the session as gone.
  }
  dispatch(loggedOut(hadSession ? 'session_expired' : undefined));
  dispatch(api.util.resetApiState());
  return false;
}

/**
 * Exchanges the httpOnly refresh cookie for a new access token. Single flight: the
 * server rotates refresh tokens, so two parallel refreshes would race each other and
 * the loser would look like token reuse. Every concurrent caller shares one request.
 */
export function refreshSession(dispatch: Dispatch, hadSession = true): Promise<boolean> {
  refreshInFlight ??= requestRefresh(dispatch, hadSession).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

function needsRefresh(error: FetchBaseQueryError | undefined): boolean {
  if (!error || error.status !== 401) return false;
  const code = (error.data as ApiProblem | null | undefined)?.code;
  return typeof code === 'string' && REFRESHABLE_CODES.has(code);
}

function parseRetryAfter(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

type Result = Awaited<ReturnType<typeof rawBaseQuery>>;

function withRetryAfter(result: Result): Result {
  const { error } = result;
  if (!error || error.status !== 429) return result;
  const data = typeof error.data === 'object' && error.data !== null ? error.data : {};
  const retryAfter = parseRetryAfter(result.meta?.response?.headers.get('Retry-After'));
  return { ...result, error: { status: 429, data: { ...data, retry_after: retryAfter } } };
}

export const baseQueryWithReauth: BaseQueryFn<
  string | FetchArgs,
  unknown,
  FetchBaseQueryError,
  object,
  FetchBaseQueryMeta
> = async (args, api, extraOptions) => {
  const tokenUsed = accessTokenOf(api.getState());
  let result = await rawBaseQuery(args, api, extraOptions);

  if (needsRefresh(result.error)) {
    // If another request already refreshed while this one was in flight, just retry.
    const current = accessTokenOf(api.getState());
    const refreshed =
      current !== null && current !== tokenUsed ? true : await refreshSession(api.dispatch);
    if (refreshed) {
      result = await rawBaseQuery(args, api, extraOptions);
    }
  }
  return withRetryAfter(result);
};

/** The one API definition; features add endpoints with `api.injectEndpoints`. */
export const api = createApi({
  reducerPath: 'api',
  baseQuery: baseQueryWithReauth,
  tagTypes: ['Me', 'User', 'Audit'],
  endpoints: () => ({}),
});

/** Explicit sign-out on this device: forget the token and every cached response. */
export function endSession(dispatch: Dispatch): void {
  dispatch(loggedOut('signed_out'));
  dispatch(api.util.resetApiState());
}
