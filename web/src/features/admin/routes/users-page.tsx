import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import SearchRounded from '@mui/icons-material/SearchRounded';
import type { AdminUserUpdate, Role, User } from '@/api/types';
import { useAppSelector } from '@/app/hooks';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { type Notice, NoticeSnackbar } from '@/components/ui/notice-snackbar';
import { PageHeader } from '@/components/ui/page-header';
import { selectCurrentUser } from '@/lib/auth/auth-slice';
import { ROLE_LABEL } from '@/lib/auth/roles';
import { describeError } from '@/lib/problem';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useListUsersInfiniteQuery, useUpdateUserMutation, type UserFilters } from '@/features/admin/api/admin-api';
import { UsersTable } from '@/features/admin/components/users-table';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';

export function UsersPage() {
  useDocumentTitle('Users');
  const currentUser = useAppSelector(selectCurrentUser);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<UserFilters['role']>('');
  const [isActive, setIsActive] = useState<UserFilters['isActive']>('');
  const q = useDebouncedValue(search, 350);
  const filters = useMemo<UserFilters>(() => ({ q, role, isActive }), [q, role, isActive]);

  const { data, error, isLoading, isFetching, isFetchingNextPage, hasNextPage, fetchNextPage, refetch } =
    useListUsersInfiniteQuery(filters);
  const [updateUser] = useUpdateUserMutation();
  const [busyUserId, setBusyUserId] = useState<number | null>(null);
  const [pendingDeactivation, setPendingDeactivation] = useState<User | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const users = useMemo(() => data?.pages.flatMap((page) => page.data) ?? [], [data]);

  async function applyChange(user: User, changes: AdminUserUpdate, success: string) {
    setBusyUserId(user.id);
    try {
      await updateUser({ id: user.id, changes }).unwrap();
      setNotice({ severity: 'success', message: success });
    } catch (err) {
      setNotice({ severity: 'error', message: describeError(err).message ?? 'Could not update the user.' });
    } finally {
      setBusyUserId(null);
    }
  }

  function handleRoleChange(user: User, nextRole: Role) {
    if (nextRole === user.role) return;
    void applyChange(user, { role: nextRole }, `${user.email} is now ${ROLE_LABEL[nextRole].toLowerCase()}.`);
  }

  function handleActiveChange(user: User, active: boolean) {
    if (active) {
      void applyChange(user, { is_active: true }, `${user.email} was reactivated.`);
    } else {
      setPendingDeactivation(user);
    }
  }

  function handleTrustedChange(user: User, trusted: boolean) {
    void applyChange(
      user,
      { is_trusted_vendor: trusted },
      trusted ? `${user.email} is now a trusted vendor.` : `${user.email} is no longer a trusted vendor.`,
    );
  }

  async function confirmDeactivation() {
    if (!pendingDeactivation) return;
    await applyChange(pendingDeactivation, { is_active: false }, `${pendingDeactivation.email} was deactivated.`);
    setPendingDeactivation(null);
  }

  const loadError = error ? describeError(error).message : null;

  return (
    <Box>
      <PageHeader title="Users" subtitle="Everyone with a Lead-Nexus account: change roles and control access." />
      <Card>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, p: 2.5 }}>
          <TextField
            label="Search users"
            placeholder="Name, email or company"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            size="small"
            sx={{ flex: '1 1 260px' }}
            slotProps={{
              input: {
                startAdornment: (
                  <InputAdornment position="start">
                    <SearchRounded fontSize="small" />
                  </InputAdornment>
                ),
              },
            }}
          />
          <TextField
            select
            label="Role"
            value={role}
            onChange={(event) => setRole(event.target.value as UserFilters['role'])}
            size="small"
            sx={{ flex: '0 1 170px' }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">All roles</MenuItem>
            <MenuItem value="client">Client</MenuItem>
            <MenuItem value="vendor">Vendor</MenuItem>
            <MenuItem value="admin">Admin</MenuItem>
          </TextField>
          <TextField
            select
            label="Status"
            value={isActive}
            onChange={(event) => setIsActive(event.target.value as UserFilters['isActive'])}
            size="small"
            sx={{ flex: '0 1 170px' }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">Any status</MenuItem>
            <MenuItem value="true">Active</MenuItem>
            <MenuItem value="false">Deactivated</MenuItem>
          </TextField>
        </Box>
        <Box sx={{ height: 4 }}>{isFetching && !isFetchingNextPage ? <LinearProgress /> : null}</Box>

        {loadError ? (
          <LoadErrorAlert message={loadError} onRetry={refetch} sx={{ m: 2.5 }} />
        ) : null}

        {!isLoading && !loadError && users.length === 0 ? (
          <Box sx={{ p: 2.5 }}>
            <EmptyState
              icon={<PeopleOutlined />}
              title="No users found"
              description="No account matches these filters. Try a different search or clear the filters."
            />
          </Box>
        ) : null}

        {users.length > 0 ? (
          <UsersTable
            users={users}
            currentUserId={currentUser?.id ?? null}
            busyUserId={busyUserId}
            onRoleChange={handleRoleChange}
            onActiveChange={handleActiveChange}
            onTrustedChange={handleTrustedChange}
          />
        ) : null}

        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', p: 2.5 }}>
          <Typography variant="body2" color="text.secondary">
            {users.length > 0 ? `Showing ${users.length} user${users.length === 1 ? '' : 's'}` : ''}
          </Typography>
          {hasNextPage ? (
            <Button variant="outlined" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
              {isFetchingNextPage ? 'Loading…' : 'Load more'}
            </Button>
          ) : null}
        </Box>
      </Card>

      <ConfirmDialog
        id="deactivate"
        open={pendingDeactivation !== null}
        title="Deactivate this account?"
        confirmLabel="Deactivate"
        pendingLabel="Deactivating…"
        destructive
        pending={busyUserId !== null && busyUserId === pendingDeactivation?.id}
        onCancel={() => setPendingDeactivation(null)}
        onConfirm={() => void confirmDeactivation()}
      >
        {pendingDeactivation ? (
          <>
            <strong>{pendingDeactivation.name || pendingDeactivation.email}</strong> ({pendingDeactivation.email}) will be
            signed out everywhere and won't be able to sign in until you reactivate the account.
          </>
        ) : null}
      </ConfirmDialog>
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
