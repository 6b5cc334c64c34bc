import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import MailOutlineRounded from '@mui/icons-material/MailOutlineRounded';
import PhoneOutlined from '@mui/icons-material/PhoneOutlined';
import WarningAmberRounded from '@mui/icons-material/WarningAmberRounded';
import type { LeadPreview } from '@/api/types';
import { formatPrice } from '@/lib/format';
import { OwnedChip, ScoreText } from '@/features/marketplace/components/lead-badges';
import { VendorLink } from '@/features/marketplace/components/vendor-link';
import { Highlight } from '@/features/marketplace/utils/highlight';
import { exclusivityText, extraJobTitle, vendorName } from '@/features/marketplace/utils/labels';
import { countryName } from '@/lib/lead-labels';

interface ResultsTableProps {
  leads: LeadPreview[];
  selectedId: number | null;
  onOpen: (lead: LeadPreview) => void;
  /** The search's words, marked in the title and job title. */
  highlight?: RegExp | null;
  /** Narrow the search to a lead's vendor. */
  onVendor?: (vendor: LeadPreview['vendor']) => void;
}

function LeadFacts({ lead, highlight }: { lead: LeadPreview; highlight: RegExp | null }) {
  const jobTitle = extraJobTitle(lead);
  const facts = [lead.industry, lead.seniority, lead.city, lead.country ? countryName(lead.country) : null].filter(Boolean).join(' · ');
  if (!jobTitle) return <>{facts || '—'}</>;
  return (
    <>
      <Highlight text={jobTitle} pattern={highlight} />
      {facts ? ` · ${facts}` : null}
    </>
  );
}

function VerifiedIcons({ lead }: { lead: LeadPreview }) {
  const items = [
    { label: 'Email', verified: lead.validation.email_verified, icon: MailOutlineRounded },
    { label: 'Phone', verified: lead.validation.phone_verified, icon: PhoneOutlined },
  ];
  return (
    <Box sx={{ display: 'inline-flex', gap: 0.75 }}>
      {items.map(({ label, verified, icon: Icon }) => (
        <Tooltip key={label} title={verified ? `${label} verified` : `${label} not verified`}>
          <Icon
            role="img"
            aria-hidden={false}
            aria-label={verified ? `${label} verified` : `${label} not verified`}
            sx={{ fontSize: 20, color: verified ? 'success.main' : 'text.disabled', opacity: verified ? 1 : 0.5 }}
          />
        </Tooltip>
      ))}
    </Box>
  );
}

/** The dense view: one row per lead, for scanning many at once. */
export function ResultsTable({ leads, selectedId, onOpen, highlight = null, onVendor }: ResultsTableProps) {
  return (
    <TableContainer>
      <Table size="small" aria-label="Search results">
        <TableHead>
          <TableRow>
            <TableCell>Lead</TableCell>
            <TableCell>Score</TableCell>
            <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>Verified</TableCell>
            <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>Availability</TableCell>
            <TableCell sx={{ display: { xs: 'none', xl: 'table-cell' } }}>Vendor</TableCell>
            <TableCell align="right">Price</TableCell>
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
              <TableCell sx={{ maxWidth: 0, width: '100%' }}>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
                  <Typography variant="body2" sx={{ fontWeight: 600, minWidth: 0 }} noWrap title={lead.title}>
                    <Highlight text={lead.title} pattern={highlight} />
                  </Typography>
                  {lead.owned ? <OwnedChip /> : null}
                  {lead.already_have_contact ? (
                    <Tooltip title="You may already have this contact: you bought it from another vendor">
                      <WarningAmberRounded
                        color="warning"
                        role="img"
                        aria-hidden={false}
                        aria-label="You may already have this contact"
                        sx={{ fontSize: 18 }}
                      />
                    </Tooltip>
                  ) : null}
                </Box>
                <Typography variant="caption" color="text.secondary" noWrap component="div">
                  <LeadFacts lead={lead} highlight={highlight} />
                </Typography>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <ScoreText score={lead.lead_score} />
              </TableCell>
              <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>
                <VerifiedIcons lead={lead} />
              </TableCell>
              <TableCell sx={{ display: { xs: 'none', md: 'table-cell' }, whiteSpace: 'nowrap' }}>
                <Typography variant="body2" sx={{ fontWeight: lead.max_sales <= 1 ? 600 : 400, color: lead.max_sales <= 1 ? 'secondary.main' : 'text.primary' }}>
                  {exclusivityText(lead)}
                </Typography>
              </TableCell>
              <TableCell sx={{ display: { xs: 'none', xl: 'table-cell' }, maxWidth: 160 }}>
                <Typography variant="body2" noWrap>
                  {onVendor ? (
                    <VendorLink
                      vendor={lead.vendor}
                      onVendor={onVendor}
                      sx={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'bottom' }}
                    />
                  ) : (
                    vendorName(lead.vendor)
                  )}
                </Typography>
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
                {formatPrice(lead.price, lead.currency)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
