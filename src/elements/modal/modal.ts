import { ClerkModal } from './modal.component.js';

export { ClerkModal };
ClerkModal.define('clerk-modal');

declare global {
  interface HTMLElementTagNameMap {
    'clerk-modal': ClerkModal;
  }
  interface GlobalEventHandlersEventMap {
    'clerk-modal-close': CustomEvent<void>;
  }
}
