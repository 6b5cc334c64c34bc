import { Link as RouterLink, useParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import ArrowBackRounded from '@mui/icons-material/ArrowBackRounded';
import { NotFoundPage } from '@/components/ui/not-found-page';
import { PageHeader } from '@/components/ui/page-header';
import { useDocumentTitle } from '@/lib/use-document-title';
import { UploadProgress } from '@/features/vendor/components/upload-progress';

export function UploadDetailPage() {
  const { uploadId } = useParams();
  const id = Number(uploadId);
  useDocumentTitle(`Upload #${uploadId ?? ''}`);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <Button component={RouterLink} to="/vendor/uploads" startIcon={<ArrowBackRounded />} sx={{ mb: 1, ml: -1 }}>
        All uploads
      </Button>
      <PageHeader title={`Upload #${id}`} />
      <Card sx={{ p: { xs: 2, sm: 3 } }}>
        <UploadProgress uploadId={id} />
      </Card>
    </Box>
  );
}
