import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { highlightPattern, highlightText, searchTerms } from '@/features/marketplace/utils/highlight';

/** The marked parts of `text` for the search `q`. */
function marked(text: string, q: string | null | undefined): string[] {
  const { container } = render(<p>{highlightText(text, highlightPattern(q))}</p>);
  expect(container.textContent).toBe(text);
  return [...container.querySelectorAll('mark')].map((mark) => mark.textContent ?? '');
}

describe('search highlighting', () => {
  it('marks plain words, case-insensitively, and words they begin', () => {
    expect(marked('Head of Sales · Software', 'sales head')).toEqual(['Head', 'Sales']);
    expect(marked('Sales managers in Munich', 'MANAG')).toEqual(['managers']);
    // A word is matched from its start only.
    expect(marked('Presales lead', 'sales')).toEqual([]);
  });

  it('marks a quoted phrase as one piece, across punctuation between its words', () => {
    expect(searchTerms('"head of sales" cfo')).toEqual([['head', 'of', 'sales'], ['cfo']]);
    expect(marked('Head of Sales, CFO office; head-of-sales role', '"head of sales" cfo')).toEqual([
      'Head of Sales',
      'CFO',
      'head-of-sales',
    ]);
    // An unclosed quote reads to the end, as on the server.
    expect(marked('Head of Sales', '"head of')).toEqual(['Head of']);
  });

  it('marks either side of OR, and does not mark OR itself', () => {
    expect(searchTerms('cfo OR cto')).toEqual([['cfo'], ['cto']]);
    expect(marked('CFO or CTO, OR both', 'cfo OR cto')).toEqual(['CFO', 'CTO']);
  });

  it('does not mark excluded -words', () => {
    expect(searchTerms('sales -intern -"cold calling"')).toEqual([['sales']]);
    expect(marked('Sales intern, cold calling', 'sales -intern -"cold calling"')).toEqual(['Sales']);
    // Exclusions alone are what the server searches for, so they are what the results contain.
    expect(marked('Sales intern', '-intern')).toEqual(['intern']);
  });

  it('treats regex special characters in the search as text', () => {
    const special = 'c++ (sales)* [a-z] .+? ^$ \\d | {2} /x/';
    expect(() => highlightPattern(special)).not.toThrow();
    expect(marked('C programmer, sales lead, a-z list', special)).toEqual(['C', 'sales', 'a-z']);
    expect(marked('Anything at all', '.*')).toEqual([]);
    expect(highlightPattern('.* () []')).toBeNull();
  });

  it('marks nothing without search words', () => {
    expect(highlightPattern('')).toBeNull();
    expect(highlightPattern('   ')).toBeNull();
    expect(highlightPattern(undefined)).toBeNull();
    expect(highlightPattern('OR')).toBeNull();
    expect(highlightText('Head of Sales', null)).toBe('Head of Sales');
    expect(marked('Head of Sales', '')).toEqual([]);
  });

  it('marks words with accents and other scripts', () => {
    expect(marked('Geschäftsführer in München', 'münchen GESCHÄFTS')).toEqual(['Geschäftsführer', 'München']);
  });
});
