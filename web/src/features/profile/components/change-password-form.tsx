import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { PasswordField } from '@/components/ui/password-field';
import { useFormErrors } from '@/lib/use-form-errors';
import { useChangePasswordMutation } from '@/features/profile/api/profile-api';

const FIELDS = ['current_password', 'new_password', 'confirm_password'] as const;
const PASSWORD_HELP = '10–128 characters. Avoid common passwords and your email address.';

export function ChangePasswordForm({ onChanged }: { onChanged: (message: string) => void }) {
  const [changePassword, { isLoading }] = useChangePasswordMutation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const errors = useFormErrors(FIELDS);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const problems: Partial<Record<(typeof FIELDS)[number], string>> = {};
    if (!current) problems.current_password = 'Enter your current password';
    if (next.length < 10) problems.new_password = 'Use at least 10 characters';
    else if (next.length > 128) problems.new_password = 'Use at most 128 characters';
    if (confirm !== next) problems.confirm_password = "The passwords don't match";
    if (Object.keys(problems).length > 0) {
      errors.setFieldErrors(problems);
      return;
    }
    try {
      await changePassword({ current_password: current, new_password: next }).unwrap();
      setCurrent('');
      setNext('');
      setConfirm('');
      onChanged('Password changed. You were signed out on your other devices.');
    } catch (error) {
      errors.fromError(error);
    }
  }

  function onEdit(field: (typeof FIELDS)[number], setter: (value: string) => void) {
    return (e: { target: { value: string } }) => {
      setter(e.target.value);
      errors.clearField(field);
    };
  }

  return (
    <Box component="form" noValidate onSubmit={handleSubmit} aria-label="Change password">
      <Stack spacing={2.5}>
        {errors.message ? <Alert severity="error">{errors.message}</Alert> : null}
        <PasswordField
          label="Current password"
          name="current_password"
          autoComplete="current-password"
          value={current}
          onChange={onEdit('current_password', setCurrent)}
          error={Boolean(errors.fieldErrors.current_password)}
          helperText={errors.fieldErrors.current_password}
        />
        <PasswordField
          label="New password"
          name="new_password"
          autoComplete="new-password"
          value={next}
          onChange={onEdit('new_password', setNext)}
          error={Boolean(errors.fieldErrors.new_password)}
          helperText={errors.fieldErrors.new_password ?? PASSWORD_HELP}
        />
        <PasswordField
          label="Confirm new password"
          name="confirm_password"
          autoComplete="new-password"
          value={confirm}
          onChange={onEdit('confirm_password', setConfirm)}
          error={Boolean(errors.fieldErrors.confirm_password)}
          helperText={errors.fieldErrors.confirm_password}
        />
        <Box>
          <Button type="submit" variant="contained" disabled={isLoading}>
            {isLoading ? 'Changing…' : 'Change password'}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
