import { ClerkSignIn } from './sign-in.component.js';

export { ClerkSignIn };
ClerkSignIn.define('clerk-sign-in');

declare global {
  interface HTMLElementTagNameMap {
    'clerk-sign-in': ClerkSignIn;
  }
  interface GlobalEventHandlersEventMap {
    'clerk-sign-in': CustomEvent<{ sessionId: string }>;
    'clerk-error': CustomEvent<{ error: unknown }>;
  }
}
