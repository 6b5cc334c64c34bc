/** Pure state helpers for the upload wizard: initial mapping, the defaults form and its payload. */
import type { ProblemFieldError, UploadCreated, UploadDefaults } from '@/api/types';

export type Mapping = Record<string, string | null>;
export type MappingSource = 'remembered' | 'suggested';

export const CONTACT_FIELDS = ['email', 'phone'];
export const MAX_UPLOAD_MB = 50;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = ['.csv', '.tsv', '.txt'];

/** The remembered mapping is offered first when there is one. */
export function initialSource(created: UploadCreated): MappingSource {
  return created.remembered_mapping ? 'remembered' : 'suggested';
}

/** A remembered mapping only lists mapped columns: every other column is ignored. */
export function initialMapping(created: UploadCreated, source: MappingSource): Mapping {
  const mapping: Mapping = {};
  const remembered = created.remembered_mapping;
  for (const suggestion of created.suggested_mapping) {
    if (source === 'remembered' && remembered) {
      const value = remembered[suggestion.column];
      mapping[suggestion.column] = typeof value === 'string' && created.canonical_fields.includes(value) ? value : null;
    } else {
      mapping[suggestion.column] = suggestion.field;
    }
  }
  for (const column of created.columns) {
    if (!(column in mapping)) mapping[column] = null;
  }
  return mapping;
}

/** Column that already uses `field`, other than `column` itself. */
export function columnUsing(mapping: Mapping, field: string, column: string): string | null {
  for (const [other, value] of Object.entries(mapping)) {
    if (other !== column && value === field) return other;
  }
  return null;
}

export function hasContactColumn(mapping: Mapping): boolean {
  return Object.values(mapping).some((field) => field !== null && CONTACT_FIELDS.includes(field));
}

export type Exclusivity = 'exclusive' | 'semi' | 'shared';

export interface DefaultsForm {
  industry: string;
  priceMode: 'fixed' | 'score';
  amount: string;
  min: string;
  max: string;
  currency: string;
  exclusivity: Exclusivity;
  sharedCount: string;
  defaultCountry: string;
  consentSource: string;
  checkMx: boolean;
}

export type DefaultsField = keyof DefaultsForm | 'price';

export const EMPTY_DEFAULTS: DefaultsForm = {
  industry: '',
  priceMode: 'fixed',
  amount: '25.00',
  min: '10.00',
  max: '60.00',
  currency: 'USD',
  exclusivity: 'exclusive',
  sharedCount: '5',
  defaultCountry: '',
  consentSource: '',
  checkMx: false,
};

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Prefills the form from the defaults the vendor confirmed last time for the same columns. */
export function defaultsFromRemembered(remembered: Record<string, unknown> | null | undefined): DefaultsForm {
  if (!remembered) return EMPTY_DEFAULTS;
  const form: DefaultsForm = { ...EMPTY_DEFAULTS };
  form.industry = text(remembered.industry) ?? '';
  form.currency = text(remembered.currency) ?? form.currency;
  form.defaultCountry = text(remembered.default_country) ?? '';
  form.consentSource = text(remembered.consent_source) ?? '';
  form.checkMx = remembered.check_mx === true;
  const price = (remembered.price ?? {}) as Record<string, unknown>;
  if (price.mode === 'score') {
    form.priceMode = 'score';
    form.min = text(price.min) ?? form.min;
    form.max = text(price.max) ?? form.max;
  } else {
    form.amount = text(price.amount) ?? form.amount;
  }
  const maxSales = Number(remembered.max_sales ?? 1);
  if (maxSales === 2) form.exclusivity = 'semi';
  else if (maxSales > 2) {
    form.exclusivity = 'shared';
    form.sharedCount = String(maxSales);
  }
  return form;
}

export function maxSalesOf(form: DefaultsForm): number {
  if (form.exclusivity === 'exclusive') return 1;
  if (form.exclusivity === 'semi') return 2;
  return Number(form.sharedCount);
}

const MONEY = /^\d{1,8}(\.\d{1,2})?$/;

function money(value: string): string {
  return Number(value.trim()).toFixed(2);
}

export function validateDefaults(form: DefaultsForm): Partial<Record<DefaultsField, string>> {
  const errors: Partial<Record<DefaultsField, string>> = {};
  if (form.priceMode === 'fixed') {
    if (!MONEY.test(form.amount.trim())) errors.amount = 'Enter a price such as 25 or 25.50.';
  } else {
    if (!MONEY.test(form.min.trim())) errors.min = 'Enter a price such as 10 or 10.50.';
    if (!MONEY.test(form.max.trim())) errors.max = 'Enter a price such as 60 or 60.50.';
    if (!errors.min && !errors.max && Number(form.min) > Number(form.max)) {
      errors.max = 'The highest price must not be below the lowest.';
    }
  }
  if (form.exclusivity === 'shared') {
    const n = Number(form.sharedCount);
    if (!Number.isInteger(n) || n < 3 || n > 100) errors.sharedCount = 'Between 3 and 100 buyers.';
  }
  if (form.defaultCountry.trim() && !/^[A-Za-z]{2}$/.test(form.defaultCountry.trim())) {
    errors.defaultCountry = 'Use a two-letter country code such as US or DE.';
  }
  return errors;
}

export function defaultsPayload(form: DefaultsForm): UploadDefaults {
  return {
    industry: form.industry.trim() || null,
    price:
      form.priceMode === 'fixed'
        ? { mode: 'fixed', amount: money(form.amount) }
        : { mode: 'score', min: money(form.min), max: money(form.max) },
    currency: form.currency,
    max_sales: maxSalesOf(form),
    default_country: form.defaultCountry.trim().toUpperCase() || null,
    consent_source: form.consentSource.trim() || null,
    check_mx: form.checkMx,
  };
}

const DEFAULTS_FIELD_OF: Record<string, DefaultsField> = {
  industry: 'industry',
  price: 'price',
  'price.amount': 'amount',
  'price.min': 'min',
  'price.max': 'max',
  currency: 'currency',
  max_sales: 'sharedCount',
  default_country: 'defaultCountry',
  consent_source: 'consentSource',
  check_mx: 'checkMx',
};

export interface ConfirmErrors {
  /** Per column header, from "mapping.<column>". */
  columns: Record<string, string>;
  /** From "mapping" itself, e.g. no_contact_column. */
  mapping: string | null;
  defaults: Partial<Record<DefaultsField, string>>;
  /** Anything the wizard has no input for. */
  general: string | null;
}

/** Sorts the confirm endpoint's field errors onto the wizard step that can fix them. */
export function splitConfirmErrors(errors: readonly ProblemFieldError[] | null | undefined): ConfirmErrors {
  const result: ConfirmErrors = { columns: {}, mapping: null, defaults: {}, general: null };
  for (const error of errors ?? []) {
    if (error.field === 'mapping') {
      result.mapping ??= error.message;
    } else if (error.field.startsWith('mapping.')) {
      result.columns[error.field.slice('mapping.'.length)] ??= error.message;
    } else if (DEFAULTS_FIELD_OF[error.field.replace(/^defaults\./, '')] && error.field.startsWith('defaults.')) {
      const key = DEFAULTS_FIELD_OF[error.field.replace(/^defaults\./, '')]!;
      result.defaults[key] ??= error.message.replace(/^Value error, /, '');
    } else {
      result.general ??= error.message;
    }
  }
  return result;
}
