import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { User } from '@/api/types';
import { useFormErrors } from '@/lib/use-form-errors';
import { useUpdateMeMutation } from '@/features/profile/api/profile-api';

const FIELDS = ['name', 'company'] as const;

export function ProfileForm({ user, onSaved }: { user: User; onSaved: (message: string) => void }) {
  const [updateMe, { isLoading }] = useUpdateMeMutation();
  const [name, setName] = useState(user.name);
  const [company, setCompany] = useState(user.company ?? '');
  const errors = useFormErrors(FIELDS);
  const dirty = name !== user.name || company !== (user.company ?? '');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    if (!name.trim()) {
      errors.setFieldErrors({ name: 'Your name cannot be empty' });
      return;
    }
    try {
      const saved = await updateMe({ name: name.trim(), company: company.trim() || null }).unwrap();
      setName(saved.name);
      setCompany(saved.company ?? '');
      onSaved('Profile saved');
    } catch (error) {
      errors.fromError(error);
    }
  }

  return (
    <Box component="form" noValidate onSubmit={handleSubmit} aria-label="Personal details">
      <Stack spacing={2.5}>
        {errors.message ? <Alert severity="error">{errors.message}</Alert> : null}
        <TextField
          label="Full name"
          name="name"
          autoComplete="name"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            errors.clearField('name');
          }}
          error={Boolean(errors.fieldErrors.name)}
          helperText={errors.fieldErrors.name}
        />
        <TextField
          label="Company (optional)"
          name="company"
          autoComplete="organization"
          value={company}
          onChange={(e) => {
            setCompany(e.target.value);
            errors.clearField('company');
          }}
          error={Boolean(errors.fieldErrors.company)}
          helperText={errors.fieldErrors.company}
        />
        <Box>
          <Button type="submit" variant="contained" disabled={isLoading || !dirty}>
            {isLoading ? 'Saving…' : 'Save changes'}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
