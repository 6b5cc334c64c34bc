import type { RouteObject } from 'react-router';
import { AdminDashboardPage } from '@/features/admin/routes/admin-dashboard-page';
import { AuditPage } from '@/features/admin/routes/audit-page';
import { UsersPage } from '@/features/admin/routes/users-page';

export const adminRoutes: RouteObject[] = [
  { index: true, element: <AdminDashboardPage /> },
  { path: 'users', element: <UsersPage /> },
  { path: 'audit', element: <AuditPage /> },
];
