import {
  ClerkRedirectToSignIn,
  ClerkRedirectToSignUp,
  ClerkRedirectToUserProfile,
  ClerkSignInButton,
  ClerkSignOutButton,
  ClerkSignUpButton,
} from './buttons.component.js';

export { ClerkRedirectToSignIn, ClerkRedirectToSignUp, ClerkRedirectToUserProfile, ClerkSignInButton, ClerkSignOutButton, ClerkSignUpButton };
// The tag map (HTMLElementTagNameMap) of every element, from the registry.
export type { ClerkElementTagMap } from '../registry.types.js';
ClerkSignInButton.define('clerk-sign-in-button');
ClerkSignUpButton.define('clerk-sign-up-button');
ClerkSignOutButton.define('clerk-sign-out-button');
ClerkRedirectToSignIn.define('clerk-redirect-to-sign-in');
ClerkRedirectToSignUp.define('clerk-redirect-to-sign-up');
ClerkRedirectToUserProfile.define('clerk-redirect-to-user-profile');
