import { useEffect, useRef, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import type { ReviewLead } from '@/api/types';
import { RiskFlagChip, ScoreBar } from '@/components/leads/lead-chips';
import { formatDateTime } from '@/lib/format';
import { TrustedChip } from '@/features/review/components/trusted-chip';
import { countryName, humanise } from '@/lib/lead-labels';
import { approvalRateLabel, formatQueueAge, OVERDUE_SECONDS } from '@/features/review/utils/labels';

const SHOWN_FLAGS = 2;

function duplicateHint(lead: ReviewLead): string {
  const on = [...new Set(lead.duplicates.map((d) => humanise(d.matched_on).toLowerCase()))].join(', ');
  const n = lead.duplicates.length;
  return `Matches ${n} other lead${n === 1 ? '' : 's'} on ${on}`;
}

function isTyping(target: EventTarget): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName) ||
    (target instanceof HTMLInputElement && target.type !== 'checkbox'));
}

interface QueueTableProps {
  leads: ReviewLead[];
  activeId: number | null;
  checkedIds: ReadonlySet<number>;
  onActivate: (lead: ReviewLead) => void;
  onOpen: (lead: ReviewLead) => void;
  onClose: () => void;
  onToggle: (lead: ReviewLead) => void;
  onToggleAll: (checked: boolean) => void;
  onApprove: (lead: ReviewLead) => void;
  onReject: (lead: ReviewLead) => void;
}

/**
 * The pending leads with a roving focus: the active row is the one tab stop, and while a row has
 * focus j/k (↓/↑) move, x ticks, a approves, r rejects, Enter opens the details and Esc closes them.
 */
export function QueueTable({
  leads,
  activeId,
  checkedIds,
  onActivate,
  onOpen,
  onClose,
  onToggle,
  onToggleAll,
  onApprove,
  onReject,
}: QueueTableProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const rows = useRef(new Map<number, HTMLTableRowElement>());
  const activeIndex = leads.findIndex((lead) => lead.id === activeId);
  const tabStop = activeIndex === -1 ? leads[0]?.id : activeId;
  const checkedCount = leads.filter((lead) => checkedIds.has(lead.id)).length;

  // When the active row changes (a key, or a decided row leaving the list), keep the keyboard in the
  // table, but never take focus from somewhere else on the page.
  useEffect(() => {
    if (activeId === null) return;
    const focused = document.activeElement;
    const focusInTable = containerRef.current?.contains(focused) ?? false;
    if (focusInTable || focused === document.body) rows.current.get(activeId)?.focus();
  }, [activeId, leads]);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    const current = activeIndex === -1 ? undefined : leads[activeIndex];
    const move = (step: number) => {
      const next = leads[Math.min(leads.length - 1, Math.max(0, activeIndex === -1 ? 0 : activeIndex + step))];
      if (next) {
        onActivate(next);
        rows.current.get(next.id)?.focus();
      }
    };
    switch (event.key) {
      case 'j':
      case 'ArrowDown':
        move(1);
        break;
      case 'k':
      case 'ArrowUp':
        move(-1);
        break;
      case 'x':
        if (current) onToggle(current);
        break;
      case 'a':
        if (current) onApprove(current);
        break;
      case 'r':
        if (current) onReject(current);
        break;
      case 'Enter':
        if (current) onOpen(current);
        break;
      case 'Escape':
        onClose();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  return (
    <TableContainer ref={containerRef} onKeyDown={handleKeyDown}>
      <Table aria-label="Review queue" size="small" sx={{ '& td, & th': { py: 1.25, px: 1.25 } }}>
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox">
              <Checkbox
                checked={leads.length > 0 && checkedCount === leads.length}
                indeterminate={checkedCount > 0 && checkedCount < leads.length}
                onChange={(event) => onToggleAll(event.target.checked)}
                slotProps={{ input: { 'aria-label': 'Select all leads in the list' } }}
              />
            </TableCell>
            <TableCell>Lead</TableCell>
            <TableCell>Vendor</TableCell>
            <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' } }}>Industry</TableCell>
            <TableCell>Score</TableCell>
            <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' } }}>Risk flags</TableCell>
            <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>Duplicates</TableCell>
            <TableCell align="right">Waiting</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {leads.map((lead) => {
            const active = lead.id === activeId;
            const checked = checkedIds.has(lead.id);
            const contact = [lead.contact_first_name, lead.contact_last_name].filter(Boolean).join(' ');
            const overdue = lead.queue_age_seconds >= OVERDUE_SECONDS;
            return (
              <TableRow
                key={lead.id}
                ref={(element: HTMLTableRowElement | null) => {
                  if (element) rows.current.set(lead.id, element);
                  else rows.current.delete(lead.id);
                }}
                hover
                selected={active}
                aria-selected={active}
                tabIndex={lead.id === tabStop ? 0 : -1}
                aria-label={lead.title}
                onClick={() => onOpen(lead)}
                onFocus={(event) => {
                  if (event.target === event.currentTarget && !active) onActivate(lead);
                }}
                sx={{ cursor: 'pointer', '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 } }}
              >
                <TableCell padding="checkbox" onClick={(event) => event.stopPropagation()}>
                  <Checkbox
                    checked={checked}
                    onChange={() => onToggle(lead)}
                    tabIndex={-1}
                    slotProps={{ input: { 'aria-label': `Select ${lead.title}` } }}
                  />
                </TableCell>
                <TableCell sx={{ maxWidth: 240 }}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap title={lead.title}>
                    {lead.title}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" noWrap component="div">
                    {[contact, lead.company_name].filter(Boolean).join(' · ') || '—'}
                  </Typography>
                </TableCell>
                <TableCell sx={{ maxWidth: 200 }}>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, minWidth: 0 }}>
                    <Typography variant="body2" noWrap title={lead.vendor.company ?? lead.vendor.name}>
                      {lead.vendor.company || lead.vendor.name}
                    </Typography>
                    {lead.vendor.is_trusted_vendor ? <TrustedChip /> : null}
                  </Box>
                  <Typography variant="caption" color="text.secondary" noWrap component="div">
                    {approvalRateLabel(lead.vendor)}
                  </Typography>
                </TableCell>
                <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' }, maxWidth: 150 }}>
                  <Typography variant="body2" noWrap>
                    {lead.industry ?? '—'}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" component="div">
                    {lead.country ? countryName(lead.country) : '—'}
                  </Typography>
                </TableCell>
                <TableCell>
                  <ScoreBar score={lead.lead_score} />
                </TableCell>
                <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' } }}>
                  {lead.risk_flags.length === 0 ? (
                    <Typography variant="body2" color="text.disabled">
                      None
                    </Typography>
                  ) : (
                    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                      {lead.risk_flags.slice(0, SHOWN_FLAGS).map((flag) => (
                        <RiskFlagChip key={flag} flag={flag} />
                      ))}
                      {lead.risk_flags.length > SHOWN_FLAGS ? (
                        <Tooltip title={lead.risk_flags.slice(SHOWN_FLAGS).map(humanise).join(', ')}>
                          <Chip size="small" label={`+${lead.risk_flags.length - SHOWN_FLAGS}`} />
                        </Tooltip>
                      ) : null}
                    </Box>
                  )}
                </TableCell>
                <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>
                  {lead.duplicates.length > 0 ? (
                    <Tooltip title={duplicateHint(lead)}>
                      <Chip
                        size="small"
                        color="error"
                        variant="outlined"
                        icon={<ContentCopyOutlined />}
                        label={lead.duplicates.length}
                        aria-label={duplicateHint(lead)}
                      />
                    </Tooltip>
                  ) : (
                    <Typography variant="body2" color="text.disabled">
                      —
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }} title={`Submitted ${formatDateTime(lead.submitted_at)}`}>
                  <Typography
                    variant="body2"
                    sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: overdue ? 700 : 400, color: overdue ? 'warning.dark' : 'text.primary' }}
                  >
                    {formatQueueAge(lead.queue_age_seconds)}
                  </Typography>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
