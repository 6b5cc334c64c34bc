import { useEffect, useRef } from 'react';
import { useStore } from 'react-redux';
import { useAppDispatch, useAppSelector } from '@/app/hooks';
import type { RootState } from '@/app/store';
import { apiBaseUrl, refreshSession } from '@/lib/api-client';
import { selectAccessToken, selectCurrentUser } from '@/lib/auth/auth-slice';
import { ALL, applyNotificationEvent, useListNotificationsInfiniteQuery } from '@/features/notifications/api/notifications-api';
import { openNotificationStream } from '@/features/notifications/api/notification-stream';

/**
 * Live notifications for the signed-in user, into the RTK Query cache. The stream opens
 * once the list is loaded and resumes after its newest item, so nothing created in between
 * is missed; it closes on sign-out.
 */
export function useNotificationStream() {
  const dispatch = useAppDispatch();
  const store = useStore<RootState>();
  const userId = useAppSelector(selectCurrentUser)?.id;
  const { data } = useListNotificationsInfiniteQuery(ALL, { skip: userId === undefined });
  const loaded = data !== undefined;
  const newestId = useRef(0);
  newestId.current = data?.pages[0]?.data[0]?.id ?? 0;

  useEffect(() => {
    if (userId === undefined || !loaded) return undefined;
    const controller = new AbortController();
    void openNotificationStream({
      url: `${apiBaseUrl()}/workflows/notifications/stream`,
      signal: controller.signal,
      lastEventId: newestId.current,
      getToken: () => selectAccessToken(store.getState()),
      refreshToken: () => refreshSession(dispatch),
      onEvent: (event) => dispatch(applyNotificationEvent(event)),
    });
    return () => controller.abort();
  }, [userId, loaded, dispatch, store]);
}
