import type {
  Upload,
  UploadConfirm,
  UploadCreated,
  UploadPage,
  UploadStatus,
  LeadUpdate,
  VendorLeadDetail,
  VendorLeadPage,
} from '@/api/types';
import { api } from '@/lib/api-client';

export const UPLOADS_PAGE_SIZE = 20;
export const LEADS_PAGE_SIZE = 50;

/** Statuses in which the background job is still working on the file. */
export const ACTIVE_UPLOAD_STATUSES: readonly UploadStatus[] = ['queued', 'processing'];

export function isUploadActive(upload: Pick<Upload, 'status'> | undefined): boolean {
  return upload !== undefined && (ACTIVE_UPLOAD_STATUSES as readonly string[]).includes(upload.status);
}

export interface LeadFilters {
  status: string;
  uploadId: number | null;
}

type Cursor = string | null;

function leadListParams(filters: LeadFilters, cursor: Cursor): Record<string, string | number> {
  const params: Record<string, string | number> = { limit: LEADS_PAGE_SIZE };
  if (filters.status) params.status = filters.status;
  if (filters.uploadId !== null) params.upload_id = filters.uploadId;
  if (cursor) params.cursor = cursor;
  return params;
}

function filenameFrom(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

/** Hands a blob to the browser as a file download. */
function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke on the next tick: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}

const vendorApiWithTags = api.enhanceEndpoints({ addTagTypes: ['Upload', 'VendorLead'] });

export const vendorApi = vendorApiWithTags.injectEndpoints({
  endpoints: (build) => ({
    createUpload: build.mutation<UploadCreated, File>({
      query: (file) => {
        const body = new FormData();
        body.append('file', file, file.name);
        // FormData body: fetch sets the multipart boundary itself, so no Content-Type here.
        return { url: '/leads/upload', method: 'POST', body };
      },
      invalidatesTags: (_result, error) => (error ? [] : [{ type: 'Upload', id: 'LIST' }]),
    }),
    confirmUpload: build.mutation<Upload, { id: number } & UploadConfirm>({
      query: ({ id, ...body }) => ({ url: `/leads/uploads/${id}/confirm`, method: 'POST', body }),
      invalidatesTags: (_result, error, { id }) =>
        error ? [] : [{ type: 'Upload', id }, { type: 'Upload', id: 'LIST' }],
    }),
    /** The mapping screen of an upload not confirmed yet, recomputed from its stored file (as the upload answered). */
    reopenUpload: build.query<UploadCreated, number>({
      query: (id) => `/leads/uploads/${id}/mapping`,
      // No tags: confirming the upload must not refetch this (it would answer 409), and a
      // later visit must not start the wizard from a stale copy.
      keepUnusedDataFor: 0,
    }),
    /** Delete an upload whose mapping was never confirmed, with its stored file. */
    discardUpload: build.mutation<void, number>({
      query: (id) => ({ url: `/leads/uploads/${id}`, method: 'DELETE' }),
      // Refused too (409: confirmed meanwhile; 404: already gone): the list is stale either way.
      invalidatesTags: (_result, _error, id) => [{ type: 'Upload', id }, { type: 'Upload', id: 'LIST' }],
    }),
    getUpload: build.query<Upload, number>({
      query: (id) => `/leads/uploads/${id}`,
      providesTags: (_result, _error, id) => [{ type: 'Upload', id }],
    }),
    listUploads: build.infiniteQuery<UploadPage, void, Cursor>({
      infiniteQueryOptions: {
        initialPageParam: null,
        getNextPageParam: (lastPage) => (lastPage.has_more ? lastPage.next_cursor : undefined),
      },
      query: ({ pageParam }) => ({
        url: '/leads/uploads',
        params: pageParam ? { limit: UPLOADS_PAGE_SIZE, cursor: pageParam } : { limit: UPLOADS_PAGE_SIZE },
      }),
      providesTags: [{ type: 'Upload', id: 'LIST' }],
    }),
    /** Fetches the rejected-rows CSV with the access token and saves it; resolves to the file name. */
    downloadErrorReport: build.mutation<string, { url: string; uploadId: number }>({
      query: ({ url, uploadId }) => ({
        // The server returns a path such as /api/leads/uploads/1/errors.csv.
        url: new URL(url, window.location.origin).toString(),
        responseHandler: async (response: Response) => {
          if (!response.ok) {
            const text = await response.text();
            try {
              return JSON.parse(text) as unknown;
            } catch {
              return text;
            }
          }
          const filename = filenameFrom(
            response.headers.get('Content-Disposition'),
            `upload-${uploadId}-rejected-rows.csv`,
          );
          saveBlob(await response.blob(), filename);
          return filename;
        },
      }),
    }),
    listMyLeads: build.infiniteQuery<VendorLeadPage, LeadFilters, Cursor>({
      infiniteQueryOptions: {
        initialPageParam: null,
        getNextPageParam: (lastPage) => (lastPage.has_more ? lastPage.next_cursor : undefined),
      },
      query: ({ queryArg, pageParam }) => ({ url: '/leads/mine', params: leadListParams(queryArg, pageParam) }),
      providesTags: [{ type: 'VendorLead', id: 'LIST' }],
    }),
    getMyLead: build.query<VendorLeadDetail, number>({
      query: (id) => `/leads/mine/${id}`,
      providesTags: (_result, _error, id) => [{ type: 'VendorLead', id }],
    }),
    /** Edit a lead (an empty body resubmits it unchanged): the pipeline runs again and it goes back to review. */
    updateLead: build.mutation<VendorLeadDetail, { id: number; changes: LeadUpdate }>({
      query: ({ id, changes }) => ({ url: `/leads/${id}`, method: 'PATCH', body: changes }),
      // A 422 leaves the lead as it was; anything else (saved, or 409: sold or changed meanwhile) refreshes it.
      invalidatesTags: (_result, error, { id }) =>
        error?.status === 422 ? [] : [{ type: 'VendorLead', id }, { type: 'VendorLead', id: 'LIST' }],
    }),
    /** Take a published lead off the marketplace. */
    withdrawLead: build.mutation<VendorLeadDetail, number>({
      query: (id) => ({ url: `/leads/${id}/withdraw`, method: 'POST' }),
      // A refused withdrawal (the lead sold or changed meanwhile) refreshes the stale view too.
      invalidatesTags: (_result, _error, id) => [{ type: 'VendorLead', id }, { type: 'VendorLead', id: 'LIST' }],
    }),
  }),
});

export const {
  useCreateUploadMutation,
  useConfirmUploadMutation,
  useReopenUploadQuery,
  useDiscardUploadMutation,
  useGetUploadQuery,
  useListUploadsInfiniteQuery,
  useDownloadErrorReportMutation,
  useListMyLeadsInfiniteQuery,
  useGetMyLeadQuery,
  useUpdateLeadMutation,
  useWithdrawLeadMutation,
} = vendorApi;
