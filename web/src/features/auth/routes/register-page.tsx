import { useState, type FormEvent, type ReactNode } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import ShoppingCartOutlined from '@mui/icons-material/ShoppingCartOutlined';
import StorefrontOutlined from '@mui/icons-material/StorefrontOutlined';
import type { RegisterRequest } from '@/api/types';
import { PasswordField } from '@/components/ui/password-field';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useFormErrors } from '@/lib/use-form-errors';
import { useRegisterMutation } from '@/features/auth/api/auth-api';
import { AuthLayout } from '@/features/auth/components/auth-layout';

type AccountRole = RegisterRequest['role'];
const FIELDS = ['name', 'company', 'email', 'password', 'role'] as const;
type Field = (typeof FIELDS)[number];

export const PASSWORD_HELP = '10–128 characters. Avoid common passwords and your email address.';

const ROLE_OPTIONS: { value: AccountRole; title: string; description: string; icon: ReactNode }[] = [
  {
    value: 'client',
    title: 'I want to buy leads',
    description: 'Search reviewed leads and pay only for the ones you want.',
    icon: <ShoppingCartOutlined />,
  },
  {
    value: 'vendor',
    title: 'I sell leads',
    description: 'Upload CSVs, get them scored, and earn on every sale.',
    icon: <StorefrontOutlined />,
  },
];

function initialRole(value: string | null): AccountRole {
  return value === 'vendor' ? 'vendor' : 'client';
}

export function RegisterPage() {
  useDocumentTitle('Create account');
  const [params] = useSearchParams();
  const [register, { isLoading }] = useRegisterMutation();
  const [role, setRole] = useState<AccountRole>(() => initialRole(params.get('role')));
  const [name, setName] = useState('');
  const [company, setCompany] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors(FIELDS);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const missing: Partial<Record<Field, string>> = {};
    if (!name.trim()) missing.name = 'Tell us your name';
    if (!email.trim()) missing.email = 'Enter your email address';
    if (password.length < 10) missing.password = 'Use at least 10 characters';
    else if (password.length > 128) missing.password = 'Use at most 128 characters';
    if (Object.keys(missing).length > 0) {
      errors.setFieldErrors(missing);
      return;
    }
    const body: RegisterRequest = { role, name: name.trim(), email: email.trim(), password };
    if (company.trim()) body.company = company.trim();
    try {
      await register(body).unwrap();
    } catch (error) {
      errors.fromError(error);
    }
  }

  function textProps(field: Field, setter: (value: string) => void) {
    return {
      name: field,
      onChange: (e: { target: { value: string } }) => {
        setter(e.target.value);
        errors.clearField(field);
      },
      error: Boolean(errors.fieldErrors[field]),
    };
  }

  const loginHref = params.get('next') ? `/login?next=${encodeURIComponent(params.get('next') ?? '')}` : '/login';

  return (
    <AuthLayout
      title="Create your account"
      subtitle={
        <>
          Already have an account?{' '}
          <Link component={RouterLink} to={loginHref} sx={{ fontWeight: 600 }}>
            Sign in
          </Link>
        </>
      }
    >
      <Box component="form" noValidate onSubmit={handleSubmit} aria-label="Create account">
        <Stack spacing={2.5}>
          {errors.message ? (
            <Alert severity="error" role="alert">
              {errors.message}
            </Alert>
          ) : null}
          <Box>
            <Typography id="account-type-label" variant="subtitle2" sx={{ mb: 1 }}>
              Account type
            </Typography>
            <ToggleButtonGroup
              exclusive
              fullWidth
              value={role}
              onChange={(_event, value: AccountRole | null) => {
                if (value) setRole(value);
              }}
              aria-labelledby="account-type-label"
              sx={{ gap: 1.5, '& .MuiToggleButtonGroup-grouped': { borderRadius: '14px !important', border: '1px solid', borderColor: 'divider', m: 0 } }}
            >
              {ROLE_OPTIONS.map((option) => (
                <ToggleButton
                  key={option.value}
                  value={option.value}
                  sx={{
                    flexDirection: 'column',
                    alignItems: 'flex-start',
                    textAlign: 'left',
                    gap: 0.5,
                    p: 2,
                    color: 'text.primary',
                    '&.Mui-selected, &.Mui-selected:hover': {
                      bgcolor: (theme) => alpha(theme.palette.primary.main, 0.06),
                      borderColor: 'primary.main !important',
                      boxShadow: (theme) => `inset 0 0 0 1px ${theme.palette.primary.main}`,
                    },
                  }}
                >
                  <Box sx={{ color: 'primary.main', display: 'flex' }}>{option.icon}</Box>
                  <Typography component="span" sx={{ fontWeight: 700 }}>
                    {option.title}
                  </Typography>
                  <Typography component="span" variant="body2" color="text.secondary" sx={{ textTransform: 'none' }}>
                    {option.description}
                  </Typography>
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            {errors.fieldErrors.role ? (
              <Typography variant="caption" color="error" role="alert">
                {errors.fieldErrors.role}
              </Typography>
            ) : null}
          </Box>
          <TextField
            label="Full name"
            autoComplete="name"
            value={name}
            {...textProps('name', setName)}
            helperText={errors.fieldErrors.name}
          />
          <TextField
            label="Company (optional)"
            autoComplete="organization"
            value={company}
            {...textProps('company', setCompany)}
            helperText={errors.fieldErrors.company}
          />
          <TextField
            label="Work email"
            type="email"
            autoComplete="email"
            value={email}
            {...textProps('email', setEmail)}
            helperText={errors.fieldErrors.email}
          />
          <PasswordField
            label="Password"
            autoComplete="new-password"
            value={password}
            {...textProps('password', setPassword)}
            helperText={errors.fieldErrors.password ?? PASSWORD_HELP}
          />
          <Button type="submit" variant="contained" size="large" disabled={isLoading}>
            {isLoading ? 'Creating account…' : 'Create account'}
          </Button>
        </Stack>
      </Box>
    </AuthLayout>
  );
}
