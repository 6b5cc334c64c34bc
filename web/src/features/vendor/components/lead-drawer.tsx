import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import CloseRounded from '@mui/icons-material/CloseRounded';
import EditOutlined from '@mui/icons-material/EditOutlined';
import RemoveShoppingCartOutlined from '@mui/icons-material/RemoveShoppingCartOutlined';
import type { LeadEvent, VendorLead, VendorLeadDetail } from '@/api/types';
import { useAppSelector } from '@/app/hooks';
import { LeadHistory } from '@/components/leads/lead-history';
import { LeadStatusChip, RiskFlagChip, ScoreBar, ValidationChip } from '@/components/leads/lead-chips';
import { DetailField, DetailSection, externalHref, ScoreBreakdown, ValidationReport } from '@/components/leads/lead-report';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { selectCurrentUser } from '@/lib/auth/auth-slice';
import { formatDate, formatDateTime, formatPrice } from '@/lib/format';
import { humanise, labelOf, locationOf } from '@/lib/lead-labels';
import { describeError } from '@/lib/problem';
import { useGetMyLeadQuery, useWithdrawLeadMutation } from '@/features/vendor/api/vendor-api';
import { LeadEditForm } from '@/features/vendor/components/lead-edit-form';
import { exclusivityLabel, REJECTION_REASON_LABEL } from '@/features/vendor/utils/labels';

/** Statuses from which an edit sends the lead back through the pipeline to review. */
const EDITABLE_STATUSES = new Set(['rejected', 'pending_review', 'withdrawn']);

type Notice = { leadId: number; severity: 'success' | 'error'; message: string };

function LeadFields({ lead }: { lead: VendorLead }) {
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
      <DetailField label="Exclusivity">{`${exclusivityLabel(lead.max_sales)} · sold ${lead.sales_count}×`}</DetailField>
      <DetailField label="Review">{humanise(lead.approval_status)}</DetailField>
      <DetailField label="Source">
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
      </DetailField>
      <DetailField label="Created">{formatDateTime(lead.created_at)}</DetailField>
      <DetailField label="Submitted for review">{formatDateTime(lead.submitted_at)}</DetailField>
      <DetailField label="Published">{formatDateTime(lead.published_at)}</DetailField>
      <DetailField label="Updated">{formatDateTime(lead.updated_at)}</DetailField>
    </Box>
  );
}

/** The reviewer's verdict, where the vendor cannot miss it. */
function RejectionAlert({ lead }: { lead: VendorLead }) {
  if (lead.status !== 'rejected') return null;
  return (
    <Alert severity="error" sx={{ mt: 2 }} aria-label="Rejection reason">
      <AlertTitle sx={{ fontWeight: 700 }}>
        Rejected{lead.rejection_reason ? `: ${labelOf(REJECTION_REASON_LABEL, lead.rejection_reason)}` : ''}
      </AlertTitle>
      {lead.rejection_note ? <Box sx={{ whiteSpace: 'pre-wrap' }}>“{lead.rejection_note}”</Box> : null}
      <Typography variant="caption" component="div" sx={{ mt: 0.5 }}>
        {lead.decided_at ? `Decided ${formatDateTime(lead.decided_at)}. ` : ''}
        Fix the lead and resubmit it to have it reviewed again.
      </Typography>
    </Alert>
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
  const currentUser = useAppSelector(selectCurrentUser);
  const { data, error, isFetching } = useGetMyLeadQuery(leadId ?? 0, { skip: leadId === null });
  const [withdrawLead, { isLoading: withdrawing }] = useWithdrawLeadMutation();
  const detail: VendorLeadDetail | null = data && data.id === leadId ? data : null;
  const lead: VendorLead | null = detail ?? placeholder;
  // Per lead, so opening another lead never shows the previous one's form or message.
  const [editingId, setEditingId] = useState<number | null>(null);
  const [confirmWithdrawId, setConfirmWithdrawId] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const editing = lead !== null && editingId === lead.id;
  const shownNotice = notice && notice.leadId === leadId ? notice : null;

  const canEdit = lead !== null && EDITABLE_STATUSES.has(lead.status) && lead.sales_count === 0;
  const canWithdraw = lead !== null && lead.status === 'available';

  function describeActor(event: LeadEvent): string | null {
    if (event.rule_id !== null) return 'by an auto-approval rule';
    if (event.actor_id === null) return 'by Lead-Nexus';
    return event.actor_id === currentUser?.id ? 'by you' : 'by a reviewer';
  }

  function handleSaved(saved: VendorLeadDetail) {
    setEditingId(null);
    setNotice({
      leadId: saved.id,
      severity: 'success',
      message:
        saved.status === 'available'
          ? 'Saved. It passed every check and an auto-approval rule published it at once.'
          : 'Saved and resubmitted: the lead is back in review.',
    });
  }

  async function confirmWithdraw() {
    if (confirmWithdrawId === null) return;
    const id = confirmWithdrawId;
    try {
      await withdrawLead(id).unwrap();
      setNotice({ leadId: id, severity: 'success', message: 'Withdrawn: buyers no longer see this lead.' });
    } catch (err) {
      setNotice({ leadId: id, severity: 'error', message: describeError(err).message ?? 'Could not withdraw the lead.' });
    } finally {
      setConfirmWithdrawId(null);
    }
  }

  return (
    <Drawer
      anchor="right"
      open={open && leadId !== null}
      onClose={onClose}
      // Above the app bar, which sits over the permanent navigation drawer.
      sx={(theme) => ({ zIndex: theme.zIndex.modal })}
      slotProps={{ paper: { sx: { width: { xs: '100%', sm: 560 } }, role: 'dialog', 'aria-label': 'Lead details' } }}
    >
      <Box sx={{ position: 'sticky', top: 0, bgcolor: 'background.paper', zIndex: 2, px: 3, pt: 2.5, pb: 2, borderBottom: 1, borderColor: 'divider' }}>
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
            <Box sx={{ flex: 1 }} />
            {canEdit && !editing ? (
              <Button
                size="small"
                variant={lead.status === 'rejected' ? 'contained' : 'outlined'}
                startIcon={<EditOutlined />}
                onClick={() => setEditingId(lead.id)}
              >
                Edit and resubmit
              </Button>
            ) : null}
            {canWithdraw ? (
              <Button
                size="small"
                variant="outlined"
                color="error"
                startIcon={<RemoveShoppingCartOutlined />}
                onClick={() => setConfirmWithdrawId(lead.id)}
              >
                Withdraw from marketplace
              </Button>
            ) : null}
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
        {shownNotice ? (
          <Alert severity={shownNotice.severity} sx={{ mt: 2 }} onClose={() => setNotice(null)}>
            {shownNotice.message}
          </Alert>
        ) : null}
        {lead ? <RejectionAlert lead={lead} /> : null}
        {lead && editing ? (
          <DetailSection title="Edit and resubmit">
            <LeadEditForm key={lead.id} lead={lead} onCancel={() => setEditingId(null)} onSaved={handleSaved} />
          </DetailSection>
        ) : null}
        {lead && !editing ? (
          <>
            <DetailSection title="Validation report">
              <ValidationReport report={lead.validation_report} />
            </DetailSection>
            <Divider />
            <DetailSection title="Quality score">
              <ScoreBreakdown score={lead.lead_score} parts={lead.score_breakdown} version={lead.score_version} />
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
            <DetailSection title="Status history">
              {detail ? (
                <LeadHistory
                  events={detail.events}
                  createdAt={detail.created_at}
                  describeActor={describeActor}
                  reasonLabel={(code) => labelOf(REJECTION_REASON_LABEL, code)}
                />
              ) : (
                <Skeleton variant="rounded" height={72} />
              )}
            </DetailSection>
            <Divider />
            <DetailSection title="Lead fields">
              <LeadFields lead={lead} />
            </DetailSection>
          </>
        ) : null}
        {!lead && !error ? (
          <Box sx={{ pt: 2 }}>
            <Skeleton variant="rounded" height={180} sx={{ mb: 2 }} />
            <Skeleton variant="rounded" height={140} />
          </Box>
        ) : null}
      </Box>
      <ConfirmDialog
        id="withdraw"
        open={confirmWithdrawId !== null && confirmWithdrawId === lead?.id}
        title="Withdraw from the marketplace?"
        confirmLabel="Withdraw"
        pendingLabel="Withdrawing…"
        destructive
        pending={withdrawing}
        onCancel={() => setConfirmWithdrawId(null)}
        onConfirm={() => void confirmWithdraw()}
      >
        <strong>{lead?.title ?? ''}</strong> will no longer be offered to buyers. Buyers who already bought it keep it. To
        list it again, edit and resubmit it: it goes through review once more.
      </ConfirmDialog>
    </Drawer>
  );
}
