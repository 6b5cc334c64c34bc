import type {
  LeadDetail,
  SavedSearch,
  SavedSearchCreate,
  SavedSearchUpdate,
  SearchResults,
} from '@/api/types';
import { api } from '@/lib/api-client';
import type { SearchArgs } from '@/features/marketplace/utils/search-params';

export const SEARCH_PAGE_SIZE = 24;

type Cursor = string | null;

function searchParams(args: SearchArgs, cursor: Cursor): Record<string, string | number> {
  const params: Record<string, string | number> = { ...args, limit: SEARCH_PAGE_SIZE };
  // Totals and facets describe the whole result: the first page brings them, later pages skip the work.
  if (cursor) {
    params.cursor = cursor;
    params.facets = 'false';
  }
  return params;
}

const marketplaceApiWithTags = api.enhanceEndpoints({ addTagTypes: ['MarketLead', 'SavedSearch'] });

export const marketplaceApi = marketplaceApiWithTags.injectEndpoints({
  endpoints: (build) => ({
    searchLeads: build.infiniteQuery<SearchResults, SearchArgs, Cursor>({
      infiniteQueryOptions: {
        initialPageParam: null,
        getNextPageParam: (lastPage) => (lastPage.has_more ? lastPage.next_cursor : undefined),
      },
      query: ({ queryArg, pageParam }) => ({ url: '/leads', params: searchParams(queryArg, pageParam) }),
      providesTags: [{ type: 'MarketLead', id: 'LIST' }],
    }),
    getMarketLead: build.query<LeadDetail, number>({
      query: (id) => `/leads/${id}`,
      providesTags: (_result, _error, id) => [{ type: 'MarketLead', id }],
    }),
    listSavedSearches: build.query<SavedSearch[], void>({
      query: () => '/saved-searches',
      transformResponse: (response: { data: SavedSearch[] }) => response.data,
      providesTags: (result) => [
        { type: 'SavedSearch', id: 'LIST' },
        ...(result ?? []).map((saved) => ({ type: 'SavedSearch' as const, id: saved.id })),
      ],
    }),
    createSavedSearch: build.mutation<SavedSearch, SavedSearchCreate>({
      query: (body) => ({ url: '/saved-searches', method: 'POST', body }),
      invalidatesTags: (_result, error) => (error ? [] : [{ type: 'SavedSearch', id: 'LIST' }]),
    }),
    updateSavedSearch: build.mutation<SavedSearch, { id: number; changes: SavedSearchUpdate }>({
      query: ({ id, changes }) => ({ url: `/saved-searches/${id}`, method: 'PATCH', body: changes }),
      // The alert switch answers at once; a refusal puts it back.
      async onQueryStarted({ id, changes }, { dispatch, queryFulfilled }) {
        if (changes.alert === undefined || changes.alert === null) return;
        const alert = changes.alert;
        const patch = dispatch(
          marketplaceApi.util.updateQueryData('listSavedSearches', undefined, (draft) => {
            const saved = draft.find((item) => item.id === id);
            if (saved) saved.alert = alert;
          }),
        );
        await queryFulfilled.catch(() => patch.undo());
      },
      invalidatesTags: (_result, error, { id }) => (error?.status === 409 || error?.status === 422 ? [] : [{ type: 'SavedSearch', id }]),
    }),
    deleteSavedSearch: build.mutation<void, number>({
      query: (id) => ({ url: `/saved-searches/${id}`, method: 'DELETE' }),
      invalidatesTags: [{ type: 'SavedSearch', id: 'LIST' }],
    }),
  }),
});

export const {
  useSearchLeadsInfiniteQuery,
  useGetMarketLeadQuery,
  useListSavedSearchesQuery,
  useCreateSavedSearchMutation,
  useUpdateSavedSearchMutation,
  useDeleteSavedSearchMutation,
} = marketplaceApi;
