// The mount API's plumbing. `Clerk.mountSignIn(node, props)`, `openSignIn(props)` and friends only name a component;
// the DOM work (which tag shows it, the modal around it) is done by the mount host that the elements side installs
// (src/elements/registry-host.ts, installed by both entries: the script-tag bundle and the ESM entry). Core renders
// nothing and knows no tag.
import type { Clerk } from './clerk.js';
import { ClerkRuntimeError } from './errors.js';

/** The components `mount<Name>`/`unmount<Name>` place into a node (ClerkJS's names). */
export type MountableComponent = 'SignIn' | 'SignUp' | 'Waitlist' | 'UserButton' | 'UserProfile';
/** The components `open<Name>`/`close<Name>` show in a modal. */
export type OpenableComponent = 'SignIn' | 'SignUp' | 'Waitlist' | 'UserProfile';

export interface MountHost {
  /** Places the component's element into `node` (or updates the one already there) with `props` and the instance. */
  mount(clerk: Clerk, component: MountableComponent, node: HTMLElement, props: object): void;
  unmount(component: MountableComponent, node: HTMLElement): void;
  /** Shows the component in a modal (closing one that shows it already); focus goes back to the opener on close. */
  open(clerk: Clerk, component: OpenableComponent, props: object): void;
  close(component: OpenableComponent): void;
}

let installed: MountHost | undefined;

/** Sets the host every instance of this copy of core mounts with. */
export function installMountHost(host: MountHost): void {
  installed = host;
}

/** The installed host; an instance without one (core imported alone) cannot mount. */
export function mountHost(): MountHost {
  if (!installed) {
    throw new ClerkRuntimeError('No mount host: import clerk-wc or load its script tag.', 'mount_host_missing');
  }
  return installed;
}
