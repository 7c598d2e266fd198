// Navigation of a Clerk instance: the sign-in/sign-up URLs with their `redirect_url`, where to go after signing in
// or out, and `navigate` (the app's router when it has one). Every target is checked by redirects.ts first.
import type { Clerk } from './clerk.js';
import { safeRedirect } from './redirects.js';

export interface NavigateOptions {
  replace?: boolean;
  skipIfEmpty?: boolean;
}

function here(clerk: Clerk): string {
  return globalThis.location?.href ?? clerk.frontendApi;
}

/** `url` made absolute when it stays on this page's origin, an allowed origin or the FAPI's; null when refused. */
export function checkRedirect(clerk: Clerk, url: string): string | null {
  // The instance's own hosted pages (the FAPI origin) are always a safe place to go.
  return safeRedirect(url, here(clerk), [...(clerk.loadOptions.allowedRedirectOrigins ?? []), clerk.frontendApi]);
}

function withRedirect(clerk: Clerk, base: string, redirectUrl: string | undefined): string {
  // A hash route of this page (`#/sign-in`) stays one: a query string would reload the page.
  if (base.startsWith('#')) return new URL(base, here(clerk)).toString();
  const u = new URL(base, here(clerk));
  const back = redirectUrl !== undefined ? checkRedirect(clerk, redirectUrl) : here(clerk);
  if (back) u.searchParams.set('redirect_url', back);
  return withDevBrowser(clerk, u);
}

/** A hosted page on the FAPI's site signs in this page's dev browser, not a client of its own. */
function withDevBrowser(clerk: Clerk, u: URL): string {
  const token = clerk.fapi.devBrowserToken;
  if (token && u.origin === new URL(clerk.frontendApi).origin) u.searchParams.set('__clerk_db_jwt', token);
  return u.toString();
}

export function buildSignInUrl(clerk: Clerk, redirectUrl: string | undefined): string {
  return withRedirect(clerk, clerk.loadOptions.signInUrl ?? clerk.environment?.displayConfig.signInUrl ?? '/sign-in', redirectUrl);
}

export function buildSignUpUrl(clerk: Clerk, redirectUrl: string | undefined): string {
  return withRedirect(clerk, clerk.loadOptions.signUpUrl ?? clerk.environment?.displayConfig.signUpUrl ?? '/sign-up', redirectUrl);
}

/** The instance's account page (the hosted `/user`, or where `user_profile_url` points); no `redirect_url`, as in Clerk. */
export function buildUserProfileUrl(clerk: Clerk): string {
  const base = clerk.environment?.displayConfig.userProfileUrl;
  if (!base) return '';
  if (base.startsWith('#')) return new URL(base, here(clerk)).toString();
  return withDevBrowser(clerk, new URL(base, here(clerk)));
}

/** A forced URL, the page's `redirect_url` (when allowed), a fallback, the instance default, `/`: the first allowed. */
export function buildAfterSignInUrl(clerk: Clerk, kind: 'signIn' | 'signUp'): string {
  const o = clerk.loadOptions;
  const display = clerk.environment?.displayConfig;
  const forced = kind === 'signIn' ? o.signInForceRedirectUrl : o.signUpForceRedirectUrl;
  const fromQuery = globalThis.location ? new URL(here(clerk)).searchParams.get('redirect_url') : null;
  const fallback = kind === 'signIn' ? o.signInFallbackRedirectUrl : o.signUpFallbackRedirectUrl;
  const env = kind === 'signIn' ? display?.afterSignInUrl : display?.afterSignUpUrl;
  for (const candidate of [forced, fromQuery, fallback, env, '/']) {
    const ok = candidate ? checkRedirect(clerk, candidate) : null;
    if (ok) return ok;
  }
  return '/';
}

export function buildAfterSignOutUrl(clerk: Clerk): string {
  return checkRedirect(clerk, clerk.loadOptions.afterSignOutUrl ?? clerk.environment?.displayConfig.afterSignOutOneUrl ?? '/') ?? '/';
}

/** Goes to `to` with the app's router when it has one (same origin only); refuses origins that are not allowed. */
export async function navigate(clerk: Clerk, to: string, opts: NavigateOptions): Promise<boolean> {
  if (!to && opts.skipIfEmpty) return false;
  const url = checkRedirect(clerk, to);
  if (!url) {
    console.warn(`[clerk-wc] refused to navigate to ${to}: its origin is not in allowedRedirectOrigins.`);
    return false;
  }
  const target = new URL(url);
  const sameOrigin = target.origin === new URL(here(clerk)).origin;
  const router = opts.replace ? clerk.loadOptions.routerReplace : clerk.loadOptions.routerPush;
  if (router && sameOrigin) await router(target.pathname + target.search + target.hash);
  else if (opts.replace) globalThis.location?.replace(url);
  else globalThis.location?.assign(url);
  return true;
}
