// ESM entry: the headless client, its resources, errors and stores.
import { installMountHost } from './core/mount.js';
import { elementMountHost } from './elements/registry-host.js';

// clerk.mountSignIn(div) and friends place the elements (defined by `import 'clerk-wc/elements'` or one chunk of it).
installMountHost(elementMountHost);

export { Clerk, CLERK_STATUSES } from './core/clerk.js';
export type { ClerkOptions, ClerkStatus, Environment, Listener, LoadOptions, Resources, SetActiveParams, SignOutOptions } from './core/clerk.js';
export { ClerkAPIResponseError, ClerkRuntimeError, isClerkAPIResponseError } from './core/errors.js';
export type { ClerkAPIError } from './core/errors.js';
export { VERSION } from './core/fapi.js';
export { parsePublishableKey } from './core/publishable-key.js';
export { memoryStorage } from './core/storage.js';
export type { ClientStorage } from './core/storage.js';
export { Client } from './core/resources/client.js';
export { Session, SessionWithActivities } from './core/resources/session.js';
export type { GetTokenOptions, SessionStatus } from './core/resources/session.js';
export { SignIn } from './core/resources/sign-in.js';
export type { SignInCreateParams, SignInFactor, SignInStatus } from './core/resources/sign-in.js';
export { SignUp } from './core/resources/sign-up.js';
export type { SignUpParams, SignUpStatus } from './core/resources/sign-up.js';
export { EmailAddress, User } from './core/resources/user.js';
export type { UserUpdateParams } from './core/resources/user.js';
export { createStores, toAngularSignal, toVueRef } from './core/stores.js';
export type { AuthState, ClerkStores, Readable } from './core/stores.js';
export type { Appearance } from './theme/appearance.js';
export type { LocalizationResource } from './localization/en-US.js';
