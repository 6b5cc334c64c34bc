import { useState, type ReactNode } from 'react';
import { Link as RouterLink, Navigate, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Skeleton from '@mui/material/Skeleton';
import ArrowBackRounded from '@mui/icons-material/ArrowBackRounded';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';
import { NotFoundPage } from '@/components/ui/not-found-page';
import { PageHeader } from '@/components/ui/page-header';
import { describeError } from '@/lib/problem';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useReopenUploadQuery } from '@/features/vendor/api/vendor-api';
import { UploadWizard } from '@/features/vendor/components/upload-wizard';

const SUBTITLE = 'Import a file of leads: map its columns, set a price, and we check every row.';

function WizardFrame({ children }: { children: ReactNode }) {
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <Button component={RouterLink} to="/vendor/uploads" startIcon={<ArrowBackRounded />} sx={{ mb: 1, ml: -1 }}>
        All uploads
      </Button>
      <PageHeader title="Upload leads" subtitle={SUBTITLE} />
      {children}
    </Box>
  );
}

export function UploadWizardPage() {
  useDocumentTitle('Upload leads');
  // A new key remounts the wizard: "Upload another file" starts from a clean slate.
  const [run, setRun] = useState(0);
  return (
    <WizardFrame>
      <UploadWizard key={run} onStartOver={() => setRun((n) => n + 1)} />
    </WizardFrame>
  );
}

/** Problems with the upload itself: trying again does not help. */
const FINAL_CODES = new Set(['upload_not_found', 'upload_file_missing']);

/** /vendor/uploads/:uploadId/continue: the wizard at the mapping step of an upload not confirmed yet. */
export function UploadContinuePage() {
  const { uploadId } = useParams();
  const id = Number(uploadId);
  const valid = Number.isInteger(id) && id > 0;
  useDocumentTitle('Upload leads');
  const navigate = useNavigate();
  // Always fresh: the mapping remembered for these columns may have changed since the last visit.
  const { data, error, refetch } = useReopenUploadQuery(id, { skip: !valid, refetchOnMountOrArgChange: true });

  if (!valid) return <NotFoundPage />;
  const described = error ? describeError(error) : null;
  // Confirmed meanwhile (another tab): its progress is what there is to see.
  if (!data && described?.code === 'upload_already_confirmed') {
    return <Navigate to={`/vendor/uploads/${id}`} replace />;
  }

  let content: ReactNode;
  if (data) {
    content = <UploadWizard resume={data} onStartOver={() => void navigate('/vendor/uploads/new')} />;
  } else if (described && FINAL_CODES.has(described.code ?? '')) {
    content = (
      <Alert
        severity="warning"
        action={
          <Button component={RouterLink} to="/vendor/uploads/new" color="inherit" size="small">
            Upload a file
          </Button>
        }
      >
        {described.message}
      </Alert>
    );
  } else if (described) {
    content = <LoadErrorAlert message={described.message} onRetry={refetch} />;
  } else {
    content = (
      <Card sx={{ p: 3 }} aria-busy="true" aria-label="Loading the upload">
        <Skeleton width="30%" height={32} />
        <Skeleton variant="rounded" height={240} sx={{ mt: 2 }} />
      </Card>
    );
  }
  return <WizardFrame>{content}</WizardFrame>;
}
