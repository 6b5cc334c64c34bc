import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import BlockRounded from '@mui/icons-material/BlockRounded';
import CheckRounded from '@mui/icons-material/CheckRounded';
import CloseRounded from '@mui/icons-material/CloseRounded';
import type { LeadEvent, ReviewEvent, ReviewLead, ReviewLeadDetail } from '@/api/types';
import { useAppSelector } from '@/app/hooks';
import { LeadHistory } from '@/components/leads/lead-history';
import { LeadStatusChip, RiskFlagChip, ScoreBar, ValidationChip } from '@/components/leads/lead-chips';
import { DetailField, DetailSection, externalHref, ScoreBreakdown, ValidationReport } from '@/components/leads/lead-report';
import { selectCurrentUser } from '@/lib/auth/auth-slice';
import { formatDate, formatDateTime, formatPrice } from '@/lib/format';
import { humanise, LEAD_STATUS, locationOf, statusOf } from '@/lib/lead-labels';
import { describeError } from '@/lib/problem';
import { useGetReviewLeadQuery, useListReasonsQuery, useListRulesQuery } from '@/features/review/api/review-api';
import { TrustedChip } from '@/features/review/components/trusted-chip';
import { approvalRateLabel, formatQueueAge } from '@/features/review/utils/labels';

export const PANEL_WIDTH = 520;

function VendorRecord({ lead }: { lead: ReviewLead }) {
  const { vendor } = lead;
  const decided = vendor.approved + vendor.rejected;
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography sx={{ fontWeight: 600 }}>{vendor.name}</Typography>
        {vendor.is_trusted_vendor ? <TrustedChip /> : null}
        <Typography variant="caption" color="text.secondary">
          vendor #{vendor.id}
        </Typography>
      </Box>
      {vendor.company ? (
        <Typography variant="body2" color="text.secondary">
          {vendor.company}
        </Typography>
      ) : null}
      <Box sx={{ display: 'flex', justifyContent: 'space-between', mt: 1.5 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {approvalRateLabel(vendor)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {vendor.approved} approved · {vendor.rejected} rejected · {vendor.pending} pending
        </Typography>
      </Box>
      {decided > 0 && vendor.approval_rate !== null ? (
        <LinearProgress
          variant="determinate"
          value={vendor.approval_rate * 100}
          color={vendor.approval_rate >= 0.8 ? 'success' : vendor.approval_rate >= 0.5 ? 'warning' : 'error'}
          aria-label="Approval rate"
          sx={{ height: 6, borderRadius: 3, mt: 0.75 }}
        />
      ) : null}
    </Box>
  );
}

function Duplicates({ lead }: { lead: ReviewLead }) {
  if (lead.duplicates.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No other lead has this contact.
      </Typography>
    );
  }
  return (
    <Box component="ul" aria-label="Duplicate matches" sx={{ m: 0, pl: 2.5, display: 'grid', gap: 0.5 }}>
      {lead.duplicates.map((match) => (
        <Typography component="li" variant="body2" key={`${match.lead_id}-${match.matched_on}`}>
          Lead #{match.lead_id}
          {match.vendor_id === lead.vendor.id ? ' by the same vendor' : ` by vendor #${match.vendor_id}`} ·{' '}
          {statusOf(LEAD_STATUS, match.status).label.toLowerCase()} · same {humanise(match.matched_on).toLowerCase()}
        </Typography>
      ))}
    </Box>
  );
}

function ContactData({ lead }: { lead: ReviewLead }) {
  const name = [lead.contact_first_name, lead.contact_last_name].filter(Boolean).join(' ');
  const location = locationOf(lead);
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: '140px 1fr', columnGap: 2, rowGap: 1, m: 0 }}>
      <DetailField label="Contact">{name}</DetailField>
      <DetailField label="Email">{lead.email}</DetailField>
      <DetailField label="Phone">{lead.phone}</DetailField>
      <DetailField label="Job title">{lead.job_title}</DetailField>
      <DetailField label="Seniority">{lead.seniority}</DetailField>
      <DetailField label="Department">{lead.department}</DetailField>
      <DetailField label="Company">{lead.company_name}</DetailField>
      <DetailField label="Website">
        {lead.website ? (
          <Link href={externalHref(lead.website)} target="_blank" rel="noopener noreferrer">
            {lead.website}
          </Link>
        ) : null}
      </DetailField>
      <DetailField label="LinkedIn">
        {lead.linkedin_url ? (
          <Link href={externalHref(lead.linkedin_url)} target="_blank" rel="noopener noreferrer">
            {lead.linkedin_url.replace(/^https?:\/\/(www\.)?/, '')}
          </Link>
        ) : null}
      </DetailField>
      <DetailField label="Company size">{lead.company_size}</DetailField>
      <DetailField label="Annual revenue">{lead.annual_revenue}</DetailField>
      <DetailField label="Industry">{lead.industry}</DetailField>
      <DetailField label="Location">{location}</DetailField>
      <DetailField label="Description">{lead.description}</DetailField>
      <DetailField label="Consent source">{lead.consent_source}</DetailField>
      <DetailField label="Consent date">{lead.consent_date ? formatDate(lead.consent_date) : null}</DetailField>
      <DetailField label="Price">{formatPrice(lead.price, lead.currency)}</DetailField>
      <DetailField label="Source">
        {lead.upload_id !== null
          ? `Upload #${lead.upload_id}${lead.source_row !== null ? `, row ${lead.source_row}` : ''}`
          : 'Added by hand'}
      </DetailField>
      <DetailField label="Submitted">{formatDateTime(lead.submitted_at)}</DetailField>
    </Box>
  );
}

interface ReviewPanelProps {
  open: boolean;
  /** The queue row, shown at once while the full record (with its history) loads. */
  row: ReviewLead | null;
  busy: boolean;
  onClose: () => void;
  onApprove: (lead: ReviewLead) => void;
  onReject: (lead: ReviewLead) => void;
}

/**
 * The selected lead beside the queue. Not modal, so the table keeps the keyboard: j/k move through
 * the queue and the panel follows.
 */
export function ReviewPanel({ open, row, busy, onClose, onApprove, onReject }: ReviewPanelProps) {
  const currentUser = useAppSelector(selectCurrentUser);
  const leadId = row?.id ?? null;
  const { data, error, isFetching } = useGetReviewLeadQuery(leadId ?? 0, { skip: leadId === null || !open });
  const { data: rules } = useListRulesQuery(undefined, { skip: !open });
  const { data: reasons } = useListReasonsQuery(undefined, { skip: !open });
  const detail: ReviewLeadDetail | null = data && data.id === leadId ? data : null;
  // The detail is fresher (its version is the one a decision is checked against); the row shows meanwhile.
  const lead: ReviewLead | null = detail ?? row;
  const pending = lead?.status === 'pending_review';

  function describeActor(event: LeadEvent): string | null {
    if (event.rule_id !== null) {
      const rule = rules?.data.find((r) => r.id === event.rule_id);
      return rule ? `by rule “${rule.name}”` : `by rule #${event.rule_id}`;
    }
    if (event.actor_id === null) return 'by Lead-Nexus';
    if (event.actor_id === currentUser?.id) return 'by you';
    if (lead && event.actor_id === lead.vendor.id) return 'by the vendor';
    const name = 'actor_name' in event ? (event as ReviewEvent).actor_name : null;
    return name ? `by ${name}` : `by admin #${event.actor_id}`;
  }

  function reasonLabel(code: string): string {
    return reasons?.data.find((r) => r.code === code)?.label ?? humanise(code);
  }

  return (
    <Drawer
      variant="persistent"
      anchor="right"
      open={open && lead !== null}
      slotProps={{
        paper: {
          sx: {
            width: { xs: '100%', sm: PANEL_WIDTH },
            top: { xs: 56, sm: 64 },
            height: { xs: 'calc(100% - 56px)', sm: 'calc(100% - 64px)' },
            boxShadow: 8,
          },
        },
      }}
    >
      {lead ? (
        <Box component="aside" aria-label="Lead review">
          <Box sx={{ position: 'sticky', top: 0, bgcolor: 'background.paper', zIndex: 2, px: 3, pt: 2, pb: 2, borderBottom: 1, borderColor: 'divider' }}>
            <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <Typography variant="overline" color="text.secondary">
                  Lead #{lead.id} · waiting {formatQueueAge(lead.queue_age_seconds)}
                </Typography>
                <Typography variant="h6" component="h2">
                  {lead.title}
                </Typography>
              </Box>
              <IconButton onClick={onClose} aria-label="Close lead review" edge="end">
                <CloseRounded />
              </IconButton>
            </Box>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1, flexWrap: 'wrap' }}>
              {!pending ? <LeadStatusChip status={lead.status} /> : null}
              <ValidationChip status={lead.validation_status} />
              <ScoreBar score={lead.lead_score} />
              <Box sx={{ flex: 1 }} />
              <Button
                size="small"
                variant="contained"
                color="success"
                startIcon={<CheckRounded />}
                disabled={!pending || busy}
                onClick={() => onApprove(lead)}
              >
                Approve
              </Button>
              <Button
                size="small"
                variant="outlined"
                color="error"
                startIcon={<BlockRounded />}
                disabled={!pending || busy}
                onClick={() => onReject(lead)}
              >
                Reject
              </Button>
            </Box>
            {!pending ? (
              <Alert severity="info" sx={{ mt: 1.5 }}>
                This lead is no longer waiting for review.
              </Alert>
            ) : null}
          </Box>
          <Box sx={{ height: 4 }}>{isFetching ? <LinearProgress /> : null}</Box>
          <Box sx={{ px: 3, pb: 4 }}>
            {error ? (
              <Alert severity="error" sx={{ mt: 2 }}>
                {describeError(error).message}
              </Alert>
            ) : null}
            <DetailSection title="Vendor">
              <VendorRecord lead={lead} />
            </DetailSection>
            <Divider />
            <DetailSection title="Duplicates">
              <Duplicates lead={lead} />
            </DetailSection>
            <Divider />
            <DetailSection title="Quality score">
              <ScoreBreakdown score={lead.lead_score} parts={lead.score_breakdown} version={lead.score_version} />
            </DetailSection>
            <Divider />
            <DetailSection title="Validation report">
              <ValidationReport report={lead.validation_report} />
            </DetailSection>
            <Divider />
            <DetailSection title="Risk flags">
              {lead.risk_flags.length > 0 ? (
                <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
                  {lead.risk_flags.map((flag) => (
                    <RiskFlagChip key={flag} flag={flag} />
                  ))}
                </Box>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  No risk flags.
                </Typography>
              )}
            </DetailSection>
            <Divider />
            <DetailSection title="Contact data">
              <ContactData lead={lead} />
            </DetailSection>
            <Divider />
            <DetailSection title="Status history">
              {detail ? (
                <LeadHistory
                  events={detail.events}
                  createdAt={detail.created_at}
                  describeActor={describeActor}
                  reasonLabel={reasonLabel}
                />
              ) : (
                <Skeleton variant="rounded" height={72} />
              )}
            </DetailSection>
          </Box>
        </Box>
      ) : null}
    </Drawer>
  );
}
