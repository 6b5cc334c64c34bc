import type { RouteObject } from 'react-router';
import { ReviewPage } from '@/features/review/routes/review-page';
import { RulesPage } from '@/features/review/routes/rules-page';

/** Mounted under /admin (the admin role guard) by the app's routes. */
export const reviewRoutes: RouteObject[] = [
  { path: 'review', element: <ReviewPage /> },
  { path: 'review/rules', element: <RulesPage /> },
];
