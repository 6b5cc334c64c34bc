import type { ReactNode } from 'react';
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import ListAltOutlined from '@mui/icons-material/ListAltOutlined';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import StorefrontOutlined from '@mui/icons-material/StorefrontOutlined';
import type { Role } from '@/api/types';

export interface NavItem {
  label: string;
  to: string;
  icon: ReactNode;
  /** Match the path exactly (dashboards sit at the root of their area). */
  end?: boolean;
}

export const NAV_ITEMS: Record<Role, NavItem[]> = {
  client: [
    { label: 'Dashboard', to: '/client', icon: <DashboardOutlined />, end: true },
    { label: 'Marketplace', to: '/client/marketplace', icon: <StorefrontOutlined /> },
    { label: 'Purchases', to: '/client/purchases', icon: <ReceiptLongOutlined /> },
  ],
  vendor: [
    { label: 'Dashboard', to: '/vendor', icon: <DashboardOutlined />, end: true },
    { label: 'Uploads', to: '/vendor/uploads', icon: <CloudUploadOutlined /> },
    { label: 'My leads', to: '/vendor/leads', icon: <ListAltOutlined /> },
  ],
  admin: [
    { label: 'Dashboard', to: '/admin', icon: <DashboardOutlined />, end: true },
    { label: 'Users', to: '/admin/users', icon: <PeopleOutlined /> },
    { label: 'Audit log', to: '/admin/audit', icon: <HistoryOutlined /> },
  ],
};
