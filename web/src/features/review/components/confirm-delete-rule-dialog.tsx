import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { ReviewRule } from '@/api/types';

interface Props {
  rule: ReviewRule | null;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

export function ConfirmDeleteRuleDialog({ rule, pending, onCancel, onConfirm }: Props) {
  return (
    <Dialog open={rule !== null} onClose={pending ? undefined : onCancel} aria-labelledby="delete-rule-title" maxWidth="xs" fullWidth>
      <DialogTitle id="delete-rule-title">Delete this rule?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {rule ? (
            <>
              <strong>{rule.name}</strong> will no longer approve leads. Leads it approved stay approved. To stop it for a
              while only, pause it instead.
            </>
          ) : null}
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
