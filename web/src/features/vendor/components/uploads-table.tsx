import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { Upload } from '@/api/types';
import { formatDateTime } from '@/lib/format';
import { isUploadActive, useGetUploadQuery } from '@/features/vendor/api/vendor-api';
import { DownloadReportButton } from '@/features/vendor/components/download-report-button';
import { formatBytes, formatCount, progressOf } from '@/features/vendor/components/upload-progress';
import { UploadStatusChip } from '@/features/vendor/components/upload-status-chip';

function Count({ value, color, label }: { value: number; color: string; label: string }) {
  return (
    <Tooltip title={label}>
      <Typography component="span" variant="body2" sx={{ color: value > 0 ? color : 'text.disabled', fontWeight: 600 }}>
        {formatCount(value)}
      </Typography>
    </Tooltip>
  );
}

interface UploadRowProps {
  listed: Upload;
  onDiscard: (upload: Upload) => void;
}

/** One row; while its job runs it polls the upload itself so the list shows live progress. */
function UploadRow({ listed, onDiscard }: UploadRowProps) {
  const active = isUploadActive(listed);
  const { data: live } = useGetUploadQuery(listed.id, {
    skip: !active,
    pollingInterval: 1000,
    skipPollingIfUnfocused: true,
  });
  const upload = active && live ? live : listed;
  const running = isUploadActive(upload);
  const percent = progressOf(upload);

  return (
    <TableRow hover>
      {/* minWidth: on a phone the fixed-width columns squeezed the name to a few letters a line
          ("crm-expo|rt.cs|v"); the table scrolls sideways instead. */}
      <TableCell sx={{ maxWidth: 320, minWidth: 150 }}>
        <Link component={RouterLink} to={`/vendor/uploads/${upload.id}`} underline="hover" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
          {upload.filename}
        </Link>
        <Typography variant="body2" color="text.secondary">
          {formatBytes(upload.size_bytes)}
          {upload.rows_total !== null ? ` · ${formatCount(upload.rows_total)} rows` : ''}
        </Typography>
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap', display: { xs: 'none', md: 'table-cell' } }}>
        {formatDateTime(upload.created_at)}
      </TableCell>
      <TableCell sx={{ minWidth: 160 }}>
        <UploadStatusChip status={upload.status} />
        {running ? (
          <Box sx={{ mt: 1 }}>
            <LinearProgress
              variant={percent === null ? 'indeterminate' : 'determinate'}
              value={percent ?? undefined}
              aria-label={`Progress of ${upload.filename}`}
            />
            <Typography variant="caption" color="text.secondary">
              {upload.rows_total ? `${formatCount(upload.rows_done)} of ${formatCount(upload.rows_total)} rows` : 'Starting…'}
            </Typography>
          </Box>
        ) : null}
      </TableCell>
      {(
        [
          ['accepted', 'success.main', 'Accepted'],
          ['accepted_with_warnings', 'warning.main', 'Accepted with warnings'],
          ['rejected', 'error.main', 'Rejected'],
        ] as const
      ).map(([key, color, label]) => (
        <TableCell key={key} align="right">
          {upload.status === 'uploaded' ? (
            <Typography variant="body2" color="text.disabled">
              —
            </Typography>
          ) : (
            <Count value={upload[key]} color={color} label={label} />
          )}
        </TableCell>
      ))}
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {upload.status === 'uploaded' ? (
          <>
            <Button component={RouterLink} to={`/vendor/uploads/${upload.id}/continue`} size="small">
              Continue
            </Button>
            <Button size="small" color="error" onClick={() => onDiscard(upload)}>
              Discard
            </Button>
          </>
        ) : upload.error_report_url ? (
          <DownloadReportButton uploadId={upload.id} url={upload.error_report_url} size="small" variant="text" />
        ) : upload.status === 'completed' && upload.accepted + upload.accepted_with_warnings > 0 ? (
          <Button component={RouterLink} to={`/vendor/leads?upload_id=${upload.id}`} size="small">
            See leads
          </Button>
        ) : null}
      </TableCell>
    </TableRow>
  );
}

interface UploadsTableProps {
  uploads: Upload[];
  /** Asks to discard an upload whose mapping was never confirmed. */
  onDiscard: (upload: Upload) => void;
}

export function UploadsTable({ uploads, onDiscard }: UploadsTableProps) {
  return (
    <TableContainer>
      <Table aria-label="Uploads">
        <TableHead>
          <TableRow>
            <TableCell>File</TableCell>
            <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>Uploaded</TableCell>
            <TableCell>Status</TableCell>
            <TableCell align="right">Accepted</TableCell>
            <TableCell align="right">Warnings</TableCell>
            <TableCell align="right">Rejected</TableCell>
            <TableCell align="right">
              <Box component="span" sx={{ position: 'absolute', left: -9999 }}>
                Actions
              </Box>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {uploads.map((upload) => (
            <UploadRow key={upload.id} listed={upload} onDiscard={onDiscard} />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
