import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { DESKTOP_WIDTH, setViewportWidth, viewportWidth } from '@/testing/viewport';

afterEach(() => {
  cleanup();
  setViewportWidth(DESKTOP_WIDTH);
});

// findBy*/waitFor give up after 1 s by default; on a loaded 2-core CI machine a page with a
// few mocked requests can take longer than that to settle, so allow 5 s.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no layout engine: report a 1280px-wide desktop so MUI's
// useMediaQuery picks the permanent navigation drawer, as a browser would
// (a test may ask for a phone with setViewportWidth).
function matches(query: string): boolean {
  const VIEWPORT_WIDTH = viewportWidth();
  const min = /min-width:\s*([\d.]+)px/.exec(query);
  const max = /max-width:\s*([\d.]+)px/.exec(query);
  if (min && VIEWPORT_WIDTH < Number(min[1])) return false;
  if (max && VIEWPORT_WIDTH > Number(max[1])) return false;
  return Boolean(min || max);
}

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList => ({
    matches: matches(query),
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
