import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import { PlaceholderPage } from '@/components/ui/placeholder-page';

export function ClientDashboardPage() {
  return (
    <PlaceholderPage
      title="Dashboard"
      icon={<DashboardOutlined />}
      description="Your spend, purchased leads and the quality of what you bought will be summarised here."
      action={
        <Button component={RouterLink} to="/client/marketplace" variant="contained">
          Browse the marketplace
        </Button>
      }
    />
  );
}

export function PurchasesPage() {
  return (
    <PlaceholderPage
      title="Purchases"
      icon={<ReceiptLongOutlined />}
      description="Leads you have bought will be listed here with their full contact details, receipts and exports."
    />
  );
}
