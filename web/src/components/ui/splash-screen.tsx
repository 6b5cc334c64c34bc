import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import { Brand } from '@/components/ui/brand';

export function SplashScreen() {
  return (
    <Box
      role="status"
      aria-live="polite"
      aria-label="Loading Lead-Nexus"
      sx={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        bgcolor: 'background.default',
      }}
    >
      <Box sx={{ display: 'grid', gap: 3, justifyItems: 'center', width: 200 }}>
        <Brand size={40} />
        <LinearProgress sx={{ width: '100%', borderRadius: 4 }} />
      </Box>
    </Box>
  );
}
