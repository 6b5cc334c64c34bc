import { useMemo } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import type { AuditEntry } from '@/api/types';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { formatDateTime } from '@/lib/format';
import { describeError } from '@/lib/problem';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useListAuditInfiniteQuery } from '@/features/admin/api/admin-api';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';

function summariseData(data: AuditEntry['data']): string {
  const entries = Object.entries(data ?? {});
  if (entries.length === 0) return '—';
  return entries.map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join(' · ');
}

function target(entry: AuditEntry): string {
  if (!entry.target_type) return '—';
  return entry.target_id !== null && entry.target_id !== undefined ? `${entry.target_type} #${entry.target_id}` : entry.target_type;
}

export function AuditPage() {
  useDocumentTitle('Audit log');
  const { data, error, isLoading, isFetching, isFetchingNextPage, hasNextPage, fetchNextPage, refetch } =
    useListAuditInfiniteQuery();
  const entries = useMemo(() => data?.pages.flatMap((page) => page.data) ?? [], [data]);
  const loadError = error ? describeError(error).message : null;

  return (
    <Box>
      <PageHeader title="Audit log" subtitle="Every security-relevant action, newest first." />
      <Card>
        <Box sx={{ height: 4 }}>{isFetching && !isFetchingNextPage ? <LinearProgress /> : null}</Box>
        {loadError ? (
          <LoadErrorAlert message={loadError} onRetry={refetch} sx={{ m: 2.5 }} />
        ) : null}
        {!isLoading && !loadError && entries.length === 0 ? (
          <Box sx={{ p: 2.5 }}>
            <EmptyState
              icon={<HistoryOutlined />}
              title="Nothing recorded yet"
              description="Sign-ins, role changes and other administrative actions will be listed here as they happen."
            />
          </Box>
        ) : null}
        {entries.length > 0 ? (
          <TableContainer>
            <Table aria-label="Audit log entries">
              <TableHead>
                <TableRow>
                  <TableCell>When</TableCell>
                  <TableCell>Actor</TableCell>
                  <TableCell>Action</TableCell>
                  <TableCell>Target</TableCell>
                  <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>Details</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {entries.map((entry) => {
                  const details = summariseData(entry.data);
                  return (
                    <TableRow key={entry.id} hover>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.created_at)}</TableCell>
                      <TableCell>{entry.actor_email ?? 'System'}</TableCell>
                      <TableCell>
                        <Chip label={entry.action} size="small" sx={{ fontFamily: 'ui-monospace, monospace', fontWeight: 500 }} />
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{target(entry)}</TableCell>
                      <TableCell sx={{ display: { xs: 'none', md: 'table-cell' }, maxWidth: 360 }}>
                        <Typography variant="body2" color="text.secondary" noWrap title={details}>
                          {details}
                        </Typography>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
        ) : null}
        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', p: 2.5 }}>
          <Typography variant="body2" color="text.secondary">
            {entries.length > 0 ? `Showing ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}` : ''}
          </Typography>
          {hasNextPage ? (
            <Button variant="outlined" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
              {isFetchingNextPage ? 'Loading…' : 'Load more'}
            </Button>
          ) : null}
        </Box>
      </Card>
    </Box>
  );
}
