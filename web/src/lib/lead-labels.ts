/** Human wording for the lead values that more than one feature shows (vendor's leads, admin review). */

export type ChipColor = 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info';

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

/** The risk flags the validation pipeline sets (stage "risk", and "no_mx" from deliverability). */
export const RISK_FLAG_LABEL: Record<string, string> = {
  no_mx: 'No mail server',
  disposable_email: 'Disposable email',
  role_mailbox: 'Role mailbox',
  free_mail: 'Free-mail address',
  email_domain_mismatch: 'Email ≠ website domain',
  phone_country_mismatch: 'Phone ≠ country',
};

/** Score details name risk flags by code ("Risk flags: free_mail"): word the ones we know. */
export function wordRiskFlags(text: string): string {
  return text.replace(/\b[a-z]+(?:_[a-z]+)+\b/g, (code) => RISK_FLAG_LABEL[code] ?? code);
}

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

let regionNames: Intl.DisplayNames | null | undefined;

/** "DE" → "Germany"; codes the browser does not know stay as they are. */
export function countryName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(undefined, { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

type Place = { city?: string | null; region?: string | null; country?: string | null };

/** "Berlin, Berlin, Germany": the parts a lead has, the country by name. */
export function locationOf(lead: Place): string {
  return [lead.city, lead.region, lead.country ? countryName(lead.country) : null].filter(Boolean).join(', ');
}
