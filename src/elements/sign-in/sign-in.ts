import { ClerkSignIn } from './sign-in.component.js';

export { ClerkSignIn };
// The tag map (HTMLElementTagNameMap) of every element, from the registry.
export type { ClerkElementTagMap } from '../registry.types.js';
ClerkSignIn.define('clerk-sign-in');

declare global {
  interface GlobalEventHandlersEventMap {
    'clerk-sign-in': CustomEvent<{ sessionId: string }>;
    'clerk-error': CustomEvent<{ error: unknown }>;
  }
}
