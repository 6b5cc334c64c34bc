import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import CancelRounded from '@mui/icons-material/CancelRounded';
import CheckCircleRounded from '@mui/icons-material/CheckCircleRounded';
import ErrorRounded from '@mui/icons-material/ErrorRounded';
import RemoveCircleOutlineRounded from '@mui/icons-material/RemoveCircleOutlineRounded';
import type { ScorePart, StageReport } from '@/api/types';
import { humanise, labelOf, SCORE_PART_LABEL, STAGE_LABEL, STAGE_ORDER, wordRiskFlags } from '@/lib/lead-labels';
import { scoreColor } from '@/components/leads/lead-chips';

const STAGE_STATUS: Record<StageReport['status'], { label: string; color: string; icon: ReactNode }> = {
  pass: { label: 'Passed', color: 'success.main', icon: <CheckCircleRounded fontSize="small" /> },
  warn: { label: 'Warning', color: 'warning.main', icon: <ErrorRounded fontSize="small" /> },
  fail: { label: 'Failed', color: 'error.main', icon: <CancelRounded fontSize="small" /> },
  not_checked: { label: 'Not checked', color: 'text.disabled', icon: <RemoveCircleOutlineRounded fontSize="small" /> },
};

/** A titled block of a lead's details panel; its title names the region for assistive tech. */
export function DetailSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title} sx={{ py: 2.5 }}>
      <Typography variant="overline" component="h3" color="text.secondary" sx={{ display: 'block', mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/** One label/value row of a `<dl>` grid; empty values show a dash. */
export function DetailField({ label, children }: { label: string; children: ReactNode }) {
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

export function externalHref(value: string): string {
  return /^https?:\/\//i.test(value) ? value : `https://${value}`;
}

function orderStages(report: StageReport[]): StageReport[] {
  const rank = (stage: string) => {
    const index = STAGE_ORDER.indexOf(stage);
    return index === -1 ? STAGE_ORDER.length : index;
  };
  return [...report].sort((a, b) => rank(a.stage) - rank(b.stage));
}

/** The validation pipeline's stages in pipeline order, each with its outcome and reasons. */
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

/** The quality score and the weighted parts it is the sum of. */
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
                {wordRiskFlags(part.detail)}
              </Typography>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
