import type { ReactNode } from 'react';
import Alert, { type AlertColor } from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';

/** The outcome of an action, shown briefly at the bottom of the page. */
export interface Notice {
  severity: AlertColor;
  message: string;
}

interface NoticeSnackbarProps {
  notice: Notice | null;
  onClose: () => void;
  /** Milliseconds; by default 8 s for an error, which takes longer to read and act on, 4 s otherwise. */
  autoHideDuration?: number;
  /** A button beside the close icon, e.g. a link to what the action made. */
  action?: ReactNode;
  /** What the notice says, when it is more than its message. */
  children?: ReactNode;
  maxWidth?: number;
}

export function NoticeSnackbar({ notice, onClose, autoHideDuration, action, children, maxWidth }: NoticeSnackbarProps) {
  return (
    <Snackbar
      open={notice !== null}
      autoHideDuration={autoHideDuration ?? (notice?.severity === 'error' ? 8000 : 4000)}
      onClose={(_event, reason) => {
        // A click elsewhere on the page is no reason to hide it before it has been read.
        if (reason !== 'clickaway') onClose();
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      {notice ? (
        <Alert severity={notice.severity} variant="filled" onClose={onClose} action={action} sx={{ width: '100%', maxWidth }}>
          {children ?? notice.message}
        </Alert>
      ) : undefined}
    </Snackbar>
  );
}
