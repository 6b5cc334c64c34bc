import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import FilterListRounded from '@mui/icons-material/FilterListRounded';
import LockOutlined from '@mui/icons-material/LockOutlined';
import type { LeadContact, LeadDetail, LeadPreview } from '@/api/types';
import { RiskFlagChip } from '@/components/leads/lead-chips';
import { DetailField, DetailSection, externalHref, ScoreBreakdown } from '@/components/leads/lead-report';
import { formatDate, formatPrice } from '@/lib/format';
import {
  AlreadyHaveWarning,
  ExclusivityChip,
  OwnedChip,
  ScoreChip,
  VerifiedBadges,
} from '@/features/marketplace/components/lead-badges';
import { ValidationSummary } from '@/features/marketplace/components/validation-summary';
import {
  approvalText,
  exclusivityDetail,
  vendorName,
  wordCodes,
} from '@/features/marketplace/utils/labels';
import { locationOf } from '@/lib/lead-labels';

const dlSx = { display: 'grid', gridTemplateColumns: '140px 1fr', columnGap: 2, rowGap: 1, m: 0 };

/** Price, availability and quality at a glance, for the top of the drawer or page. */
export function LeadSummary({ lead }: { lead: LeadPreview }) {
  return (
    <Box sx={{ display: 'grid', gap: 1.25 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        <Typography variant="h5" component="p" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums', mr: 1 }}>
          {formatPrice(lead.price, lead.currency)}
        </Typography>
        <ExclusivityChip lead={lead} />
        {lead.owned ? <OwnedChip /> : null}
        <ScoreChip score={lead.lead_score} />
        <VerifiedBadges validation={lead.validation} />
      </Box>
      {lead.already_have_contact ? <AlreadyHaveWarning /> : null}
    </Box>
  );
}

function ContactBlock({ contact }: { contact: LeadContact | null }) {
  if (!contact) {
    return (
      <Box
        sx={(theme) => ({
          display: 'flex',
          gap: 1.5,
          alignItems: 'flex-start',
          p: 2,
          borderRadius: 3,
          bgcolor: alpha(theme.palette.primary.main, 0.05),
          border: 1,
          borderColor: alpha(theme.palette.primary.main, 0.15),
        })}
      >
        <LockOutlined color="primary" sx={{ mt: '2px' }} />
        <Box>
          <Typography sx={{ fontWeight: 600 }}>Contact details are shown after purchase</Typography>
          <Typography variant="body2" color="text.secondary">
            The contact’s name, email, phone, company, website and LinkedIn profile are revealed once you buy this lead.
          </Typography>
        </Box>
      </Box>
    );
  }
  const name = [contact.first_name, contact.last_name].filter(Boolean).join(' ');
  return (
    <Box component="dl" aria-label="Contact details" sx={dlSx}>
      <DetailField label="Name">{name}</DetailField>
      <DetailField label="Email">{contact.email ? <Link href={`mailto:${contact.email}`}>{contact.email}</Link> : null}</DetailField>
      <DetailField label="Phone">{contact.phone ? <Link href={`tel:${contact.phone.replace(/\s+/g, '')}`}>{contact.phone}</Link> : null}</DetailField>
      <DetailField label="Company">{contact.company_name}</DetailField>
      <DetailField label="Website">
        {contact.website ? (
          <Link href={externalHref(contact.website)} target="_blank" rel="noopener noreferrer">
            {contact.website}
          </Link>
        ) : null}
      </DetailField>
      <DetailField label="LinkedIn">
        {contact.linkedin_url ? (
          <Link href={externalHref(contact.linkedin_url)} target="_blank" rel="noopener noreferrer">
            {contact.linkedin_url.replace(/^https?:\/\/(www\.)?/, '')}
          </Link>
        ) : null}
      </DetailField>
    </Box>
  );
}

function SimilarLeads({ leads, onOpen }: { leads: LeadPreview[]; onOpen: (lead: LeadPreview) => void }) {
  if (leads.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No similar leads on the marketplace right now.
      </Typography>
    );
  }
  return (
    <List disablePadding aria-label="Similar leads" sx={{ display: 'grid', gap: 1 }}>
      {leads.map((lead) => (
        <ListItemButton
          key={lead.id}
          onClick={() => onOpen(lead)}
          sx={{ border: 1, borderColor: 'divider', borderRadius: 2.5, display: 'flex', gap: 1.5, alignItems: 'center', m: 0 }}
        >
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap title={lead.title}>
              {lead.title}
            </Typography>
            <Typography variant="caption" color="text.secondary" noWrap component="div">
              {[lead.seniority, locationOf(lead)].filter(Boolean).join(' · ')}
            </Typography>
          </Box>
          <ScoreChip score={lead.lead_score} />
          <Typography variant="body2" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums', minWidth: 56, textAlign: 'right' }}>
            {formatPrice(lead.price, lead.currency)}
          </Typography>
        </ListItemButton>
      ))}
    </List>
  );
}

interface LeadDetailContentProps {
  lead: LeadDetail;
  onOpenSimilar: (lead: LeadPreview) => void;
  /** Search the vendor's other leads. */
  onVendor?: (vendor: LeadPreview['vendor']) => void;
}

/** Everything a buyer may see of a lead before (and, for the contact, after) buying it. */
export function LeadDetailContent({ lead, onOpenSimilar, onVendor }: LeadDetailContentProps) {
  const location = locationOf(lead);
  const parts = lead.score_breakdown.map((part) => ({ ...part, detail: wordCodes(part.detail) }));
  return (
    <Box>
      <DetailSection title="Contact">
        <ContactBlock contact={lead.contact} />
      </DetailSection>
      <Divider />
      <DetailSection title="About this lead">
        {lead.description ? (
          <Typography variant="body2" sx={{ mb: 2, whiteSpace: 'pre-wrap' }}>
            {lead.description}
          </Typography>
        ) : null}
        <Box component="dl" sx={dlSx}>
          <DetailField label="Job title">{lead.job_title}</DetailField>
          <DetailField label="Seniority">{lead.seniority}</DetailField>
          <DetailField label="Department">{lead.department}</DetailField>
          <DetailField label="Industry">{lead.industry}</DetailField>
          <DetailField label="Company size">{lead.company_size ? `${lead.company_size} employees` : null}</DetailField>
          <DetailField label="Annual revenue">{lead.annual_revenue}</DetailField>
          <DetailField label="Location">{location}</DetailField>
          <DetailField label="Published">{lead.published_at ? formatDate(lead.published_at) : null}</DetailField>
        </Box>
      </DetailSection>
      <Divider />
      <DetailSection title="Quality score">
        <ScoreBreakdown score={lead.lead_score} parts={parts} version={lead.score_version} />
      </DetailSection>
      <Divider />
      <DetailSection title="Validation">
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75, mb: 2 }}>
          <VerifiedBadges validation={lead.validation} />
          {lead.validation.risk_flags.map((flag) => (
            <RiskFlagChip key={flag} flag={flag} />
          ))}
        </Box>
        <ValidationSummary report={lead.validation_report} />
      </DetailSection>
      <Divider />
      <DetailSection title="Availability">
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
          <ExclusivityChip lead={lead} />
          <Typography variant="body2" color="text.secondary">
            {exclusivityDetail(lead)}
          </Typography>
        </Box>
      </DetailSection>
      <Divider />
      <DetailSection title="Vendor">
        <Box component="dl" sx={dlSx}>
          <DetailField label="Vendor">{vendorName(lead.vendor)}</DetailField>
          {lead.vendor.company ? <DetailField label="Contact person">{lead.vendor.name}</DetailField> : null}
          <DetailField label="Track record">
            {lead.vendor.approval_rate !== null ? (
              <>
                {approvalText(lead.vendor.approval_rate)}{' '}
                <Typography component="span" variant="caption" color="text.secondary">
                  by Lead-Nexus reviewers
                </Typography>
              </>
            ) : (
              approvalText(null)
            )}
          </DetailField>
        </Box>
        {onVendor ? (
          <Button size="small" startIcon={<FilterListRounded />} onClick={() => onVendor(lead.vendor)} sx={{ mt: 1.5, ml: -0.75 }}>
            More from this vendor
          </Button>
        ) : null}
      </DetailSection>
      <Divider />
      <DetailSection title="Similar leads">
        <SimilarLeads leads={lead.similar} onOpen={onOpenSimilar} />
      </DetailSection>
    </Box>
  );
}

export function LeadDetailSkeleton() {
  return (
    <Box sx={{ pt: 2 }} aria-busy="true" aria-label="Loading lead">
      <Skeleton variant="rounded" height={84} sx={{ mb: 3 }} />
      <Skeleton width="40%" />
      <Skeleton variant="rounded" height={140} sx={{ mb: 3 }} />
      <Skeleton width="40%" />
      <Skeleton variant="rounded" height={180} />
    </Box>
  );
}

/** Industry, seniority and the like as chips, under the lead's title. */
export function LeadTags({ lead }: { lead: LeadPreview }) {
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75 }}>
      {lead.industry ? <Chip size="small" label={lead.industry} /> : null}
      {lead.seniority ? <Chip size="small" variant="outlined" label={lead.seniority} /> : null}
      {lead.department ? <Chip size="small" variant="outlined" label={lead.department} /> : null}
      {lead.country ? <Chip size="small" variant="outlined" label={locationOf(lead)} /> : null}
    </Box>
  );
}
