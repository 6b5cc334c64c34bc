/**
 * Names the app uses for the backend's schemas. Everything here comes from the
 * generated ./schema.d.ts (`npm run gen:api`, from the backend's OpenAPI spec);
 * nothing is typed by hand except narrowing where the spec is looser than the contract.
 */
import type { components, paths } from './schema';

type Schemas = components['schemas'];

export type User = Schemas['UserRead'];
export type Role = User['role'];
export type TokenResponse = Schemas['TokenOut'];
export type LoginRequest = Schemas['LoginIn'];
/** The spec's role enum also lists "admin"; self-registration only offers client or vendor. */
export type RegisterRequest = Omit<Schemas['RegisterIn'], 'role'> & { role: Exclude<Role, 'admin'> };
export type ProfileUpdate = Schemas['ProfileUpdate'];
export type PasswordChange = Schemas['PasswordChange'];
export type AdminUserUpdate = Schemas['UserAdminUpdate'];
export type UserPage = Schemas['UserPage'];
export type AuditPage = Schemas['AuditPage'];
export type AuditEntry = AuditPage['data'][number];

type HttpError = Schemas['HTTPError'];
export type ProblemFieldError = NonNullable<HttpError['errors']>[number];
/** Error bodies are parsed defensively: every field may be missing on a proxy's error page. */
export type Problem = Partial<Omit<HttpError, '$defs' | 'errors'>> & { errors?: ProblemFieldError[] | null };

export type Upload = Schemas['UploadRead'];
export type UploadStatus = 'uploaded' | 'queued' | 'processing' | 'completed' | 'failed';
export type UploadPage = Schemas['UploadPage'];
export type UploadCreated = Schemas['UploadCreated'];
export type ColumnSuggestion = Schemas['UploadCreated.ColumnSuggestionRead'];
export type UploadConfirm = Schemas['UploadConfirm'];
export type UploadDefaults = Schemas['UploadConfirm.UploadDefaults'];
export type PriceRule = Schemas['UploadConfirm.PriceRule'];
export type VendorLead = Schemas['VendorLeadRead'];
export type VendorLeadPage = Schemas['VendorLeadPage'];
export type StageReport = Schemas['VendorLeadRead.StageReport'];
export type ScorePart = Schemas['VendorLeadRead.ScorePart'];
export type VendorLeadDetail = Schemas['VendorLeadDetail'];
export type LeadEvent = Schemas['VendorLeadDetail.LeadEventRead'];
export type LeadUpdate = Schemas['LeadUpdate'];

export type ReviewLead = Schemas['QueuePage.ReviewLeadRead'];
export type ReviewLeadDetail = Schemas['ReviewLeadDetail'];
export type ReviewEvent = Schemas['ReviewLeadDetail.ReviewEventRead'];
export type ReviewVendor = ReviewLead['vendor'];
export type DuplicateMatch = Schemas['QueuePage.DuplicateMatchRead'];
export type QueuePage = Schemas['QueuePage'];
export type QueueSort = Schemas['QueueQuery.QueueSort'];
export type QueueFlagFilter = NonNullable<NonNullable<paths['/api/review/queue']['get']['parameters']['query']>['flag']>;
export type RejectionReason = Schemas['RejectOne.RejectionReason'];
export type ReasonOption = Schemas['ReasonList.ReasonRead'];
export type ReasonList = Schemas['ReasonList'];
export type ApproveOne = Schemas['ApproveOne'];
export type RejectOne = Schemas['RejectOne'];
export type BulkDecision = Schemas['BulkDecision'];
export type BulkResult = Schemas['BulkResult'];
export type BulkOutcome = Schemas['BulkResult.OutcomeRead'];
export type ReviewRule = Schemas['RuleRead'];
export type RuleList = Schemas['RuleList'];
export type RuleFields = Schemas['RuleFields'];
export type RuleUpdate = Schemas['RuleUpdate'];
export type RulesApplied = Schemas['RulesApplied'];

/** The spec types these as plain strings; these are the values the backend documents. */
export type LeadStatus = 'processing' | 'pending_review' | 'available' | 'sold' | 'withdrawn' | 'expired' | 'rejected';
export type ValidationStatus = 'passed' | 'warning' | 'failed' | 'pending';

export type AppNotification = Schemas['NotificationRead'];
export type NotificationType = AppNotification['type'];
export type NotificationPage = Schemas['NotificationPage'];
export type UnreadCount = Schemas['UnreadCount'];
export type NotificationPreferences = Schemas['PreferencesRead'];
export type EmailPreferences = NotificationPreferences['email'];
export type NotificationPreferencesUpdate = Schemas['PreferencesUpdate'];
/** The data of a `notification` event on GET /api/workflows/notifications/stream. */
export interface NotificationEvent {
  notification: AppNotification;
  unread_count: number;
}

export type LeadPreview = Schemas['SearchResults.LeadPreview'];
export type SearchResults = Schemas['SearchResults'];
export type SearchFacet = Schemas['SearchResults.FacetRead'];
export type SearchSort = Schemas['SearchResults.Sort'];
export type LeadContact = Schemas['LeadDetail.Contact'];
/** The spec types the public validation report as loose objects; this is its documented shape (codes, no messages). */
export interface PublicStageReport {
  stage: string;
  status: StageReport['status'];
  reasons: { code: string; field: string | null }[];
}
export type LeadDetail = Omit<Schemas['LeadDetail'], 'validation_report'> & { validation_report: PublicStageReport[] };
/** A search as saved: the GET /api/leads filters, lists as arrays. */
export type SavedSearchQuery = Omit<Schemas['SavedSearchCreate.SearchQuery'], 'cursor' | 'limit' | 'facets'>;
/** The spec types a saved search's query as a loose object; it is stored as the search's filters. */
export type SavedSearch = Omit<Schemas['SavedSearchRead'], 'query'> & { query: SavedSearchQuery };
export type SavedSearchCreate = Omit<Schemas['SavedSearchCreate'], 'query'> & { query: SavedSearchQuery };
export type SavedSearchUpdate = Omit<Schemas['SavedSearchUpdate'], 'query'> & { query?: SavedSearchQuery | null };
