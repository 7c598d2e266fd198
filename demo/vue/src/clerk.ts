// One Clerk instance for the app, talking to the Frontend API on this page's own origin, and its state as Vue refs.
import { effectScope, onScopeDispose, shallowRef } from 'vue';
import { Clerk, createStores, toVueRef, type Readable } from 'clerk-wc';

export const clerk = new Clerk('', { proxyUrl: window.location.origin });
// The elements find the instance here (each also takes a `clerk` property).
window.Clerk = clerk;

export const stores = createStores(clerk);

/** A store as a Vue ref; called in a component's setup, it unsubscribes when the component unmounts. */
export function useStore<T>(store: Readable<T>): { readonly value: T } {
  return toVueRef<T>(store, { shallowRef, onScopeDispose });
}

// App-wide refs (the router guard reads `auth` outside any component), in a scope that lives as long as the page.
export const auth = effectScope(true).run(() => useStore(stores.$authStore))!;

/** Settles once `clerk.load()` has finished, whether it reached the server or not (then `clerk.status` says so). */
export const loaded = new Promise<void>((resolve) => {
  if (clerk.status !== 'loading') return resolve();
  const off = clerk.on('status', (status) => {
    if (status === 'loading') return;
    off();
    resolve();
  });
});
