import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import type { Upload } from '@/api/types';
import { EmptyState } from '@/components/ui/empty-state';
import { NoticeSnackbar, type Notice } from '@/components/ui/notice-snackbar';
import { PageHeader } from '@/components/ui/page-header';
import { describeError } from '@/lib/problem';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useListUploadsInfiniteQuery } from '@/features/vendor/api/vendor-api';
import { DiscardUploadDialog } from '@/features/vendor/components/discard-upload-dialog';
import { UploadsTable } from '@/features/vendor/components/uploads-table';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';

function UploadButton() {
  return (
    <Button component={RouterLink} to="/vendor/uploads/new" variant="contained" size="large" startIcon={<CloudUploadOutlined />}>
      Upload leads
    </Button>
  );
}

export function UploadsPage() {
  useDocumentTitle('Uploads');
  const { data, error, isLoading, isFetching, isFetchingNextPage, hasNextPage, fetchNextPage, refetch } =
    useListUploadsInfiniteQuery();
  const uploads = useMemo(() => data?.pages.flatMap((page) => page.data) ?? [], [data]);
  const loadError = error ? describeError(error).message : null;
  const [discarding, setDiscarding] = useState<Upload | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  return (
    <Box>
      <PageHeader
        title="Uploads"
        subtitle="Every file you uploaded, with how many rows became leads and why the others were rejected."
        actions={<UploadButton />}
      />
      {!isLoading && !loadError && uploads.length === 0 ? (
        <EmptyState
          icon={<CloudUploadOutlined />}
          title="No uploads yet"
          description="Upload a CSV export from your CRM or spreadsheet. You'll match its columns to lead fields, set a price, and we check, score and list every row."
          action={<UploadButton />}
        />
      ) : (
        <Card>
          <Box sx={{ height: 4 }}>{isFetching && !isLoading && !isFetchingNextPage ? <LinearProgress /> : null}</Box>
          {loadError ? (
            <LoadErrorAlert message={loadError} onRetry={refetch} sx={{ m: 2.5 }} />
          ) : null}
          {isLoading ? (
            <Box sx={{ p: 2.5 }} aria-busy="true" aria-label="Loading uploads">
              {[0, 1, 2].map((key) => (
                <Skeleton key={key} variant="rounded" height={48} sx={{ mb: 1.5 }} />
              ))}
            </Box>
          ) : null}
          {uploads.length > 0 ? <UploadsTable uploads={uploads} onDiscard={setDiscarding} /> : null}
          <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', p: 2.5 }}>
            <Typography variant="body2" color="text.secondary">
              {uploads.length > 0 ? `Showing ${uploads.length} upload${uploads.length === 1 ? '' : 's'}` : ''}
            </Typography>
            {hasNextPage ? (
              <Button variant="outlined" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
                {isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            ) : null}
          </Box>
        </Card>
      )}
      <DiscardUploadDialog upload={discarding} onClose={() => setDiscarding(null)} onDone={(done) => setNotice(done)} />
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
