import type { Upload } from '@/api/types';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { Notice } from '@/components/ui/notice-snackbar';
import { describeError } from '@/lib/problem';
import { useDiscardUploadMutation } from '@/features/vendor/api/vendor-api';

interface DiscardUploadDialogProps {
  /** The upload to discard; the dialog is open while one is set. */
  upload: Pick<Upload, 'id' | 'filename'> | null;
  /** Closes the dialog: on cancel, and after the request, whatever its outcome. */
  onClose: () => void;
  /** The outcome, to show as a notice: success, or the server's reason for refusing. */
  onDone: (notice: Notice, discarded: boolean) => void;
}

/** Asks before deleting an upload whose mapping was never confirmed, then deletes it. */
export function DiscardUploadDialog({ upload, onClose, onDone }: DiscardUploadDialogProps) {
  const [discardUpload, { isLoading }] = useDiscardUploadMutation();

  async function confirm() {
    if (!upload) return;
    try {
      await discardUpload(upload.id).unwrap();
      onDone({ severity: 'success', message: `Discarded “${upload.filename}”.` }, true);
    } catch (err) {
      onDone({ severity: 'error', message: describeError(err).message ?? 'The upload could not be discarded.' }, false);
    } finally {
      onClose();
    }
  }

  return (
    <ConfirmDialog
      id="discard-upload"
      open={upload !== null}
      title="Discard this upload?"
      confirmLabel="Discard"
      pendingLabel="Discarding…"
      destructive
      pending={isLoading}
      onCancel={onClose}
      onConfirm={() => void confirm()}
    >
      <strong>{upload?.filename ?? ''}</strong> will be deleted. Its columns were never confirmed, so nothing from it was
      imported; upload the file again whenever you like.
    </ConfirmDialog>
  );
}
