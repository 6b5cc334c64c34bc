import type { RouteObject } from 'react-router';
import { MyLeadsPage, UploadsPage, VendorDashboardPage } from '@/features/vendor/routes/vendor-pages';

export const vendorRoutes: RouteObject[] = [
  { index: true, element: <VendorDashboardPage /> },
  { path: 'uploads', element: <UploadsPage /> },
  { path: 'leads', element: <MyLeadsPage /> },
];
