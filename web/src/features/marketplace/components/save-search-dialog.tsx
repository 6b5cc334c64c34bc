import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import type { SavedSearch, SavedSearchQuery } from '@/api/types';
import { useFormErrors } from '@/lib/use-form-errors';
import { useCreateSavedSearchMutation } from '@/features/marketplace/api/marketplace-api';
import { SearchNameField, showSaveError } from '@/features/marketplace/components/search-name-field';
import { describeQuery, suggestName } from '@/features/marketplace/utils/labels';

const FIELDS = ['name', 'alert'] as const;

interface SaveSearchDialogProps {
  open: boolean;
  query: SavedSearchQuery;
  onClose: () => void;
  onSaved: (saved: SavedSearch) => void;
}

/** Name the current search and choose whether new matches are announced. */
export function SaveSearchDialog({ open, query, onClose, onSaved }: SaveSearchDialogProps) {
  const [createSavedSearch, { isLoading }] = useCreateSavedSearchMutation();
  const [name, setName] = useState(() => suggestName(query));
  const [alert, setAlert] = useState(true);
  const errors = useFormErrors(FIELDS);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    if (!name.trim()) {
      errors.setFieldErrors({ name: 'Give the search a name.' });
      return;
    }
    try {
      onSaved(await createSavedSearch({ name: name.trim(), query, alert }).unwrap());
    } catch (error) {
      showSaveError(errors, error);
    }
  }

  return (
    <Dialog open={open} onClose={isLoading ? undefined : onClose} aria-labelledby="save-search-title" maxWidth="sm" fullWidth>
      <DialogTitle id="save-search-title">Save this search</DialogTitle>
      <Box component="form" noValidate onSubmit={handleSubmit} aria-label="Save search">
        <DialogContent sx={{ display: 'grid', gap: 2.5, pt: '4px !important' }}>
          <Box sx={{ bgcolor: 'grey.50', border: 1, borderColor: 'divider', borderRadius: 2, px: 1.5, py: 1 }}>
            <Typography variant="caption" color="text.secondary" component="div">
              Filters
            </Typography>
            <Typography variant="body2">{describeQuery(query)}</Typography>
          </Box>
          {errors.message ? <Alert severity="error">{errors.message}</Alert> : null}
          <SearchNameField
            value={name}
            onChange={setName}
            errors={errors}
            helperText="For your list of saved searches and its alerts"
          />
          <Box>
            <FormControlLabel
              control={<Switch checked={alert} onChange={(event) => setAlert(event.target.checked)} />}
              label="Alert me about new matching leads"
            />
            <Typography variant="body2" color="text.secondary" sx={{ ml: 6.5, mt: -0.5 }}>
              You get a notification when newly published leads match, once per lead.
            </Typography>
          </Box>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2.5 }}>
          <Button onClick={onClose} disabled={isLoading}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={isLoading}>
            {isLoading ? 'Saving…' : 'Save search'}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
