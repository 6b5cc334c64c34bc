import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import type { SxProps, Theme } from '@mui/material/styles';

type LoadErrorAlertProps = {
  message: string | null;
  onRetry: () => unknown;
  sx?: SxProps<Theme>;
};

/** A failed load: the server's message and a way to try again. */
export function LoadErrorAlert({ message, onRetry, sx }: LoadErrorAlertProps) {
  return (
    <Alert
      severity="error"
      sx={sx}
      action={
        <Button color="inherit" size="small" onClick={() => void onRetry()}>
          Retry
        </Button>
      }
    >
      {message ?? 'This could not be loaded.'}
    </Alert>
  );
}
