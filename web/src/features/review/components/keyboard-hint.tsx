import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import KeyboardOutlined from '@mui/icons-material/KeyboardOutlined';

function Key({ children }: { children: ReactNode }) {
  return (
    <Box
      component="kbd"
      sx={{
        px: 0.75,
        py: '1px',
        mx: 0.25,
        border: 1,
        borderColor: 'divider',
        borderBottomWidth: 2,
        borderRadius: 1,
        fontFamily: 'inherit',
        fontSize: 12,
        fontWeight: 600,
        bgcolor: 'background.default',
        color: 'text.primary',
      }}
    >
      {children}
    </Box>
  );
}

const SHORTCUTS: { keys: string[]; does: string }[] = [
  { keys: ['j', 'k'], does: 'next / previous' },
  { keys: ['x'], does: 'select' },
  { keys: ['a'], does: 'approve' },
  { keys: ['r'], does: 'reject' },
  { keys: ['Enter'], does: 'details' },
];

/** What the queue's keyboard shortcuts do; they work while a row of the table has focus. */
export function KeyboardHint() {
  // A phone has no keyboard to press j or a on: there the hint only took two lines of the queue.
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });
  if (phone) return null;
  return (
    <Box component="section" aria-label="Keyboard shortcuts" sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', color: 'text.secondary' }}>
      <KeyboardOutlined fontSize="small" aria-hidden />
      <Typography variant="caption" sx={{ fontWeight: 600 }}>
        Keyboard shortcuts
      </Typography>
      {SHORTCUTS.map((shortcut) => (
        <Typography key={shortcut.does} variant="caption" component="span" sx={{ whiteSpace: 'nowrap' }}>
          {shortcut.keys.map((key) => (
            <Key key={key}>{key}</Key>
          ))}{' '}
          {shortcut.does}
        </Typography>
      ))}
    </Box>
  );
}
