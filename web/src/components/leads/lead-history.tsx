import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { LeadEvent } from '@/api/types';
import { formatDateTime } from '@/lib/format';
import { humanise, LEAD_STATUS, statusOf } from '@/lib/lead-labels';

const DOT_COLOR: Record<string, string> = {
  default: 'grey.400',
  primary: 'primary.main',
  secondary: 'secondary.main',
  success: 'success.main',
  warning: 'warning.main',
  error: 'error.main',
  info: 'info.main',
};

interface LeadHistoryProps {
  events: LeadEvent[];
  /** Who made the change, in the viewer's words ("you", "a reviewer", a rule's name), or null to say nothing. */
  describeActor: (event: LeadEvent) => string | null;
  /** Wording for a rejection reason code. */
  reasonLabel?: (code: string) => string;
  /** When the lead was created: shown as the first entry (its creation is not a status change). */
  createdAt?: string;
}

/** A lead's status changes, newest first: who moved it, when, from where, and why. */
export function LeadHistory({ events, describeActor, reasonLabel = humanise, createdAt }: LeadHistoryProps) {
  if (events.length === 0 && !createdAt) {
    return (
      <Typography variant="body2" color="text.secondary">
        No status changes recorded yet.
      </Typography>
    );
  }
  const newestFirst = [...events].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
  return (
    <Box component="ol" aria-label="Status history" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {newestFirst.map((event, index) => {
        const to = statusOf(LEAD_STATUS, event.to_status);
        const from = event.from_status ? statusOf(LEAD_STATUS, event.from_status).label : null;
        const actor = describeActor(event);
        const last = index === newestFirst.length - 1 && !createdAt;
        return (
          <Box
            component="li"
            key={event.id}
            aria-label={`${to.label}, ${formatDateTime(event.created_at)}`}
            sx={{ display: 'flex', gap: 1.5 }}
          >
            <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: '6px' }} aria-hidden>
              <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: DOT_COLOR[to.color] ?? 'grey.400', flexShrink: 0 }} />
              {!last ? <Box sx={{ width: 2, flex: 1, bgcolor: 'divider', my: 0.5 }} /> : null}
            </Box>
            <Box sx={{ minWidth: 0, pb: last ? 0 : 2 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {to.label}
                {from ? (
                  <Typography component="span" variant="body2" color="text.secondary">
                    {' '}
                    · from {from}
                  </Typography>
                ) : null}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="div">
                {formatDateTime(event.created_at)}
                {actor ? ` · ${actor}` : ''}
              </Typography>
              {event.reason ? (
                <Typography variant="body2" component="div" sx={{ mt: 0.5 }}>
                  Reason: {reasonLabel(event.reason)}
                </Typography>
              ) : null}
              {event.note ? (
                <Typography
                  variant="body2"
                  component="blockquote"
                  sx={{ m: 0, mt: 0.5, pl: 1.25, borderLeft: 3, borderColor: 'divider', color: 'text.secondary', whiteSpace: 'pre-wrap' }}
                >
                  {event.note}
                </Typography>
              ) : null}
            </Box>
          </Box>
        );
      })}
      {createdAt ? (
        <Box component="li" aria-label={`Created, ${formatDateTime(createdAt)}`} sx={{ display: 'flex', gap: 1.5 }}>
          <Box sx={{ pt: '6px' }} aria-hidden>
            <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: 'grey.400' }} />
          </Box>
          <Box>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              Created and validated
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              {formatDateTime(createdAt)}
            </Typography>
          </Box>
        </Box>
      ) : null}
    </Box>
  );
}
