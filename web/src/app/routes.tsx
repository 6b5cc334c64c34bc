import { createBrowserRouter, type RouteObject } from 'react-router';
import { PublicOnlyRoute, RequireAuth, RequireRole, SessionGate } from '@/app/guards';
import { AppShell } from '@/app/layout/app-shell';
import { NotFoundPage } from '@/components/ui/not-found-page';
import { RouteErrorPage } from '@/components/ui/route-error-page';
import { adminRoutes } from '@/features/admin/routes';
import { LoginPage } from '@/features/auth/routes/login-page';
import { RegisterPage } from '@/features/auth/routes/register-page';
import { clientRoutes } from '@/features/client/routes';
import { LandingPage } from '@/features/landing/routes/landing-page';
import { marketplaceRoutes } from '@/features/marketplace/routes';
import { NotificationsPage } from '@/features/notifications/routes/notifications-page';
import { ProfilePage } from '@/features/profile/routes/profile-page';
import { reviewRoutes } from '@/features/review/routes';
import { vendorRoutes } from '@/features/vendor/routes';

export const appRoutes: RouteObject[] = [
  {
    element: <SessionGate />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <PublicOnlyRoute />,
        children: [
          { index: true, element: <LandingPage /> },
          { path: 'login', element: <LoginPage /> },
          { path: 'register', element: <RegisterPage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppShell />,
            children: [
              { path: 'profile', element: <ProfilePage /> },
              { path: 'notifications', element: <NotificationsPage /> },
              { path: 'client', element: <RequireRole role="client" />, children: [...clientRoutes, ...marketplaceRoutes] },
              { path: 'vendor', element: <RequireRole role="vendor" />, children: vendorRoutes },
              { path: 'admin', element: <RequireRole role="admin" />, children: [...adminRoutes, ...reviewRoutes] },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(appRoutes);
}
