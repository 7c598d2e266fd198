// The autoloader in the script-tag bundle: defines nothing itself; when a `<clerk-*>` tag shows up in the
// document it imports that element's chunk (next to clerk.browser.js), so a page pays only for what it shows.
// No Lit here: this file is part of the small loader.

/** Tag → chunk under `elements/`. */
export const ELEMENT_CHUNKS: Record<string, string> = {
  'clerk-sign-in': 'sign-in',
  'clerk-sign-up': 'sign-up',
  'clerk-user-button': 'user-button',
  'clerk-signed-in': 'control',
  'clerk-signed-out': 'control',
  'clerk-loaded': 'control',
  'clerk-loading': 'control',
  'clerk-waitlist': 'waitlist',
  'clerk-protect': 'protect',
  'clerk-modal': 'modal',
  'clerk-sign-in-button': 'buttons',
  'clerk-sign-up-button': 'buttons',
  'clerk-sign-out-button': 'buttons',
  'clerk-redirect-to-sign-in': 'buttons',
  'clerk-redirect-to-sign-up': 'buttons',
};

const requested = new Set<string>();

/** Imports the chunks for every undefined `<clerk-*>` tag under `root`. */
export function discover(root: ParentNode, base: string): void {
  for (const [tag, chunk] of Object.entries(ELEMENT_CHUNKS)) {
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
