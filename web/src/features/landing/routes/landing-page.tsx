import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Chip from '@mui/material/Chip';
import Container from '@mui/material/Container';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import InsightsOutlined from '@mui/icons-material/InsightsOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import VerifiedOutlined from '@mui/icons-material/VerifiedOutlined';
import { Brand } from '@/components/ui/brand';
import { useDocumentTitle } from '@/lib/use-document-title';

const FEATURES: { icon: ReactNode; title: string; text: string }[] = [
  {
    icon: <FactCheckOutlined />,
    title: 'Validated, not just uploaded',
    text: 'Every lead runs through normalisation, validation and duplicate detection before anyone sees it.',
  },
  {
    icon: <InsightsOutlined />,
    title: 'Scored for quality',
    text: 'A transparent score and validation summary on every lead, so you know what you are paying for.',
  },
  {
    icon: <VerifiedOutlined />,
    title: 'Reviewed by people',
    text: 'Our team approves each lead before it is published to the marketplace.',
  },
];

function LeadPreviewCard() {
  return (
    <Card sx={{ p: 3, maxWidth: 400, width: '100%', mx: 'auto' }} aria-hidden="true">
      <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
        <Chip size="small" label="SaaS" color="primary" variant="outlined" />
        <Chip size="small" label="51–200 employees" variant="outlined" />
        <Chip size="small" label="DACH" variant="outlined" />
      </Stack>
      <Typography variant="h6">Head of Revenue Operations</Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', my: 1.5, color: 'text.secondary' }}>
        <LockOutlined fontSize="small" />
        <Typography variant="body2">Contact details unlocked after purchase</Typography>
      </Stack>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', mb: 0.75 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          Quality score
        </Typography>
        <Typography variant="body2" color="secondary.main" sx={{ fontWeight: 700 }}>
          92%
        </Typography>
      </Box>
      <LinearProgress variant="determinate" value={92} color="secondary" sx={{ height: 8, borderRadius: 4, mb: 2.5 }} />
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary">
          Email verified · Phone valid · No duplicates
        </Typography>
        <Typography variant="h6" color="primary.main">
          €48
        </Typography>
      </Stack>
    </Card>
  );
}

export function LandingPage() {
  useDocumentTitle(null);
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <Container maxWidth="lg" component="header" sx={{ py: 2.5, display: 'flex', alignItems: 'center', gap: 1 }}>
        <Brand />
        <Box sx={{ flex: 1 }} />
        <Button component={RouterLink} to="/login" color="inherit">
          Sign in
        </Button>
        <Button component={RouterLink} to="/register" variant="contained" sx={{ display: { xs: 'none', sm: 'inline-flex' } }}>
          Create account
        </Button>
      </Container>

      <Box
        component="main"
        sx={(theme) => ({
          background: `radial-gradient(1000px 500px at 85% 0%, ${alpha(theme.palette.primary.main, 0.14)}, transparent 60%), radial-gradient(700px 400px at 0% 100%, ${alpha(theme.palette.secondary.main, 0.1)}, transparent 60%)`,
        })}
      >
        <Container maxWidth="lg" sx={{ py: { xs: 6, md: 12 } }}>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '7fr 5fr' }, gap: { xs: 6, md: 8 }, alignItems: 'center' }}>
            <Box>
              <Chip label="B2B lead marketplace" color="primary" variant="outlined" sx={{ mb: 3, bgcolor: 'background.paper' }} />
              <Typography variant="h2" component="h1" sx={{ fontSize: { xs: '2.4rem', md: '3.6rem' }, mb: 2.5 }}>
                Verified B2B leads, scored and reviewed
              </Typography>
              <Typography color="text.secondary" sx={{ fontSize: '1.2rem', maxWidth: 560, mb: 4 }}>
                Buy leads you can trust, or turn your data into revenue. Lead-Nexus checks, scores and reviews every lead
                before it reaches the marketplace.
              </Typography>
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
                <Button component={RouterLink} to="/register" variant="contained" size="large">
                  Create account
                </Button>
                <Button component={RouterLink} to="/login" variant="outlined" size="large">
                  Sign in
                </Button>
              </Stack>
            </Box>
            <LeadPreviewCard />
          </Box>
        </Container>
      </Box>

      <Container maxWidth="lg" component="section" aria-label="Why Lead-Nexus" sx={{ pb: 10 }}>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' }, gap: 3 }}>
          {FEATURES.map((feature) => (
            <Card key={feature.title} sx={{ p: 3.5 }}>
              <Box
                sx={(theme) => ({
                  width: 48,
                  height: 48,
                  borderRadius: '14px',
                  display: 'grid',
                  placeItems: 'center',
                  mb: 2,
                  color: 'primary.main',
                  bgcolor: alpha(theme.palette.primary.main, 0.1),
                })}
              >
                {feature.icon}
              </Box>
              <Typography variant="h6" component="h2" gutterBottom>
                {feature.title}
              </Typography>
              <Typography color="text.secondary">{feature.text}</Typography>
            </Card>
          ))}
        </Box>
      </Container>

      <Box component="footer" sx={{ borderTop: 1, borderColor: 'divider', py: 4 }}>
        <Container maxWidth="lg">
          <Typography variant="body2" color="text.secondary">
            © Lead-Nexus. Verified B2B leads, scored and reviewed.
          </Typography>
        </Container>
      </Box>
    </Box>
  );
}
