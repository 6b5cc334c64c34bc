import { useCallback, useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '@/lib/use-debounced-value';

/**
 * A text input bound to a URL value: typing updates the input at once and the URL once the
 * typing pauses; a URL change from elsewhere (clear filters, a saved search, back) shows up in it.
 * Returns the input's value, its setter, and `flush` to commit now (Enter), optionally a new value.
 */
export function useDebouncedField(urlValue: string, commit: (value: string) => void, delayMs: number) {
  const [value, setValue] = useState(urlValue);
  const debounced = useDebouncedValue(value, delayMs);
  const committed = useRef(urlValue);
  const commitRef = useRef(commit);
  commitRef.current = commit;

  useEffect(() => {
    committed.current = urlValue;
    setValue(urlValue);
  }, [urlValue]);

  useEffect(() => {
    if (debounced !== committed.current) {
      committed.current = debounced;
      commitRef.current(debounced);
    }
    // Only a new debounced value commits; a URL change alone must not write the old text back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const latest = useRef(value);
  latest.current = value;
  const flush = useCallback((next?: string) => {
    const current = next ?? latest.current;
    if (next !== undefined) setValue(next);
    if (current !== committed.current) {
      committed.current = current;
      commitRef.current(current);
    }
  }, []);

  return [value, setValue, flush] as const;
}
