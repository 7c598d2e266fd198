import { ClerkWaitlist } from './waitlist.component.js';

export { ClerkWaitlist };
// The tag map (HTMLElementTagNameMap) of every element, from the registry.
export type { ClerkElementTagMap } from '../registry.types.js';
ClerkWaitlist.define('clerk-waitlist');

declare global {
  interface GlobalEventHandlersEventMap {
    'clerk-waitlist-join': CustomEvent<{ id: string; emailAddress: string }>;
  }
}
