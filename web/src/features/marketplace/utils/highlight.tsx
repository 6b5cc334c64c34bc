/**
 * The buyer's search words, marked in the results. The text is read the way the server reads it
 * (src/leadnexus/marketplace/query_text.py): "quoted phrases", OR, and `-word` exclusions, which
 * are not marked since a result cannot contain them.
 */
import type { ReactNode } from 'react';
import { alpha, styled } from '@mui/material/styles';

const TERM = /(-?)"([^"]*)"?|(\S+)/gu;
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;
const NOT_WORD = '[^\\p{L}\\p{M}\\p{N}_]';
const MAX_TERMS = 32;

/** Only word characters reach the pattern, but it is built from user input: escape it anyway. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The words and phrases a search looks for, each as its words: `"head of sales" OR cfo -intern` → [[head, of, sales], [cfo]]. */
export function searchTerms(q: string | null | undefined): string[][] {
  const required: string[][] = [];
  const excluded: string[][] = [];
  for (const match of (q ?? '').matchAll(TERM)) {
    const [, minus, phrase, bare] = match;
    if (bare === 'OR') continue;
    const negated = bare !== undefined ? bare.startsWith('-') : minus === '-';
    const source = bare !== undefined ? (negated ? bare.slice(1) : bare) : (phrase ?? '');
    const words = source.match(WORD);
    if (!words) continue;
    (negated ? excluded : required).push(words);
    if (required.length + excluded.length >= MAX_TERMS) break;
  }
  // Like the server: exclusions alone are searched for, so they are what the results contain.
  return required.length > 0 ? required : excluded;
}

/**
 * A pattern matching the search's terms at the start of a word, through to that word's end (so
 * "manag" marks "Managers"); null when there is nothing to mark.
 */
export function highlightPattern(q: string | null | undefined): RegExp | null {
  const terms = searchTerms(q);
  if (terms.length === 0) return null;
  const alternatives = terms
    .map((words) => words.map(escapeRegExp).join(`${NOT_WORD}+`))
    // Longest first, so a phrase wins over one of its own words.
    .sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_])(?:${alternatives.join('|')})[\\p{L}\\p{M}\\p{N}_]*`, 'giu');
}

const Mark = styled('mark')(({ theme }) => {
  const tint = alpha(theme.palette.warning.main, 0.2);
  return {
    color: 'inherit',
    font: 'inherit',
    backgroundColor: tint,
    borderRadius: 2,
    padding: 0,
    // A little room around the word without moving the text around it.
    boxShadow: `0 0 0 1px ${tint}`,
  };
});

/** The text with every match of `pattern` in a <mark>, as React nodes (never as HTML). */
export function highlightText(text: string, pattern: RegExp | null): ReactNode {
  if (!pattern || !text) return text;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match[0] === '') continue;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(<Mark key={match.index}>{match[0]}</Mark>);
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

export function Highlight({ text, pattern }: { text: string; pattern: RegExp | null }) {
  return <>{highlightText(text, pattern)}</>;
}
