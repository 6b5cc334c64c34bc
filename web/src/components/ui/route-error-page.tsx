import { isRouteErrorResponse, Link as RouterLink, useRouteError } from 'react-router';
import Button from '@mui/material/Button';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import { StatusPage } from '@/components/ui/status-page';
import { NotFoundPage } from '@/components/ui/not-found-page';
import { useDocumentTitle } from '@/lib/use-document-title';

export function RouteErrorPage() {
  const error = useRouteError();
  useDocumentTitle('Something went wrong');
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFoundPage />;
  }
  return (
    <StatusPage
      fullHeight
      code="Unexpected error"
      icon={<ReportProblemOutlined />}
      title="Something went wrong"
      description="An unexpected error stopped this page from loading. Reloading usually fixes it."
      actions={
        <>
          <Button variant="contained" size="large" onClick={() => window.location.reload()}>
            Reload
          </Button>
          <Button component={RouterLink} to="/" size="large">
            Back to home
          </Button>
        </>
      }
    />
  );
}
