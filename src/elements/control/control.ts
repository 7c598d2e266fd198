// One chunk for the four control elements: they are tiny and usually appear together.
import { ClerkLoaded } from './loaded.component.js';
import { ClerkLoading } from './loading.component.js';
import { ClerkSignedIn } from './signed-in.component.js';
import { ClerkSignedOut } from './signed-out.component.js';

export { ClerkLoaded, ClerkLoading, ClerkSignedIn, ClerkSignedOut };
// The tag map (HTMLElementTagNameMap) of every element, from the registry.
export type { ClerkElementTagMap } from '../registry.types.js';
ClerkSignedIn.define('clerk-signed-in');
ClerkSignedOut.define('clerk-signed-out');
ClerkLoaded.define('clerk-loaded');
ClerkLoading.define('clerk-loading');
