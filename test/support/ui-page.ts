// Test pages for element tests: written into the harness's static folder, loading the bundle from the FAPI's
// /npm/ path (so element chunks load as they do on a real site), page code in a separate file (strict CSP).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Harness } from './browser-harness.ts';

export const BUNDLE_TAG = '<script src="/npm/@clerk/clerk-js@5/dist/clerk.browser.js" data-clerk-proxy-url="/"></script>';

/** Writes `<name>.html` (and `<name>.js` when `js` is given; a module script when `module`); returns the page URL. */
export function writePage(h: Harness, name: string, body: string, js = '', opts: { module?: boolean } = {}): string {
  if (js) writeFileSync(join(h.staticDir, `${name}.js`), js);
  const pageScript = js ? `<script ${opts.module ? 'type="module" ' : ''}src="/${name}.js"></script>` : '';
  writeFileSync(
    join(h.staticDir, `${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${name}</title>${BUNDLE_TAG}${pageScript}</head><body>${body}</body></html>`,
  );
  return `${h.url}/${name}.html`;
}

/** Waits until the autoloader has defined these tags (their chunks loaded) on the page. */
export async function defined(page: import('playwright-core').Page, ...tags: string[]): Promise<void> {
  await page.waitForFunction((names) => names.every((n) => !!customElements.get(n)), tags);
}
