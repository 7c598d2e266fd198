// The shared base of the control elements: a `display: contents` host whose shadow root holds a `<slot>` only
// while the auth state says so. The children stay where the page put them (no moving, no re-creating); unslotted,
// they are not rendered, not focusable and not in the accessibility tree.
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ClerkElement } from '../shared/clerk-element.js';

/** The base of `<clerk-signed-in>`, `<clerk-signed-out>`, `<clerk-loaded>` and `<clerk-loading>`: a slot shown while `visible`. */
export abstract class ClerkControlElement extends ClerkElement {
  // No theme tokens here: the host is transparent, and the children must inherit the page's font and colour.
  static override styles = css`
    :host {
      display: contents;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.setState('visible', this.visible);
  }

  /** Whether the children show for the current state (`loaded` and `resources`). */
  protected abstract get visible(): boolean;

  protected override render(): TemplateResult | typeof nothing {
    return this.visible ? html`<slot></slot>` : nothing;
  }
}
