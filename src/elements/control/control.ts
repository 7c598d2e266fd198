// One chunk for the four control elements: they are tiny and usually appear together.
import { ClerkLoaded } from './loaded.component.js';
import { ClerkLoading } from './loading.component.js';
import { ClerkSignedIn } from './signed-in.component.js';
import { ClerkSignedOut } from './signed-out.component.js';

export { ClerkLoaded, ClerkLoading, ClerkSignedIn, ClerkSignedOut };
ClerkSignedIn.define('clerk-signed-in');
ClerkSignedOut.define('clerk-signed-out');
ClerkLoaded.define('clerk-loaded');
ClerkLoading.define('clerk-loading');

declare global {
  interface HTMLElementTagNameMap {
    'clerk-signed-in': ClerkSignedIn;
    'clerk-signed-out': ClerkSignedOut;
    'clerk-loaded': ClerkLoaded;
    'clerk-loading': ClerkLoading;
  }
}
