// The autoloader in the script-tag bundle: defines nothing itself; when a `<clerk-*>` tag shows up in the
// document it imports that element's chunk (next to clerk.browser.js), so a page pays only for what it shows.
// No Lit here: this file is part of the small loader. Which chunk defines which tag is the registry's.
import { CLERK_ELEMENTS } from './registry.js';

const requested = new Set<string>();

/** Imports the chunks for every undefined `<clerk-*>` tag under `root`. */
export function discover(root: ParentNode, base: string): void {
  for (const { tag, chunk } of CLERK_ELEMENTS) {
    if (requested.has(chunk) || customElements.get(tag) || !root.querySelector(tag)) continue;
    requested.add(chunk);
    import(/* @vite-ignore */ new URL(`elements/${chunk}.js`, base).href).catch((e: unknown) => {
      requested.delete(chunk);
      console.error(`[clerk-wc] could not load <${tag}>:`, e);
    });
  }
}

/** Watches the document for `<clerk-*>` tags and loads them on first sight. */
export function startAutoloader(base: string): void {
  const scan = () => discover(document, base);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan, { once: true });
  else scan();
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes) if (n instanceof Element && (n.localName.startsWith('clerk-') || n.querySelector('*'))) return scan();
  }).observe(document.documentElement, { childList: true, subtree: true });
}
