import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { User } from '@/api/types';

interface Props {
  user: User | null;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

export function ConfirmDeactivateDialog({ user, pending, onCancel, onConfirm }: Props) {
  return (
    <Dialog open={user !== null} onClose={pending ? undefined : onCancel} aria-labelledby="deactivate-title" maxWidth="xs" fullWidth>
      <DialogTitle id="deactivate-title">Deactivate this account?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {user ? (
            <>
              <strong>{user.name || user.email}</strong> ({user.email}) will be signed out everywhere and won't be able to
              sign in until you reactivate the account.
            </>
          ) : null}
        </DialogContentText>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2.5 }}>
        <Button onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button onClick={onConfirm} color="error" variant="contained" disabled={pending}>
          {pending ? 'Deactivating…' : 'Deactivate'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
