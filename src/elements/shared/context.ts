// How elements reach the Clerk instance: the `@lit/context` protocol (`context-request` events). A provider on the
// document root answers with the page's instance (`window.Clerk`, or the one given to `provideClerk`) and tells its
// subscribers when that changes; `provideClerk(clerk, element)` gives one subtree an instance of its own.
import { ContextProvider, createContext } from '@lit/context';
import type { Clerk } from '../../core/clerk.js';
import { watchGlobalClerk } from '../../core/global.js';

/** The context key (a registered symbol: every copy of the elements on a page, and any app provider, shares it). */
export const clerkContext = createContext<Clerk | undefined>(Symbol.for('clerk-wc/clerk'));

type ClerkProvider = ContextProvider<typeof clerkContext>;

/** The providers made by `provideClerk`, by host (shared with other copies of this module on the page). */
const PROVIDERS = Symbol.for('clerk-wc/clerk-providers');

function providers(): WeakMap<Element, ClerkProvider> {
  const holder = window as unknown as Record<symbol, WeakMap<Element, ClerkProvider> | undefined>;
  return (holder[PROVIDERS] ??= new WeakMap());
}

function providerOn(host: Element, clerk: Clerk | undefined): ClerkProvider {
  const known = providers().get(host);
  if (known) {
    known.setValue(clerk);
    return known;
  }
  const provider = new ContextProvider(host as HTMLElement, { context: clerkContext, initialValue: clerk });
  providers().set(host, provider);
  // Not a Lit host: announce the provider so elements already inside `host` move over to it.
  provider.hostConnected();
  return provider;
}

/** The document-level provider: made once per page, following `window.Clerk` until `provideClerk(clerk)` is called. */
function rootProvider(): ClerkProvider {
  const root = document.documentElement;
  const known = providers().get(root);
  if (known) return known;
  const provider = providerOn(root, undefined);
  watchGlobalClerk((clerk) => provider.setValue(clerk));
  return provider;
}

/**
 * Makes `clerk` the instance elements use: page-wide without `host` (for apps that do not set `window.Clerk`; a
 * later `window.Clerk = …` replaces it), or for the elements inside `host`. Elements already on the page switch
 * to it. An element's own `clerk` property still wins. Calling it again for the same `host` replaces the instance;
 * `undefined` leaves that scope's elements without one (a subtree does not fall back to the page's instance).
 */
export function provideClerk(clerk: Clerk | undefined, host?: Element): void {
  if (host && host !== document.documentElement) providerOn(host, clerk);
  else rootProvider().setValue(clerk);
}

// Elements are consumers from the moment they exist: the root answers them even before any instance exists.
if (typeof document !== 'undefined') rootProvider();
