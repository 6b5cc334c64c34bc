import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CheckCircleRounded from '@mui/icons-material/CheckCircleRounded';
import DiamondOutlined from '@mui/icons-material/DiamondOutlined';
import GroupOutlined from '@mui/icons-material/GroupOutlined';
import HowToRegOutlined from '@mui/icons-material/HowToRegOutlined';
import RemoveCircleOutlineRounded from '@mui/icons-material/RemoveCircleOutlineRounded';
import WarningAmberRounded from '@mui/icons-material/WarningAmberRounded';
import type { LeadPreview } from '@/api/types';
import { scoreColor } from '@/components/leads/lead-chips';
import { labelOf, RISK_FLAG_LABEL } from '@/lib/lead-labels';
import { exclusivityText } from '@/features/marketplace/utils/labels';

/** The quality score, coloured by band (green from 0.75, amber from 0.5, red below). */
export function ScoreChip({ score, size = 'small' }: { score: number | null; size?: 'small' | 'medium' }) {
  if (score === null) return <Chip size={size} variant="outlined" label="Not scored" />;
  return (
    <Tooltip title="Quality score from 0 to 1: completeness, validity, risk, freshness and uniqueness">
      <Chip
        size={size}
        color={scoreColor(score)}
        label={`Score ${score.toFixed(2)}`}
        aria-label={`Quality score ${score.toFixed(2)}`}
        sx={{ fontVariantNumeric: 'tabular-nums' }}
      />
    </Tooltip>
  );
}

/** The score as a coloured number, for dense rows. */
export function ScoreText({ score }: { score: number | null }) {
  if (score === null) {
    return (
      <Typography variant="body2" color="text.disabled">
        —
      </Typography>
    );
  }
  const color = scoreColor(score);
  return (
    <Box
      component="span"
      aria-label={`Quality score ${score.toFixed(2)}`}
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, fontWeight: 700, fontVariantNumeric: 'tabular-nums', color: `${color}.dark` }}
    >
      <Box component="span" aria-hidden sx={{ width: 8, height: 8, borderRadius: '50%', bgcolor: `${color}.main` }} />
      {score.toFixed(2)}
    </Box>
  );
}

function Verified({ label, verified }: { label: string; verified: boolean }) {
  return (
    <Tooltip title={verified ? `${label} checked and valid` : `${label} not verified`}>
      <Chip
        size="small"
        variant="outlined"
        color={verified ? 'success' : 'default'}
        icon={verified ? <CheckCircleRounded /> : <RemoveCircleOutlineRounded />}
        label={label}
        aria-label={verified ? `${label} verified` : `${label} not verified`}
        sx={verified ? undefined : { color: 'text.disabled', borderColor: 'divider', '& .MuiChip-icon': { color: 'text.disabled' } }}
      />
    </Tooltip>
  );
}

/** Email ✓ / phone ✓: which contact values passed validation. */
export function VerifiedBadges({ validation }: { validation: LeadPreview['validation'] }) {
  return (
    <>
      <Verified label="Email" verified={validation.email_verified} />
      <Verified label="Phone" verified={validation.phone_verified} />
    </>
  );
}

export function RiskFlagsChip({ flags }: { flags: string[] }) {
  if (flags.length === 0) return null;
  const text = flags.map((flag) => labelOf(RISK_FLAG_LABEL, flag)).join(', ');
  return (
    <Tooltip title={`Risk flags: ${text}`}>
      <Chip
        size="small"
        variant="outlined"
        color="warning"
        icon={<WarningAmberRounded />}
        label={flags.length === 1 ? '1 risk flag' : `${flags.length} risk flags`}
        aria-label={`Risk flags: ${text}`}
      />
    </Tooltip>
  );
}

export function ExclusivityChip({ lead }: { lead: Pick<LeadPreview, 'max_sales' | 'sales_count'> }) {
  const exclusive = lead.max_sales <= 1;
  return (
    <Chip
      size="small"
      variant={exclusive ? 'filled' : 'outlined'}
      color={exclusive ? 'secondary' : 'default'}
      icon={exclusive ? <DiamondOutlined /> : <GroupOutlined />}
      label={exclusivityText(lead)}
    />
  );
}

export function OwnedChip() {
  return <Chip size="small" color="primary" icon={<HowToRegOutlined />} label="Owned" />;
}

/** The buyer already paid for this contact, through another vendor's lead. */
export function AlreadyHaveWarning({ compact = false }: { compact?: boolean }) {
  return (
    <Box
      role="note"
      sx={{
        display: 'flex',
        alignItems: 'flex-start',
        gap: 0.75,
        color: 'warning.dark',
        bgcolor: 'rgba(237, 108, 2, 0.08)',
        borderRadius: 2,
        px: 1.25,
        py: 0.75,
      }}
    >
      <WarningAmberRounded fontSize="small" sx={{ mt: '1px' }} />
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        You may already have this contact
        {compact ? null : (
          <Typography component="span" variant="body2" sx={{ fontWeight: 400 }}>
            {' '}
            — you bought a lead with the same contact from another vendor.
          </Typography>
        )}
      </Typography>
    </Box>
  );
}
