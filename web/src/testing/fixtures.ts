import type { Role, TokenResponse, User } from '@/api/types';
import type { RootState } from '@/app/store';

let nextId = 100;

export function makeUser(overrides: Partial<User> = {}): User {
  nextId += 1;
  return {
    id: nextId,
    email: `user${nextId}@example.com`,
    name: `Test User ${nextId}`,
    company: 'Acme GmbH',
    role: 'client',
    is_active: true,
    is_trusted_vendor: false,
    created_at: '2026-01-15T10:00:00Z',
    last_login_at: null,
    ...overrides,
  };
}

export function tokenResponse(user: User, accessToken = 'access-token-1'): TokenResponse {
  return {
    access_token: accessToken,
    refresh_token: 'refresh-token-in-body-must-be-ignored',
    token_type: 'Bearer',
    expires_in: 900,
    user,
  };
}

export function signedInState(user: User, accessToken = 'access-token-1'): Partial<RootState> {
  return { auth: { status: 'authenticated', accessToken, user, signOutReason: null } };
}

export function signedInAs(role: Role, accessToken = 'access-token-1'): Partial<RootState> {
  return signedInState(makeUser({ role }), accessToken);
}

export const signedOutState: Partial<RootState> = {
  auth: { status: 'anonymous', accessToken: null, user: null, signOutReason: null },
};
