import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';

interface Props {
  open: boolean;
  title: string;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

export function ConfirmWithdrawDialog({ open, title, pending, onCancel, onConfirm }: Props) {
  return (
    <Dialog open={open} onClose={pending ? undefined : onCancel} aria-labelledby="withdraw-title" maxWidth="xs" fullWidth>
      <DialogTitle id="withdraw-title">Withdraw from the marketplace?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          <strong>{title}</strong> will no longer be offered to buyers. Buyers who already bought it keep it. To list it
          again, edit and resubmit it: it goes through review once more.
        </DialogContentText>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2.5 }}>
        <Button onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button onClick={onConfirm} color="error" variant="contained" disabled={pending}>
          {pending ? 'Withdrawing…' : 'Withdraw'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
