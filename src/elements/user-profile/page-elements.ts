// <clerk-user-profile-page> and <clerk-user-profile-link>: children of <clerk-user-profile> that add a page (its
// children are the page's content, shown in place: the profile slots this element, never copies its markup) or a
// navigation link. `<span slot="label-icon">` inside either is the navigation icon (moved into the navigation).
// A page with `label="account"` or `label="security"` and no url moves that built-in page to its place.

/** Tells the enclosing profile that a child's label or url changed. */
const changed = (el: HTMLElement) => el.dispatchEvent(new Event('cl-profile-pages', { bubbles: true }));

const sheet = typeof CSSStyleSheet === 'function' ? new CSSStyleSheet() : undefined;
sheet?.replaceSync(':host { display: block; } :host(:not([slot])) { display: none; }');

abstract class ProfileChild extends HTMLElement {
  static observedAttributes = ['label', 'url'];

  constructor() {
    super();
    // Only the default slot: the label icon (until the profile moves it) is never part of the page's content.
    const root = this.attachShadow({ mode: 'open' });
    if (sheet) root.adoptedStyleSheets = [sheet];
    root.append(document.createElement('slot'));
  }

  /** The navigation label (`account` / `security` without a url reorders a built-in page). */
  get label(): string {
    return this.getAttribute('label') ?? '';
  }
  set label(v: string) {
    this.setAttribute('label', v);
  }

  /** The page's path segment (`billing`), or for a link where it leads. */
  get url(): string {
    return this.getAttribute('url') ?? '';
  }
  set url(v: string) {
    this.setAttribute('url', v);
  }

  attributeChangedCallback(): void {
    changed(this);
  }
}

/**
 * @tagname clerk-user-profile-page
 * @summary A custom page of `<clerk-user-profile>` (Clerk's `<UserProfile.Page>`): a navigation entry and the page it shows.
 *
 * @slot - The page's content, shown while the page is open.
 * @slot label-icon - The navigation icon.
 */
export class ClerkUserProfilePage extends ProfileChild {}

/**
 * @tagname clerk-user-profile-link
 * @summary A navigation link of `<clerk-user-profile>` (Clerk's `<UserProfile.Link>`) to `url` (http(s) or relative).
 *
 * @slot label-icon - The navigation icon.
 */
export class ClerkUserProfileLink extends ProfileChild {}
