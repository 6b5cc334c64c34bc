import { useCallback, useState } from 'react';
import { describeError } from '@/lib/problem';

/** Field + general errors for one form: set from a failed mutation, cleared field by field as the user edits. */
export function useFormErrors<F extends string>(fields: readonly F[]) {
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<F, string>>>({});
  const [message, setMessage] = useState<string | null>(null);

  const fromError = useCallback(
    (error: unknown) => {
      const described = describeError(error, fields);
      setFieldErrors(described.fields as Partial<Record<F, string>>);
      setMessage(described.message);
      return described;
    },
    [fields],
  );

  const clearField = useCallback((field: F) => {
    setFieldErrors((current) => {
      if (!(field in current)) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
  }, []);

  const reset = useCallback(() => {
    setFieldErrors({});
    setMessage(null);
  }, []);

  return { fieldErrors, setFieldErrors, message, setMessage, fromError, clearField, reset };
}
