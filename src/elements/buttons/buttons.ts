import { ClerkRedirectToSignIn, ClerkRedirectToSignUp, ClerkSignInButton, ClerkSignOutButton, ClerkSignUpButton } from './buttons.component.js';

export { ClerkRedirectToSignIn, ClerkRedirectToSignUp, ClerkSignInButton, ClerkSignOutButton, ClerkSignUpButton };
ClerkSignInButton.define('clerk-sign-in-button');
ClerkSignUpButton.define('clerk-sign-up-button');
ClerkSignOutButton.define('clerk-sign-out-button');
ClerkRedirectToSignIn.define('clerk-redirect-to-sign-in');
ClerkRedirectToSignUp.define('clerk-redirect-to-sign-up');

declare global {
  interface HTMLElementTagNameMap {
    'clerk-sign-in-button': ClerkSignInButton;
    'clerk-sign-up-button': ClerkSignUpButton;
    'clerk-sign-out-button': ClerkSignOutButton;
    'clerk-redirect-to-sign-in': ClerkRedirectToSignIn;
    'clerk-redirect-to-sign-up': ClerkRedirectToSignUp;
  }
}
