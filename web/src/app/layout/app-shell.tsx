import { useState } from 'react';
import { Link as RouterLink, Outlet } from 'react-router';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import MenuRounded from '@mui/icons-material/MenuRounded';
import { useAppSelector } from '@/app/hooks';
import { AccountMenu } from '@/app/layout/account-menu';
import { SideNav } from '@/app/layout/side-nav';
import { Brand } from '@/components/ui/brand';
import { selectCurrentUser } from '@/lib/auth/auth-slice';
import { homeForRole } from '@/lib/auth/roles';
import { useLogoutMutation } from '@/features/auth/api/auth-api';
import { NotificationBell } from '@/features/notifications/components/notification-bell';

const DRAWER_WIDTH = 264;

export function AppShell() {
  const theme = useTheme();
  const isDesktop = useMediaQuery(theme.breakpoints.up('md'), { noSsr: true });
  const [mobileOpen, setMobileOpen] = useState(false);
  const user = useAppSelector(selectCurrentUser);
  const [logout, { isLoading: signingOut }] = useLogoutMutation();

  if (!user) return null;

  const nav = <SideNav role={user.role} onNavigate={isDesktop ? undefined : () => setMobileOpen(false)} />;

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 1 }}>
          {!isDesktop ? (
            <IconButton edge="start" aria-label="Open navigation" onClick={() => setMobileOpen(true)}>
              <MenuRounded />
            </IconButton>
          ) : null}
          <Box component={RouterLink} to={homeForRole(user.role)} sx={{ textDecoration: 'none', display: 'flex' }} aria-label="Lead-Nexus home">
            <Brand size={30} />
          </Box>
          <Box sx={{ flex: 1 }} />
          <NotificationBell />
          <AccountMenu user={user} signingOut={signingOut} onSignOut={() => void logout()} />
        </Toolbar>
      </AppBar>

      {isDesktop ? (
        <Drawer
          variant="permanent"
          sx={{
            width: DRAWER_WIDTH,
            flexShrink: 0,
            '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box', borderRight: 1, borderColor: 'divider' },
          }}
        >
          <Toolbar />
          {nav}
        </Drawer>
      ) : (
        <Drawer
          variant="temporary"
          open={mobileOpen}
          onClose={() => setMobileOpen(false)}
          sx={{ '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
        >
          <Toolbar>
            <Brand size={28} />
          </Toolbar>
          {nav}
        </Drawer>
      )}

      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, bgcolor: 'background.default' }}>
        <Toolbar />
        <Box sx={{ px: { xs: 2, sm: 3, lg: 5 }, py: { xs: 3, md: 4 } }}>
          <Outlet />
        </Box>
      </Box>
    </Box>
  );
}
