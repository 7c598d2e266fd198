import { ClerkSignUp } from './sign-up.component.js';

export { ClerkSignUp };
// The tag map (HTMLElementTagNameMap) of every element, from the registry.
export type { ClerkElementTagMap } from '../registry.types.js';
ClerkSignUp.define('clerk-sign-up');

declare global {
  interface GlobalEventHandlersEventMap {
    'clerk-sign-up': CustomEvent<{ sessionId: string; userId: string }>;
    'clerk-error': CustomEvent<{ error: unknown }>;
  }
}
