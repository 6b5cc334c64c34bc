import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useAppSelector } from '@/app/hooks';
import { PasswordField } from '@/components/ui/password-field';
import { selectSignOutReason } from '@/lib/auth/auth-slice';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useLoginMutation } from '@/features/auth/api/auth-api';
import { AuthLayout } from '@/features/auth/components/auth-layout';
import { useFormErrors } from '@/lib/use-form-errors';

const FIELDS = ['email', 'password'] as const;

export function LoginPage() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const [login, { isLoading }] = useLoginMutation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors(FIELDS);
  const sessionExpired = useAppSelector(selectSignOutReason) === 'session_expired';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const missing: Partial<Record<(typeof FIELDS)[number], string>> = {};
    if (!email.trim()) missing.email = 'Enter your email address';
    if (!password) missing.password = 'Enter your password';
    if (Object.keys(missing).length > 0) {
      errors.setFieldErrors(missing);
      return;
    }
    try {
      // On success the auth state changes and the public-only guard sends the user on.
      await login({ email: email.trim(), password }).unwrap();
    } catch (error) {
      errors.fromError(error);
    }
  }

  const registerHref = params.get('next') ? `/register?next=${encodeURIComponent(params.get('next') ?? '')}` : '/register';

  return (
    <AuthLayout
      title="Welcome back"
      subtitle={
        <>
          New to Lead-Nexus?{' '}
          <Link component={RouterLink} to={registerHref} sx={{ fontWeight: 600 }}>
            Create an account
          </Link>
        </>
      }
    >
      <Box component="form" noValidate onSubmit={handleSubmit} aria-label="Sign in">
        <Stack spacing={2.5}>
          {errors.message ? (
            <Alert severity="error" role="alert">
              {errors.message}
            </Alert>
          ) : sessionExpired ? (
            <Alert severity="info">Your session has expired. Please sign in again.</Alert>
          ) : null}
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            autoFocus
            value={email}
            onChange={(e) => {
              setEmail(e.target.value);
              errors.clearField('email');
            }}
            error={Boolean(errors.fieldErrors.email)}
            helperText={errors.fieldErrors.email}
          />
          <PasswordField
            label="Password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              errors.clearField('password');
            }}
            error={Boolean(errors.fieldErrors.password)}
            helperText={errors.fieldErrors.password}
          />
          <Button type="submit" variant="contained" size="large" disabled={isLoading}>
            {isLoading ? 'Signing in…' : 'Sign in'}
          </Button>
          <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'center' }}>
            By signing in you agree to the Lead-Nexus terms of service.
          </Typography>
        </Stack>
      </Box>
    </AuthLayout>
  );
}
