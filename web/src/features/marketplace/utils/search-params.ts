/**
 * The marketplace search lives in the URL, under the API's own parameter names (lists
 * comma-separated), so a search can be shared, reloaded and saved as it is.
 */
import type { SavedSearchQuery, SearchSort } from '@/api/types';

export const FACET_NAMES = ['industry', 'country', 'seniority', 'company_size', 'department'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export const LIST_KEYS = [...FACET_NAMES, 'exclusivity'] as const;
export type ListKey = (typeof LIST_KEYS)[number];

const VALUE_KEYS = [
  'q',
  'region',
  'city',
  'min_score',
  'max_score',
  'min_price',
  'max_price',
  'published_within_days',
  'validation',
  'vendor_id',
  'sort',
] as const;
type ValueKey = (typeof VALUE_KEYS)[number];

export type SearchKey = ListKey | ValueKey;
const NUMBER_KEYS = new Set<string>(['min_score', 'max_score', 'min_price', 'max_price', 'published_within_days', 'vendor_id']);
export const SEARCH_KEYS: readonly SearchKey[] = [...LIST_KEYS, ...VALUE_KEYS];

/** UI state that rides along in the URL but is not part of the search. */
export const SAVED_PARAM = 'saved';
export const VIEW_PARAM = 'view';

/** The search as GET /api/leads takes it: the URL's values as they are, empty ones left out. */
export type SearchArgs = Partial<Record<SearchKey, string>>;

const LIST_KEY_SET = new Set<string>(LIST_KEYS);

export function isListKey(key: string): key is ListKey {
  return LIST_KEY_SET.has(key);
}

export function splitList(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The search parameters of a URL. Values are not checked here: a hand-edited value goes to the
 * server, whose 422 names the field, rather than being dropped without a word.
 */
export function searchArgsOf(params: URLSearchParams): SearchArgs {
  const args: SearchArgs = {};
  for (const key of SEARCH_KEYS) {
    const raw = params.get(key);
    if (raw === null) continue;
    const value = isListKey(key) ? splitList(raw).join(',') : key === 'q' ? raw : raw.trim();
    if (value.trim()) args[key] = value;
  }
  return args;
}

/** Any filter set (the sort order is not a filter). */
export function hasFilters(args: SearchArgs): boolean {
  return SEARCH_KEYS.some((key) => key !== 'sort' && args[key] !== undefined);
}

/** A number from the URL, or null when absent or not a number. */
export function numberParam(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function toNumber(value: string | undefined): number | undefined {
  const n = numberParam(value);
  return n === null ? undefined : n;
}

/** The body of a saved search (POST /api/saved-searches) from the current search. */
export function savedQueryOf(args: SearchArgs): SavedSearchQuery {
  const query: SavedSearchQuery = {};
  for (const key of LIST_KEYS) {
    const values = splitList(args[key]);
    if (values.length === 0) continue;
    if (key === 'exclusivity') query.exclusivity = values as NonNullable<SavedSearchQuery['exclusivity']>;
    else query[key] = values;
  }
  if (args.q?.trim()) query.q = args.q.trim();
  if (args.region) query.region = args.region;
  if (args.city) query.city = args.city;
  if (args.min_score !== undefined) query.min_score = toNumber(args.min_score);
  if (args.max_score !== undefined) query.max_score = toNumber(args.max_score);
  if (args.min_price !== undefined) query.min_price = args.min_price;
  if (args.max_price !== undefined) query.max_price = args.max_price;
  if (args.published_within_days !== undefined) query.published_within_days = toNumber(args.published_within_days);
  if (args.validation) query.validation = args.validation as SavedSearchQuery['validation'];
  if (args.vendor_id !== undefined) query.vendor_id = toNumber(args.vendor_id);
  if (args.sort) query.sort = args.sort as SearchSort;
  return query;
}

/** A saved search's stored query (lists as arrays) as URL parameters. */
export function paramsOfSavedQuery(query: SavedSearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  const stored = query as Record<string, unknown>;
  for (const key of SEARCH_KEYS) {
    const value = stored[key];
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.map(String).join(','));
    } else {
      params.set(key, String(value));
    }
  }
  return params;
}

/** The marketplace showing a saved search: its query, and its id so the page names it. */
export function savedSearchHref(id: number, query: SavedSearchQuery): string {
  const params = paramsOfSavedQuery(query);
  params.set(SAVED_PARAM, String(id));
  return `/client/marketplace?${params.toString()}`;
}

/** Whether a URL holds only a saved search's id (a notification's link): its query is still to be applied. */
export function onlySavedId(params: URLSearchParams): boolean {
  return params.has(SAVED_PARAM) && !SEARCH_KEYS.some((key) => params.has(key));
}

/** Two searches are the same when they filter and sort alike, whatever the order of their list values. */
export function sameSearch(a: SearchArgs, b: SearchArgs): boolean {
  return SEARCH_KEYS.every((key) => {
    const x = a[key] ?? '';
    const y = b[key] ?? '';
    if (key === 'q') return x.trim() === y.trim();
    if (NUMBER_KEYS.has(key) && x && y) return Number(x) === Number(y);
    if (!isListKey(key)) return x === y;
    return [...splitList(x)].sort().join(',') === [...splitList(y)].sort().join(',');
  });
}

export function positiveInt(value: string | null | undefined): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : null;
}
