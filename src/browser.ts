// Script-tag entry (IIFE, dist/clerk.browser.js): `<script src=… data-clerk-publishable-key="pk_…">` sets
// `window.Clerk` to an instance, so `await Clerk.load()` works as in Clerk's JavaScript quickstart.
import { Clerk } from './core/clerk.js';
import { installMountHost } from './core/mount.js';
import { createStores } from './core/stores.js';
import { startAutoloader } from './elements/loader.js';
import { elementMountHost } from './elements/registry-host.js';

declare global {
  interface Window {
    Clerk?: Clerk;
    /** The class, for pages that make their own instance. */
    ClerkWC?: { Clerk: typeof Clerk; createStores: typeof createStores };
  }
}

const script = document.currentScript as HTMLScriptElement | null;
const data = script?.dataset ?? {};
window.ClerkWC ??= { Clerk, createStores };
// Clerk.mountSignIn(div) and friends place the registry's elements (their chunks load on first sight).
installMountHost(elementMountHost);

// A second copy of the bundle on the page keeps the first instance (and its state).
if (!(window.Clerk instanceof Object)) {
  const key = data.clerkPublishableKey ?? '';
  // With neither a key nor a proxy, the script's own origin is the Frontend API (it serves this file).
  const proxyUrl = data.clerkProxyUrl ?? (key ? undefined : script?.src ? new URL(script.src).origin : undefined);
  try {
    window.Clerk = new Clerk(key, { ...(proxyUrl ? { proxyUrl } : {}), ...(data.clerkDomain ? { domain: data.clerkDomain } : {}) });
  } catch (e) {
    console.error('[clerk-wc]', (e as Error).message);
  }
}

// Element chunks sit next to this file: <clerk-sign-in> on the page loads elements/sign-in.js and nothing else.
startAutoloader(script?.src ?? location.href);
