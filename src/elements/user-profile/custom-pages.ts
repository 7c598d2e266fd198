// The navigation of <clerk-user-profile>: the built-in pages ("Account", "Security"), custom pages and links from
// the element's children (<clerk-user-profile-page>, <clerk-user-profile-link>) and from the `customPages` property
// (Clerk's `{ label, url, mountIcon, unmountIcon, mount, unmount }`), and Clerk's reordering rule: an entry labelled
// `account` or `security` alone moves that built-in page to its place; built-ins not placed come first.
import { safeHref } from '../user-button/menu-items.js';

/** The built-in pages, in their default order; also the labels that reorder them. */
export const BUILT_IN_PAGES = ['account', 'security'] as const;
export type BuiltInPage = (typeof BUILT_IN_PAGES)[number];

/** One entry of `customPages`, as Clerk's `mountUserProfile(node, { customPages })` takes it. */
export interface UserProfileCustomPage {
  /** The navigation label; `account` or `security` alone (no url) moves that built-in page here. */
  label: string;
  /** The page's path segment (`billing`), or for a link (no `mount`) where it leads (`/`, `https://…`). */
  url?: string;
  /** URL of an image shown before the label (rendered as `<img>`, never as markup). */
  labelIcon?: string;
  /** Draws the navigation icon into the element it is given. */
  mountIcon?: (el: HTMLElement) => void;
  unmountIcon?: (el?: HTMLElement) => void;
  /** Draws the page into the element it is given, when the page is shown. */
  mount?: (el: HTMLElement) => void;
  /** Called when the page stops showing (with the element `mount` had). */
  unmount?: (el?: HTMLElement) => void;
}

export type NavEntry =
  | { kind: 'builtin'; id: BuiltInPage; url: BuiltInPage }
  | { kind: 'element'; url: string; label: string; el: HTMLElement }
  | { kind: 'js'; url: string; label: string; page: UserProfileCustomPage }
  | { kind: 'link'; label: string; href: string; icon: HTMLElement | UserProfileCustomPage | undefined };

const isBuiltIn = (label: string): label is BuiltInPage => (BUILT_IN_PAGES as readonly string[]).includes(label);
/** A page url is one path segment of word characters and dashes (it becomes `#/<url>` or `<path>/<url>`). */
const PAGE_URL = /^[\w-]+$/;

/** The children that describe pages and links, in document order. */
export function childEntries(host: Element): Array<{ el: HTMLElement; label: string; url: string; link: boolean }> {
  return Array.from(host.children)
    .filter((c): c is HTMLElement => c.localName === 'clerk-user-profile-page' || c.localName === 'clerk-user-profile-link')
    .map((el) => ({ el, label: el.getAttribute('label') ?? '', url: el.getAttribute('url') ?? '', link: el.localName === 'clerk-user-profile-link' }));
}

/** The navigation in display order; invalid entries are left out with a warning. */
export function navEntries(host: Element, custom: readonly UserProfileCustomPage[] | undefined): NavEntry[] {
  const placed = new Set<BuiltInPage>();
  const entries: NavEntry[] = [];
  const seen = new Set<string>(BUILT_IN_PAGES);
  const warn = (what: unknown) =>
    console.warn('[clerk-wc] <clerk-user-profile>: ignoring a custom page without a label and a valid url, or repeating one:', what);
  const builtIn = (label: string) => {
    if (placed.has(label as BuiltInPage)) return false;
    placed.add(label as BuiltInPage);
    entries.push({ kind: 'builtin', id: label as BuiltInPage, url: label as BuiltInPage });
    return true;
  };
  for (const c of childEntries(host)) {
    if (!c.url && isBuiltIn(c.label) && !c.link) {
      if (!builtIn(c.label)) warn(c.el);
    } else if (c.link && c.label && safeHref(c.url)) entries.push({ kind: 'link', label: c.label, href: c.url, icon: c.el });
    else if (!c.link && c.label && PAGE_URL.test(c.url) && !seen.has(c.url)) {
      seen.add(c.url);
      entries.push({ kind: 'element', url: c.url, label: c.label, el: c.el });
    } else warn(c.el);
  }
  for (const page of custom ?? []) {
    const label = typeof page?.label === 'string' ? page.label : '';
    const url = typeof page?.url === 'string' ? page.url : '';
    if (!url && isBuiltIn(label) && !page.mount) {
      if (!builtIn(label)) warn(page);
    } else if (label && typeof page.mount === 'function' && PAGE_URL.test(url) && !seen.has(url)) {
      seen.add(url);
      entries.push({ kind: 'js', url, label, page });
    } else if (label && !page.mount && url && safeHref(url)) entries.push({ kind: 'link', label, href: url, icon: page });
    else warn(page);
  }
  const missing = BUILT_IN_PAGES.filter((p) => !placed.has(p)).map((id): NavEntry => ({ kind: 'builtin', id, url: id }));
  return [...missing, ...entries];
}

/** The url of a page entry (links have none). */
export function urlOf(entry: NavEntry): string | undefined {
  return entry.kind === 'link' ? undefined : entry.url;
}
