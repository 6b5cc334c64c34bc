import Box from '@mui/material/Box';
import { useGetPendingTotalQuery } from '@/features/review/api/review-api';

/** The number of leads waiting for review, next to the navigation item. Nothing while unknown or zero. */
export function PendingReviewBadge() {
  const { data: total } = useGetPendingTotalQuery(undefined, { pollingInterval: 60_000, skipPollingIfUnfocused: true });
  if (!total) return null;
  return (
    <Box
      component="span"
      title={`${total} lead${total === 1 ? '' : 's'} waiting for review`}
      sx={{
        ml: 1,
        px: 0.75,
        minWidth: 22,
        height: 20,
        borderRadius: 10,
        display: 'inline-grid',
        placeItems: 'center',
        fontSize: 12,
        fontWeight: 700,
        fontVariantNumeric: 'tabular-nums',
        bgcolor: 'warning.main',
        color: 'warning.contrastText',
      }}
    >
      {total > 999 ? '999+' : total}
    </Box>
  );
}
