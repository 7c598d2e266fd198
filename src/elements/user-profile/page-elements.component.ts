// <clerk-user-profile-page> and <clerk-user-profile-link>: children of <clerk-user-profile> that add a page (its
// children are the page's content, shown in place: the profile slots this element, never copies its markup) or a
// navigation link. `<span slot="label-icon">` inside either is the navigation icon (moved into the navigation).
// A page with `label="account"` or `label="security"` and no url moves that built-in page to its place.
import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ClerkElement } from '../shared/clerk-element.js';

abstract class ProfileChild extends ClerkElement {
  static override styles = css`
    :host {
      display: block;
    }
    :host(:not([slot])) {
      display: none;
    }
  `;

  /** The navigation label (`account` / `security` without a url reorders a built-in page). */
  @property({ reflect: true }) label = '';
  /** The page's path segment (`billing`), or for a link where it leads. */
  @property({ reflect: true }) url = '';

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Tells the enclosing profile that the navigation changed.
    if (changed.has('label') || changed.has('url')) this.dispatchEvent(new Event('cl-profile-pages', { bubbles: true }));
  }

  // Only the default slot: the label icon (until the profile moves it) is never part of the page's content.
  protected override render(): TemplateResult {
    return html`<slot></slot>`;
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
