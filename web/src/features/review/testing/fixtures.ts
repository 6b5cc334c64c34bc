import type { QueuePage, ReviewLead, ReviewLeadDetail, ReviewRule, ReviewVendor } from '@/api/types';

export function makeReviewVendor(overrides: Partial<ReviewVendor> = {}): ReviewVendor {
  return {
    id: 40,
    name: 'Vera Vendor',
    company: 'Northwind Data',
    is_trusted_vendor: false,
    approved: 41,
    rejected: 9,
    pending: 3,
    approval_rate: 0.82,
    ...overrides,
  };
}

let nextLeadId = 700;

export function makeReviewLead(overrides: Partial<ReviewLead> = {}): ReviewLead {
  nextLeadId += 1;
  return {
    id: nextLeadId,
    title: `Head of Sales · Software · Berlin, DE #${nextLeadId}`,
    status: 'pending_review',
    validation_status: 'passed',
    approval_status: 'pending',
    lead_score: 0.81,
    score_version: '2026.1',
    score_breakdown: [
      { name: 'completeness', weight: 0.25, value: 0.9, detail: '16 of 18 fields present' },
      { name: 'validity', weight: 0.3, value: 1, detail: '4 of 4 contact values valid' },
    ],
    validation_report: [
      { stage: 'required', status: 'pass', reasons: [] },
      { stage: 'validity', status: 'pass', reasons: [] },
      {
        stage: 'risk',
        status: 'warn',
        reasons: [{ code: 'free_mail', field: 'email', message: 'The email is a free-mail address on a B2B lead.' }],
      },
    ],
    risk_flags: [],
    price: '45.00',
    currency: 'EUR',
    max_sales: 1,
    sales_count: 0,
    industry: 'Software',
    job_title: 'Head of Sales',
    seniority: 'Head',
    department: 'Sales',
    company_size: '51-200',
    annual_revenue: null,
    country: 'DE',
    region: 'Berlin',
    city: 'Berlin',
    description: null,
    contact_first_name: 'Greta',
    contact_last_name: 'Klein',
    email: 'greta.klein@example.de',
    phone: '+49 30 1234567',
    company_name: 'Klein Systems',
    website: 'klein.example.de',
    linkedin_url: null,
    consent_source: 'Webinar sign-up',
    consent_date: null,
    upload_id: 12,
    source_row: 4,
    created_at: '2026-11-20T09:00:00Z',
    updated_at: '2026-11-20T09:00:00Z',
    submitted_at: '2026-11-20T09:00:00Z',
    decided_at: null,
    published_at: null,
    rejection_reason: null,
    rejection_note: null,
    version: 3,
    vendor: makeReviewVendor(),
    duplicates: [],
    queue_age_seconds: 3 * 3600 + 120,
    ...overrides,
  };
}

export function makeReviewLeadDetail(lead: ReviewLead, overrides: Partial<ReviewLeadDetail> = {}): ReviewLeadDetail {
  return {
    ...lead,
    events: [
      {
        id: 1,
        from_status: 'processing',
        to_status: 'pending_review',
        reason: null,
        note: null,
        actor_id: null,
        actor_name: null,
        rule_id: null,
        created_at: lead.submitted_at,
      },
    ],
    ...overrides,
  };
}

export function queuePage(leads: ReviewLead[], extra: Partial<QueuePage> = {}): QueuePage {
  return { data: leads, next_cursor: null, has_more: false, pending_total: leads.length, ...extra };
}

export const REASONS = {
  data: [
    { code: 'invalid_contact', label: 'Invalid contact data', needs_note: false },
    { code: 'duplicate', label: 'Duplicate lead', needs_note: false },
    { code: 'incomplete', label: 'Incomplete lead', needs_note: false },
    { code: 'suspected_fake', label: 'Suspected fake', needs_note: false },
    { code: 'compliance', label: 'Compliance (consent or do-not-contact)', needs_note: false },
    { code: 'other', label: 'Other', needs_note: true },
  ],
};

export function makeRule(overrides: Partial<ReviewRule> = {}): ReviewRule {
  return {
    id: 1,
    name: 'High score, clean',
    is_active: true,
    min_score: 0.8,
    require_no_risk_flags: true,
    require_validation_passed: false,
    trusted_vendors_only: false,
    created_at: '2026-11-01T09:00:00Z',
    updated_at: '2026-11-01T09:00:00Z',
    ...overrides,
  };
}
