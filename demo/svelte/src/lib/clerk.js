// The one Clerk instance of the app, and the stores components read as `$authStore` and `$userStore`.
import { Clerk, createStores } from 'clerk-wc';

// The app is served by the clerk-wc server itself, so its Frontend API is this origin.
export const clerk = new Clerk('', { proxyUrl: window.location.origin });
window.Clerk = clerk;

const stores = createStores(clerk);
// Svelte reserves `$` names for store reads: import these plain names, then write `$authStore` in markup.
export const authStore = stores.$authStore;
export const userStore = stores.$userStore;

/** Clerk's `appearance`: variables become the elements' --clerk-* custom properties. */
export const appearance = {
  variables: {
    colorPrimary: '#c2410c',
    borderRadius: '0.625rem',
    fontFamily: 'inherit',
  },
};

/** A per-element `appearance` for the sign-in and sign-up pages, passed as a property: `appearance={cardAppearance}`. */
export const cardAppearance = {
  elements: { card: { boxShadow: '0 12px 32px -12px rgb(0 0 0 / 0.25)' } },
};
