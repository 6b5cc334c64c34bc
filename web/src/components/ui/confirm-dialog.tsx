import { useId, type ReactNode } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What confirming does, in a sentence or two. */
  children: ReactNode;
  confirmLabel: string;
  /** The confirm button's label while the action runs, e.g. "Deleting…". */
  pendingLabel: string;
  pending: boolean;
  /** A red confirm button, for actions that remove or revoke something. */
  destructive?: boolean;
  /** Names the title `${id}-title`; a generated id otherwise. */
  id?: string;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Asks before an action; cannot be dismissed while the action runs. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pendingLabel,
  pending,
  destructive = false,
  id,
  onCancel,
  onConfirm,
}: ConfirmDialogProps) {
  const generatedId = useId();
  const titleId = `${id ?? generatedId}-title`;
  return (
    <Dialog open={open} onClose={pending ? undefined : onCancel} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{children}</DialogContentText>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2.5 }}>
        <Button onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button onClick={onConfirm} color={destructive ? 'error' : 'primary'} variant="contained" disabled={pending}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
