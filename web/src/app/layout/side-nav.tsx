import { NavLink } from 'react-router';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { Role } from '@/api/types';
import { ROLE_LABEL } from '@/lib/auth/roles';
import { NAV_ITEMS } from '@/app/layout/nav-items';

export function SideNav({ role, onNavigate }: { role: Role; onNavigate?: () => void }) {
  return (
    <Box component="nav" aria-label="Main navigation" sx={{ px: 1.5, py: 2 }}>
      <Typography variant="overline" color="text.secondary" sx={{ px: 1.5, display: 'block' }}>
        {ROLE_LABEL[role]} workspace
      </Typography>
      <List disablePadding>
        {NAV_ITEMS[role].map((item) => (
          <li key={item.to}>
            <ListItemButton component={NavLink} to={item.to} end={item.end} onClick={onNavigate}>
              <ListItemIcon sx={{ minWidth: 40 }}>{item.icon}</ListItemIcon>
              <ListItemText primary={item.label} slotProps={{ primary: { sx: { fontWeight: 600 } } }} />
              {item.badge}
            </ListItemButton>
          </li>
        ))}
      </List>
    </Box>
  );
}
