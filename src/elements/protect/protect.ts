import { ClerkProtect } from './protect.component.js';

export { ClerkProtect };
// The tag map (HTMLElementTagNameMap) of every element, from the registry.
export type { ClerkElementTagMap } from '../registry.types.js';
ClerkProtect.define('clerk-protect');
