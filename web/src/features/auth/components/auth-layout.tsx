import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import Typography from '@mui/material/Typography';
import CheckCircleRounded from '@mui/icons-material/CheckCircleRounded';
import { Brand } from '@/components/ui/brand';

const POINTS = [
  'Every lead passes a multi-stage quality pipeline',
  'Scored 0–100% and reviewed by our team',
  'Contact details unlocked only after purchase',
];

export function AuthLayout({ title, subtitle, children }: { title: string; subtitle: ReactNode; children: ReactNode }) {
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', gridTemplateColumns: { xs: '1fr', md: '5fr 7fr' } }}>
      <Box
        sx={{
          display: { xs: 'none', md: 'flex' },
          flexDirection: 'column',
          justifyContent: 'space-between',
          p: 6,
          color: '#fff',
          background: 'linear-gradient(150deg, #312e81 0%, #4338ca 55%, #0d9488 130%)',
        }}
      >
        <Box component={RouterLink} to="/" sx={{ textDecoration: 'none', '& span': { color: '#fff !important' } }}>
          <Brand size={34} />
        </Box>
        <Box>
          <Typography variant="h3" component="p" sx={{ mb: 3, maxWidth: 420 }}>
            Verified B2B leads, scored and reviewed.
          </Typography>
          {POINTS.map((point) => (
            <Box key={point} sx={{ display: 'flex', gap: 1.5, alignItems: 'center', mb: 1.5, opacity: 0.92 }}>
              <CheckCircleRounded fontSize="small" />
              <Typography>{point}</Typography>
            </Box>
          ))}
        </Box>
        <Typography variant="body2" sx={{ opacity: 0.7 }}>
          © Lead-Nexus
        </Typography>
      </Box>
      <Box sx={{ display: 'grid', placeItems: 'center', px: 2, py: { xs: 4, md: 6 } }}>
        <Box sx={{ width: '100%', maxWidth: 460 }}>
          <Box
            component={RouterLink}
            to="/"
            sx={{ display: { xs: 'inline-flex', md: 'none' }, mb: 3, textDecoration: 'none' }}
          >
            <Brand size={30} />
          </Box>
          <Card sx={{ p: { xs: 3, sm: 4.5 } }}>
            <Typography variant="h4" component="h1" gutterBottom>
              {title}
            </Typography>
            <Typography color="text.secondary" sx={{ mb: 3.5 }}>
              {subtitle}
            </Typography>
            {children}
          </Card>
        </Box>
      </Box>
    </Box>
  );
}
