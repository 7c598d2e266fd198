// The `clerk-*` events the elements dispatch, declared once: `ClerkElement.emit()` is typed by this map, the JSX
// `onclerk-…` props (src/jsx.ts) are derived from it, and the global augmentation below types
// `el.addEventListener('clerk-sign-in', (e) => e.detail.sessionId)` for pages. Types only: nothing here is bundled.

/** Every `clerk-*` event with its `CustomEvent` type. They bubble and cross shadow roots (`composed`). */
export interface ClerkElementEventMap {
  /** `<clerk-sign-in>` signed the user in; cancelable (the redirect is skipped). */
  'clerk-sign-in': CustomEvent<{ sessionId: string }>;
  /** `<clerk-sign-up>` created the user and signed them in; cancelable (the redirect is skipped). */
  'clerk-sign-up': CustomEvent<{ sessionId: string; userId: string }>;
  /**
   * `<clerk-user-button>` signed out: of the active account (its id) or of all accounts (`null`); cancelable (the
   * `after-sign-out-url` / `after-multi-session-single-sign-out-url` redirect is skipped).
   */
  'clerk-sign-out': CustomEvent<{ sessionId: string | null }>;
  /**
   * "Manage account" (or a custom item with `open`, `initialPage` set) in `<clerk-user-button>`; cancelable (no
   * profile modal, no navigation to `user-profile-url`).
   */
  'clerk-manage-account': CustomEvent<{ userProfileUrl: string | undefined; initialPage?: string }>;
  /** `<clerk-user-button>` switched to another signed-in account; cancelable (the `after-switch-session-url` redirect is skipped). */
  'clerk-switch-session': CustomEvent<{ sessionId: string }>;
  /** `<clerk-waitlist>` added the address; cancelable (no navigation to `after-join-waitlist-url`). */
  'clerk-waitlist-join': CustomEvent<{ id: string; emailAddress: string }>;
  /** A step failed: a `ClerkAPIResponseError`, a network error, or a module that could not load. */
  'clerk-error': CustomEvent<{ error: unknown }>;
  /** `<clerk-modal>` closed (no detail). */
  'clerk-modal-close': CustomEvent<null>;
}

export type ClerkEventName = keyof ClerkElementEventMap;

/** The `detail` of a `clerk-*` event. */
export type ClerkEventDetail<K extends ClerkEventName> = ClerkElementEventMap[K]['detail'];

declare global {
  // Listeners on any element (the events bubble) or on the document see the typed event.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends ClerkElementEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends ClerkElementEventMap {}
}
