import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';

interface Props {
  open: boolean;
  name: string;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

export function ConfirmDeleteSearchDialog({ open, name, pending, onCancel, onConfirm }: Props) {
  return (
    <Dialog open={open} onClose={pending ? undefined : onCancel} aria-labelledby="delete-search-title" maxWidth="xs" fullWidth>
      <DialogTitle id="delete-search-title">Delete this saved search?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          <strong>{name}</strong> and its alerts will be gone. Leads you bought through it are not affected.
        </DialogContentText>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2.5 }}>
        <Button onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button onClick={onConfirm} color="error" variant="contained" disabled={pending}>
          {pending ? 'Deleting…' : 'Delete'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
