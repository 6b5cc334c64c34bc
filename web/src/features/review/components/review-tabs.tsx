import { Link as RouterLink } from 'react-router';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';

export function ReviewTabs({ value }: { value: 'queue' | 'rules' }) {
  return (
    <Tabs value={value} aria-label="Review sections" sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }}>
      <Tab value="queue" label="Queue" component={RouterLink} to="/admin/review" />
      <Tab value="rules" label="Auto-approval rules" component={RouterLink} to="/admin/review/rules" />
    </Tabs>
  );
}
