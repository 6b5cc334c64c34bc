import { useEffect, useMemo, useState } from 'react';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import BlockRounded from '@mui/icons-material/BlockRounded';
import CheckRounded from '@mui/icons-material/CheckRounded';
import InboxOutlined from '@mui/icons-material/InboxOutlined';
import RefreshRounded from '@mui/icons-material/RefreshRounded';
import type { BulkDecision, BulkResult, ReviewLead, ReviewVendor } from '@/api/types';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';
import { type Notice as BaseNotice, NoticeSnackbar } from '@/components/ui/notice-snackbar';
import { PageHeader } from '@/components/ui/page-header';
import { describeError } from '@/lib/problem';
import { useDocumentTitle } from '@/lib/use-document-title';
import {
  DEFAULT_QUEUE_FILTERS,
  useApproveLeadMutation,
  useDecideManyMutation,
  useListQueueInfiniteQuery,
  useRejectLeadMutation,
  type QueueFilters as Filters,
} from '@/features/review/api/review-api';
import { KeyboardHint } from '@/features/review/components/keyboard-hint';
import { QueueFilters } from '@/features/review/components/queue-filters';
import { QueueTable } from '@/features/review/components/queue-table';
import { RejectDialog, type RejectValues } from '@/features/review/components/reject-dialog';
import { PANEL_WIDTH, ReviewPanel } from '@/features/review/components/review-panel';
import { ReviewTabs } from '@/features/review/components/review-tabs';
import { summarizeBulk } from '@/features/review/utils/labels';

/** The API takes at most this many leads per bulk decision. */
const BULK_LIMIT = 200;

type Notice = BaseNotice & { details?: string[] };
type Rejecting = { kind: 'one'; lead: ReviewLead } | { kind: 'bulk'; leads: ReviewLead[] };

function mergeResults(results: BulkResult[]): BulkResult {
  return results.reduce<BulkResult>(
    (all, r) => ({
      results: [...all.results, ...r.results],
      approved: all.approved + r.approved,
      rejected: all.rejected + r.rejected,
      unchanged: all.unchanged + r.unchanged,
      conflicts: all.conflicts + r.conflicts,
      not_found: all.not_found + r.not_found,
    }),
    { results: [], approved: 0, rejected: 0, unchanged: 0, conflicts: 0, not_found: 0 },
  );
}

function isFiltered(filters: Filters): boolean {
  return (
    filters.vendorId !== null ||
    filters.industry !== '' ||
    filters.minScore > 0 ||
    filters.maxScore < 1 ||
    filters.flag !== ''
  );
}

export function ReviewPage() {
  useDocumentTitle('Review queue');
  const [filters, setFilters] = useState<Filters>(DEFAULT_QUEUE_FILTERS);
  // Others review at the same time: a queue shown again is always fetched again.
  const { data, error, isLoading, isFetching, isFetchingNextPage, hasNextPage, fetchNextPage, refetch } =
    useListQueueInfiniteQuery(filters, { refetchOnMountOrArgChange: true });
  const [approveLead] = useApproveLeadMutation();
  const [rejectLead] = useRejectLeadMutation();
  const [decideMany] = useDecideManyMutation();

  const leads = useMemo(() => data?.pages.flatMap((page) => page.data) ?? [], [data]);
  const pendingTotal = data?.pages[0]?.pending_total ?? null;
  const [activeId, setActiveId] = useState<number | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [busyIds, setBusyIds] = useState<ReadonlySet<number>>(new Set());
  const [rejecting, setRejecting] = useState<Rejecting | null>(null);
  const [dialogKey, setDialogKey] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [bulkBusy, setBulkBusy] = useState(false);
  // Vendors and industries met so far stay pickable after a filter narrows the rows down.
  const [seenVendors, setSeenVendors] = useState<ReadonlyMap<number, ReviewVendor>>(new Map());
  const [seenIndustries, setSeenIndustries] = useState<readonly string[]>([]);

  useEffect(() => {
    setSeenVendors((current) => {
      const fresh = leads.filter((lead) => !current.has(lead.vendor.id));
      if (fresh.length === 0) return current;
      const next = new Map(current);
      for (const lead of fresh) next.set(lead.vendor.id, lead.vendor);
      return next;
    });
    setSeenIndustries((current) => {
      const fresh = [...new Set(leads.map((lead) => lead.industry).filter((i): i is string => Boolean(i)))].filter(
        (industry) => !current.includes(industry),
      );
      return fresh.length === 0 ? current : [...current, ...fresh].sort((a, b) => a.localeCompare(b));
    });
  }, [leads]);

  const activeLead = leads.find((lead) => lead.id === activeId) ?? null;
  const checkedLeads = leads.filter((lead) => checked.has(lead.id));
  const vendors = useMemo(
    () => [...seenVendors.values()].sort((a, b) => (a.company || a.name).localeCompare(b.company || b.name)),
    [seenVendors],
  );
  const filtered = isFiltered(filters);
  const loadError = error ? describeError(error).message : null;

  function changeFilters(changes: Partial<Filters>) {
    setFilters((current) => ({ ...current, ...changes }));
    setChecked(new Set());
  }

  function open(lead: ReviewLead) {
    setActiveId(lead.id);
    setPanelOpen(true);
  }

  function toggle(lead: ReviewLead) {
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(lead.id)) next.delete(lead.id);
      else next.add(lead.id);
      return next;
    });
  }

  /** The decided row leaves the queue: the next one (or the previous, at the end) becomes active. */
  function advancePast(id: number) {
    const index = leads.findIndex((lead) => lead.id === id);
    const next = leads[index + 1] ?? leads[index - 1] ?? null;
    // Functional: the reviewer may have moved on while the decision was in flight.
    setActiveId((current) => (current === id ? (next?.id ?? null) : current));
    if (!next) setPanelOpen(false);
  }

  function setBusy(id: number, busy: boolean) {
    setBusyIds((current) => {
      const next = new Set(current);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function forget(ids: number[]) {
    setChecked((current) => {
      const next = new Set(current);
      for (const id of ids) next.delete(id);
      return next.size === current.size ? current : next;
    });
  }

  async function approveOne(lead: ReviewLead) {
    if (lead.status !== 'pending_review' || busyIds.has(lead.id)) return;
    setBusy(lead.id, true);
    try {
      // The version the reviewer saw: a lead changed since is refused (409 lead_changed), never approved blind.
      await approveLead({ id: lead.id, version: lead.version }).unwrap();
      advancePast(lead.id);
      forget([lead.id]);
      setNotice({ severity: 'success', message: `Approved “${lead.title}”: it is on the marketplace now.` });
    } catch (err) {
      setNotice({ severity: 'error', message: describeError(err).message ?? 'Could not approve the lead.' });
    } finally {
      setBusy(lead.id, false);
    }
  }

  function startReject(next: Rejecting) {
    setRejecting(next);
    setDialogKey((key) => key + 1);
  }

  async function runBulk(action: BulkDecision['action'], targets: ReviewLead[], values?: RejectValues) {
    const results: BulkResult[] = [];
    for (let start = 0; start < targets.length; start += BULK_LIMIT) {
      const chunk = targets.slice(start, start + BULK_LIMIT);
      results.push(
        await decideMany({
          action,
          lead_ids: chunk.map((lead) => lead.id),
          versions: Object.fromEntries(chunk.map((lead) => [String(lead.id), lead.version])),
          ...(values ? { reason: values.reason, note: values.note } : {}),
        }).unwrap(),
      );
    }
    const result = mergeResults(results);
    const summary = summarizeBulk(action, result);
    const titles = new Map(targets.map((lead) => [lead.id, lead.title]));
    const details = result.results
      .filter((r) => r.outcome !== 'approved' && r.outcome !== 'rejected')
      .map((r) => `${titles.get(r.lead_id) ?? `Lead #${r.lead_id}`}: ${r.detail ?? r.outcome.replace('_', ' ')}`);
    forget(targets.map((lead) => lead.id));
    if (activeId !== null && targets.some((lead) => lead.id === activeId)) setPanelOpen(false);
    setNotice({ ...summary, details });
  }

  async function approveChecked() {
    setBulkBusy(true);
    try {
      await runBulk('approve', checkedLeads);
    } catch (err) {
      setNotice({ severity: 'error', message: describeError(err).message ?? 'Could not approve the leads.' });
    } finally {
      setBulkBusy(false);
    }
  }

  async function submitReject(values: RejectValues) {
    if (!rejecting) return;
    if (rejecting.kind === 'bulk') {
      // Errors (a refused reason or note) stay in the dialog.
      await runBulk('reject', rejecting.leads, values);
      setRejecting(null);
      return;
    }
    const { lead } = rejecting;
    try {
      await rejectLead({ id: lead.id, reason: values.reason, note: values.note, version: lead.version }).unwrap();
      advancePast(lead.id);
      forget([lead.id]);
      setNotice({ severity: 'success', message: `Rejected “${lead.title}”. Its vendor was told why.` });
      setRejecting(null);
    } catch (err) {
      const described = describeError(err, ['reason', 'note']);
      if (described.status !== 409) throw err;
      // Someone else decided or changed the lead: say so; the row and the detail are refetched.
      setNotice({ severity: 'error', message: described.message ?? 'The lead changed meanwhile.' });
      setRejecting(null);
    }
  }

  const subtitle =
    pendingTotal === null
      ? 'Leads waiting for a decision before they go on the marketplace.'
      : pendingTotal === 0
        ? 'Nothing waits for review.'
        : `${pendingTotal} lead${pendingTotal === 1 ? '' : 's'} waiting for review.`;

  return (
    <Box sx={{ mr: { xl: panelOpen && activeLead ? `${PANEL_WIDTH}px` : 0 }, transition: 'margin 225ms ease' }}>
      <PageHeader
        title="Review queue"
        subtitle={subtitle}
        actions={
          <Button variant="outlined" startIcon={<RefreshRounded />} onClick={() => void refetch()} disabled={isFetching}>
            Refresh
          </Button>
        }
      />
      <ReviewTabs value="queue" />
      <Card>
        <QueueFilters
          filters={filters}
          onChange={changeFilters}
          vendors={vendors}
          industries={seenIndustries}
          filtered={filtered}
          onClear={() => changeFilters({ ...DEFAULT_QUEUE_FILTERS, sort: filters.sort })}
        />
        <Box
          sx={(theme) => ({
            // On a phone the bar only holds the bulk actions (there is no keyboard hint).
            display: { xs: checkedLeads.length > 0 ? 'flex' : 'none', sm: 'flex' },
            alignItems: 'center',
            flexWrap: 'wrap',
            gap: 1.5,
            minHeight: 52,
            px: 2.5,
            py: 1,
            borderTop: 1,
            borderColor: 'divider',
            bgcolor: checkedLeads.length > 0 ? alpha(theme.palette.primary.main, 0.06) : 'transparent',
          })}
        >
          {checkedLeads.length > 0 ? (
            <>
              <Typography variant="body2" sx={{ fontWeight: 600 }} role="status">
                {checkedLeads.length} selected
              </Typography>
              <Button
                size="small"
                variant="contained"
                color="success"
                startIcon={<CheckRounded />}
                disabled={bulkBusy}
                onClick={() => void approveChecked()}
              >
                {bulkBusy ? 'Approving…' : 'Approve selected'}
              </Button>
              <Button
                size="small"
                variant="outlined"
                color="error"
                startIcon={<BlockRounded />}
                disabled={bulkBusy}
                onClick={() => startReject({ kind: 'bulk', leads: checkedLeads })}
              >
                Reject selected
              </Button>
              <Button size="small" onClick={() => setChecked(new Set())} disabled={bulkBusy}>
                Clear selection
              </Button>
            </>
          ) : (
            <KeyboardHint />
          )}
        </Box>
        <Box sx={{ height: 4 }}>{isFetching && !isLoading && !isFetchingNextPage ? <LinearProgress /> : null}</Box>

        {loadError ? <LoadErrorAlert message={loadError} onRetry={refetch} sx={{ m: 2.5 }} /> : null}

        {isLoading ? (
          <Box sx={{ px: 2.5, pb: 2.5 }} aria-busy="true" aria-label="Loading the queue">
            {[0, 1, 2, 3, 4, 5].map((key) => (
              <Skeleton key={key} variant="rounded" height={48} sx={{ mb: 1.25 }} />
            ))}
          </Box>
        ) : null}

        {!isLoading && !loadError && leads.length === 0 ? (
          <Box sx={{ p: 2.5, pt: 1 }}>
            {filtered ? (
              <EmptyState
                icon={<InboxOutlined />}
                title="No lead matches these filters"
                description="Leads are waiting, but none with this vendor, industry, score or risk flag. Clear the filters to see the whole queue."
                action={
                  <Button variant="outlined" onClick={() => changeFilters({ ...DEFAULT_QUEUE_FILTERS, sort: filters.sort })}>
                    Clear filters
                  </Button>
                }
              />
            ) : (
              <EmptyState
                icon={<InboxOutlined />}
                title="The queue is empty"
                description="Nothing waits for review. New leads land here once they pass validation; the auto-approval rules publish those that meet their conditions."
              />
            )}
          </Box>
        ) : null}

        {leads.length > 0 ? (
          <QueueTable
            leads={leads}
            activeId={activeId}
            checkedIds={checked}
            onActivate={(lead) => setActiveId(lead.id)}
            onOpen={open}
            onClose={() => setPanelOpen(false)}
            onToggle={toggle}
            onToggleAll={(all) => setChecked(all ? new Set(leads.map((lead) => lead.id)) : new Set())}
            onApprove={(lead) => void approveOne(lead)}
            onReject={(lead) => startReject({ kind: 'one', lead })}
          />
        ) : null}

        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', p: 2.5 }}>
          <Typography variant="body2" color="text.secondary">
            {leads.length > 0 && pendingTotal !== null
              ? `Showing ${leads.length} of ${pendingTotal} waiting${filtered ? ' (filtered)' : ''}`
              : ''}
          </Typography>
          {hasNextPage ? (
            <Button variant="outlined" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
              {isFetchingNextPage ? 'Loading…' : 'Load more'}
            </Button>
          ) : null}
        </Box>
      </Card>

      <ReviewPanel
        open={panelOpen}
        row={activeLead}
        busy={activeLead !== null && busyIds.has(activeLead.id)}
        onClose={() => setPanelOpen(false)}
        onApprove={(lead) => void approveOne(lead)}
        onReject={(lead) => startReject({ kind: 'one', lead })}
      />
      <RejectDialog
        key={dialogKey}
        open={rejecting !== null}
        count={rejecting?.kind === 'bulk' ? rejecting.leads.length : 1}
        title={rejecting?.kind === 'one' ? rejecting.lead.title : undefined}
        onCancel={() => setRejecting(null)}
        onSubmit={submitReject}
      />
      <NoticeSnackbar
        notice={notice}
        onClose={() => setNotice(null)}
        autoHideDuration={notice?.severity === 'success' ? 5000 : 10000}
        maxWidth={560}
      >
        {notice?.details && notice.details.length > 0 ? (
          <>
            <AlertTitle>{notice.message}</AlertTitle>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {notice.details.slice(0, 5).map((line) => (
                <li key={line}>{line}</li>
              ))}
              {notice.details.length > 5 ? <li>…and {notice.details.length - 5} more</li> : null}
            </Box>
          </>
        ) : undefined}
      </NoticeSnackbar>
    </Box>
  );
}
