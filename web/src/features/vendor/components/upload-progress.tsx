import { useEffect, useRef, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import ListAltOutlined from '@mui/icons-material/ListAltOutlined';
import type { Upload } from '@/api/types';
import { useAppDispatch } from '@/app/hooks';
import { describeError } from '@/lib/problem';
import { isUploadActive, useGetUploadQuery, vendorApi } from '@/features/vendor/api/vendor-api';
import { DownloadReportButton } from '@/features/vendor/components/download-report-button';
import { UnconfirmedUpload } from '@/features/vendor/components/unconfirmed-upload';
import { UploadStatusChip } from '@/features/vendor/components/upload-status-chip';
import { labelOf } from '@/lib/lead-labels';
import { REASON_LABEL } from '@/features/vendor/utils/labels';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';

const POLL_MS = 1000;
const number = new Intl.NumberFormat();

export function formatCount(value: number | null | undefined): string {
  return number.format(value ?? 0);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Percentage for a determinate bar, or null while the total row count is not known yet. */
export function progressOf(upload: Pick<Upload, 'rows_done' | 'rows_total'>): number | null {
  if (!upload.rows_total) return null;
  return Math.min(100, Math.round((upload.rows_done / upload.rows_total) * 100));
}

interface StatProps {
  label: string;
  value: number;
  tone: 'success' | 'warning' | 'error' | 'info';
  caption?: string;
}

function Stat({ label, value, tone, caption }: StatProps) {
  return (
    <Box
      role="group"
      aria-label={label}
      sx={(theme) => ({
        p: 2,
        borderRadius: 2,
        bgcolor: alpha(theme.palette[tone].main, 0.08),
        border: `1px solid ${alpha(theme.palette[tone].main, 0.25)}`,
      })}
    >
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h4" component="p" sx={{ color: `${tone}.dark`, fontWeight: 700 }}>
        {formatCount(value)}
      </Typography>
      {caption ? (
        <Typography variant="caption" color="text.secondary">
          {caption}
        </Typography>
      ) : null}
    </Box>
  );
}

function Counts({ upload }: { upload: Upload }) {
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' } }}>
      <Stat label="Accepted" value={upload.accepted} tone="success" caption="Passed every check" />
      <Stat label="Accepted with warnings" value={upload.accepted_with_warnings} tone="warning" caption="Listed, with notes" />
      <Stat label="Rejected" value={upload.rejected} tone="error" caption="Not listed" />
      <Stat label="Duplicates" value={upload.duplicates} tone="info" caption="Counted among rejected" />
    </Box>
  );
}

function RejectionReasons({ upload }: { upload: Upload }) {
  const reasons = Object.entries(upload.rejected_by_reason ?? {})
    .filter(([, count]) => count > 0)
    .sort(([, a], [, b]) => b - a);
  if (reasons.length === 0) return null;
  const sum = reasons.reduce((total, [, count]) => total + count, 0);
  return (
    <Box>
      <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
        Why rows were rejected
      </Typography>
      <Table size="small" aria-label="Rejection reasons" sx={{ maxWidth: 560 }}>
        <TableHead>
          <TableRow>
            <TableCell>Reason</TableCell>
            <TableCell align="right">Rows</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {reasons.map(([code, count]) => (
            <TableRow key={code}>
              <TableCell title={code}>{labelOf(REASON_LABEL, code)}</TableCell>
              <TableCell align="right">{formatCount(count)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {sum > upload.rejected ? (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
          A row can fail for more than one reason, so these add up to more than the {formatCount(upload.rejected)} rejected rows.
        </Typography>
      ) : null}
    </Box>
  );
}

interface UploadProgressProps {
  uploadId: number;
  /** Extra actions shown next to "See these leads" once the file is done, e.g. "Upload another file". */
  actions?: ReactNode;
}

/** Follows one upload through processing (polling once a second) and then summarises the result. */
export function UploadProgress({ uploadId, actions }: UploadProgressProps) {
  const dispatch = useAppDispatch();
  const { data: upload, error, refetch } = useGetUploadQuery(uploadId);
  const active = upload === undefined || isUploadActive(upload);
  // A second subscription that only exists while the job runs: polling stops by itself afterwards.
  useGetUploadQuery(uploadId, { pollingInterval: POLL_MS, skipPollingIfUnfocused: false, skip: !active || !!error });

  const wasActive = useRef(false);
  useEffect(() => {
    if (!upload) return;
    if (isUploadActive(upload)) {
      wasActive.current = true;
    } else if (wasActive.current) {
      wasActive.current = false;
      // The list pages cached before the job finished are stale now.
      dispatch(vendorApi.util.invalidateTags([{ type: 'Upload', id: 'LIST' }, { type: 'VendorLead', id: 'LIST' }]));
    }
  }, [upload, dispatch]);

  if (error && !upload) {
    return (
      <LoadErrorAlert message={describeError(error).message} onRetry={refetch} />
    );
  }
  if (!upload) {
    return (
      <Box aria-busy="true">
        <Skeleton width="40%" height={32} />
        <Skeleton variant="rounded" height={8} sx={{ my: 2 }} />
        <Skeleton variant="rounded" height={96} />
      </Box>
    );
  }

  const percent = progressOf(upload);
  const finished = upload.status === 'completed' || upload.status === 'failed';
  const listed = upload.accepted + upload.accepted_with_warnings;

  return (
    <Box sx={{ display: 'grid', gap: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2" sx={{ wordBreak: 'break-all' }}>
          {upload.filename}
        </Typography>
        <UploadStatusChip status={upload.status} />
        <Typography variant="body2" color="text.secondary">
          {formatBytes(upload.size_bytes)}
        </Typography>
      </Box>

      {upload.status === 'uploaded' ? <UnconfirmedUpload upload={upload} /> : null}

      {active && upload.status !== 'uploaded' ? (
        <Box>
          <Box sx={{ display: 'flex', justifyContent: 'space-between', mb: 1 }}>
            <Typography>
              {upload.status === 'queued' ? 'Waiting for a free worker…' : 'Checking, scoring and pricing your leads…'}
            </Typography>
            <Typography color="text.secondary" aria-live="polite">
              {upload.rows_total
                ? `${formatCount(upload.rows_done)} of ${formatCount(upload.rows_total)} rows`
                : `${formatCount(upload.rows_done)} rows`}
            </Typography>
          </Box>
          <LinearProgress
            aria-label="Processing progress"
            variant={percent === null ? 'indeterminate' : 'determinate'}
            value={percent ?? undefined}
            sx={{ height: 8, borderRadius: 4 }}
          />
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            You can leave this page; processing continues in the background and the file stays listed under Uploads.
          </Typography>
        </Box>
      ) : null}

      {upload.status === 'failed' ? (
        <Alert severity="error">
          {upload.error ?? 'Processing stopped because of an error.'}{' '}
          {upload.rows_done > 0 ? `${formatCount(upload.rows_done)} rows were processed before it stopped.` : ''}
        </Alert>
      ) : null}

      {upload.status === 'completed' ? (
        <Alert severity={listed > 0 ? 'success' : 'warning'} role="status">
          {listed > 0
            ? `${formatCount(listed)} of ${formatCount(upload.rows_total ?? upload.rows_done)} rows became leads. Each goes on sale once it is approved, by a reviewer or at once by an auto-approval rule: “See these leads” shows where each one stands.`
            : 'No row of this file became a lead. The reasons are listed below and in the error report.'}
        </Alert>
      ) : null}

      {upload.status !== 'uploaded' && (finished || upload.rows_done > 0) ? <Counts upload={upload} /> : null}
      {finished ? <RejectionReasons upload={upload} /> : null}

      {finished ? (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5 }}>
          {listed > 0 ? (
            <Button
              component={RouterLink}
              to={`/vendor/leads?upload_id=${upload.id}`}
              variant="contained"
              startIcon={<ListAltOutlined />}
            >
              See these leads
            </Button>
          ) : null}
          {upload.error_report_url ? <DownloadReportButton uploadId={upload.id} url={upload.error_report_url} /> : null}
          {actions}
        </Box>
      ) : null}
    </Box>
  );
}
