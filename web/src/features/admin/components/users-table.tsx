import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { Role, User } from '@/api/types';
import { ROLE_LABEL } from '@/lib/auth/roles';
import { formatDate, formatDateTime, initialsOf } from '@/lib/format';

const ROLES: Role[] = ['client', 'vendor', 'admin'];

interface UsersTableProps {
  users: User[];
  currentUserId: number | null;
  busyUserId: number | null;
  onRoleChange: (user: User, role: Role) => void;
  onActiveChange: (user: User, active: boolean) => void;
  onTrustedChange: (user: User, trusted: boolean) => void;
}

export function UsersTable({ users, currentUserId, busyUserId, onRoleChange, onActiveChange, onTrustedChange }: UsersTableProps) {
  return (
    <TableContainer>
      <Table aria-label="Users" size="medium">
        <TableHead>
          <TableRow>
            <TableCell>User</TableCell>
            <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>Company</TableCell>
            <TableCell>Role</TableCell>
            <TableCell>Active</TableCell>
            <TableCell>
              <Tooltip title="Auto-approval rules can be limited to trusted vendors' leads">
                <span>Trusted vendor</span>
              </Tooltip>
            </TableCell>
            <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' } }}>Joined</TableCell>
            <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' } }}>Last sign-in</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {users.map((user) => {
            const isSelf = user.id === currentUserId;
            const busy = busyUserId === user.id;
            const selfHint = isSelf ? "You can't change your own role or status" : '';
            return (
              <TableRow key={user.id} hover>
                <TableCell sx={{ opacity: user.is_active ? 1 : 0.55 }}>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, minWidth: 0 }}>
                    <Avatar sx={{ width: 36, height: 36, fontSize: 14, bgcolor: 'primary.light' }}>
                      {initialsOf(user.name, user.email)}
                    </Avatar>
                    <Box sx={{ minWidth: 0 }}>
                      <Typography component="div" noWrap sx={{ fontWeight: 600 }}>
                        {user.name || '—'} {isSelf ? <Chip label="You" size="small" sx={{ ml: 0.5 }} /> : null}
                      </Typography>
                      <Typography variant="body2" color="text.secondary" noWrap>
                        {user.email}
                      </Typography>
                    </Box>
                  </Box>
                </TableCell>
                <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{user.company || '—'}</TableCell>
                <TableCell>
                  <Tooltip title={selfHint}>
                    <span>
                      <Select
                        size="small"
                        value={user.role}
                        disabled={isSelf || busy}
                        onChange={(event) => onRoleChange(user, event.target.value as Role)}
                        inputProps={{ 'aria-label': `Role for ${user.email}` }}
                        sx={{ minWidth: 120 }}
                      >
                        {ROLES.map((role) => (
                          <MenuItem key={role} value={role}>
                            {ROLE_LABEL[role]}
                          </MenuItem>
                        ))}
                      </Select>
                    </span>
                  </Tooltip>
                </TableCell>
                <TableCell>
                  <Tooltip title={selfHint}>
                    <span>
                      <Switch
                        checked={user.is_active}
                        disabled={isSelf || busy}
                        onChange={(event) => onActiveChange(user, event.target.checked)}
                        slotProps={{ input: { 'aria-label': `Active: ${user.email}` } }}
                      />
                    </span>
                  </Tooltip>
                </TableCell>
                <TableCell>
                  {user.role === 'vendor' ? (
                    <Switch
                      checked={user.is_trusted_vendor}
                      disabled={busy}
                      color="success"
                      onChange={(event) => onTrustedChange(user, event.target.checked)}
                      slotProps={{ input: { 'aria-label': `Trusted vendor: ${user.email}` } }}
                    />
                  ) : (
                    <Typography variant="body2" color="text.disabled" sx={{ pl: 2 }}>
                      —
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' }, whiteSpace: 'nowrap' }}>
                  {formatDate(user.created_at)}
                </TableCell>
                <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' }, whiteSpace: 'nowrap' }}>
                  {formatDateTime(user.last_login_at, 'Never')}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
