import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import CancelRounded from '@mui/icons-material/CancelRounded';
import CheckCircleRounded from '@mui/icons-material/CheckCircleRounded';
import ErrorRounded from '@mui/icons-material/ErrorRounded';
import RemoveCircleOutlineRounded from '@mui/icons-material/RemoveCircleOutlineRounded';
import type { PublicStageReport } from '@/api/types';
import { labelOf, STAGE_LABEL, STAGE_ORDER } from '@/lib/lead-labels';
import { reasonLabel, STAGE_STATUS_LABEL } from '@/features/marketplace/utils/labels';

const STAGE_LOOK: Record<string, { color: string; icon: ReactNode }> = {
  pass: { color: 'success.main', icon: <CheckCircleRounded fontSize="small" /> },
  warn: { color: 'warning.main', icon: <ErrorRounded fontSize="small" /> },
  fail: { color: 'error.main', icon: <CancelRounded fontSize="small" /> },
  not_checked: { color: 'text.disabled', icon: <RemoveCircleOutlineRounded fontSize="small" /> },
};

function rank(stage: string): number {
  const index = STAGE_ORDER.indexOf(stage);
  return index === -1 ? STAGE_ORDER.length : index;
}

/** The validation pipeline stage by stage, in pipeline order, with what each found (by code, in words). */
export function ValidationSummary({ report }: { report: PublicStageReport[] }) {
  if (report.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No validation report for this lead.
      </Typography>
    );
  }
  const stages = [...report].sort((a, b) => rank(a.stage) - rank(b.stage));
  return (
    <Box component="ol" aria-label="Validation stages" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.25 }}>
      {stages.map((stage) => {
        const look = STAGE_LOOK[stage.status] ?? STAGE_LOOK.not_checked!;
        const status = labelOf(STAGE_STATUS_LABEL, stage.status);
        const name = labelOf(STAGE_LABEL, stage.stage);
        return (
          <Box component="li" key={stage.stage} aria-label={`${name}: ${status}`} sx={{ display: 'flex', gap: 1.25 }}>
            <Box sx={{ color: look.color, pt: '1px', display: 'flex' }} aria-hidden>
              {look.icon}
            </Box>
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {name}{' '}
                <Typography component="span" variant="body2" sx={{ color: look.color, fontWeight: 500 }}>
                  · {status}
                </Typography>
              </Typography>
              {stage.reasons.map((reason, index) => (
                <Typography key={`${reason.code}-${index}`} variant="body2" component="div" color="text.secondary">
                  {reasonLabel(reason.code)}
                </Typography>
              ))}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
