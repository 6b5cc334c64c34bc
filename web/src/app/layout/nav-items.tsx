import type { ReactNode } from 'react';
import BookmarkBorderOutlined from '@mui/icons-material/BookmarkBorderOutlined';
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import ListAltOutlined from '@mui/icons-material/ListAltOutlined';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import StorefrontOutlined from '@mui/icons-material/StorefrontOutlined';
import type { Role } from '@/api/types';
import { PendingReviewBadge } from '@/features/review/components/pending-review-badge';

export interface NavItem {
  label: string;
  to: string;
  icon: ReactNode;
  /** Match the path exactly (dashboards sit at the root of their area). */
  end?: boolean;
  /** Shown after the label, e.g. a count of things waiting. */
  badge?: ReactNode;
}

export const NAV_ITEMS: Record<Role, NavItem[]> = {
  client: [
    { label: 'Dashboard', to: '/client', icon: <DashboardOutlined />, end: true },
    { label: 'Marketplace', to: '/client/marketplace', icon: <StorefrontOutlined /> },
    { label: 'Saved searches', to: '/client/saved-searches', icon: <BookmarkBorderOutlined /> },
    { label: 'Purchases', to: '/client/purchases', icon: <ReceiptLongOutlined /> },
  ],
  vendor: [
    { label: 'Dashboard', to: '/vendor', icon: <DashboardOutlined />, end: true },
    { label: 'Uploads', to: '/vendor/uploads', icon: <CloudUploadOutlined /> },
    { label: 'My leads', to: '/vendor/leads', icon: <ListAltOutlined /> },
  ],
  admin: [
    { label: 'Dashboard', to: '/admin', icon: <DashboardOutlined />, end: true },
    { label: 'Review queue', to: '/admin/review', icon: <FactCheckOutlined />, badge: <PendingReviewBadge /> },
    { label: 'Users', to: '/admin/users', icon: <PeopleOutlined /> },
    { label: 'Audit log', to: '/admin/audit', icon: <HistoryOutlined /> },
  ],
};
