import { ClerkUserButton } from './user-button.component.js';

export { ClerkUserButton };
export type { UserButtonMenuItem } from './user-button.component.js';
ClerkUserButton.define('clerk-user-button');

declare global {
  interface HTMLElementTagNameMap {
    'clerk-user-button': ClerkUserButton;
  }
  interface GlobalEventHandlersEventMap {
    'clerk-manage-account': CustomEvent<{ userProfileUrl: string | undefined }>;
    'clerk-sign-out': CustomEvent<{ sessionId: string | null }>;
    'clerk-error': CustomEvent<{ error: unknown }>;
  }
}
