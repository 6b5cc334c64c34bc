import { useMemo, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Skeleton from '@mui/material/Skeleton';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ListAltOutlined from '@mui/icons-material/ListAltOutlined';
import type { LeadStatus, VendorLead } from '@/api/types';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { describeError } from '@/lib/problem';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useGetUploadQuery, useListMyLeadsInfiniteQuery, type LeadFilters } from '@/features/vendor/api/vendor-api';
import { LeadDrawer } from '@/features/vendor/components/lead-drawer';
import { LeadsTable } from '@/features/vendor/components/leads-table';
import { LEAD_STATUS } from '@/lib/lead-labels';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';

const STATUS_FILTERS: LeadStatus[] = ['pending_review', 'available', 'sold', 'processing', 'withdrawn', 'expired', 'rejected'];

function positiveInt(value: string | null): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : null;
}

export function MyLeadsPage() {
  useDocumentTitle('My leads');
  const [searchParams, setSearchParams] = useSearchParams();
  const uploadId = positiveInt(searchParams.get('upload_id'));
  const status = searchParams.get('status') ?? '';
  const filters = useMemo<LeadFilters>(() => ({ status, uploadId }), [status, uploadId]);
  const [selected, setSelected] = useState<VendorLead | null>(null);
  // Kept apart from `selected` so the drawer keeps its content while it slides out.
  const [drawerOpen, setDrawerOpen] = useState(false);

  function openLead(lead: VendorLead) {
    setSelected(lead);
    setDrawerOpen(true);
  }

  const { data, error, isLoading, isFetching, isFetchingNextPage, hasNextPage, fetchNextPage, refetch } =
    useListMyLeadsInfiniteQuery(filters);
  const { data: upload } = useGetUploadQuery(uploadId ?? 0, { skip: uploadId === null });
  const leads = useMemo(() => data?.pages.flatMap((page) => page.data) ?? [], [data]);
  const loadError = error ? describeError(error).message : null;
  const filtered = Boolean(status || uploadId);

  function setParam(name: string, value: string | null) {
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }

  return (
    <Box>
      <PageHeader
        title="My leads"
        subtitle="Every lead you listed, with its review status, validation result, quality score and price."
      />
      <Card>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, p: 2.5 }}>
          <TextField
            select
            label="Status"
            value={status}
            onChange={(event) => setParam('status', event.target.value || null)}
            size="small"
            sx={{ flex: '0 1 200px' }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">All statuses</MenuItem>
            {STATUS_FILTERS.map((value) => (
              <MenuItem key={value} value={value}>
                {LEAD_STATUS[value]?.label ?? value}
              </MenuItem>
            ))}
          </TextField>
          {uploadId !== null ? (
            <Chip
              label={upload ? `From ${upload.filename} (upload #${uploadId})` : `From upload #${uploadId}`}
              onDelete={() => setParam('upload_id', null)}
              color="primary"
              variant="outlined"
            />
          ) : null}
        </Box>
        {status === 'rejected' && leads.length > 0 ? (
          <Alert severity="info" sx={{ mx: 2.5, mb: 2 }}>
            A reviewer turned these leads down; the reason is under each status. Open a lead to edit it and resubmit
            it for review.
          </Alert>
        ) : null}
        <Box sx={{ height: 4 }}>{isFetching && !isLoading && !isFetchingNextPage ? <LinearProgress /> : null}</Box>

        {loadError ? (
          <LoadErrorAlert message={loadError} onRetry={refetch} sx={{ m: 2.5 }} />
        ) : null}

        {isLoading ? (
          <Box sx={{ px: 2.5, pb: 2.5 }} aria-busy="true" aria-label="Loading leads">
            {[0, 1, 2, 3, 4].map((key) => (
              <Skeleton key={key} variant="rounded" height={44} sx={{ mb: 1.25 }} />
            ))}
          </Box>
        ) : null}

        {!isLoading && !loadError && leads.length === 0 ? (
          <Box sx={{ p: 2.5, pt: 0 }}>
            {filtered ? (
              <EmptyState
                icon={<ListAltOutlined />}
                title="No leads match"
                description={
                  uploadId !== null && !status
                    ? 'No row of this upload became a lead. Open the upload to see why the rows were rejected.'
                    : 'No lead matches these filters. Clear them to see all your leads.'
                }
                action={
                  <Button variant="outlined" onClick={() => setSearchParams({}, { replace: true })}>
                    Clear filters
                  </Button>
                }
              />
            ) : (
              <EmptyState
                icon={<ListAltOutlined />}
                title="No leads yet"
                description="Upload a file of leads: every row is checked, scored and priced, then listed here."
                action={
                  <Button component={RouterLink} to="/vendor/uploads/new" variant="contained">
                    Upload leads
                  </Button>
                }
              />
            )}
          </Box>
        ) : null}

        {leads.length > 0 ? (
          <LeadsTable leads={leads} selectedId={drawerOpen ? (selected?.id ?? null) : null} onOpen={openLead} />
        ) : null}

        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', p: 2.5 }}>
          <Typography variant="body2" color="text.secondary">
            {leads.length > 0 ? `Showing ${leads.length} lead${leads.length === 1 ? '' : 's'}` : ''}
          </Typography>
          {hasNextPage ? (
            <Button variant="outlined" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
              {isFetchingNextPage ? 'Loading…' : 'Load more'}
            </Button>
          ) : null}
        </Box>
      </Card>
      <LeadDrawer open={drawerOpen} leadId={selected?.id ?? null} placeholder={selected} onClose={() => setDrawerOpen(false)} />
    </Box>
  );
}
