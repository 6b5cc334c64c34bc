import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Skeleton from '@mui/material/Skeleton';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import type { NotificationType } from '@/api/types';
import { NOTIFICATION_TYPES } from '@/lib/notification-types';
import { describeError } from '@/lib/problem';
import {
  useGetNotificationPreferencesQuery,
  useUpdateNotificationPreferencesMutation,
} from '@/features/profile/api/profile-api';

/** One switch per notification type; each change is saved at once. */
export function EmailPreferencesForm({ onSaved }: { onSaved: (message: string) => void }) {
  const { data, error: loadError, isLoading } = useGetNotificationPreferencesQuery();
  const [update] = useUpdateNotificationPreferencesMutation();
  const [pending, setPending] = useState<Partial<Record<NotificationType, boolean>>>({});
  const [error, setError] = useState<string | null>(null);

  if (isLoading) return <Skeleton variant="rounded" height={240} />;
  if (!data) {
    return <Alert severity="warning">{describeError(loadError).message ?? 'Your email preferences could not be loaded.'}</Alert>;
  }

  async function toggle(type: NotificationType, on: boolean) {
    setError(null);
    setPending((current) => ({ ...current, [type]: on }));
    try {
      await update({ email: { [type]: on } }).unwrap();
      onSaved('Email preferences saved');
    } catch (failure) {
      setError(describeError(failure).message ?? 'Your change was not saved. Please try again.');
    } finally {
      setPending((current) => {
        const next = { ...current };
        delete next[type];
        return next;
      });
    }
  }

  return (
    <Box component="form" aria-label="Email notifications" onSubmit={(event) => event.preventDefault()}>
      {error ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      ) : null}
      <FormGroup sx={{ gap: 1.5 }}>
        {NOTIFICATION_TYPES.map(({ type, label, description }) => (
          <FormControlLabel
            key={type}
            sx={{ alignItems: 'flex-start', m: 0, gap: 1.5 }}
            control={
              <Switch
                checked={pending[type] ?? data.email[type]}
                disabled={type in pending}
                onChange={(event) => void toggle(type, event.target.checked)}
                slotProps={{ input: { 'aria-describedby': `email-pref-${type}` } }}
              />
            }
            label={
              <Box sx={{ pt: 0.75 }}>
                <Typography sx={{ fontWeight: 600 }}>{label}</Typography>
                <Typography id={`email-pref-${type}`} variant="body2" color="text.secondary">
                  {description}
                </Typography>
              </Box>
            }
          />
        ))}
      </FormGroup>
    </Box>
  );
}
