import type { RouteObject } from 'react-router';
import { MyLeadsPage } from '@/features/vendor/routes/my-leads-page';
import { UploadDetailPage } from '@/features/vendor/routes/upload-detail-page';
import { UploadContinuePage, UploadWizardPage } from '@/features/vendor/routes/upload-wizard-page';
import { UploadsPage } from '@/features/vendor/routes/uploads-page';
import { VendorDashboardPage } from '@/features/vendor/routes/vendor-dashboard-page';

export const vendorRoutes: RouteObject[] = [
  { index: true, element: <VendorDashboardPage /> },
  { path: 'uploads', element: <UploadsPage /> },
  { path: 'uploads/new', element: <UploadWizardPage /> },
  { path: 'uploads/:uploadId', element: <UploadDetailPage /> },
  { path: 'uploads/:uploadId/continue', element: <UploadContinuePage /> },
  { path: 'leads', element: <MyLeadsPage /> },
];
