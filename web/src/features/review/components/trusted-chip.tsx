import Chip from '@mui/material/Chip';
import VerifiedRounded from '@mui/icons-material/VerifiedRounded';

/** A vendor the admins trust: rules can approve their leads without a review. */
export function TrustedChip() {
  return (
    <Chip
      size="small"
      color="success"
      variant="outlined"
      icon={<VerifiedRounded />}
      label="Trusted"
      sx={{ height: 20, fontSize: 11, '& .MuiChip-icon': { fontSize: 14 } }}
    />
  );
}
