// The types-only companion of registry.ts: tag → element class, derived from the table (nothing here reaches a
// bundle). Each tag's class is its chunk module's export of the tag's PascalCase name (`clerk-sign-in` →
// `ClerkSignIn` from sign-in/sign-in.ts): a tag without one is a compile error. HTMLElementTagNameMap (for
// `document.createElement` and `querySelector`) and the JSX props of src/jsx.ts come from here.
import type { CLERK_ELEMENTS, ClerkElementTag, ElementChunk } from './registry.js';

/** The module each chunk is built from (`<chunk>/<chunk>.ts`). */
interface ChunkModules {
  buttons: typeof import('./buttons/buttons.js');
  control: typeof import('./control/control.js');
  modal: typeof import('./modal/modal.js');
  protect: typeof import('./protect/protect.js');
  'sign-in': typeof import('./sign-in/sign-in.js');
  'sign-up': typeof import('./sign-up/sign-up.js');
  'user-button': typeof import('./user-button/user-button.js');
  'user-profile': typeof import('./user-profile/user-profile.js');
  waitlist: typeof import('./waitlist/waitlist.js');
}

type Pascal<S extends string> = S extends `${infer Head}-${infer Rest}` ? `${Capitalize<Head>}${Pascal<Rest>}` : Capitalize<S>;
type Entry = (typeof CLERK_ELEMENTS)[number];
type ChunkOf<T extends ClerkElementTag> = Extract<Entry, { tag: T }>['chunk'];
type ClassOf<T extends ClerkElementTag> = ChunkModules[ChunkOf<T>][Pascal<T> & keyof ChunkModules[ChunkOf<T>]];

/** Tag → element instance type, for every tag of the registry. */
export type ClerkElementTagMap = { [T in ClerkElementTag]: ClassOf<T> extends abstract new () => infer E ? E : never };

// Every chunk of the table has a module above, and every module above is a chunk of the table.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type ChunkModulesMatchTable = Assert<Same<keyof ChunkModules, ElementChunk>>;
// Every tag resolved to an element class (a missing export would make its entry `never`).
export type EveryTagHasAClass = Assert<Same<{ [T in ClerkElementTag]: ClerkElementTagMap[T] extends HTMLElement ? true : false }[ClerkElementTag], true>>;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementTagNameMap extends ClerkElementTagMap {}
}
