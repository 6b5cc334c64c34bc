import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type {
  ApproveOne,
  BulkDecision,
  BulkResult,
  QueueFlagFilter,
  QueuePage,
  QueueSort,
  ReasonList,
  RejectOne,
  ReviewLeadDetail,
  ReviewRule,
  RuleFields,
  RuleList,
  RulesApplied,
  RuleUpdate,
} from '@/api/types';
import { api } from '@/lib/api-client';

export const QUEUE_PAGE_SIZE = 50;

export interface QueueFilters {
  vendorId: number | null;
  industry: string;
  /** 0..1; 0 and 1 mean "no bound". */
  minScore: number;
  maxScore: number;
  flag: QueueFlagFilter | '';
  sort: QueueSort;
}

export const DEFAULT_QUEUE_FILTERS: QueueFilters = {
  vendorId: null,
  industry: '',
  minScore: 0,
  maxScore: 1,
  flag: '',
  sort: 'oldest',
};

type Cursor = string | null;

function queueParams(filters: QueueFilters, cursor: Cursor): Record<string, string | number> {
  const params: Record<string, string | number> = { limit: QUEUE_PAGE_SIZE, sort: filters.sort };
  if (filters.vendorId !== null) params.vendor_id = filters.vendorId;
  if (filters.industry.trim()) params.industry = filters.industry.trim();
  if (filters.minScore > 0) params.min_score = filters.minScore;
  if (filters.maxScore < 1) params.max_score = filters.maxScore;
  if (filters.flag) params.flag = filters.flag;
  if (cursor) params.cursor = cursor;
  return params;
}

/**
 * A decision changes the queue whatever its outcome: a 409 means someone else decided or changed
 * the lead, so the stale row and detail are refetched too. Only a refused request (422) changes nothing.
 */
function decisionTags(error: FetchBaseQueryError | undefined, id: number) {
  return error?.status === 422
    ? []
    : [
        { type: 'ReviewQueue' as const, id: 'LIST' },
        { type: 'ReviewLead' as const, id },
      ];
}

const reviewApiWithTags = api.enhanceEndpoints({ addTagTypes: ['ReviewQueue', 'ReviewLead', 'ReviewRule'] });

export const reviewApi = reviewApiWithTags.injectEndpoints({
  endpoints: (build) => ({
    listQueue: build.infiniteQuery<QueuePage, QueueFilters, Cursor>({
      infiniteQueryOptions: {
        initialPageParam: null,
        getNextPageParam: (lastPage) => (lastPage.has_more ? lastPage.next_cursor : undefined),
      },
      query: ({ queryArg, pageParam }) => ({ url: '/review/queue', params: queueParams(queryArg, pageParam) }),
      providesTags: [{ type: 'ReviewQueue', id: 'LIST' }],
    }),
    /** How many leads wait for review, for the navigation badge. */
    getPendingTotal: build.query<number, void>({
      query: () => ({ url: '/review/queue', params: { limit: 1 } }),
      transformResponse: (page: QueuePage) => page.pending_total,
      providesTags: [{ type: 'ReviewQueue', id: 'LIST' }],
    }),
    getReviewLead: build.query<ReviewLeadDetail, number>({
      query: (id) => `/review/leads/${id}`,
      providesTags: (_result, _error, id) => [{ type: 'ReviewLead', id }],
    }),
    approveLead: build.mutation<ReviewLeadDetail, { id: number } & ApproveOne>({
      query: ({ id, ...body }) => ({ url: `/review/leads/${id}/approve`, method: 'POST', body }),
      invalidatesTags: (_result, error, { id }) => decisionTags(error, id),
    }),
    rejectLead: build.mutation<ReviewLeadDetail, { id: number } & RejectOne>({
      query: ({ id, ...body }) => ({ url: `/review/leads/${id}/reject`, method: 'POST', body }),
      invalidatesTags: (_result, error, { id }) => decisionTags(error, id),
    }),
    decideMany: build.mutation<BulkResult, BulkDecision>({
      query: (body) => ({ url: '/review/decisions', method: 'POST', body }),
      invalidatesTags: (_result, error) =>
        error ? [] : [{ type: 'ReviewQueue', id: 'LIST' }, 'ReviewLead'],
    }),
    listReasons: build.query<ReasonList, void>({
      query: () => '/review/reasons',
      // A fixed list: fetched once per session.
      keepUnusedDataFor: 3600,
    }),
    listRules: build.query<RuleList, void>({
      query: () => '/review/rules',
      providesTags: [{ type: 'ReviewRule', id: 'LIST' }],
    }),
    createRule: build.mutation<ReviewRule, RuleFields>({
      query: (body) => ({ url: '/review/rules', method: 'POST', body }),
      invalidatesTags: (_result, error) => (error ? [] : [{ type: 'ReviewRule', id: 'LIST' }]),
    }),
    updateRule: build.mutation<ReviewRule, { id: number; changes: RuleUpdate }>({
      query: ({ id, changes }) => ({ url: `/review/rules/${id}`, method: 'PATCH', body: changes }),
      invalidatesTags: (_result, error) => (error ? [] : [{ type: 'ReviewRule', id: 'LIST' }]),
    }),
    deleteRule: build.mutation<void, number>({
      query: (id) => ({ url: `/review/rules/${id}`, method: 'DELETE' }),
      invalidatesTags: (_result, error) => (error ? [] : [{ type: 'ReviewRule', id: 'LIST' }]),
    }),
    applyRules: build.mutation<RulesApplied, void>({
      query: () => ({ url: '/review/rules/apply', method: 'POST' }),
      invalidatesTags: (_result, error) => (error ? [] : [{ type: 'ReviewQueue', id: 'LIST' }, 'ReviewLead']),
    }),
  }),
});

export const {
  useListQueueInfiniteQuery,
  useGetPendingTotalQuery,
  useGetReviewLeadQuery,
  useApproveLeadMutation,
  useRejectLeadMutation,
  useDecideManyMutation,
  useListReasonsQuery,
  useListRulesQuery,
  useCreateRuleMutation,
  useUpdateRuleMutation,
  useDeleteRuleMutation,
  useApplyRulesMutation,
} = reviewApi;
