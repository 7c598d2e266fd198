// What the headless client needs to know about where it runs. The browser-only parts (document, cookies,
// BroadcastChannel, locks) check `inBrowser()` or feature-test here, so the same code runs in Node 20, workers
// and React Native.

/** A page with a document: cookies, the `__session` cookie, visibility, navigation. */
export function inBrowser(): boolean {
  return typeof document !== 'undefined' && typeof window !== 'undefined';
}

/** Lets Node exit while a timer or channel is pending (browsers' handles have no unref). */
export function unref<T>(handle: T): T {
  (handle as { unref?: () => void } | undefined)?.unref?.();
  return handle;
}
