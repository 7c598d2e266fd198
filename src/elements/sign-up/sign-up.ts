import { ClerkSignUp } from './sign-up.component.js';

export { ClerkSignUp };
ClerkSignUp.define('clerk-sign-up');

declare global {
  interface HTMLElementTagNameMap {
    'clerk-sign-up': ClerkSignUp;
  }
  interface GlobalEventHandlersEventMap {
    'clerk-sign-up': CustomEvent<{ sessionId: string; userId: string }>;
    'clerk-error': CustomEvent<{ error: unknown }>;
  }
}
