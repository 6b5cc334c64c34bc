import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';

interface StatusPageProps {
  code: string;
  icon: ReactNode;
  title: string;
  description: string;
  actions: ReactNode;
  fullHeight?: boolean;
}

/** Centered status screen shared by 403, 404 and crash pages. */
export function StatusPage({ code, icon, title, description, actions, fullHeight = false }: StatusPageProps) {
  return (
    <Box
      sx={{
        minHeight: fullHeight ? '100vh' : '60vh',
        display: 'grid',
        placeItems: 'center',
        px: 3,
        py: 8,
        textAlign: 'center',
      }}
    >
      <Box sx={{ maxWidth: 520 }}>
        <Box
          sx={(theme) => ({
            width: 84,
            height: 84,
            mx: 'auto',
            mb: 3,
            borderRadius: '26px',
            display: 'grid',
            placeItems: 'center',
            color: 'primary.main',
            bgcolor: alpha(theme.palette.primary.main, 0.1),
            '& svg': { fontSize: 42 },
          })}
        >
          {icon}
        </Box>
        <Typography variant="overline" color="text.secondary" component="p">
          {code}
        </Typography>
        <Typography variant="h3" component="h1" gutterBottom>
          {title}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 4, fontSize: '1.05rem' }}>
          {description}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1.5, justifyContent: 'center', flexWrap: 'wrap' }}>{actions}</Box>
      </Box>
    </Box>
  );
}
