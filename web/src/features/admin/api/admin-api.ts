import type { AdminUserUpdate, AuditPage, Role, User, UserPage } from '@/api/types';
import { api } from '@/lib/api-client';

export const PAGE_SIZE = 25;

export interface UserFilters {
  q: string;
  role: Role | '';
  isActive: '' | 'true' | 'false';
}

type Cursor = string | null;

function userListParams(filters: UserFilters, cursor: Cursor): Record<string, string | number> {
  const params: Record<string, string | number> = { limit: PAGE_SIZE };
  if (filters.q.trim()) params.q = filters.q.trim();
  if (filters.role) params.role = filters.role;
  if (filters.isActive) params.is_active = filters.isActive;
  if (cursor) params.cursor = cursor;
  return params;
}

export const adminApi = api.injectEndpoints({
  endpoints: (build) => ({
    listUsers: build.infiniteQuery<UserPage, UserFilters, Cursor>({
      infiniteQueryOptions: {
        initialPageParam: null,
        getNextPageParam: (lastPage) => (lastPage.has_more ? lastPage.next_cursor : undefined),
      },
      query: ({ queryArg, pageParam }) => ({ url: '/admin/users', params: userListParams(queryArg, pageParam) }),
      providesTags: (result) => [
        { type: 'User', id: 'LIST' },
        ...(result?.pages.flatMap((page) => page.data.map((user) => ({ type: 'User' as const, id: user.id }))) ?? []),
      ],
    }),
    updateUser: build.mutation<User, { id: number; changes: AdminUserUpdate }>({
      query: ({ id, changes }) => ({ url: `/admin/users/${id}`, method: 'PATCH', body: changes }),
      invalidatesTags: (_result, error, { id }) =>
        error ? [] : [{ type: 'User', id }, { type: 'User', id: 'LIST' }, { type: 'Audit', id: 'LIST' }],
    }),
    listAudit: build.infiniteQuery<AuditPage, void, Cursor>({
      infiniteQueryOptions: {
        initialPageParam: null,
        getNextPageParam: (lastPage) => (lastPage.has_more ? lastPage.next_cursor : undefined),
      },
      query: ({ pageParam }) => ({
        url: '/admin/audit',
        params: pageParam ? { limit: PAGE_SIZE, cursor: pageParam } : { limit: PAGE_SIZE },
      }),
      providesTags: [{ type: 'Audit', id: 'LIST' }],
    }),
  }),
});

export const { useListUsersInfiniteQuery, useUpdateUserMutation, useListAuditInfiniteQuery } = adminApi;
