import { ClerkProtect } from './protect.component.js';

export { ClerkProtect };
ClerkProtect.define('clerk-protect');

declare global {
  interface HTMLElementTagNameMap {
    'clerk-protect': ClerkProtect;
  }
}
