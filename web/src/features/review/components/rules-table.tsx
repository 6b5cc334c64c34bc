import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DeleteOutlineRounded from '@mui/icons-material/DeleteOutlineRounded';
import EditOutlined from '@mui/icons-material/EditOutlined';
import type { ReviewRule } from '@/api/types';
import { formatDateTime } from '@/lib/format';
import { RuleConditions } from '@/features/review/components/rule-conditions';

interface RulesTableProps {
  rules: ReviewRule[];
  busyRuleId: number | null;
  onToggleActive: (rule: ReviewRule, active: boolean) => void;
  onEdit: (rule: ReviewRule) => void;
  onDelete: (rule: ReviewRule) => void;
}

export function RulesTable({ rules, busyRuleId, onToggleActive, onEdit, onDelete }: RulesTableProps) {
  return (
    <TableContainer>
      <Table aria-label="Auto-approval rules">
        <TableHead>
          <TableRow>
            <TableCell>Rule</TableCell>
            <TableCell>Approves a lead when</TableCell>
            <TableCell>Active</TableCell>
            <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' } }}>Updated</TableCell>
            <TableCell align="right" />
          </TableRow>
        </TableHead>
        <TableBody>
          {rules.map((rule) => {
            const busy = busyRuleId === rule.id;
            return (
              <TableRow key={rule.id} hover sx={{ opacity: rule.is_active ? 1 : 0.7 }}>
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {rule.name}{' '}
                    {!rule.is_active ? <Chip size="small" label="Paused" sx={{ ml: 0.5, height: 20 }} /> : null}
                  </Typography>
                </TableCell>
                <TableCell>
                  <RuleConditions rule={rule} />
                </TableCell>
                <TableCell>
                  <Tooltip title={rule.is_active ? 'Pause this rule' : 'Resume this rule'}>
                    <span>
                      <Switch
                        checked={rule.is_active}
                        disabled={busy}
                        onChange={(event) => onToggleActive(rule, event.target.checked)}
                        slotProps={{ input: { 'aria-label': `Active: ${rule.name}` } }}
                      />
                    </span>
                  </Tooltip>
                </TableCell>
                <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' }, whiteSpace: 'nowrap' }}>
                  {formatDateTime(rule.updated_at)}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <IconButton aria-label={`Edit ${rule.name}`} onClick={() => onEdit(rule)} disabled={busy}>
                    <EditOutlined fontSize="small" />
                  </IconButton>
                  <IconButton aria-label={`Delete ${rule.name}`} onClick={() => onDelete(rule)} disabled={busy} color="error">
                    <DeleteOutlineRounded fontSize="small" />
                  </IconButton>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
