/** Human wording for the machine values the leads API returns. */

type ChipColor = 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info';

export const FIELD_LABEL: Record<string, string> = {
  first_name: 'First name',
  last_name: 'Last name',
  full_name: 'Full name (split into first/last)',
  email: 'Email',
  phone: 'Phone',
  job_title: 'Job title',
  seniority: 'Seniority',
  department: 'Department',
  company_name: 'Company name',
  website: 'Website',
  company_size: 'Company size',
  annual_revenue: 'Annual revenue',
  industry: 'Industry',
  country: 'Country',
  region: 'Region / state',
  city: 'City',
  linkedin_url: 'LinkedIn URL',
  description: 'Description / notes',
  consent_source: 'Consent source',
  consent_date: 'Consent date',
  title: 'Lead title',
};

export const REASON_LABEL: Record<string, string> = {
  missing_contact: 'No email or phone',
  invalid_email: 'Invalid email address',
  invalid_phone: 'Invalid phone number',
  invalid_website: 'Invalid website',
  invalid_linkedin_url: 'Invalid LinkedIn URL',
  duplicate_in_file: 'Duplicate within this file',
  duplicate_of_own_lead: 'You already listed this lead',
  duplicate_in_marketplace: 'Listed by another vendor',
  suppressed_email: 'Email on the do-not-contact list',
  suppressed_domain: 'Domain on the do-not-contact list',
  ragged_row: 'Wrong number of cells in the row',
  malformed_row: 'Row could not be parsed',
  cell_too_large: 'A cell is larger than 64 KiB',
  too_long: 'A value is too long',
  missing_person: 'No contact name or job title',
  missing_company: 'No company name or website',
  no_mx: 'Email domain has no mail server',
  not_checked: 'Not checked',
};

export const STAGE_LABEL: Record<string, string> = {
  required: 'Required fields',
  normalisation: 'Normalisation',
  validity: 'Validity',
  risk: 'Risk',
  deliverability: 'Deliverability',
  duplicates: 'Duplicates',
  suppression: 'Suppression list',
};

export const STAGE_ORDER = ['required', 'normalisation', 'validity', 'risk', 'deliverability', 'duplicates', 'suppression'];

export const SCORE_PART_LABEL: Record<string, string> = {
  completeness: 'Completeness',
  validity: 'Validity',
  risk: 'Risk',
  freshness: 'Freshness',
  uniqueness: 'Uniqueness',
};

export const UPLOAD_STATUS: Record<string, { label: string; color: ChipColor }> = {
  uploaded: { label: 'Not confirmed', color: 'default' },
  queued: { label: 'Queued', color: 'info' },
  processing: { label: 'Processing', color: 'info' },
  completed: { label: 'Completed', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
};

export const LEAD_STATUS: Record<string, { label: string; color: ChipColor }> = {
  processing: { label: 'Processing', color: 'info' },
  pending_review: { label: 'In review', color: 'warning' },
  available: { label: 'Available', color: 'success' },
  sold: { label: 'Sold', color: 'primary' },
  withdrawn: { label: 'Withdrawn', color: 'default' },
  expired: { label: 'Expired', color: 'default' },
  rejected: { label: 'Rejected', color: 'error' },
};

export const VALIDATION_STATUS: Record<string, { label: string; color: ChipColor }> = {
  passed: { label: 'Passed', color: 'success' },
  warning: { label: 'Warnings', color: 'warning' },
  failed: { label: 'Failed', color: 'error' },
  pending: { label: 'Pending', color: 'default' },
};

export const METHOD_LABEL: Record<string, string> = {
  exact: 'The column name is exactly this field',
  synonym: 'The column name is a known name for this field',
  fuzzy: 'The column name looks similar to this field',
  content: 'Recognised from the values in the column',
  none: 'No match found',
};

/** "duplicate_of_own_lead" → "Duplicate of own lead", for codes the app has no wording for yet. */
export function humanise(code: string): string {
  const text = code.replace(/[_-]+/g, ' ').trim();
  return text ? text[0]!.toUpperCase() + text.slice(1) : code;
}

export function labelOf(table: Record<string, string>, code: string): string {
  return table[code] ?? humanise(code);
}

export function statusOf(table: Record<string, { label: string; color: ChipColor }>, code: string) {
  return table[code] ?? { label: humanise(code), color: 'default' as ChipColor };
}

export function exclusivityLabel(maxSales: number): string {
  if (maxSales === 1) return 'Exclusive (one buyer)';
  if (maxSales === 2) return 'Semi-exclusive (up to 2 buyers)';
  return `Shared (up to ${maxSales} buyers)`;
}
