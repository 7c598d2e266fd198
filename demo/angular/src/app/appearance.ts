// Clerk's `appearance` object, given to elements as a property (`[appearance]="appearance"`).
// (The package's root entry does not export its `Appearance` type; this is the part the demo uses.)
export interface Appearance {
  variables?: Record<string, string | number>;
  elements?: Record<string, Record<string, string | number>>;
}

/** Rounder cards and a bolder primary button than the defaults; colours come from the page's --clerk-* tokens. */
export const appearance: Appearance = {
  variables: { borderRadius: '0.75rem' },
  elements: { formButtonPrimary: { fontWeight: 600, letterSpacing: '0.01em' } },
};
