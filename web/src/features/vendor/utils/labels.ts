/** Human wording for the machine values the leads API returns (shared lead wording: @/lib/lead-labels). */

import type { ChipColor } from '@/lib/lead-labels';

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
  location: 'Location (split into city, region, country)',
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

export const UPLOAD_STATUS: Record<string, { label: string; color: ChipColor }> = {
  uploaded: { label: 'Not confirmed', color: 'default' },
  queued: { label: 'Queued', color: 'info' },
  processing: { label: 'Processing', color: 'info' },
  completed: { label: 'Completed', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
};

/** The reviewer's reasons, as GET /api/review/reasons words them for admins. */
export const REJECTION_REASON_LABEL: Record<string, string> = {
  invalid_contact: 'Invalid contact data',
  duplicate: 'Duplicate lead',
  incomplete: 'Incomplete lead',
  suspected_fake: 'Suspected fake',
  compliance: 'Compliance (consent or do-not-contact)',
  other: 'Other',
};

export const METHOD_LABEL: Record<string, string> = {
  exact: 'The column name is exactly this field',
  synonym: 'The column name is a known name for this field',
  fuzzy: 'The column name looks similar to this field',
  content: 'Recognised from the values in the column',
  none: 'No match found',
};

export function exclusivityLabel(maxSales: number): string {
  if (maxSales === 1) return 'Exclusive (one buyer)';
  if (maxSales === 2) return 'Semi-exclusive (up to 2 buyers)';
  return `Shared (up to ${maxSales} buyers)`;
}
