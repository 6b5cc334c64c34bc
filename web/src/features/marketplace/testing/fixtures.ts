import type { LeadDetail, LeadPreview, SavedSearch, SearchFacet, SearchResults } from '@/api/types';

export function makeLeadPreview(overrides: Partial<LeadPreview> = {}): LeadPreview {
  return {
    id: 2101,
    title: 'Head of Sales · Software · Bavaria, DE',
    description: 'Decides on CRM tooling for a 40-person sales team.',
    industry: 'Software',
    job_title: 'Head of Sales',
    seniority: 'Director',
    department: 'Sales',
    company_size: '51-200',
    annual_revenue: '10M-50M',
    country: 'DE',
    region: 'Bavaria',
    city: 'Munich',
    lead_score: 0.84,
    validation: {
      status: 'warning',
      email_verified: true,
      phone_verified: false,
      risk_flags: ['free_mail'],
      stages: { required: 'pass', validity: 'warn', risk: 'warn' },
    },
    price: '42.00',
    currency: 'USD',
    max_sales: 3,
    sales_count: 1,
    status: 'available',
    published_at: '2026-11-20T10:00:00Z',
    vendor: { id: 3, name: 'Valerie Vendor', company: 'Contoso Leads', approval_rate: 0.96 },
    owned: false,
    already_have_contact: false,
    relevance: null,
    ...overrides,
  };
}

export function makeLeadDetail(overrides: Partial<LeadDetail> = {}): LeadDetail {
  const { validation_report, similar, ...preview } = overrides;
  return {
    ...makeLeadPreview(preview),
    score_version: '2026.1',
    score_breakdown: [
      { name: 'completeness', weight: 0.25, value: 0.8, detail: '14 of 18 fields present' },
      { name: 'risk', weight: 0.2, value: 0.9, detail: 'Risk flags: free_mail' },
    ],
    validation_report: validation_report ?? [
      { stage: 'suppression', status: 'pass', reasons: [] },
      { stage: 'required', status: 'pass', reasons: [] },
      {
        stage: 'validity',
        status: 'warn',
        reasons: [{ code: 'invalid_phone', field: 'phone' }],
      },
      { stage: 'risk', status: 'warn', reasons: [{ code: 'free_mail', field: 'email' }] },
      { stage: 'deliverability', status: 'not_checked', reasons: [{ code: 'not_checked', field: 'email' }] },
    ],
    exclusivity: 'sold 1 of 3',
    similar: similar ?? [makeLeadPreview({ id: 2102, title: 'VP Sales · Software · Berlin, DE', lead_score: 0.91 })],
    contact: null,
    ...preview,
  };
}

export function makeFacets(overrides: Partial<Record<string, SearchFacet>> = {}): SearchFacet[] {
  const facets: SearchFacet[] = [
    {
      name: 'industry',
      exact: true,
      values: [
        { value: 'Software', count: 277 },
        { value: 'Healthcare', count: 265 },
        { value: 'Banking', count: 129 },
      ],
    },
    {
      name: 'country',
      exact: true,
      values: [
        { value: 'DE', count: 536 },
        { value: 'FR', count: 553 },
      ],
    },
    {
      name: 'seniority',
      exact: true,
      values: [
        { value: 'Manager', count: 717 },
        { value: 'C-level', count: 427 },
      ],
    },
    { name: 'company_size', exact: true, values: [{ value: '51-200', count: 267 }] },
    { name: 'department', exact: true, values: [{ value: 'Sales', count: 572 }] },
  ];
  return facets.map((facet) => overrides[facet.name] ?? facet);
}

export function makeSearchResults(overrides: Partial<SearchResults> = {}): SearchResults {
  return {
    data: [makeLeadPreview()],
    next_cursor: null,
    has_more: false,
    total: { value: 2418, exact: true },
    facets: makeFacets(),
    sort: 'newest',
    ...overrides,
  };
}

export function makeSavedSearch(overrides: Partial<SavedSearch> = {}): SavedSearch {
  return {
    id: 7,
    name: 'German software',
    query: { industry: ['Software'], country: ['DE'], min_score: 0.7 },
    alert: true,
    created_at: '2026-11-01T09:00:00Z',
    last_alert_at: null,
    ...overrides,
  };
}
