import { useEffect, useRef } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CloseRounded from '@mui/icons-material/CloseRounded';
import OpenInNewRounded from '@mui/icons-material/OpenInNewRounded';
import type { LeadDetail, LeadPreview } from '@/api/types';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';
import { useGetMarketLeadQuery } from '@/features/marketplace/api/marketplace-api';
import {
  LeadDetailContent,
  LeadDetailSkeleton,
  LeadSummary,
  LeadTags,
} from '@/features/marketplace/components/lead-detail';
import { leadLoadError } from '@/features/marketplace/utils/labels';

interface LeadDrawerProps {
  open: boolean;
  leadId: number | null;
  /** The search result, shown at once while the full lead loads. */
  placeholder: LeadPreview | null;
  onClose: () => void;
  onOpenLead: (lead: LeadPreview) => void;
  /** Search the vendor's other leads. */
  onVendor?: (vendor: LeadPreview['vendor']) => void;
}

export function LeadDrawer({ open, leadId, placeholder, onClose, onOpenLead, onVendor }: LeadDrawerProps) {
  const { data, error, isFetching, refetch } = useGetMarketLeadQuery(leadId ?? 0, { skip: leadId === null });
  const detail: LeadDetail | null = data && data.id === leadId ? data : null;
  const lead: LeadPreview | null = detail ?? (placeholder?.id === leadId ? placeholder : null);
  const loadError = leadLoadError(error);
  const body = useRef<HTMLDivElement>(null);

  // A similar lead opens in the same drawer: start it from the top.
  useEffect(() => {
    body.current?.scrollTo?.({ top: 0 });
  }, [leadId]);

  return (
    <Drawer
      anchor="right"
      open={open && leadId !== null}
      onClose={onClose}
      // Above the app bar, which sits over the permanent navigation drawer.
      sx={(theme) => ({ zIndex: theme.zIndex.modal })}
      slotProps={{
        paper: {
          sx: { width: { xs: '100%', sm: 600 }, display: 'flex', flexDirection: 'column', overflow: 'hidden' },
          role: 'dialog',
          'aria-label': 'Lead details',
        },
      }}
    >
      <Box sx={{ px: 3, pt: 2.5, pb: 2, borderBottom: 1, borderColor: 'divider', flexShrink: 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography variant="overline" color="text.secondary">
              Lead #{leadId}
            </Typography>
            <Typography variant="h6" component="h2" sx={{ lineHeight: 1.3 }}>
              {lead?.title ?? <Skeleton width="80%" />}
            </Typography>
          </Box>
          {leadId !== null ? (
            <Tooltip title="Open as a page to share">
              <IconButton component={RouterLink} to={`/client/leads/${leadId}`} aria-label="Open as a page">
                <OpenInNewRounded />
              </IconButton>
            </Tooltip>
          ) : null}
          <IconButton onClick={onClose} aria-label="Close lead details" edge="end">
            <CloseRounded />
          </IconButton>
        </Box>
        {lead ? (
          <Box sx={{ display: 'grid', gap: 1.5, mt: 1 }}>
            <LeadTags lead={lead} />
            <LeadSummary lead={lead} />
          </Box>
        ) : null}
      </Box>
      <Box sx={{ height: 4, flexShrink: 0 }}>{isFetching ? <LinearProgress /> : null}</Box>
      <Box ref={body} sx={{ px: 3, pb: 4, overflowY: 'auto', flex: 1 }}>
        {loadError && !detail ? <LoadErrorAlert message={loadError} onRetry={refetch} sx={{ mt: 2 }} /> : null}
        {detail ? <LeadDetailContent lead={detail} onOpenSimilar={onOpenLead} onVendor={onVendor} /> : null}
        {!detail && !loadError ? <LeadDetailSkeleton /> : null}
      </Box>
    </Drawer>
  );
}
