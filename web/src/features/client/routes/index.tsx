import type { RouteObject } from 'react-router';
import { ClientDashboardPage, MarketplacePage, PurchasesPage } from '@/features/client/routes/client-pages';

export const clientRoutes: RouteObject[] = [
  { index: true, element: <ClientDashboardPage /> },
  { path: 'marketplace', element: <MarketplacePage /> },
  { path: 'purchases', element: <PurchasesPage /> },
];
