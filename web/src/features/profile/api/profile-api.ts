import type {
  NotificationPreferences,
  NotificationPreferencesUpdate,
  PasswordChange,
  ProfileUpdate,
  TokenResponse,
  User,
} from '@/api/types';
import { api } from '@/lib/api-client';
import { credentialsReceived, userUpdated } from '@/lib/auth/auth-slice';

export const profileApi = api.injectEndpoints({
  endpoints: (build) => ({
    getMe: build.query<User, void>({
      query: () => '/auth/me',
      providesTags: ['Me'],
    }),
    updateMe: build.mutation<User, ProfileUpdate>({
      query: (body) => ({ url: '/auth/me', method: 'PATCH', body }),
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (data) {
          dispatch(profileApi.util.upsertQueryData('getMe', undefined, data));
          dispatch(userUpdated(data));
        }
      },
    }),
    changePassword: build.mutation<TokenResponse, PasswordChange>({
      query: (body) => ({ url: '/auth/password', method: 'POST', body }),
      // The server ends every other session and hands this one a fresh token.
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (data) dispatch(credentialsReceived(data));
      },
    }),
    getNotificationPreferences: build.query<NotificationPreferences, void>({
      query: () => '/workflows/notifications/preferences',
    }),
    updateNotificationPreferences: build.mutation<NotificationPreferences, NotificationPreferencesUpdate>({
      query: (body) => ({ url: '/workflows/notifications/preferences', method: 'PUT', body }),
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (data) dispatch(profileApi.util.upsertQueryData('getNotificationPreferences', undefined, data));
      },
    }),
  }),
});

export const {
  useGetMeQuery,
  useUpdateMeMutation,
  useChangePasswordMutation,
  useGetNotificationPreferencesQuery,
  useUpdateNotificationPreferencesMutation,
} = profileApi;
