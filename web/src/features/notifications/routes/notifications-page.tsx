import { useSearchParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import List from '@mui/material/List';
import Skeleton from '@mui/material/Skeleton';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import DoneAllRounded from '@mui/icons-material/DoneAllRounded';
import NotificationsNoneRounded from '@mui/icons-material/NotificationsNoneRounded';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';
import { PageHeader } from '@/components/ui/page-header';
import { describeError } from '@/lib/problem';
import { useDocumentTitle } from '@/lib/use-document-title';
import {
  useListNotificationsInfiniteQuery,
  useMarkAllNotificationsReadMutation,
  useMarkNotificationReadMutation,
} from '@/features/notifications/api/notifications-api';
import { useOpenNotification } from '@/features/notifications/components/notification-bell';
import { NotificationItem } from '@/features/notifications/components/notification-item';

export function NotificationsPage() {
  useDocumentTitle('Notifications');
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('filter') === 'unread';
  const { data, error, isLoading, isFetchingNextPage, hasNextPage, fetchNextPage, refetch } =
    useListNotificationsInfiniteQuery({ unread: unreadOnly });
  const [markAllRead, { isLoading: markingAll }] = useMarkAllNotificationsReadMutation();
  const [markRead] = useMarkNotificationReadMutation();
  const open = useOpenNotification();

  const items = (data?.pages ?? []).flatMap((page) => page.data);
  const unread = data?.pages[0]?.unread_count ?? 0;

  return (
    <Box sx={{ maxWidth: 880 }}>
      <PageHeader
        title="Notifications"
        subtitle={unread > 0 ? `${unread} unread` : 'Everything that happened on your account.'}
        actions={
          <Button
            variant="outlined"
            startIcon={<DoneAllRounded />}
            disabled={unread === 0 || markingAll}
            onClick={() => void markAllRead()}
          >
            Mark all read
          </Button>
        }
      />
      <ToggleButtonGroup
        exclusive
        size="small"
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(_event, value: string | null) => {
          if (value) setParams(value === 'unread' ? { filter: 'unread' } : {}, { replace: true });
        }}
        aria-label="Show"
        sx={{ mb: 2 }}
      >
        <ToggleButton value="all">All</ToggleButton>
        <ToggleButton value="unread">Unread</ToggleButton>
      </ToggleButtonGroup>

      {error ? (
        <LoadErrorAlert message={describeError(error).message} onRetry={refetch} sx={{ mb: 2 }} />
      ) : null}

      {isLoading ? (
        <Card>
          {[0, 1, 2].map((key) => (
            <Box key={key} sx={{ p: 2.5 }}>
              <Skeleton width="30%" />
              <Skeleton width="70%" />
            </Box>
          ))}
        </Card>
      ) : items.length === 0 && !error ? (
        <EmptyState
          icon={<NotificationsNoneRounded />}
          title={unreadOnly ? 'No unread notifications' : 'No notifications yet'}
          description={
            unreadOnly
              ? "You're all caught up."
              : 'Uploads, reviews, sales and announcements will show up here as they happen.'
          }
        />
      ) : items.length > 0 ? (
        <Card>
          <List disablePadding aria-label="Notifications">
            {items.map((notification, index) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                onOpen={open}
                onMarkRead={(item) => void markRead(item)}
                divider={index < items.length - 1}
              />
            ))}
          </List>
        </Card>
      ) : null}

      {hasNextPage ? (
        <Box sx={{ mt: 2, textAlign: 'center' }}>
          <Button variant="outlined" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            {isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </Box>
      ) : items.length > 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2, textAlign: 'center' }}>
          That&apos;s everything.
        </Typography>
      ) : null}
    </Box>
  );
}
