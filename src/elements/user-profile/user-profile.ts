// The user-profile chunk: <clerk-user-profile> and its children <clerk-user-profile-page>, <clerk-user-profile-link>.
import { ClerkUserProfileLink, ClerkUserProfilePage } from './page-elements.component.js';
import { ClerkUserProfile } from './user-profile.component.js';

export { ClerkUserProfile, ClerkUserProfileLink, ClerkUserProfilePage };
export type { UserProfileCustomPage } from './user-profile.component.js';
// The tag map (HTMLElementTagNameMap) of every element, from the registry.
export type { ClerkElementTagMap } from '../registry.types.js';
ClerkUserProfile.define('clerk-user-profile');
ClerkUserProfilePage.define('clerk-user-profile-page');
ClerkUserProfileLink.define('clerk-user-profile-link');

declare global {
  interface GlobalEventHandlersEventMap {
    'clerk-error': CustomEvent<{ error: unknown }>;
  }
}
