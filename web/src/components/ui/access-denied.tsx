import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import LockPersonOutlined from '@mui/icons-material/LockPersonOutlined';
import { StatusPage } from '@/components/ui/status-page';
import { useDocumentTitle } from '@/lib/use-document-title';

export function AccessDenied({ homeHref }: { homeHref: string }) {
  useDocumentTitle('Access denied');
  return (
    <StatusPage
      code="Error 403"
      icon={<LockPersonOutlined />}
      title="Access denied"
      description="You don't have access to this page. It belongs to a different kind of account than yours."
      actions={
        <Button component={RouterLink} to={homeHref} variant="contained" size="large">
          Go to my dashboard
        </Button>
      }
    />
  );
}
