/** The width jsdom's matchMedia reports (it has no layout engine): a desktop unless a test asks for a phone. */
export const DESKTOP_WIDTH = 1280;
export const PHONE_WIDTH = 390;

let width = DESKTOP_WIDTH;

export function viewportWidth(): number {
  return width;
}

/** Render as on a screen this wide; `setup.ts` puts the desktop width back after each test. */
export function setViewportWidth(next: number): void {
  width = next;
}
