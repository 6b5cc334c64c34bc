import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import ListAltOutlined from '@mui/icons-material/ListAltOutlined';
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

export function UploadsPage() {
  return (
    <PlaceholderPage
      title="Uploads"
      icon={<CloudUploadOutlined />}
      description="Upload CSV files of leads here and follow each file through mapping, validation and scoring."
    />
  );
}

export function MyLeadsPage() {
  return (
    <PlaceholderPage
      title="My leads"
      icon={<ListAltOutlined />}
      description="Every lead you have uploaded will be listed here with its review status, score and sales."
    />
  );
}
