import Link from '@mui/material/Link';
import Tooltip from '@mui/material/Tooltip';
import type { SxProps, Theme } from '@mui/material/styles';
import type { LeadPreview } from '@/api/types';
import { vendorName } from '@/features/marketplace/utils/labels';

interface VendorLinkProps {
  vendor: LeadPreview['vendor'];
  onVendor: (vendor: LeadPreview['vendor']) => void;
  sx?: SxProps<Theme>;
}

/** The vendor's name, as a link that narrows the search to that vendor's leads. */
export function VendorLink({ vendor, onVendor, sx = [] }: VendorLinkProps) {
  const name = vendorName(vendor);
  return (
    <Tooltip title="More from this vendor" describeChild>
      <Link
        component="button"
        type="button"
        underline="hover"
        color="inherit"
        aria-label={`More from ${name}`}
        // Cards and table rows open the lead on a click or Enter: this link does something else.
        onClick={(event) => {
          event.stopPropagation();
          onVendor(vendor);
        }}
        onKeyDown={(event) => event.stopPropagation()}
        sx={[{ font: 'inherit' }, ...(Array.isArray(sx) ? sx : [sx])]}
      >
        {name}
      </Link>
    </Tooltip>
  );
}
