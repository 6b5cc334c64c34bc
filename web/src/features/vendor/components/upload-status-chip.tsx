import Chip from '@mui/material/Chip';
import { statusOf } from '@/lib/lead-labels';
import { UPLOAD_STATUS } from '@/features/vendor/utils/labels';

export function UploadStatusChip({ status }: { status: string }) {
  const { label, color } = statusOf(UPLOAD_STATUS, status);
  return <Chip size="small" label={label} color={color} variant={color === 'default' ? 'outlined' : 'filled'} />;
}
