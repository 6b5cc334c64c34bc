/** Wording for the review queue: sort and filter options, queue ages, vendor records and bulk outcomes. */
import type { BulkResult, QueueFlagFilter, QueueSort, ReviewVendor } from '@/api/types';
import { RISK_FLAG_LABEL } from '@/lib/lead-labels';

export const SORT_OPTIONS: { value: QueueSort; label: string }[] = [
  { value: 'oldest', label: 'Oldest first' },
  { value: 'newest', label: 'Newest first' },
  { value: 'score_desc', label: 'Highest score' },
  { value: 'score_asc', label: 'Lowest score' },
];

export const FLAG_OPTIONS: { value: QueueFlagFilter; label: string }[] = [
  { value: 'any', label: 'Any risk flag' },
  { value: 'none', label: 'No risk flags' },
  ...(Object.keys(RISK_FLAG_LABEL) as QueueFlagFilter[]).map((value) => ({ value, label: RISK_FLAG_LABEL[value]! })),
];

/** Seconds in the queue as "12 min", "3 h", "2 d". */
export function formatQueueAge(seconds: number): string {
  if (seconds < 60) return '< 1 min';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}

/** A lead waiting longer than this is shown as overdue. */
export const OVERDUE_SECONDS = 2 * 86_400;

export function approvalRateLabel(vendor: ReviewVendor): string {
  if (vendor.approval_rate === null) return 'No decisions yet';
  return `${Math.round(vendor.approval_rate * 100)}% approved`;
}

export function vendorName(vendor: Pick<ReviewVendor, 'name' | 'company'>): string {
  return vendor.company ? `${vendor.name} · ${vendor.company}` : vendor.name;
}

/**
 * "12 approved, 1 already decided by someone else": one clause per kind of outcome.
 * `severity` is success when every lead got the requested decision.
 */
export function summarizeBulk(
  action: 'approve' | 'reject',
  result: BulkResult,
): { severity: 'success' | 'warning' | 'error'; message: string } {
  const decidedElsewhere = result.results.filter(
    (r) =>
      r.outcome === 'already_approved' ||
      r.outcome === 'already_rejected' ||
      (r.outcome === 'conflict' && r.code !== 'lead_changed'),
  ).length;
  const changed = result.results.filter((r) => r.outcome === 'conflict' && r.code === 'lead_changed').length;
  const done = action === 'approve' ? result.approved : result.rejected;
  const parts = [`${done} ${action === 'approve' ? 'approved' : 'rejected'}`];
  if (decidedElsewhere > 0) parts.push(`${decidedElsewhere} already decided by someone else`);
  if (changed > 0) parts.push(`${changed} changed since you loaded the queue`);
  if (result.not_found > 0) parts.push(`${result.not_found} no longer found`);
  const severity = done === result.results.length ? 'success' : done === 0 ? 'error' : 'warning';
  return { severity, message: parts.join(', ') };
}
