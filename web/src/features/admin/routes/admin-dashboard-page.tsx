import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import { PlaceholderPage } from '@/components/ui/placeholder-page';

export function AdminDashboardPage() {
  return (
    <PlaceholderPage
      title="Dashboard"
      icon={<DashboardOutlined />}
      description="Marketplace health will be summarised here: leads awaiting review, sales, commission and pipeline quality."
      action={
        <Button component={RouterLink} to="/admin/users" variant="contained">
          Manage users
        </Button>
      }
    />
  );
}
