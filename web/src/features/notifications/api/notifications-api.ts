import type { AppNotification, NotificationEvent, NotificationPage, UnreadCount } from '@/api/types';
import type { AppDispatch, RootState } from '@/app/store';
import { api } from '@/lib/api-client';

export const PAGE_SIZE = 20;

export interface NotificationFilters {
  unread: boolean;
}

/** The bell and the page share this cache entry (everything, newest first). */
export const ALL: NotificationFilters = { unread: false };

type Cursor = string | null;
type Draft = { pages: NotificationPage[] };

function updateEveryList(
  dispatch: AppDispatch,
  state: RootState,
  recipe: (draft: Draft, filters: NotificationFilters) => void,
) {
  const patches = notificationsApi.util
    .selectCachedArgsForQuery(state, 'listNotifications')
    .map((filters) =>
      dispatch(notificationsApi.util.updateQueryData('listNotifications', filters, (draft) => recipe(draft, filters))),
    );
  return { undo: () => patches.forEach((patch) => patch.undo()) };
}

function setUnreadCount(draft: Draft, count: number) {
  for (const page of draft.pages) page.unread_count = count;
}

export const notificationsApi = api.injectEndpoints({
  endpoints: (build) => ({
    listNotifications: build.infiniteQuery<NotificationPage, NotificationFilters, Cursor>({
      infiniteQueryOptions: {
        initialPageParam: null,
        getNextPageParam: (lastPage) => (lastPage.has_more ? lastPage.next_cursor : undefined),
      },
      query: ({ queryArg, pageParam }) => {
        const params: Record<string, string | number> = { limit: PAGE_SIZE };
        if (queryArg.unread) params.unread = 'true';
        if (pageParam) params.cursor = pageParam;
        return { url: '/workflows/notifications', params };
      },
    }),
    markNotificationRead: build.mutation<AppNotification, AppNotification>({
      query: (notification) => ({ url: `/workflows/notifications/${notification.id}/read`, method: 'POST' }),
      // Optimistic: the item looks read and the badge drops at once; undone if the server says no.
      async onQueryStarted(notification, { dispatch, getState, queryFulfilled }) {
        if (notification.read_at) return;
        const readAt = new Date().toISOString();
        const patch = updateEveryList(dispatch, getState() as RootState, (draft) => {
          const item = draft.pages.flatMap((page) => page.data).find((n) => n.id === notification.id);
          if (item && !item.read_at) item.read_at = readAt;
          setUnreadCount(draft, Math.max(0, (draft.pages[0]?.unread_count ?? 1) - 1));
        });
        await queryFulfilled.catch(() => patch.undo());
      },
    }),
    markAllNotificationsRead: build.mutation<UnreadCount, void>({
      query: () => ({ url: '/workflows/notifications/read-all', method: 'POST' }),
      async onQueryStarted(_arg, { dispatch, getState, queryFulfilled }) {
        const readAt = new Date().toISOString();
        const patch = updateEveryList(dispatch, getState() as RootState, (draft) => {
          for (const item of draft.pages.flatMap((page) => page.data)) item.read_at ??= readAt;
          setUnreadCount(draft, 0);
        });
        await queryFulfilled.catch(() => patch.undo());
      },
    }),
  }),
});

/**
 * A live event into every cached list: the unread count everywhere, and the notification in
 * its place (newest first) unless it is already there (a replay after reconnecting).
 */
export function applyNotificationEvent(event: NotificationEvent) {
  return (dispatch: AppDispatch, getState: () => RootState) => {
    updateEveryList(dispatch, getState(), (draft, filters) => {
      setUnreadCount(draft, event.unread_count);
      const first = draft.pages[0];
      const { notification } = event;
      if (!first || (filters.unread && notification.read_at)) return;
      if (draft.pages.some((page) => page.data.some((n) => n.id === notification.id))) return;
      const at = first.data.findIndex((n) => n.id < notification.id);
      if (at === -1 && first.has_more) return; // older than this page: it belongs to a later one
      first.data.splice(at === -1 ? first.data.length : at, 0, notification);
    });
  };
}

export const {
  useListNotificationsInfiniteQuery,
  useMarkNotificationReadMutation,
  useMarkAllNotificationsReadMutation,
} = notificationsApi;
