import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import { PlaceholderPage } from '@/components/ui/placeholder-page';

export function VendorDashboardPage() {
  return (
    <PlaceholderPage
      title="Dashboard"
      icon={<DashboardOutlined />}
      description="Your sales, net earnings after commission and lead quality trends will be summarised here."
      action={
        <Button component={RouterLink} to="/vendor/uploads" variant="contained">
          Go to uploads
        </Button>
      }
    />
  );
}
