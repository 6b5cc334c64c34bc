import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <Box
      component="svg"
      viewBox="0 0 64 64"
      aria-hidden="true"
      sx={{ width: size, height: size, flexShrink: 0, display: 'block' }}
    >
      <rect width="64" height="64" rx="16" fill="#4338ca" />
      <circle cx="22" cy="22" r="7" fill="#fff" />
      <circle cx="42" cy="42" r="7" fill="#fff" />
      <circle cx="42" cy="22" r="5" fill="#a5b4fc" />
      <path d="M22 22 L42 42 M42 22 L42 42" stroke="#fff" strokeWidth="4" strokeLinecap="round" />
    </Box>
  );
}

export function Brand({ size = 32 }: { size?: number }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25 }}>
      <BrandMark size={size} />
      <Typography
        component="span"
        sx={{ fontWeight: 800, fontSize: size * 0.6, letterSpacing: '-0.02em', color: 'text.primary' }}
      >
        Lead-Nexus
      </Typography>
    </Box>
  );
}
