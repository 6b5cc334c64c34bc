import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import type { SavedSearch } from '@/api/types';
import { useFormErrors } from '@/lib/use-form-errors';
import { useUpdateSavedSearchMutation } from '@/features/marketplace/api/marketplace-api';
import { SearchNameField, showSaveError } from '@/features/marketplace/components/search-name-field';

const FIELDS = ['name'] as const;

interface RenameSearchDialogProps {
  saved: SavedSearch;
  onClose: () => void;
  onRenamed: (saved: SavedSearch) => void;
}

export function RenameSearchDialog({ saved, onClose, onRenamed }: RenameSearchDialogProps) {
  const [updateSavedSearch, { isLoading }] = useUpdateSavedSearchMutation();
  const [name, setName] = useState(saved.name);
  const errors = useFormErrors(FIELDS);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const trimmed = name.trim();
    if (!trimmed) {
      errors.setFieldErrors({ name: 'Give the search a name.' });
      return;
    }
    if (trimmed === saved.name) {
      onClose();
      return;
    }
    try {
      onRenamed(await updateSavedSearch({ id: saved.id, changes: { name: trimmed } }).unwrap());
    } catch (error) {
      showSaveError(errors, error);
    }
  }

  return (
    <Dialog open onClose={isLoading ? undefined : onClose} aria-labelledby="rename-search-title" maxWidth="xs" fullWidth>
      <DialogTitle id="rename-search-title">Rename saved search</DialogTitle>
      <Box component="form" noValidate onSubmit={handleSubmit} aria-label="Rename saved search">
        <DialogContent sx={{ display: 'grid', gap: 2, pt: '4px !important' }}>
          {errors.message ? <Alert severity="error">{errors.message}</Alert> : null}
          <SearchNameField value={name} onChange={setName} errors={errors} />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2.5 }}>
          <Button onClick={onClose} disabled={isLoading}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={isLoading}>
            {isLoading ? 'Saving…' : 'Rename'}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
