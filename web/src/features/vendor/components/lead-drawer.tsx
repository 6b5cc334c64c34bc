import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import CancelRounded from '@mui/icons-material/CancelRounded';
import CheckCircleRounded from '@mui/icons-material/CheckCircleRounded';
import CloseRounded from '@mui/icons-material/CloseRounded';
import ErrorRounded from '@mui/icons-material/ErrorRounded';
import RemoveCircleOutlineRounded from '@mui/icons-material/RemoveCircleOutlineRounded';
import type { ScorePart, StageReport, VendorLead } from '@/api/types';
import { formatDate, formatDateTime } from '@/lib/format';
import { describeError } from '@/lib/problem';
import { useGetMyLeadQuery } from '@/features/vendor/api/vendor-api';
import { formatPrice, LeadStatusChip, ScoreBar, scoreColor, ValidationChip } from '@/features/vendor/components/lead-chips';
import { exclusivityLabel, humanise, labelOf, SCORE_PART_LABEL, STAGE_LABEL, STAGE_ORDER } from '@/features/vendor/utils/labels';

const STAGE_STATUS: Record<StageReport['status'], { label: string; color: string; icon: ReactNode }> = {
  pass: { label: 'Passed', color: 'success.main', icon: <CheckCircleRounded fontSize="small" /> },
  warn: { label: 'Warning', color: 'warning.main', icon: <ErrorRounded fontSize="small" /> },
  fail: { label: 'Failed', color: 'error.main', icon: <CancelRounded fontSize="small" /> },
  not_checked: { label: 'Not checked', color: 'text.disabled', icon: <RemoveCircleOutlineRounded fontSize="small" /> },
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title} sx={{ py: 2.5 }}>
      <Typography variant="overline" component="h3" color="text.secondary" sx={{ display: 'block', mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function orderStages(report: StageReport[]): StageReport[] {
  const rank = (stage: string) => {
    const index = STAGE_ORDER.indexOf(stage);
    return index === -1 ? STAGE_ORDER.length : index;
  };
  return [...report].sort((a, b) => rank(a.stage) - rank(b.stage));
}

export function ValidationReport({ report }: { report: StageReport[] }) {
  if (report.length === 0) {
    return <Typography color="text.secondary">This lead has not been validated yet.</Typography>;
  }
  return (
    <Box component="ol" aria-label="Validation stages" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.5 }}>
      {orderStages(report).map((stage) => {
        const status = STAGE_STATUS[stage.status] ?? STAGE_STATUS.not_checked;
        const stageLabel = labelOf(STAGE_LABEL, stage.stage);
        return (
          <Box component="li" key={stage.stage} aria-label={`${stageLabel}: ${status.label}`} sx={{ display: 'flex', gap: 1.5 }}>
            <Box sx={{ color: status.color, pt: '2px', display: 'flex' }} aria-hidden>
              {status.icon}
            </Box>
            <Box sx={{ minWidth: 0 }}>
              <Typography sx={{ fontWeight: 600 }}>
                {stageLabel}{' '}
                <Typography component="span" variant="body2" sx={{ color: status.color, fontWeight: 500 }}>
                  · {status.label}
                </Typography>
              </Typography>
              {stage.reasons.map((reason, index) => (
                <Typography key={`${reason.code}-${index}`} variant="body2" component="div" color="text.secondary">
                  {reason.message}
                  {reason.field ? (
                    <Chip size="small" variant="outlined" label={humanise(reason.field)} sx={{ ml: 1, height: 20, fontSize: 11 }} />
                  ) : null}
                </Typography>
              ))}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}

export function ScoreBreakdown({ score, parts, version }: { score: number | null; parts: ScorePart[]; version: string | null }) {
  if (score === null || parts.length === 0) {
    return <Typography color="text.secondary">No score yet: leads are scored once validation has finished.</Typography>;
  }
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, mb: 2 }}>
        <Typography variant="h4" component="p" sx={{ fontWeight: 700, color: `${scoreColor(score)}.dark` }}>
          {score.toFixed(2)}
        </Typography>
        <Typography color="text.secondary">
          of 1 · weighted sum of {parts.length} parts{version ? ` · model ${version}` : ''}
        </Typography>
      </Box>
      <Box component="ul" aria-label="Score breakdown" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.75 }}>
        {parts.map((part) => {
          const label = labelOf(SCORE_PART_LABEL, part.name);
          return (
            <Box component="li" key={part.name} aria-label={label}>
              <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {label}{' '}
                  <Typography component="span" variant="caption" color="text.secondary">
                    weight {Math.round(part.weight * 100)}%
                  </Typography>
                </Typography>
                <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {part.value.toFixed(2)}
                </Typography>
              </Box>
              <LinearProgress
                variant="determinate"
                value={part.value * 100}
                color={scoreColor(part.value)}
                aria-label={`${label} value`}
                sx={{ height: 6, borderRadius: 3, my: 0.5 }}
              />
              <Typography variant="caption" color="text.secondary">
                {part.detail}
              </Typography>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-word' }}>
        {children === null || children === undefined || children === '' ? '—' : children}
      </Typography>
    </>
  );
}

function externalHref(value: string): string {
  return /^https?:\/\//i.test(value) ? value : `https://${value}`;
}

function LeadFields({ lead }: { lead: VendorLead }) {
  const name = [lead.contact_first_name, lead.contact_last_name].filter(Boolean).join(' ');
  const location = [lead.city, lead.region, lead.country].filter(Boolean).join(', ');
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: '140px 1fr', columnGap: 2, rowGap: 1, m: 0 }}>
      <Field label="Contact">{name}</Field>
      <Field label="Email">{lead.email}</Field>
      <Field label="Phone">{lead.phone}</Field>
      <Field label="Job title">{lead.job_title}</Field>
      <Field label="Seniority">{lead.seniority}</Field>
      <Field label="Department">{lead.department}</Field>
      <Field label="Company">{lead.company_name}</Field>
      <Field label="Website">
        {lead.website ? (
          <Link href={externalHref(lead.website)} target="_blank" rel="noopener noreferrer">
            {lead.website}
          </Link>
        ) : null}
      </Field>
      <Field label="LinkedIn">
        {lead.linkedin_url ? (
          <Link href={externalHref(lead.linkedin_url)} target="_blank" rel="noopener noreferrer">
            {lead.linkedin_url.replace(/^https?:\/\/(www\.)?/, '')}
          </Link>
        ) : null}
      </Field>
      <Field label="Company size">{lead.company_size}</Field>
      <Field label="Annual revenue">{lead.annual_revenue}</Field>
      <Field label="Industry">{lead.industry}</Field>
      <Field label="Location">{location}</Field>
      <Field label="Description">{lead.description}</Field>
      <Field label="Consent source">{lead.consent_source}</Field>
      <Field label="Consent date">{lead.consent_date ? formatDate(lead.consent_date) : null}</Field>
      <Field label="Price">{formatPrice(lead.price, lead.currency)}</Field>
      <Field label="Exclusivity">{`${exclusivityLabel(lead.max_sales)} · sold ${lead.sales_count}×`}</Field>
      <Field label="Review">{humanise(lead.approval_status)}</Field>
      <Field label="Source">
        {lead.upload_id !== null ? (
          <>
            <Link component={RouterLink} to={`/vendor/uploads/${lead.upload_id}`}>
              Upload #{lead.upload_id}
            </Link>
            {lead.source_row !== null ? `, row ${lead.source_row}` : ''}
          </>
        ) : (
          'Added by hand'
        )}
      </Field>
      <Field label="Created">{formatDateTime(lead.created_at)}</Field>
      <Field label="Updated">{formatDateTime(lead.updated_at)}</Field>
    </Box>
  );
}

interface LeadDrawerProps {
  open: boolean;
  leadId: number | null;
  /** The row from the list, shown at once while the full lead loads. */
  placeholder: VendorLead | null;
  onClose: () => void;
}

export function LeadDrawer({ open, leadId, placeholder, onClose }: LeadDrawerProps) {
  const { data, error, isFetching } = useGetMyLeadQuery(leadId ?? 0, { skip: leadId === null });
  const lead = data && data.id === leadId ? data : placeholder;

  return (
    <Drawer
      anchor="right"
      open={open && leadId !== null}
      onClose={onClose}
      // Above the app bar, which sits over the permanent navigation drawer.
      sx={(theme) => ({ zIndex: theme.zIndex.modal })}
      slotProps={{ paper: { sx: { width: { xs: '100%', sm: 560 } }, role: 'dialog', 'aria-label': 'Lead details' } }}
    >
      <Box sx={{ position: 'sticky', top: 0, bgcolor: 'background.paper', zIndex: 1, px: 3, pt: 2.5, pb: 2, borderBottom: 1, borderColor: 'divider' }}>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography variant="overline" color="text.secondary">
              Lead #{leadId}
            </Typography>
            <Typography variant="h6" component="h2">
              {lead?.title ?? <Skeleton width="80%" />}
            </Typography>
          </Box>
          <IconButton onClick={onClose} aria-label="Close lead details" edge="end">
            <CloseRounded />
          </IconButton>
        </Box>
        {lead ? (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1, flexWrap: 'wrap' }}>
            <LeadStatusChip status={lead.status} />
            <ValidationChip status={lead.validation_status} />
            <ScoreBar score={lead.lead_score} />
          </Box>
        ) : null}
      </Box>
      <Box sx={{ height: 4 }}>{isFetching ? <LinearProgress /> : null}</Box>
      <Box sx={{ px: 3, pb: 4 }}>
        {error && !lead ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            {describeError(error).message}
          </Alert>
        ) : null}
        {lead ? (
          <>
            <Section title="Validation report">
              <ValidationReport report={lead.validation_report} />
            </Section>
            <Divider />
            <Section title="Quality score">
              <ScoreBreakdown score={lead.lead_score} parts={lead.score_breakdown} version={lead.score_version} />
            </Section>
            <Divider />
            <Section title="Risk flags">
              {lead.risk_flags.length > 0 ? (
                <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
                  {lead.risk_flags.map((flag) => (
                    <Chip key={flag} size="small" color="warning" variant="outlined" label={humanise(flag)} />
                  ))}
                </Box>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  No risk flags.
                </Typography>
              )}
            </Section>
            <Divider />
            <Section title="Lead fields">
              <LeadFields lead={lead} />
            </Section>
          </>
        ) : !error ? (
          <Box sx={{ pt: 2 }}>
            <Skeleton variant="rounded" height={180} sx={{ mb: 2 }} />
            <Skeleton variant="rounded" height={140} />
          </Box>
        ) : null}
      </Box>
    </Drawer>
  );
}
