import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import { EmptyState } from '@/components/ui/empty-state';
import { useDocumentTitle } from '@/lib/use-document-title';

interface PlaceholderPageProps {
  title: string;
  icon: ReactNode;
  description: string;
  action?: ReactNode;
}

/** A page whose feature is not live yet: a deliberate empty state, titled with the page name. */
export function PlaceholderPage({ title, icon, description, action }: PlaceholderPageProps) {
  useDocumentTitle(title);
  return (
    <Box sx={{ maxWidth: 880 }}>
      <EmptyState asPageHeading title={title} icon={icon} description={description} badge="Coming soon" action={action} />
    </Box>
  );
}
