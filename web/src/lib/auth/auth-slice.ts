import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { TokenResponse, User } from '@/api/types';

export type SessionStatus = 'unknown' | 'authenticated' | 'anonymous';
/** Why the last session ended: decides whether /login remembers where the user was. */
export type SignOutReason = 'signed_out' | 'session_expired';

export interface AuthState {
  /** 'unknown' until the silent refresh on start-up has answered. */
  status: SessionStatus;
  /** Kept in memory only: never persisted, so an XSS cannot lift it from storage. */
  accessToken: string | null;
  user: User | null;
  signOutReason: SignOutReason | null;
}

export const initialAuthState: AuthState = {
  status: 'unknown',
  accessToken: null,
  user: null,
  signOutReason: null,
};

export const authSlice = createSlice({
  name: 'auth',
  initialState: initialAuthState,
  reducers: {
    // The refresh_token in the body is deliberately ignored: the httpOnly cookie carries it.
    credentialsReceived(state, action: PayloadAction<TokenResponse>) {
      state.status = 'authenticated';
      state.accessToken = action.payload.access_token;
      state.user = action.payload.user;
      state.signOutReason = null;
    },
    userUpdated(state, action: PayloadAction<User>) {
      if (state.user && state.user.id === action.payload.id) {
        state.user = action.payload;
      }
    },
    loggedOut(_state, action: PayloadAction<SignOutReason | undefined>) {
      return {
        status: 'anonymous',
        accessToken: null,
        user: null,
        signOutReason: action.payload ?? null,
      } satisfies AuthState;
    },
  },
  selectors: {
    selectSessionStatus: (state) => state.status,
    selectAccessToken: (state) => state.accessToken,
    selectCurrentUser: (state) => state.user,
    selectSignOutReason: (state) => state.signOutReason,
  },
});

export const { credentialsReceived, userUpdated, loggedOut } = authSlice.actions;
export const { selectSessionStatus, selectAccessToken, selectCurrentUser, selectSignOutReason } =
  authSlice.selectors;
