import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { VendorLead } from '@/api/types';
import { LeadStatusChip, ScoreBar, ValidationChip } from '@/components/leads/lead-chips';
import { formatDate, formatPrice } from '@/lib/format';
import { labelOf } from '@/lib/lead-labels';
import { REJECTION_REASON_LABEL } from '@/features/vendor/utils/labels';

/** The reviewer's reason (and note) right under a rejected lead's status. */
function RejectionSummary({ lead }: { lead: VendorLead }) {
  const reason = lead.rejection_reason ? labelOf(REJECTION_REASON_LABEL, lead.rejection_reason) : 'No reason given';
  const text = lead.rejection_note ? `${reason}: ${lead.rejection_note}` : reason;
  return (
    <Typography variant="caption" component="div" color="error.dark" noWrap title={text} sx={{ mt: 0.5, fontWeight: 600 }}>
      {text}
    </Typography>
  );
}

interface LeadsTableProps {
  leads: VendorLead[];
  selectedId: number | null;
  onOpen: (lead: VendorLead) => void;
}

export function LeadsTable({ leads, selectedId, onOpen }: LeadsTableProps) {
  return (
    <TableContainer>
      <Table aria-label="My leads">
        <TableHead>
          <TableRow>
            <TableCell>Lead</TableCell>
            <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>Company</TableCell>
            <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' } }}>Contact</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Validation</TableCell>
            <TableCell>Score</TableCell>
            <TableCell align="right">Price</TableCell>
            <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>Created</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {leads.map((lead) => (
            <TableRow
              key={lead.id}
              hover
              selected={lead.id === selectedId}
              tabIndex={0}
              aria-label={`Open lead ${lead.title}`}
              onClick={() => onOpen(lead)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onOpen(lead);
                }
              }}
              sx={{ cursor: 'pointer' }}
            >
              <TableCell sx={{ maxWidth: 260 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap title={lead.title}>
                  {lead.title}
                </Typography>
                <Typography variant="caption" color="text.secondary" noWrap component="div">
                  {[lead.contact_first_name, lead.contact_last_name].filter(Boolean).join(' ') || lead.job_title || '—'}
                </Typography>
              </TableCell>
              <TableCell sx={{ display: { xs: 'none', md: 'table-cell' }, maxWidth: 160 }}>
                <Typography variant="body2" noWrap title={lead.company_name ?? undefined}>
                  {lead.company_name ?? lead.website ?? '—'}
                </Typography>
              </TableCell>
              <TableCell sx={{ display: { xs: 'none', lg: 'table-cell' }, maxWidth: 200 }}>
                <Typography variant="body2" noWrap title={lead.email ?? lead.phone ?? undefined}>
                  {lead.email ?? lead.phone ?? '—'}
                </Typography>
              </TableCell>
              <TableCell sx={{ maxWidth: 240 }}>
                <LeadStatusChip status={lead.status} />
                {lead.status === 'rejected' ? <RejectionSummary lead={lead} /> : null}
              </TableCell>
              <TableCell>
                <ValidationChip status={lead.validation_status} />
              </TableCell>
              <TableCell>
                <ScoreBar score={lead.lead_score} />
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {formatPrice(lead.price, lead.currency)}
              </TableCell>
              <TableCell sx={{ display: { xs: 'none', md: 'table-cell' }, whiteSpace: 'nowrap' }}>
                {formatDate(lead.created_at)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
