import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import ArrowBackRounded from '@mui/icons-material/ArrowBackRounded';
import SearchOffRounded from '@mui/icons-material/SearchOffRounded';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';
import { describeError } from '@/lib/problem';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useGetMarketLeadQuery } from '@/features/marketplace/api/marketplace-api';
import {
  LeadDetailContent,
  LeadDetailSkeleton,
  LeadSummary,
  LeadTags,
} from '@/features/marketplace/components/lead-detail';
import { leadLoadError } from '@/features/marketplace/utils/labels';
import { positiveInt } from '@/features/marketplace/utils/search-params';

/** One lead on its own page, for a link to share; the marketplace shows the same in a drawer. */
export function LeadPage() {
  const params = useParams();
  const navigate = useNavigate();
  const leadId = positiveInt(params.leadId);
  const { data, error, isFetching, refetch } = useGetMarketLeadQuery(leadId ?? 0, { skip: leadId === null });
  const lead = data && data.id === leadId ? data : null;
  useDocumentTitle(lead?.title ?? 'Lead');

  const back = (
    <Button component={RouterLink} to="/client/marketplace" startIcon={<ArrowBackRounded />} sx={{ mb: 2, ml: -1 }}>
      Marketplace
    </Button>
  );

  if (leadId === null || (error && describeError(error).status === 404)) {
    return (
      <Box>
        {back}
        <EmptyState
          icon={<SearchOffRounded />}
          title="This lead is not on the marketplace"
          description="It may have sold out or been withdrawn by its vendor. Similar leads are probably still there."
          action={
            <Button component={RouterLink} to="/client/marketplace" variant="contained">
              Browse the marketplace
            </Button>
          }
        />
      </Box>
    );
  }

  return (
    <Box sx={{ maxWidth: 880 }}>
      {back}
      {error && !lead ? <LoadErrorAlert message={leadLoadError(error)} onRetry={refetch} sx={{ mb: 2 }} /> : null}
      <Card>
        <Box sx={{ height: 4 }}>{isFetching ? <LinearProgress /> : null}</Box>
        <Box sx={{ px: { xs: 2.5, sm: 4 }, pt: 2, pb: 3, borderBottom: 1, borderColor: 'divider' }}>
          <Typography variant="overline" color="text.secondary">
            Lead #{leadId}
          </Typography>
          <Typography variant="h4" component="h1" sx={{ mb: 1.5 }}>
            {lead?.title ?? <Skeleton width="70%" />}
          </Typography>
          {lead ? (
            <Box sx={{ display: 'grid', gap: 2 }}>
              <LeadTags lead={lead} />
              <LeadSummary lead={lead} />
            </Box>
          ) : null}
        </Box>
        <Box sx={{ px: { xs: 2.5, sm: 4 }, pb: 3 }}>
          {lead ? (
            <LeadDetailContent
              lead={lead}
              onOpenSimilar={(similar) => void navigate(`/client/leads/${similar.id}`)}
              onVendor={(vendor) => void navigate(`/client/marketplace?${new URLSearchParams({ vendor_id: String(vendor.id) })}`)}
            />
          ) : !error ? (
            <LeadDetailSkeleton />
          ) : null}
        </Box>
      </Card>
    </Box>
  );
}
