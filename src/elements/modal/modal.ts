import { ClerkModal } from './modal.component.js';

export { ClerkModal };
// The tag map (HTMLElementTagNameMap) of every element, from the registry.
export type { ClerkElementTagMap } from '../registry.types.js';
ClerkModal.define('clerk-modal');

declare global {
  interface GlobalEventHandlersEventMap {
    'clerk-modal-close': CustomEvent<void>;
  }
}
