import { useId, useRef, useState, type DragEvent } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { ACCEPTED_EXTENSIONS, MAX_UPLOAD_MB } from '@/features/vendor/utils/upload-form';

interface FileDropStepProps {
  onFile: (file: File) => void;
  uploading: boolean;
  fileName: string | null;
  /** The server's (or the size check's) reason for rejecting the last file. */
  error: { title: string; detail: string } | null;
}

export function FileDropStep({ onFile, uploading, fileName, error }: FileDropStepProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [dragging, setDragging] = useState(false);

  function pick(files: FileList | null) {
    const file = files?.[0];
    if (file && !uploading) onFile(file);
  }

  function handleDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    pick(event.dataTransfer.files);
  }

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box
        component="label"
        htmlFor={inputId}
        onDragOver={(event: DragEvent<HTMLElement>) => {
          event.preventDefault();
          if (!dragging) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={handleDrop}
        sx={(theme) => ({
          display: 'grid',
          placeItems: 'center',
          textAlign: 'center',
          gap: 1,
          px: 3,
          py: { xs: 5, sm: 7 },
          borderRadius: 3,
          border: `2px dashed ${dragging ? theme.palette.primary.main : theme.palette.divider}`,
          bgcolor: dragging ? alpha(theme.palette.primary.main, 0.06) : alpha(theme.palette.primary.main, 0.02),
          cursor: uploading ? 'progress' : 'pointer',
          transition: 'border-color 120ms, background-color 120ms',
          '&:hover': { borderColor: uploading ? undefined : 'primary.light' },
        })}
      >
        {uploading ? (
          <>
            <CircularProgress size={48} />
            <Typography variant="h6" component="p">
              Uploading {fileName}…
            </Typography>
            <Typography color="text.secondary">Reading the columns and suggesting a mapping.</Typography>
          </>
        ) : (
          <>
            <Box
              sx={(theme) => ({
                width: 64,
                height: 64,
                borderRadius: '20px',
                display: 'grid',
                placeItems: 'center',
                color: 'primary.main',
                bgcolor: alpha(theme.palette.primary.main, 0.1),
                '& svg': { fontSize: 32 },
              })}
            >
              <UploadFileOutlined />
            </Box>
            <Typography variant="h6" component="p">
              Drag and drop your lead file here
            </Typography>
            <Typography color="text.secondary">or</Typography>
            <Button variant="contained" onClick={() => inputRef.current?.click()}>
              Choose a file
            </Button>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              CSV, TSV or semicolon-separated text with a header row · up to {MAX_UPLOAD_MB} MB
            </Typography>
          </>
        )}
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          aria-label="Lead file"
          accept={[...ACCEPTED_EXTENSIONS, 'text/csv', 'text/tab-separated-values', 'text/plain'].join(',')}
          hidden
          disabled={uploading}
          onChange={(event) => {
            pick(event.target.files);
            event.target.value = '';
          }}
        />
      </Box>

      {error ? (
        <Alert severity="error" role="alert">
          <AlertTitle>{error.title}</AlertTitle>
          {error.detail}
        </Alert>
      ) : null}

      <Typography variant="body2" color="text.secondary">
        The first row must hold the column names. Any column layout works: you match the columns to lead fields in the next
        step, and Lead-Nexus remembers your choice for files with the same columns.
      </Typography>
    </Box>
  );
}
