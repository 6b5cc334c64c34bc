/**
 * Names the app uses for the backend's schemas. Everything here comes from the
 * generated ./schema.d.ts (`npm run gen:api`, from the backend's OpenAPI spec);
 * nothing is typed by hand except narrowing where the spec is looser than the contract.
 */
import type { components } from './schema';

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
/** The spec types these as plain strings; these are the values the backend documents. */
export type LeadStatus = 'processing' | 'pending_review' | 'available' | 'sold' | 'withdrawn' | 'expired' | 'rejected';
export type ValidationStatus = 'passed' | 'warning' | 'failed' | 'pending';
