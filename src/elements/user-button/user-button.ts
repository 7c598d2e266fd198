// Defines <clerk-user-button> and types its events on every element.
import type { ClerkElementEventMap } from '../shared/events.js';
import { ClerkUserButton } from './user-button.component.js';

export { ClerkUserButton };
export type { UserButtonMenuItem } from './user-button.component.js';
// The tag map (HTMLElementTagNameMap) of every element, from the registry.
export type { ClerkElementTagMap } from '../registry.types.js';
ClerkUserButton.define('clerk-user-button');

declare global {
  interface GlobalEventHandlersEventMap {
    'clerk-manage-account': ClerkElementEventMap['clerk-manage-account'];
    'clerk-sign-out': ClerkElementEventMap['clerk-sign-out'];
    'clerk-switch-session': ClerkElementEventMap['clerk-switch-session'];
    'clerk-error': ClerkElementEventMap['clerk-error'];
  }
}
