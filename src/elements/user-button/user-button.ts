import { ClerkUserButton } from './user-button.component.js';

export { ClerkUserButton };
export type { UserButtonMenuItem } from './user-button.component.js';
// The tag map (HTMLElementTagNameMap) of every element, from the registry.
export type { ClerkElementTagMap } from '../registry.types.js';
ClerkUserButton.define('clerk-user-button');

declare global {
  interface GlobalEventHandlersEventMap {
    'clerk-manage-account': CustomEvent<{ userProfileUrl: string | undefined }>;
    'clerk-sign-out': CustomEvent<{ sessionId: string | null }>;
    'clerk-error': CustomEvent<{ error: unknown }>;
  }
}
