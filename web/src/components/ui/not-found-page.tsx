import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import TravelExploreOutlined from '@mui/icons-material/TravelExploreOutlined';
import { StatusPage } from '@/components/ui/status-page';
import { useDocumentTitle } from '@/lib/use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <StatusPage
      fullHeight
      code="Error 404"
      icon={<TravelExploreOutlined />}
      title="We couldn't find that page"
      description="The link may be out of date, or the page may have moved. Let's get you back on track."
      actions={
        <Button component={RouterLink} to="/" variant="contained" size="large">
          Back to home
        </Button>
      }
    />
  );
}
