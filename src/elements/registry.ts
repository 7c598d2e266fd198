// Every element, once: its tag, the chunk under dist/elements/ that defines it (`<chunk>/<chunk>.ts`), and for the
// components Clerk's mount API knows, their ClerkJS name and whether `mount<Name>`/`open<Name>` show them. Plain data:
// the autoloader (part of the small script-tag bundle, no Lit) and the mount host read it. The types follow from it
// in registry.types.ts (tag → class: HTMLElementTagNameMap, the JSX props of src/jsx.ts).
import type { MountableComponent, OpenableComponent } from '../core/mount.js';

export interface ElementEntry {
  tag: `clerk-${string}`;
  chunk: string;
  /** The ClerkJS component name (`mountSignIn` → 'SignIn'). */
  component?: MountableComponent;
  /** `mount<Name>(node, props)` / `unmount<Name>(node)` place it into a node. */
  mount?: true;
  /** `open<Name>(props)` / `close<Name>()` show it in a `<clerk-modal>`. */
  open?: true;
}

export const CLERK_ELEMENTS = [
  { tag: 'clerk-sign-in', chunk: 'sign-in', component: 'SignIn', mount: true, open: true },
  { tag: 'clerk-sign-up', chunk: 'sign-up', component: 'SignUp', mount: true, open: true },
  { tag: 'clerk-user-button', chunk: 'user-button', component: 'UserButton', mount: true },
  { tag: 'clerk-signed-in', chunk: 'control' },
  { tag: 'clerk-signed-out', chunk: 'control' },
  { tag: 'clerk-loaded', chunk: 'control' },
  { tag: 'clerk-loading', chunk: 'control' },
  { tag: 'clerk-user-profile', chunk: 'user-profile', component: 'UserProfile', mount: true, open: true },
  { tag: 'clerk-user-profile-page', chunk: 'user-profile' },
  { tag: 'clerk-user-profile-link', chunk: 'user-profile' },
  { tag: 'clerk-waitlist', chunk: 'waitlist', component: 'Waitlist', mount: true, open: true },
  { tag: 'clerk-protect', chunk: 'protect' },
  { tag: 'clerk-modal', chunk: 'modal' },
  { tag: 'clerk-sign-in-button', chunk: 'buttons' },
  { tag: 'clerk-sign-up-button', chunk: 'buttons' },
  { tag: 'clerk-sign-out-button', chunk: 'buttons' },
  { tag: 'clerk-redirect-to-sign-in', chunk: 'buttons' },
  { tag: 'clerk-redirect-to-sign-up', chunk: 'buttons' },
  { tag: 'clerk-redirect-to-user-profile', chunk: 'buttons' },
] as const satisfies readonly ElementEntry[];

type Entry = (typeof CLERK_ELEMENTS)[number];
export type ClerkElementTag = Entry['tag'];
export type ElementChunk = Entry['chunk'];

/** The tag that shows `component` for the mount API (`'mount'`) or in a modal (`'open'`). */
export function tagOf(component: MountableComponent, use: 'mount' | 'open'): ClerkElementTag {
  return (CLERK_ELEMENTS as readonly ElementEntry[]).find((e) => e.component === component && e[use])!.tag as ClerkElementTag;
}

// The table and core's mount API name the same components, both ways (a compile error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type MountTableMatchesCore = Assert<Same<Extract<Entry, { mount: true }>['component'], MountableComponent>>;
export type OpenTableMatchesCore = Assert<Same<Extract<Entry, { open: true }>['component'], OpenableComponent>>;
