import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { SerializedError } from '@reduxjs/toolkit';
import type { Problem } from '@/api/types';

/** Problem body as stored by the base query (it adds the parsed Retry-After). */
export type ApiProblem = Problem & { retry_after?: number };

export interface DescribedError {
  /** Message for an Alert, or null when field errors already say it all. */
  message: string | null;
  /** First message per field name, for helperText under the matching input. */
  fields: Record<string, string>;
  code: string | null;
  status: number | string | null;
}

function isFetchBaseQueryError(error: unknown): error is FetchBaseQueryError {
  return typeof error === 'object' && error !== null && 'status' in error;
}

export function problemOf(error: unknown): ApiProblem | null {
  if (!isFetchBaseQueryError(error)) return null;
  const data = (error as { data?: unknown }).data;
  if (typeof data === 'object' && data !== null) return data as ApiProblem;
  return null;
}

export function errorCode(error: unknown): string | null {
  return problemOf(error)?.code ?? null;
}

export function rateLimitMessage(seconds: number | undefined): string {
  const n = seconds && seconds > 0 ? Math.ceil(seconds) : 60;
  return `Too many attempts, try again in ${n} second${n === 1 ? '' : 's'}`;
}

/**
 * Turns an RTK Query error into what a form shows: field errors under the inputs
 * whose names are listed in `formFields`, and everything else in one message.
 */
export function describeError(
  error: FetchBaseQueryError | SerializedError | unknown,
  formFields: readonly string[] = [],
): DescribedError {
  const empty: DescribedError = { message: null, fields: {}, code: null, status: null };
  if (!error) return empty;

  if (!isFetchBaseQueryError(error)) {
    const message = (error as SerializedError).message;
    return { ...empty, message: message ?? 'Something went wrong. Please try again.' };
  }

  const { status } = error;
  if (status === 'FETCH_ERROR' || status === 'TIMEOUT_ERROR') {
    return { ...empty, status, message: "Can't reach Lead-Nexus. Check your connection and try again." };
  }
  if (status === 'PARSING_ERROR' || status === 'CUSTOM_ERROR') {
    return { ...empty, status, message: 'The server sent an unexpected response. Please try again.' };
  }

  const problem = problemOf(error);
  const code = problem?.code ?? null;
  if (status === 429) {
    return { ...empty, status, code, message: rateLimitMessage(problem?.retry_after) };
  }

  const fields: Record<string, string> = {};
  let unmatchedFieldError: string | null = null;
  for (const fieldError of problem?.errors ?? []) {
    if (formFields.includes(fieldError.field)) {
      fields[fieldError.field] ??= fieldError.message;
    } else {
      unmatchedFieldError ??= fieldError.message;
    }
  }

  const hasFieldErrors = Object.keys(fields).length > 0;
  let message: string | null = null;
  if (!hasFieldErrors || unmatchedFieldError) {
    message =
      problem?.detail ??
      unmatchedFieldError ??
      problem?.title ??
      (typeof status === 'number' && status >= 500
        ? 'Something went wrong on our side. Please try again.'
        : 'Something went wrong. Please try again.');
  }
  return { message, fields, code, status };
}
