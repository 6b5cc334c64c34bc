import { useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useAppSelector } from '@/app/hooks';
import { type Notice, NoticeSnackbar } from '@/components/ui/notice-snackbar';
import { PageHeader } from '@/components/ui/page-header';
import { selectCurrentUser } from '@/lib/auth/auth-slice';
import { ROLE_LABEL } from '@/lib/auth/roles';
import { formatDate, initialsOf } from '@/lib/format';
import { describeError } from '@/lib/problem';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useGetMeQuery } from '@/features/profile/api/profile-api';
import { ChangePasswordForm } from '@/features/profile/components/change-password-form';
import { EmailPreferencesForm } from '@/features/profile/components/email-preferences-form';
import { ProfileForm } from '@/features/profile/components/profile-form';

interface SectionProps {
  title: string;
  description: string;
  children: ReactNode;
  id?: string;
}

function Section({ title, description, children, id }: SectionProps) {
  return (
    <Card id={id} sx={{ p: { xs: 2.5, sm: 3.5 }, scrollMarginTop: 88 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 2fr' }, gap: { xs: 2.5, md: 4 } }}>
        <Box>
          <Typography variant="h6" component="h2">
            {title}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {description}
          </Typography>
        </Box>
        <Box>{children}</Box>
      </Box>
    </Card>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, fontWeight: 500 }}>
        {children}
      </Typography>
    </Box>
  );
}

export function ProfilePage() {
  useDocumentTitle('Profile');
  const sessionUser = useAppSelector(selectCurrentUser);
  const { data: me, error, isLoading } = useGetMeQuery();
  const user = me ?? sessionUser;
  const [notice, setNotice] = useState<Notice | null>(null);
  const showSaved = (message: string) => setNotice({ severity: 'success', message });

  return (
    <Box sx={{ maxWidth: 960 }}>
      <PageHeader title="Profile" subtitle="Your account details and sign-in security." />
      {error ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {describeError(error).message}
        </Alert>
      ) : null}
      <Box sx={{ display: 'grid', gap: 3 }}>
        <Card sx={{ p: { xs: 2.5, sm: 3.5 } }}>
          {user ? (
            <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 3 }}>
              <Avatar sx={{ width: 64, height: 64, fontSize: 24, bgcolor: 'primary.main' }}>{initialsOf(user.name, user.email)}</Avatar>
              <Box sx={{ flex: '1 1 200px', minWidth: 0 }}>
                <Typography variant="h5" component="p" noWrap>
                  {user.name}
                </Typography>
                <Typography color="text.secondary" noWrap>
                  {user.company ?? 'No company set'}
                </Typography>
              </Box>
              <Divider flexItem orientation="vertical" sx={{ display: { xs: 'none', sm: 'block' } }} />
              <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, auto)', gap: 3, m: 0 }}>
                <Detail label="Email">{user.email}</Detail>
                <Detail label="Role">
                  <Chip size="small" color="primary" variant="outlined" label={ROLE_LABEL[user.role]} />
                </Detail>
                <Detail label="Member since">{formatDate(user.created_at)}</Detail>
              </Box>
            </Box>
          ) : (
            <Skeleton variant="rounded" height={64} />
          )}
        </Card>

        <Section title="Personal details" description="Shown to the people you do business with on Lead-Nexus.">
          {me ? <ProfileForm key={me.id} user={me} onSaved={showSaved} /> : isLoading ? <Skeleton variant="rounded" height={160} /> : null}
        </Section>

        <Section
          title="Password"
          description="Changing your password signs you out on every other device."
        >
          <ChangePasswordForm onChanged={showSaved} />
        </Section>

        <Section
          id="notifications"
          title="Email notifications"
          description="Everything shows up in the app; choose what also comes to your inbox."
        >
          <EmailPreferencesForm onSaved={showSaved} />
        </Section>
      </Box>
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} autoHideDuration={5000} />
    </Box>
  );
}
