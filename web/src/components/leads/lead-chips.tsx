import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { LEAD_STATUS, labelOf, RISK_FLAG_LABEL, statusOf, VALIDATION_STATUS } from '@/lib/lead-labels';

export function LeadStatusChip({ status }: { status: string }) {
  const { label, color } = statusOf(LEAD_STATUS, status);
  return <Chip size="small" label={label} color={color} variant={color === 'default' ? 'outlined' : 'filled'} />;
}

export function ValidationChip({ status }: { status: string }) {
  const { label, color } = statusOf(VALIDATION_STATUS, status);
  return <Chip size="small" label={label} color={color} variant="outlined" />;
}

export function RiskFlagChip({ flag }: { flag: string }) {
  return <Chip size="small" color="warning" variant="outlined" label={labelOf(RISK_FLAG_LABEL, flag)} />;
}

export function scoreColor(score: number): 'success' | 'warning' | 'error' {
  if (score >= 0.75) return 'success';
  if (score >= 0.5) return 'warning';
  return 'error';
}

/** Quality score 0..1 as a number with a small coloured bar. */
export function ScoreBar({ score }: { score: number | null }) {
  if (score === null) {
    return (
      <Typography variant="body2" color="text.disabled">
        —
      </Typography>
    );
  }
  const color = scoreColor(score);
  return (
    <Tooltip title={`Quality score ${score.toFixed(2)} of 1`}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 88 }}>
        <Typography variant="body2" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums', color: `${color}.dark` }}>
          {score.toFixed(2)}
        </Typography>
        <LinearProgress
          variant="determinate"
          value={score * 100}
          color={color}
          aria-label="Quality score"
          sx={{ flex: 1, height: 6, borderRadius: 3 }}
        />
      </Box>
    </Tooltip>
  );
}
