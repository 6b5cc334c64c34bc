import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import BusinessOutlined from '@mui/icons-material/BusinessOutlined';
import PlaceOutlined from '@mui/icons-material/PlaceOutlined';
import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import WorkOutlineOutlined from '@mui/icons-material/WorkOutlineOutlined';
import type { LeadPreview } from '@/api/types';
import { formatPrice, formatTimeAgo } from '@/lib/format';
import {
  AlreadyHaveWarning,
  ExclusivityChip,
  OwnedChip,
  RiskFlagsChip,
  ScoreChip,
  VerifiedBadges,
} from '@/features/marketplace/components/lead-badges';
import { VendorLink } from '@/features/marketplace/components/vendor-link';
import { Highlight } from '@/features/marketplace/utils/highlight';
import { approvalText, extraJobTitle, vendorName } from '@/features/marketplace/utils/labels';
import { locationOf } from '@/lib/lead-labels';

interface LeadCardProps {
  lead: LeadPreview;
  selected: boolean;
  onOpen: (lead: LeadPreview) => void;
  /** The search's words, marked in the title, job title and description. */
  highlight?: RegExp | null;
  /** Narrow the search to the lead's vendor. */
  onVendor?: (vendor: LeadPreview['vendor']) => void;
}

/** One search result: what the lead is, how good it is, what it costs, who sells it. */
export function LeadCard({ lead, selected, onOpen, highlight = null, onVendor }: LeadCardProps) {
  const location = locationOf(lead);
  const jobTitle = extraJobTitle(lead);
  const vendor = vendorName(lead.vendor);
  return (
    <Card
      component="article"
      aria-label={lead.title}
      onClick={() => onOpen(lead)}
      sx={(theme) => ({
        p: 2.5,
        cursor: 'pointer',
        display: 'flex',
        flexDirection: 'column',
        gap: 1.25,
        transition: theme.transitions.create(['border-color', 'box-shadow']),
        '&:hover': { borderColor: alpha(theme.palette.primary.main, 0.4) },
        ...(selected ? { borderColor: 'primary.main', boxShadow: `0 0 0 1px ${theme.palette.primary.main}` } : {}),
      })}
    >
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Link
            component="button"
            type="button"
            underline="hover"
            color="text.primary"
            onClick={(event) => {
              event.stopPropagation();
              onOpen(lead);
            }}
            sx={{ font: 'inherit', fontWeight: 650, fontSize: '1.02rem', textAlign: 'left', lineHeight: 1.35 }}
          >
            <Highlight text={lead.title} pattern={highlight} />
          </Link>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1.5, rowGap: 0.25, mt: 0.5, color: 'text.secondary' }}>
            {jobTitle ? (
              <Typography variant="body2" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                <WorkOutlineOutlined sx={{ fontSize: 16 }} aria-hidden />
                <span>
                  <Highlight text={jobTitle} pattern={highlight} />
                </span>
              </Typography>
            ) : null}
            {location ? (
              <Typography variant="body2" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                <PlaceOutlined sx={{ fontSize: 16 }} aria-hidden />
                {location}
              </Typography>
            ) : null}
            {lead.company_size ? (
              <Typography variant="body2" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                <BusinessOutlined sx={{ fontSize: 16 }} aria-hidden />
                {lead.company_size} employees
              </Typography>
            ) : null}
          </Box>
        </Box>
        <Box sx={{ textAlign: 'right', flexShrink: 0 }}>
          <Typography variant="h6" component="p" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums', lineHeight: 1.2 }}>
            {formatPrice(lead.price, lead.currency)}
          </Typography>
          <Box sx={{ mt: 0.75 }}>
            <ExclusivityChip lead={lead} />
          </Box>
        </Box>
      </Box>

      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75 }}>
        {lead.owned ? <OwnedChip /> : null}
        {lead.industry ? <Chip size="small" label={lead.industry} /> : null}
        {lead.seniority ? <Chip size="small" variant="outlined" label={lead.seniority} /> : null}
        {lead.department ? <Chip size="small" variant="outlined" label={lead.department} /> : null}
      </Box>

      {lead.description ? (
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
        >
          <Highlight text={lead.description} pattern={highlight} />
        </Typography>
      ) : null}

      {lead.already_have_contact ? <AlreadyHaveWarning compact /> : null}

      <Box
        sx={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: 0.75,
          pt: 1.25,
          mt: 'auto',
          borderTop: 1,
          borderColor: 'divider',
        }}
      >
        <ScoreChip score={lead.lead_score} />
        <VerifiedBadges validation={lead.validation} />
        <RiskFlagsChip flags={lead.validation.risk_flags} />
        <Box sx={{ flex: 1 }} />
        <Typography variant="caption" color="text.secondary" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
          <VerifiedUserOutlined sx={{ fontSize: 15 }} aria-hidden />
          <span>
            {onVendor ? (
              <VendorLink
                vendor={lead.vendor}
                onVendor={onVendor}
                sx={{ fontWeight: 600, color: 'text.primary', verticalAlign: 'baseline' }}
              />
            ) : (
              <Box component="span" sx={{ fontWeight: 600, color: 'text.primary' }}>
                {vendor}
              </Box>
            )}{' '}
            · {approvalText(lead.vendor.approval_rate)}
            {lead.published_at ? ` · ${formatTimeAgo(lead.published_at)}` : ''}
          </span>
        </Typography>
      </Box>
    </Card>
  );
}

/** The shape of a result card while the first page loads. */
export function LeadCardSkeleton() {
  return (
    <Card sx={{ p: 2.5, display: 'flex', flexDirection: 'column', gap: 1.25 }} aria-hidden>
      <Box sx={{ display: 'flex', gap: 2 }}>
        <Box sx={{ flex: 1 }}>
          <Skeleton width="75%" height={26} />
          <Skeleton width="45%" />
        </Box>
        <Box sx={{ width: 80 }}>
          <Skeleton height={30} />
          <Skeleton variant="rounded" height={22} sx={{ mt: 0.5 }} />
        </Box>
      </Box>
      <Box sx={{ display: 'flex', gap: 0.75 }}>
        {[88, 64, 72].map((width) => (
          <Skeleton key={width} variant="rounded" width={width} height={24} sx={{ borderRadius: 4 }} />
        ))}
      </Box>
      <Skeleton width="95%" />
      <Box sx={{ display: 'flex', gap: 0.75, pt: 1.25, borderTop: 1, borderColor: 'divider' }}>
        {[84, 64, 64].map((width, index) => (
          <Skeleton key={index} variant="rounded" width={width} height={24} sx={{ borderRadius: 4 }} />
        ))}
        <Box sx={{ flex: 1 }} />
        <Skeleton width={150} />
      </Box>
    </Card>
  );
}
