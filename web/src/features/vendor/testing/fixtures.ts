import type { LeadEvent, Upload, UploadCreated, VendorLead, VendorLeadDetail } from '@/api/types';

export function makeUpload(overrides: Partial<Upload> = {}): Upload {
  return {
    id: 9,
    filename: 'crm-export.csv',
    size_bytes: 52_000,
    status: 'uploaded',
    encoding: 'utf-8',
    delimiter: ',',
    headers: ['Name', 'Work Email', 'Mobile', 'Col5'],
    mapping: {},
    defaults: {},
    rows_total: null,
    rows_done: 0,
    accepted: 0,
    accepted_with_warnings: 0,
    rejected: 0,
    duplicates: 0,
    rejected_by_reason: {},
    error: null,
    created_at: '2026-11-20T09:00:00Z',
    started_at: null,
    finished_at: null,
    error_report_url: null,
    ...overrides,
  };
}

export const CANONICAL_FIELDS = [
  'first_name', 'last_name', 'full_name', 'email', 'phone', 'job_title', 'seniority', 'department', 'company_name',
  'website', 'company_size', 'annual_revenue', 'industry', 'country', 'region', 'city', 'linkedin_url', 'description',
  'consent_source', 'consent_date', 'title',
];

export function makeUploadCreated(overrides: Partial<UploadCreated> = {}): UploadCreated {
  return {
    upload: makeUpload(),
    columns: ['Name', 'Work Email', 'Mobile', 'Col5'],
    sample_rows: [
      ['Jane Doe', 'jane@acme.com', '+1 415 555 0100', 'CEO'],
      ['Bob Roe', 'bob@beta.io', '', 'CTO'],
    ],
    suggested_mapping: [
      { column: 'Name', index: 0, field: 'full_name', confidence: 0.95, method: 'synonym', samples: ['Jane Doe', 'Bob Roe'] },
      { column: 'Work Email', index: 1, field: 'email', confidence: 1, method: 'synonym', samples: ['jane@acme.com'] },
      { column: 'Mobile', index: 2, field: 'phone', confidence: 0.7, method: 'content', samples: ['+1 415 555 0100'] },
      { column: 'Col5', index: 3, field: null, confidence: 0, method: 'none', samples: ['CEO', 'CTO'] },
    ],
    remembered_mapping: null,
    remembered_defaults: null,
    canonical_fields: CANONICAL_FIELDS,
    ...overrides,
  };
}

export function makeVendorLead(overrides: Partial<VendorLead> = {}): VendorLead {
  return {
    id: 501,
    title: 'Product Manager · Education · Toronto, CA',
    status: 'pending_review',
    validation_status: 'warning',
    approval_status: 'pending',
    lead_score: 0.87,
    score_version: '2026.1',
    score_breakdown: [
      { name: 'completeness', weight: 0.25, value: 0.8, detail: '14 of 18 fields present' },
      { name: 'validity', weight: 0.3, value: 0.75, detail: '3 of 4 contact values valid' },
      { name: 'uniqueness', weight: 0.1, value: 1, detail: 'Not listed by another vendor' },
    ],
    validation_report: [
      { stage: 'required', status: 'pass', reasons: [] },
      { stage: 'normalisation', status: 'pass', reasons: [] },
      {
        stage: 'validity',
        status: 'warn',
        reasons: [{ code: 'invalid_phone', field: 'phone', message: 'The phone number is not valid. It was dropped.' }],
      },
      { stage: 'risk', status: 'pass', reasons: [] },
      {
        stage: 'deliverability',
        status: 'not_checked',
        reasons: [{ code: 'not_checked', field: 'email', message: 'MX lookup is switched off' }],
      },
      { stage: 'duplicates', status: 'fail', reasons: [{ code: 'duplicate_of_own_lead', field: 'email', message: 'You already listed a lead with this email.' }] },
      { stage: 'suppression', status: 'pass', reasons: [] },
    ],
    risk_flags: ['free_email_domain'],
    price: '71.81',
    currency: 'USD',
    max_sales: 1,
    sales_count: 0,
    industry: 'Education',
    job_title: 'Product Manager',
    seniority: 'Manager',
    department: 'Product',
    company_size: '11-50',
    annual_revenue: null,
    country: 'CA',
    region: 'Ontario',
    city: 'Toronto',
    description: null,
    contact_first_name: 'Travis',
    contact_last_name: 'Wilkinson',
    email: 'travis@garciagroup.net',
    phone: null,
    company_name: 'Garcia Group',
    website: 'garciagroup.net',
    linkedin_url: null,
    consent_source: null,
    consent_date: null,
    upload_id: 9,
    source_row: 12,
    created_at: '2026-11-20T09:00:00Z',
    updated_at: '2026-11-20T09:00:00Z',
    submitted_at: '2026-11-20T09:00:00Z',
    decided_at: null,
    published_at: null,
    rejection_reason: null,
    rejection_note: null,
    version: 2,
    ...overrides,
  };
}

export function makeLeadEvent(overrides: Partial<LeadEvent> = {}): LeadEvent {
  return {
    id: 1,
    from_status: 'processing',
    to_status: 'pending_review',
    reason: null,
    note: null,
    actor_id: null,
    rule_id: null,
    created_at: '2026-11-20T09:00:00Z',
    ...overrides,
  };
}

/** A lead as GET /api/leads/mine/<id> returns it: the list row plus its status history. */
export function makeVendorLeadDetail(overrides: Partial<VendorLeadDetail> = {}): VendorLeadDetail {
  return { ...makeVendorLead(), events: [makeLeadEvent()], ...overrides };
}
