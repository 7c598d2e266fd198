import { ClerkControlElement } from './control.component.js';

/**
 * @tagname clerk-loaded
 * @summary Shows its children once Clerk has loaded.
 *
 * Switches without a reload when the state changes (a sign-in, a sign-out, another tab). The children stay in
 * the light DOM; while hidden they are not rendered.
 *
 * @slot - The content to show.
 *
 * @cssstate visible - The children are shown.
 */
export class ClerkLoaded extends ClerkControlElement {
  protected override get visible(): boolean {
    return this.loaded;
  }
}
