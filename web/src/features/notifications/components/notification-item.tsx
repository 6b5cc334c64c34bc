import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import DoneRounded from '@mui/icons-material/DoneRounded';
import type { AppNotification } from '@/api/types';
import { formatDateTime, formatTimeAgo } from '@/lib/format';
import { NOTIFICATION_TYPE_LABEL } from '@/lib/notification-types';

interface NotificationItemProps {
  notification: AppNotification;
  onOpen: (notification: AppNotification) => void;
  /** Offers a "Mark as read" button on unread items (the page; the bell opens on click). */
  onMarkRead?: (notification: AppNotification) => void;
  /** Two lines of body in the bell's dropdown; all of it on the page. */
  dense?: boolean;
  divider?: boolean;
}

/** One notification: unread ones are bold, tinted and marked with a dot. */
export function NotificationItem({
  notification,
  onOpen,
  onMarkRead,
  dense = false,
  divider = false,
}: NotificationItemProps) {
  const unread = notification.read_at === null;
  const label = NOTIFICATION_TYPE_LABEL[notification.type] ?? notification.type;
  const markRead =
    onMarkRead && unread ? (
      <Tooltip title="Mark as read">
        <IconButton
          edge="end"
          aria-label={`Mark as read: ${notification.title}`}
          onClick={() => onMarkRead(notification)}
        >
          <DoneRounded fontSize="small" />
        </IconButton>
      </Tooltip>
    ) : undefined;
  return (
    <ListItem disablePadding divider={divider} secondaryAction={markRead}>
      <ListItemButton
        onClick={() => onOpen(notification)}
        aria-label={`${unread ? 'Unread: ' : ''}${notification.title}`}
        data-unread={unread ? 'true' : 'false'}
        sx={(theme) => ({
          alignItems: 'flex-start',
          gap: 1.5,
          py: dense ? 1.25 : 1.75,
          px: dense ? 2 : 2.5,
          bgcolor: unread ? alpha(theme.palette.primary.main, 0.05) : 'transparent',
        })}
      >
        <Box
          aria-hidden="true"
          sx={{
            mt: 0.9,
            width: 8,
            height: 8,
            flexShrink: 0,
            borderRadius: '50%',
            bgcolor: unread ? 'primary.main' : 'transparent',
          }}
        />
        <Box sx={{ minWidth: 0, flex: 1 }}>
          <Typography variant="caption" color="text.secondary" component="p">
            {label} ·{' '}
            <time dateTime={notification.created_at} title={formatDateTime(notification.created_at)}>
              {formatTimeAgo(notification.created_at)}
            </time>
          </Typography>
          <Typography variant="body2" component="p" sx={{ fontWeight: unread ? 700 : 500, mt: 0.25 }}>
            {notification.title}
          </Typography>
          {notification.body ? (
            <Typography
              variant="body2"
              color="text.secondary"
              component="p"
              sx={
                dense
                  ? { mt: 0.25, overflow: 'hidden', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' }
                  : { mt: 0.5, whiteSpace: 'pre-line' }
              }
            >
              {notification.body}
            </Typography>
          ) : null}
        </Box>
      </ListItemButton>
    </ListItem>
  );
}
