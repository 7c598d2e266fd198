import { ClerkWaitlist } from './waitlist.component.js';

export { ClerkWaitlist };
ClerkWaitlist.define('clerk-waitlist');

declare global {
  interface HTMLElementTagNameMap {
    'clerk-waitlist': ClerkWaitlist;
  }
  interface GlobalEventHandlersEventMap {
    'clerk-waitlist-join': CustomEvent<{ id: string; emailAddress: string }>;
  }
}
