import { css, html, type TemplateResult } from 'lit';
import { query } from 'lit/decorators.js';
import { tokens } from '../../theme/tokens.js';
import { ClerkElement } from '../shared/clerk-element.js';

/**
 * @tagname clerk-modal
 * @summary A modal `<dialog>` around one element (what `Clerk.openSignIn()` and friends show). Esc and a click on
 * the backdrop close it, page scroll is locked while it is open, and focus returns where it was.
 *
 * @slot - The element to show (`<clerk-sign-in routing="virtual">`…).
 *
 * @event clerk-modal-close - The modal closed.
 *
 * @csspart modal - The dialog (also `modalContent`); its `::backdrop` is the page shade.
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
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
    `,
  ];

  @query('dialog') private dialog!: HTMLDialogElement;
  private returnFocus: HTMLElement | null = null;
  private scrollWas = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.addEventListener('clerk-sign-in', () => this.close());
    this.addEventListener('clerk-sign-up', () => this.close());
  }

  protected override firstUpdated(): void {
    this.scrollWas = document.documentElement.style.overflow;
    // CSSOM, not a style attribute: allowed under a strict Content-Security-Policy.
    document.documentElement.style.overflow = 'hidden';
    this.dialog.showModal();
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
    this.returnFocus?.focus();
    this.dispatchEvent(new CustomEvent('clerk-modal-close', { bubbles: true, composed: true }));
  }

  private onClick(e: MouseEvent): void {
    // A click on the dialog box itself (not its content) is a click on the backdrop.
    if (e.target === this.dialog) this.close();
  }

  protected override render(): TemplateResult {
    return html`<dialog part="modal modalContent" @close=${() => this.finish()} @click=${this.onClick}><slot></slot></dialog>`;
  }
}
