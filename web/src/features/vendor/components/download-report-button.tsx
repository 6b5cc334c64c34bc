import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button, { type ButtonProps } from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import { describeError } from '@/lib/problem';
import { useDownloadErrorReportMutation } from '@/features/vendor/api/vendor-api';

interface DownloadReportButtonProps {
  uploadId: number;
  url: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
}

/** The report needs the Authorization header, so it is fetched as a blob rather than linked. */
export function DownloadReportButton({ uploadId, url, variant = 'outlined', size = 'medium' }: DownloadReportButtonProps) {
  const [download, { isLoading }] = useDownloadErrorReportMutation();
  const [error, setError] = useState<string | null>(null);

  async function handleClick() {
    try {
      await download({ url, uploadId }).unwrap();
    } catch (err) {
      setError(describeError(err).message ?? 'Could not download the error report.');
    }
  }

  return (
    <>
      <Button
        variant={variant}
        size={size}
        startIcon={<FileDownloadOutlined />}
        onClick={() => void handleClick()}
        disabled={isLoading}
      >
        {isLoading ? 'Preparing…' : 'Download error report'}
      </Button>
      <Snackbar open={error !== null} autoHideDuration={8000} onClose={() => setError(null)}>
        {error ? (
          <Alert severity="error" variant="filled" onClose={() => setError(null)}>
            {error}
          </Alert>
        ) : undefined}
      </Snackbar>
    </>
  );
}
