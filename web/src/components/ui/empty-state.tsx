import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';

interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  description: string;
  /** Small label above the card, e.g. "Coming soon". */
  badge?: string;
  action?: ReactNode;
  /** Render the title as the page's h1 (for pages that are only an empty state). */
  asPageHeading?: boolean;
}

export function EmptyState({ icon, title, description, badge, action, asPageHeading = false }: EmptyStateProps) {
  return (
    <Card sx={{ px: { xs: 3, sm: 6 }, py: { xs: 6, sm: 9 }, textAlign: 'center' }}>
      <Box
        sx={(theme) => ({
          width: 72,
          height: 72,
          mx: 'auto',
          mb: 3,
          borderRadius: '22px',
          display: 'grid',
          placeItems: 'center',
          color: 'primary.main',
          bgcolor: alpha(theme.palette.primary.main, 0.1),
          '& svg': { fontSize: 36 },
        })}
      >
        {icon}
      </Box>
      {badge ? (
        <Typography variant="overline" color="secondary" component="p">
          {badge}
        </Typography>
      ) : null}
      {/* On a phone an h4 wrapped to two lines and outsized the page's own title above it. */}
      <Typography
        variant="h4"
        component={asPageHeading ? 'h1' : 'h2'}
        gutterBottom
        sx={(theme) => ({ fontSize: { xs: '1.5rem', sm: theme.typography.h4.fontSize } })}
      >
        {title}
      </Typography>
      <Typography color="text.secondary" sx={{ maxWidth: 480, mx: 'auto' }}>
        {description}
      </Typography>
      {action ? <Box sx={{ mt: 4 }}>{action}</Box> : null}
    </Card>
  );
}
