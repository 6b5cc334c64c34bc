import type { RouteObject } from 'react-router';
import { ClientDashboardPage, PurchasesPage } from '@/features/client/routes/client-pages';

/** The marketplace pages under /client come from @/features/marketplace (see app/routes.tsx). */
export const clientRoutes: RouteObject[] = [
  { index: true, element: <ClientDashboardPage /> },
  { path: 'purchases', element: <PurchasesPage /> },
];
