import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Skeleton from '@mui/material/Skeleton';
import Switch from '@mui/material/Switch';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import BookmarkBorderOutlined from '@mui/icons-material/BookmarkBorderOutlined';
import DeleteOutlineRounded from '@mui/icons-material/DeleteOutlineRounded';
import DriveFileRenameOutlineRounded from '@mui/icons-material/DriveFileRenameOutlineRounded';
import SearchRounded from '@mui/icons-material/SearchRounded';
import type { SavedSearch } from '@/api/types';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';
import { type Notice, NoticeSnackbar } from '@/components/ui/notice-snackbar';
import { PageHeader } from '@/components/ui/page-header';
import { formatDate, formatTimeAgo } from '@/lib/format';
import { describeError } from '@/lib/problem';
import { useDocumentTitle } from '@/lib/use-document-title';
import {
  useDeleteSavedSearchMutation,
  useListSavedSearchesQuery,
  useUpdateSavedSearchMutation,
} from '@/features/marketplace/api/marketplace-api';
import { RenameSearchDialog } from '@/features/marketplace/components/rename-search-dialog';
import { describeQuery } from '@/features/marketplace/utils/labels';
import { savedSearchHref } from '@/features/marketplace/utils/search-params';

function SavedSearchRow({
  saved,
  onToggleAlert,
  onRename,
  onDelete,
}: {
  saved: SavedSearch;
  onToggleAlert: (alert: boolean) => void;
  onRename: () => void;
  onDelete: () => void;
}) {
  const summary = describeQuery(saved.query);
  return (
    <Box
      component="li"
      aria-label={saved.name}
      sx={{
        display: 'flex',
        flexWrap: { xs: 'wrap', md: 'nowrap' },
        alignItems: 'center',
        gap: 2,
        px: 2.5,
        py: 2,
        '&:not(:last-of-type)': { borderBottom: 1, borderColor: 'divider' },
      }}
    >
      <Box sx={{ flex: '1 1 320px', minWidth: 0 }}>
        <Typography sx={{ fontWeight: 650 }} noWrap title={saved.name}>
          {saved.name}
        </Typography>
        {/* A search kept under its suggested name would say the same thing twice ("Retail / Retail"). */}
        {summary !== saved.name ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
            {summary}
          </Typography>
        ) : null}
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
          Saved {formatDate(saved.created_at)}
          {saved.last_alert_at ? ` · last alert ${formatTimeAgo(saved.last_alert_at)}` : saved.alert ? ' · no new matches yet' : ''}
        </Typography>
      </Box>
      <FormControlLabel
        control={
          <Switch
            checked={saved.alert}
            onChange={(event) => onToggleAlert(event.target.checked)}
            slotProps={{ input: { 'aria-label': `Alerts for ${saved.name}` } }}
          />
        }
        label={saved.alert ? 'Alerts on' : 'Alerts off'}
        sx={{ mr: 0, minWidth: 132, '& .MuiFormControlLabel-label': { typography: 'body2', color: 'text.secondary' } }}
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <Button component={RouterLink} to={savedSearchHref(saved.id, saved.query)} variant="outlined" startIcon={<SearchRounded />}>
          Open
        </Button>
        <Tooltip title="Rename">
          <IconButton aria-label={`Rename ${saved.name}`} onClick={onRename}>
            <DriveFileRenameOutlineRounded />
          </IconButton>
        </Tooltip>
        <Tooltip title="Delete">
          <IconButton aria-label={`Delete ${saved.name}`} onClick={onDelete}>
            <DeleteOutlineRounded />
          </IconButton>
        </Tooltip>
      </Box>
    </Box>
  );
}

export function SavedSearchesPage() {
  useDocumentTitle('Saved searches');
  const { data, error, isLoading, refetch } = useListSavedSearchesQuery();
  const [updateSavedSearch] = useUpdateSavedSearchMutation();
  const [deleteSavedSearch, { isLoading: deleting }] = useDeleteSavedSearchMutation();
  const [renaming, setRenaming] = useState<SavedSearch | null>(null);
  const [deletingSearch, setDeletingSearch] = useState<SavedSearch | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  async function toggleAlert(saved: SavedSearch, alert: boolean) {
    try {
      await updateSavedSearch({ id: saved.id, changes: { alert } }).unwrap();
    } catch (err) {
      setNotice({ severity: 'error', message: describeError(err).message ?? 'Could not change the alert.' });
    }
  }

  async function confirmDelete() {
    if (!deletingSearch) return;
    const { id, name } = deletingSearch;
    try {
      await deleteSavedSearch(id).unwrap();
      setNotice({ severity: 'success', message: `Deleted “${name}”.` });
    } catch (err) {
      setNotice({ severity: 'error', message: describeError(err).message ?? 'Could not delete the saved search.' });
    } finally {
      setDeletingSearch(null);
    }
  }

  return (
    <Box>
      <PageHeader
        title="Saved searches"
        subtitle="Searches you come back to. With alerts on, you are notified when newly published leads match."
        actions={
          <Button component={RouterLink} to="/client/marketplace" variant="contained" startIcon={<SearchRounded />}>
            New search
          </Button>
        }
      />
      {error ? <LoadErrorAlert message={describeError(error).message} onRetry={refetch} sx={{ mb: 2 }} /> : null}
      {isLoading ? (
        <Card aria-busy="true" aria-label="Loading saved searches">
          {[0, 1, 2].map((key) => (
            <Box key={key} sx={{ px: 2.5, py: 2, borderBottom: key < 2 ? 1 : 0, borderColor: 'divider' }}>
              <Skeleton width="30%" height={26} />
              <Skeleton width="60%" />
              <Skeleton width="20%" />
            </Box>
          ))}
        </Card>
      ) : null}
      {data && data.length === 0 ? (
        <EmptyState
          icon={<BookmarkBorderOutlined />}
          title="No saved searches yet"
          description="Search the marketplace, then use “Save search” to come back to it in one click and be told about new matching leads."
          action={
            <Button component={RouterLink} to="/client/marketplace" variant="contained">
              Browse the marketplace
            </Button>
          }
        />
      ) : null}
      {data && data.length > 0 ? (
        <Card>
          <Box component="ul" aria-label="Saved searches" sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {data.map((saved) => (
              <SavedSearchRow
                key={saved.id}
                saved={saved}
                onToggleAlert={(alert) => void toggleAlert(saved, alert)}
                onRename={() => setRenaming(saved)}
                onDelete={() => setDeletingSearch(saved)}
              />
            ))}
          </Box>
        </Card>
      ) : null}

      {renaming ? (
        <RenameSearchDialog
          saved={renaming}
          onClose={() => setRenaming(null)}
          onRenamed={(saved) => {
            setRenaming(null);
            setNotice({ severity: 'success', message: `Renamed to “${saved.name}”.` });
          }}
        />
      ) : null}
      <ConfirmDialog
        id="delete-search"
        open={deletingSearch !== null}
        title="Delete this saved search?"
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        destructive
        pending={deleting}
        onCancel={() => setDeletingSearch(null)}
        onConfirm={() => void confirmDelete()}
      >
        <strong>{deletingSearch?.name ?? ''}</strong> and its alerts will be gone. Leads you bought through it are not
        affected.
      </ConfirmDialog>
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
