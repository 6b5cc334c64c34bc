import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import Popover from '@mui/material/Popover';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import NotificationsNoneRounded from '@mui/icons-material/NotificationsNoneRounded';
import type { AppNotification } from '@/api/types';
import {
  ALL,
  useListNotificationsInfiniteQuery,
  useMarkAllNotificationsReadMutation,
  useMarkNotificationReadMutation,
} from '@/features/notifications/api/notifications-api';
import { useNotificationStream } from '@/features/notifications/api/use-notification-stream';
import { NotificationItem } from '@/features/notifications/components/notification-item';

const LATEST = 8;

/** Opens a notification: marks it read and goes to its link (or the notifications page). */
export function useOpenNotification(afterOpen?: () => void) {
  const navigate = useNavigate();
  const [markRead] = useMarkNotificationReadMutation();
  return (notification: AppNotification) => {
    if (!notification.read_at) void markRead(notification);
    afterOpen?.();
    void navigate(notification.link ?? '/notifications');
  };
}

export function NotificationBell() {
  useNotificationStream();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const close = () => setAnchor(null);
  const { data, isLoading, isError } = useListNotificationsInfiniteQuery(ALL);
  const [markAllRead, { isLoading: markingAll }] = useMarkAllNotificationsReadMutation();
  const open = useOpenNotification(close);

  const unread = data?.pages[0]?.unread_count ?? 0;
  const latest = (data?.pages ?? []).flatMap((page) => page.data).slice(0, LATEST);
  const label = unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';

  return (
    <>
      <IconButton
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        <Badge badgeContent={unread} color="error" max={99} data-testid="notification-badge">
          <NotificationsNoneRounded />
        </Badge>
      </IconButton>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{
          paper: {
            role: 'dialog',
            'aria-label': 'Latest notifications',
            sx: { mt: 1, width: 380, maxWidth: 'calc(100vw - 24px)' },
          },
        }}
      >
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', px: 2, py: 1.25 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
            Notifications
          </Typography>
          <Button size="small" disabled={unread === 0 || markingAll} onClick={() => void markAllRead()}>
            Mark all read
          </Button>
        </Box>
        <Divider />
        {isLoading ? (
          <Box sx={{ p: 2, display: 'grid', gap: 1 }}>
            <Skeleton variant="rounded" height={48} />
            <Skeleton variant="rounded" height={48} />
          </Box>
        ) : isError ? (
          <Typography color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
            Notifications could not be loaded.
          </Typography>
        ) : latest.length === 0 ? (
          <Typography color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
            You&apos;re all caught up.
          </Typography>
        ) : (
          <List disablePadding aria-label="Latest notifications" sx={{ maxHeight: 420, overflowY: 'auto' }}>
            {latest.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} onOpen={open} dense />
            ))}
          </List>
        )}
        <Divider />
        <Box sx={{ p: 1, textAlign: 'center' }}>
          <Button component={RouterLink} to="/notifications" onClick={close} fullWidth>
            View all notifications
          </Button>
        </Box>
      </Popover>
    </>
  );
}
