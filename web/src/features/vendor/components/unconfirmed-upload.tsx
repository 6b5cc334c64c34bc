import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import type { Upload } from '@/api/types';
import { NoticeSnackbar, type Notice } from '@/components/ui/notice-snackbar';
import { DiscardUploadDialog } from '@/features/vendor/components/discard-upload-dialog';

/** An upload whose mapping was never confirmed: nothing runs until the vendor continues or discards it. */
export function UnconfirmedUpload({ upload }: { upload: Upload }) {
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Alert severity="info" role="status">
        The columns of this file were never matched to lead fields, so nothing was imported yet. Continue where you left
        off, or discard the upload.
      </Alert>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5 }}>
        <Button
          component={RouterLink}
          to={`/vendor/uploads/${upload.id}/continue`}
          variant="contained"
          startIcon={<EditNoteOutlined />}
        >
          Continue mapping
        </Button>
        <Button color="error" onClick={() => setAsking(true)}>
          Discard
        </Button>
      </Box>
      <DiscardUploadDialog
        upload={asking ? upload : null}
        onClose={() => setAsking(false)}
        onDone={(done, discarded) => {
          if (discarded) void navigate('/vendor/uploads', { replace: true });
          else setNotice(done);
        }}
      />
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
