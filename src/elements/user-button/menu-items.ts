// The user button's menu: Clerk's two default actions, the page's `customMenuItems`, and Clerk's reordering
// rule (an entry labelled `manageAccount` or `signOut` moves that default item to its place).

/** The default items, in their default order; also the labels that reorder them. */
export const USER_BUTTON_DEFAULT_ITEMS = ['manageAccount', 'signOut'] as const;
export type UserButtonDefaultItem = (typeof USER_BUTTON_DEFAULT_ITEMS)[number];

/** One entry of `customMenuItems`, as Clerk's `mountUserButton(node, { customMenuItems })` takes it. */
export interface UserButtonMenuItem {
  /** The text of the item; `manageAccount` or `signOut` alone moves that default item here. */
  label: string;
  /** URL of an image shown before the label (rendered as `<img>`, never as markup). */
  labelIcon?: string;
  /** Makes the item a link to this http(s) or relative URL. */
  href?: string;
  /** Called when the item is chosen (after the menu closes). */
  onClick?: () => void;
  /** Clerk's hook to draw the icon into an element of its own; called with that element when the item renders. */
  mountIcon?: (el: HTMLElement) => void;
  /** Called when that icon element goes away. */
  unmountIcon?: (el?: HTMLElement) => void;
  /**
   * Opens the user profile at this page, as Clerk's `<UserButton.Action open="billing">` does: the modal gets
   * `openUserProfile({ ...userProfileProps, initialPage: open })`; with `user-profile-mode="navigation"` the button goes
   * to `user-profile-url`.
   */
  open?: string;
}

export type MenuEntry =
  | { kind: UserButtonDefaultItem }
  | { kind: 'link'; item: UserButtonMenuItem; href: string }
  | { kind: 'action'; item: UserButtonMenuItem }
  | { kind: 'profile'; item: UserButtonMenuItem; page: string };

const isDefault = (label: string): label is UserButtonDefaultItem => (USER_BUTTON_DEFAULT_ITEMS as readonly string[]).includes(label);

/** An href the menu may link to: http(s) or relative; `javascript:`, `data:` and friends are refused. */
export function safeHref(href: string, base = globalThis.location?.href ?? 'http://localhost/'): string | undefined {
  try {
    return ['http:', 'https:'].includes(new URL(href, base).protocol) ? href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The menu in display order. Like Clerk: custom entries in their order, the defaults they did not name after
 * them, and "Manage account" first unless an entry placed it. Invalid entries are left out with a warning.
 */
export function menuEntries(custom: readonly UserButtonMenuItem[] | undefined): MenuEntry[] {
  const placed = new Set<UserButtonDefaultItem>();
  const entries: MenuEntry[] = [];
  for (const item of custom ?? []) {
    const label = typeof item?.label === 'string' ? item.label : '';
    const href = typeof item?.href === 'string' ? safeHref(item.href) : undefined;
    const page = typeof item?.open === 'string' ? item.open.replace(/^\/+/, '') : '';
    if (label && href) entries.push({ kind: 'link', item, href });
    else if (label && page) entries.push({ kind: 'profile', item, page });
    else if (label && typeof item.onClick === 'function') entries.push({ kind: 'action', item });
    else if (isDefault(label) && !placed.has(label)) {
      placed.add(label);
      entries.push({ kind: label });
    } else
      console.warn(
        '[clerk-wc] <clerk-user-button>: ignoring a custom menu item that has no label, no http(s) href, no open and no onClick, or repeats a default:',
        item,
      );
  }
  for (const d of USER_BUTTON_DEFAULT_ITEMS) if (!placed.has(d)) entries.push({ kind: d });
  if (!placed.has('manageAccount')) {
    const i = entries.findIndex((e) => e.kind === 'manageAccount');
    entries.unshift(...entries.splice(i, 1));
  }
  return entries;
}
