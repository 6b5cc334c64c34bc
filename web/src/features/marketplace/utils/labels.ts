/** A buyer's wording for the marketplace's machine values (shared lead wording: @/lib/lead-labels). */
import type { LeadPreview, SavedSearchQuery, SearchSort } from '@/api/types';
import { formatPrice } from '@/lib/format';
import { countryName, humanise, labelOf, RISK_FLAG_LABEL } from '@/lib/lead-labels';
import { describeError } from '@/lib/problem';
import type { FacetName, SearchKey } from '@/features/marketplace/utils/search-params';

export const FACET_LABEL: Record<FacetName, string> = {
  industry: 'Industry',
  country: 'Country',
  seniority: 'Seniority',
  company_size: 'Company size',
  department: 'Department',
};

/** Names of the search parameters, for the server's field errors. */
export const SEARCH_FIELD_LABEL: Record<SearchKey | 'limit' | 'cursor' | 'facets', string> = {
  ...FACET_LABEL,
  q: 'Search text',
  exclusivity: 'Exclusivity',
  region: 'Region',
  city: 'City',
  min_score: 'Minimum score',
  max_score: 'Maximum score',
  min_price: 'Minimum price',
  max_price: 'Maximum price',
  published_within_days: 'Published within',
  validation: 'Verified contact',
  vendor_id: 'Vendor',
  sort: 'Sort',
  limit: 'Page size',
  cursor: 'Page position',
  facets: 'Facets',
};

/** The fixed vocabularies whose natural order beats ordering by count. */
export const FACET_ORDER: Partial<Record<FacetName, readonly string[]>> = {
  seniority: ['C-level', 'VP', 'Director', 'Manager', 'Individual contributor'],
  company_size: ['1-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000', '5001+'],
};

export const SORT_OPTIONS: { value: SearchSort; label: string }[] = [
  { value: 'relevance', label: 'Best match' },
  { value: 'newest', label: 'Newest first' },
  { value: 'score', label: 'Highest score' },
  { value: 'price_asc', label: 'Price: low to high' },
  { value: 'price_desc', label: 'Price: high to low' },
];

export const PUBLISHED_OPTIONS: { days: number; label: string }[] = [
  { days: 1, label: 'Last 24 hours' },
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
];

export function publishedLabel(days: number): string {
  return PUBLISHED_OPTIONS.find((option) => option.days === days)?.label ?? `Last ${days} days`;
}

export const EXCLUSIVITY_OPTIONS: { value: string; label: string; hint: string }[] = [
  { value: 'exclusive', label: 'Exclusive', hint: '1 buyer' },
  { value: 'semi_exclusive', label: 'Semi-exclusive', hint: '≤ 2 buyers' },
  { value: 'shared', label: 'Shared', hint: '3+ buyers' },
];

export const VALIDATION_OPTIONS: { value: string; label: string }[] = [
  { value: '', label: 'Any' },
  { value: 'email', label: 'Email verified' },
  { value: 'phone', label: 'Phone verified' },
  { value: 'email_and_phone', label: 'Email and phone verified' },
];

export function validationLabel(value: string): string {
  return VALIDATION_OPTIONS.find((option) => option.value === value)?.label ?? humanise(value);
}

export function exclusivityOptionLabel(value: string): string {
  return EXCLUSIVITY_OPTIONS.find((option) => option.value === value)?.label ?? humanise(value);
}

export function facetValueLabel(name: string, value: string): string {
  if (name === 'country') return countryName(value);
  if (name === 'company_size') return `${value} employees`;
  return value;
}

const countFormat = new Intl.NumberFormat();

export function formatCount(value: number, exact = true): string {
  return `${countFormat.format(value)}${exact ? '' : '+'}`;
}

/**
 * "2,418 leads"; past the server's counting cap, its estimate ("about 94,000 leads"), or
 * "1,000+ leads" when it has none.
 */
export function formatTotal(total: { value: number; exact: boolean; estimate?: number | null }): string {
  if (!total.exact && total.estimate) return `about ${countFormat.format(total.estimate)} leads`;
  const noun = total.value === 1 && total.exact ? 'lead' : 'leads';
  return `${formatCount(total.value, total.exact)} ${noun}`;
}

/** The same, to begin a sentence or a heading. */
export function formatTotalHeading(total: Parameters<typeof formatTotal>[0]): string {
  const text = formatTotal(total);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Exclusive", or how many of a shared lead's sales are left ("2 of 3 left"). */
export function exclusivityText(lead: Pick<LeadPreview, 'max_sales' | 'sales_count'>): string {
  if (lead.max_sales <= 1) return 'Exclusive';
  const left = Math.max(0, lead.max_sales - lead.sales_count);
  return left === 0 ? 'Sold out' : `${left} of ${lead.max_sales} left`;
}

/** The longer wording for the lead's detail. */
export function exclusivityDetail(lead: Pick<LeadPreview, 'max_sales' | 'sales_count'>): string {
  if (lead.max_sales <= 1) return 'Exclusive: sold to one buyer only, nobody else gets this contact.';
  const left = Math.max(0, lead.max_sales - lead.sales_count);
  const sold = lead.sales_count === 0 ? 'not sold yet' : `sold ${lead.sales_count} time${lead.sales_count === 1 ? '' : 's'}`;
  return `Shared by up to ${lead.max_sales} buyers: ${sold}, ${left} left.`;
}

export function approvalText(rate: number | null): string {
  return rate === null ? 'No review record yet' : `${Math.round(rate * 100)}% of leads approved`;
}

export function vendorName(vendor: LeadPreview['vendor']): string {
  return vendor.company || vendor.name;
}

/** The job title, unless the lead's title already says it (vendors often lead with it). */
export function extraJobTitle(lead: Pick<LeadPreview, 'title' | 'job_title'>): string | null {
  const job = lead.job_title?.trim();
  return job && !lead.title.toLowerCase().includes(job.toLowerCase()) ? job : null;
}


/** The validation pipeline's stages, worded for buyers. */
export const STAGE_STATUS_LABEL: Record<string, string> = {
  pass: 'Passed',
  warn: 'Warning',
  fail: 'Failed',
  not_checked: 'Not checked',
};

/** Reason codes of the public validation report (it carries codes, not the vendor's messages). */
export const REASON_LABEL: Record<string, string> = {
  missing_contact: 'No email or phone',
  missing_person: 'No contact name or job title',
  missing_company: 'No company name or website',
  too_long: 'A value was too long',
  country_unmapped: 'Country not recognised',
  location_unsplit: 'Part of the location was too long to keep',
  industry_unmapped: 'Industry not recognised',
  seniority_unmapped: 'Seniority not recognised',
  department_unmapped: 'Department not recognised',
  company_size_unparseable: 'Company size not recognised',
  consent_date_unparseable: 'Consent date not recognised',
  consent_date_in_future: 'Consent date in the future',
  contact_details_hidden: 'Contact details were hidden from the public text',
  invalid_email: 'Email address invalid, removed',
  invalid_phone: 'Phone number invalid, removed',
  invalid_website: 'Website invalid, removed',
  invalid_linkedin_url: 'LinkedIn URL was not a profile link, removed',
  phone_line_type: 'Phone line type identified',
  phone_extension_dropped: 'Phone extension not kept (numbers are stored without one)',
  ...RISK_FLAG_LABEL,
  no_mx: 'Email domain has no mail server',
  not_checked: 'Mail server not checked',
  no_email: 'No email address to check',
  duplicate_in_file: 'Duplicate within the vendor’s file',
  duplicate_of_own_lead: 'Duplicate of another of the vendor’s leads',
  duplicate_in_marketplace: 'Also listed by another vendor',
  suppressed_email: 'Email on the do-not-contact list',
  suppressed_domain: 'Domain on the do-not-contact list',
};

export function reasonLabel(code: string): string {
  return labelOf(REASON_LABEL, code);
}

/** Score details may name risk flags by code ("Risk flags: free_mail"): word them. */
export function wordCodes(text: string): string {
  return text.replace(/\b[a-z]+(?:_[a-z]+)+\b/g, (code) => RISK_FLAG_LABEL[code] ?? REASON_LABEL[code] ?? code);
}

type Bound = string | number | null | undefined;

function range(low: Bound, high: Bound, format: (n: number) => string) {
  // A hand-edited value that is not a number is shown as it is: the server's error names it.
  const show = (value: Bound) =>
    value === null || value === undefined || value === '' ? null : Number.isFinite(Number(value)) ? format(Number(value)) : String(value);
  const min = show(low);
  const max = show(high);
  if (min !== null && max !== null) return `${min}–${max}`;
  if (min !== null) return `≥ ${min}`;
  if (max !== null) return `≤ ${max}`;
  return null;
}

export function scoreRangeLabel(low: Bound, high: Bound): string | null {
  const text = range(low, high, (n) => n.toFixed(2));
  return text ? `Score ${text}` : null;
}

export function priceRangeLabel(low: Bound, high: Bound, currency = 'USD'): string | null {
  const text = range(low, high, (n) => formatPrice(n, currency));
  return text ? `Price ${text}` : null;
}

/** Search text as typed; quoted unless it brings its own quotes. */
export function searchTextLabel(q: string): string {
  const text = q.trim();
  return text.includes('"') ? text : `“${text}”`;
}

function queryParts(query: SavedSearchQuery): string[] {
  const parts: string[] = [];
  if (query.q?.trim()) parts.push(searchTextLabel(query.q));
  if (query.industry?.length) parts.push(query.industry.join(', '));
  if (query.country?.length) parts.push(query.country.map(countryName).join(', '));
  if (query.seniority?.length) parts.push(query.seniority.join(', '));
  if (query.department?.length) parts.push(query.department.join(', '));
  if (query.company_size?.length) parts.push(`${query.company_size.join(', ')} employees`);
  if (query.city || query.region) parts.push([query.city, query.region].filter(Boolean).join(', '));
  if (query.exclusivity?.length) parts.push(query.exclusivity.map(exclusivityOptionLabel).join(' or '));
  const score = scoreRangeLabel(query.min_score, query.max_score);
  if (score) parts.push(score);
  const price = priceRangeLabel(query.min_price, query.max_price);
  if (price) parts.push(price);
  if (query.published_within_days) parts.push(`Published: ${publishedLabel(query.published_within_days).toLowerCase()}`);
  if (query.validation) parts.push(validationLabel(query.validation));
  if (query.vendor_id) parts.push(`Vendor #${query.vendor_id}`);
  return parts;
}

/** A saved search in a line: "“cfo” · Software, Banking · Germany · Score ≥ 0.70". */
export function describeQuery(query: SavedSearchQuery): string {
  const parts = queryParts(query);
  return parts.length > 0 ? parts.join(' · ') : 'All leads';
}

/** A name to start from in the save dialog: the first filters, as many as read well in a name. */
export function suggestName(query: SavedSearchQuery): string {
  const parts = queryParts(query);
  let name = parts[0] ?? 'All leads';
  for (const part of parts.slice(1)) {
    if (name.length + part.length + 3 > 50) break;
    name = `${name} · ${part}`;
  }
  return name.length > 100 ? `${name.slice(0, 99)}…` : name;
}

/** A lead that failed to load, in words: a 404 means it left the marketplace. */
export function leadLoadError(error: unknown): string | null {
  if (!error) return null;
  const described = describeError(error);
  return described.status === 404
    ? 'This lead is no longer on the marketplace: it sold out or was withdrawn.'
    : described.message;
}
