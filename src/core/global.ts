// The page-wide instance, `window.Clerk`: what the script tag sets and what apps assign, as in ClerkJS. Anyone who
// needs to know when it is assigned later (the elements' document-level provider) watches it here: the first
// watcher turns `window.Clerk` into an accessor whose setter tells the watchers. No polling, no Lit, no elements.
import type { Clerk } from './clerk.js';

type Watcher = (clerk: Clerk | undefined) => void;

/** Shared by every copy of this module on the page (the script-tag bundle and an app's own bundle). */
const KEY = Symbol.for('clerk-wc/window-clerk');

interface GlobalWatch {
  watchers: Set<Watcher>;
  read: () => Clerk | undefined;
}

function install(): GlobalWatch {
  const holder = window as unknown as Record<symbol, GlobalWatch | undefined>;
  const existing = holder[KEY];
  if (existing) return existing;
  const before = Object.getOwnPropertyDescriptor(window, 'Clerk');
  let value = before?.get ? undefined : (before?.value as Clerk | undefined);
  const read = () => (before?.get ? (before.get.call(window) as Clerk | undefined) : value);
  const watch: GlobalWatch = { watchers: new Set(), read };
  holder[KEY] = watch;
  // A property someone froze cannot be watched: watchers then only ever see its value at the time they asked.
  if (before && !before.configurable) return watch;
  Object.defineProperty(window, 'Clerk', {
    configurable: true,
    enumerable: true,
    get: read,
    set(next: Clerk | undefined) {
      if (before?.set) before.set.call(window, next);
      else value = next;
      for (const w of [...watch.watchers]) w(read());
    },
  });
  return watch;
}

/** Calls `watcher` with `window.Clerk` now and again whenever the page assigns it; returns a function that stops. */
export function watchGlobalClerk(watcher: Watcher): () => void {
  const watch = install();
  watch.watchers.add(watcher);
  watcher(watch.read());
  return () => void watch.watchers.delete(watcher);
}
