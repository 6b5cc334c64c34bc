import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ArrowBackRounded from '@mui/icons-material/ArrowBackRounded';
import { PageHeader } from '@/components/ui/page-header';
import { useDocumentTitle } from '@/lib/use-document-title';
import { UploadWizard } from '@/features/vendor/components/upload-wizard';

export function UploadWizardPage() {
  useDocumentTitle('Upload leads');
  // A new key remounts the wizard: "Upload another file" starts from a clean slate.
  const [run, setRun] = useState(0);
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <Button component={RouterLink} to="/vendor/uploads" startIcon={<ArrowBackRounded />} sx={{ mb: 1, ml: -1 }}>
        All uploads
      </Button>
      <PageHeader title="Upload leads" subtitle="Import a file of leads: map its columns, set a price, and we check every row." />
      <UploadWizard key={run} onStartOver={() => setRun((n) => n + 1)} />
    </Box>
  );
}
