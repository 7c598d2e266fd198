// Every element, defined: `import 'clerk-wc/elements'` in an app that bundles its own code (Vite, Angular…).
// Pages using the script tag need none of this: its autoloader imports each element on first use.
import './sign-in/sign-in.js';
import './sign-up/sign-up.js';
import './user-button/user-button.js';
import './user-profile/user-profile.js';
import './waitlist/waitlist.js';
import './protect/protect.js';
import './control/control.js';
import './buttons/buttons.js';
import './modal/modal.js';
// The instance the elements use, for apps that do not set `window.Clerk` (or want one per subtree).
export { clerkContext, provideClerk } from './shared/context.js';
