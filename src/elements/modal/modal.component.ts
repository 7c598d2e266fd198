import { css, html, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { tokens } from '../../theme/tokens.js';
import { ClerkElement } from '../shared/clerk-element.js';

/**
 * @tagname clerk-modal
 * @summary A modal `<dialog>` around one element (what `Clerk.openSignIn()` and friends show), labelled by the card's
 * title. The close button, Esc and a click on the backdrop close it; focus starts on the first field, page scroll is
 * locked while it is open, and focus returns where it was. In the sign-in modal "Sign up" switches it to sign-up (and back).
 *
 * @slot - The element to show (`<clerk-sign-in routing="virtual">`…).
 *
 * @event clerk-modal-close - The modal closed.
 *
 * @csspart modal - The dialog (also `modalContent`); its `::backdrop` is the page shade.
 * @csspart close-button - The close button in the card's corner (also `modalCloseButton`).
 */
export class ClerkModal extends ClerkElement {
  static override styles = [
    tokens,
    css`
      dialog {
        padding: 0;
        border: 0;
        background: transparent;
        max-inline-size: calc(100vw - 2rem);
        overflow: visible;
      }
      .close {
        position: absolute;
        inset-block-start: 0.625rem;
        inset-inline-end: 0.625rem;
        display: grid;
        place-items: center;
        inline-size: 2rem;
        block-size: 2rem;
        padding: 0;
        color: var(--_muted);
        background: transparent;
        border: 0;
        border-radius: calc(var(--_radius) * 0.75);
        cursor: pointer;
      }
      .close:hover {
        color: var(--_text);
        background: var(--_neutral);
      }
      .close:focus-visible {
        outline: none;
        box-shadow: var(--_focus);
      }
      .close svg {
        inline-size: 1rem;
        block-size: 1rem;
      }
      /* The card sets the dialog's width (a definite one: the close button sits in the card's corner, not past it). */
      ::slotted(*) {
        inline-size: min(calc(100vw - 2rem), var(--clerk-card-max-width, 25rem));
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
    `,
  ];

  @query('dialog') private dialog!: HTMLDialogElement;

  /**
   * Where focus goes back when the modal closes. `Clerk.openSignIn()` and friends set it before the modal is upgraded
   * (its code may load after the form inside has taken focus); otherwise it is what had focus when the modal connected.
   */
  opener?: HTMLElement | null;
  private scrollWas = '';
  /** The card's title, which names the dialog (the element's heading is in its own shadow root, out of IDREF reach). */
  @state() private cardTitle = '';

  override connectedCallback(): void {
    super.connectedCallback();
    const active = document.activeElement;
    if (this.opener === undefined) this.opener = active instanceof HTMLElement && !this.contains(active) ? active : null;
    this.addEventListener('clerk-sign-in', () => this.close());
    this.addEventListener('clerk-sign-up', () => this.close());
    this.addEventListener('cl-title', (e) => (this.cardTitle = (e as CustomEvent<string>).detail));
  }

  protected override firstUpdated(): void {
    this.scrollWas = document.documentElement.style.overflow;
    // CSSOM, not a style attribute: allowed under a strict Content-Security-Policy.
    document.documentElement.style.overflow = 'hidden';
    // An element that drew its card before this modal was defined sent its title too early: read it.
    this.cardTitle ||= this.firstElementChild?.shadowRoot?.querySelector('h1')?.textContent?.trim() ?? '';
    this.dialog.showModal();
    // The dialog would focus its first focusable element, the close button: the first field of the form goes first,
    // as in Clerk's modals (an element that has not drawn its form yet focuses it when it does).
    this.querySelector<HTMLElement>('.cl-form-host input:not([hidden]):not([type=hidden])')?.focus();
  }

  private handleClick(e: MouseEvent): void {
    // A click on the dialog box itself (not its content) is a click on the backdrop.
    if (e.target === this.dialog) this.close();
  }

  /** Closes the dialog and removes the modal. */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
    else this.finish();
  }

  private finish(): void {
    if (!this.isConnected) return;
    document.documentElement.style.overflow = this.scrollWas;
    this.remove();
    if (this.opener?.isConnected) this.opener.focus();
    this.dispatchEvent(new CustomEvent('clerk-modal-close', { bubbles: true, composed: true }));
  }

  protected override render(): TemplateResult {
    return html`<dialog part="modal modalContent" aria-labelledby="title" @close=${() => this.finish()} @click=${this.handleClick}>
      <span id="title" hidden>${this.cardTitle}</span>
      <slot></slot>
      <button type="button" class="close" part="close-button modalCloseButton" aria-label=${this.t('modalCloseButton')} @click=${() => this.close()}>
        <svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </dialog>`;
  }
}
