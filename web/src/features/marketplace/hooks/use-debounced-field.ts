import { useCallback, useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '@/lib/use-debounced-value';

/**
 * A text input bound to a URL value: typing updates the input at once and the URL once the
 * typing pauses; a URL change from elsewhere (clear filters, a saved search, back) shows up in it.
 * Returns the input's value, its setter, and `flush` to commit now (Enter), optionally a new value.
 * `normalize` is how the URL stores a value (trimmed, say), so that a commit coming back in that
 * form is still recognised as our own: a pause after "San " does not eat the space.
 */
export function useDebouncedField(
  urlValue: string,
  commit: (value: string) => void,
  delayMs: number,
  normalize?: (value: string) => string,
) {
  const [value, setValue] = useState(urlValue);
  const debounced = useDebouncedValue(value, delayMs);
  const committed = useRef(urlValue);
  const commitRef = useRef(commit);
  commitRef.current = commit;
  const normalizeRef = useRef(normalize);
  normalizeRef.current = normalize;
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    // Our own commit coming back: the input may have moved on since (more typing), keep it.
    const normalized = normalizeRef.current ? normalizeRef.current(committed.current) : committed.current;
    if (normalized === urlValue) return;
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
