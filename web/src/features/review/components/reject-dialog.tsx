import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Skeleton from '@mui/material/Skeleton';
import TextField from '@mui/material/TextField';
import type { RejectionReason } from '@/api/types';
import { describeError } from '@/lib/problem';
import { useFormErrors } from '@/lib/use-form-errors';
import { useListReasonsQuery } from '@/features/review/api/review-api';

const FIELDS = ['reason', 'note'] as const;

export interface RejectValues {
  reason: RejectionReason;
  note: string | null;
}

interface RejectDialogProps {
  open: boolean;
  /** How many leads the decision covers, and the lead's title when it is one. */
  count: number;
  title?: string;
  onCancel: () => void;
  /** Rejects; a thrown error is shown in the dialog (field errors next to the fields). */
  onSubmit: (values: RejectValues) => Promise<void>;
}

export function RejectDialog({ open, count, title, onCancel, onSubmit }: RejectDialogProps) {
  const { data: reasons, error: reasonsError, refetch } = useListReasonsQuery();
  const [reason, setReason] = useState<RejectionReason | ''>('');
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const errors = useFormErrors(FIELDS);
  const chosen = reasons?.data.find((r) => r.code === reason);
  const noteRequired = chosen?.needs_note ?? false;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    if (!reason) {
      errors.setFieldErrors({ reason: 'Choose why the lead is rejected.' });
      return;
    }
    if (noteRequired && !note.trim()) {
      errors.setFieldErrors({ note: `With “${chosen?.label ?? 'Other'}” the vendor needs a note saying what to fix.` });
      return;
    }
    setPending(true);
    try {
      await onSubmit({ reason, note: note.trim() || null });
    } catch (error) {
      errors.fromError(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog
      open={open}
      onClose={pending ? undefined : onCancel}
      aria-labelledby="reject-title"
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id="reject-title">{count === 1 ? 'Reject this lead?' : `Reject ${count} leads?`}</DialogTitle>
      <Box component="form" noValidate onSubmit={handleSubmit} aria-label="Rejection">
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {count === 1 && title ? (
              <>
                <strong>{title}</strong> goes back to its vendor with the reason and note you give here.
              </>
            ) : (
              'Every selected lead goes back to its vendor with the same reason and note.'
            )}
          </DialogContentText>
          {errors.message ? (
            <Alert severity="error" sx={{ mb: 2 }}>
              {errors.message}
            </Alert>
          ) : null}
          <FormControl error={Boolean(errors.fieldErrors.reason)} sx={{ mb: 2, width: '100%' }}>
            <FormLabel id="reject-reason-label">Reason</FormLabel>
            {reasons ? (
              <RadioGroup
                aria-labelledby="reject-reason-label"
                name="reason"
                value={reason}
                onChange={(event) => {
                  setReason(event.target.value as RejectionReason);
                  errors.clearField('reason');
                  errors.clearField('note');
                }}
              >
                {reasons.data.map((option) => (
                  <FormControlLabel key={option.code} value={option.code} control={<Radio size="small" />} label={option.label} />
                ))}
              </RadioGroup>
            ) : reasonsError ? (
              <Alert
                severity="error"
                sx={{ mt: 1 }}
                action={
                  <Button color="inherit" size="small" onClick={() => void refetch()}>
                    Retry
                  </Button>
                }
              >
                {describeError(reasonsError).message}
              </Alert>
            ) : (
              <Box aria-busy="true" aria-label="Loading reasons">
                {[0, 1, 2, 3].map((key) => (
                  <Skeleton key={key} height={36} />
                ))}
              </Box>
            )}
            {errors.fieldErrors.reason ? <FormHelperText>{errors.fieldErrors.reason}</FormHelperText> : null}
          </FormControl>
          <TextField
            label={noteRequired ? 'Note for the vendor (required)' : 'Note for the vendor (optional)'}
            name="note"
            value={note}
            onChange={(event) => {
              setNote(event.target.value);
              errors.clearField('note');
            }}
            required={noteRequired}
            multiline
            minRows={3}
            fullWidth
            error={Boolean(errors.fieldErrors.note)}
            helperText={errors.fieldErrors.note ?? 'The vendor sees this next to the reason: say what to fix.'}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2.5 }}>
          <Button onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" color="error" variant="contained" disabled={pending || !reasons}>
            {pending ? 'Rejecting…' : count === 1 ? 'Reject lead' : `Reject ${count} leads`}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
