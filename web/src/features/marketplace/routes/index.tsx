import type { RouteObject } from 'react-router';
import { LeadPage } from '@/features/marketplace/routes/lead-page';
import { MarketplacePage } from '@/features/marketplace/routes/marketplace-page';
import { SavedSearchesPage } from '@/features/marketplace/routes/saved-searches-page';

/** The buyer's marketplace, mounted under /client. */
export const marketplaceRoutes: RouteObject[] = [
  { path: 'marketplace', element: <MarketplacePage /> },
  { path: 'leads/:leadId', element: <LeadPage /> },
  { path: 'saved-searches', element: <SavedSearchesPage /> },
];
