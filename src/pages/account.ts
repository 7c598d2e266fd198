// The hosted account pages (/sign-in, /sign-up, /waitlist, /user; src/server/routes/pages.ts): waits for Clerk, then
// mounts the page's element with the redirect targets from the query string, each one kept only when it points
// at this origin or one the server allows (the <html> element's data attributes). A refused target is dropped
// from the URL and never put into the page; the element checks the one it gets again before navigating.
// Runs under the pages' strict CSP: this file is the only script besides the bundle.
import type { Clerk } from '../core/clerk.js';
import { type AllowedRedirectOrigin, safeRedirect } from '../core/redirects.js';
// The pages' stylesheet: Vite writes it to dist/pages/account.css (the page links it; no inline styles under the CSP).
import './account.css';

type PageName = 'sign-in' | 'sign-up' | 'waitlist' | 'user';

/** Clerk's Account Portal query names for where to go afterwards (`redirect_url` for both flows). */
const REDIRECT_PARAMS = [
  'redirect_url',
  'sign_in_force_redirect_url',
  'sign_in_fallback_redirect_url',
  'sign_up_force_redirect_url',
  'sign_up_fallback_redirect_url',
];
/** A development instance without `allowedOrigins` trusts pages on this machine (src/server/http/origins.ts). */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

function allowedOrigins(): AllowedRedirectOrigin[] {
  const data = document.documentElement.dataset;
  const origins: AllowedRedirectOrigin[] = (data.redirectOrigins ?? '').split(/\s+/).filter((o) => o !== '');
  if (data.redirectLocal === 'true') origins.push(LOCAL_ORIGIN);
  return origins;
}

/** The query string with every redirect target checked: refused ones are gone, kept ones absolute. */
function checkedQuery(allowed: AllowedRedirectOrigin[]): URLSearchParams {
  const query = new URLSearchParams(location.search);
  for (const name of REDIRECT_PARAMS) {
    const value = query.get(name);
    const ok = value !== null ? safeRedirect(value, location.href, allowed) : null;
    if (ok) query.set(name, ok);
    else query.delete(name);
  }
  return query;
}

/** Another account page with the redirect targets carried along. */
function pageUrl(path: string, query: URLSearchParams): string {
  const carried = new URLSearchParams();
  for (const name of REDIRECT_PARAMS) {
    const v = query.get(name);
    if (v) carried.set(name, v);
  }
  const search = carried.toString();
  return `${path}${search ? `?${search}` : ''}`;
}

/** Where a finished sign-in (or sign-up) goes: forced, else `redirect_url`, else the fallback, else the instance's URL. */
function destination(clerk: Clerk, flow: 'sign_in' | 'sign_up', query: URLSearchParams): string {
  const display = clerk.environment?.displayConfig;
  const instance = flow === 'sign_in' ? display?.afterSignInUrl : display?.afterSignUpUrl;
  for (const candidate of [query.get(`${flow}_force_redirect_url`), query.get('redirect_url'), query.get(`${flow}_fallback_redirect_url`), instance]) {
    const ok = candidate ? clerk.checkRedirect(candidate) : null;
    if (ok) return ok;
  }
  return new URL('/', location.href).toString();
}

function status(text: string): void {
  const el = document.getElementById('portal-status');
  if (el) el.textContent = text;
}

/**
 * /user: the account page for a signed-in visitor (its sections routed by path, /user/security); anyone else is sent
 * to /sign-in, which brings them back here. Signing out from the page (or elsewhere) leads to /sign-in too.
 */
async function showAccount(clerk: Clerk, main: HTMLElement): Promise<void> {
  const toSignIn = () => clerk.navigate(pageUrl('/sign-in', new URLSearchParams({ redirect_url: location.href })), { replace: true });
  if (!clerk.user) {
    await toSignIn();
    return;
  }
  const el = document.createElement('clerk-user-profile');
  el.setAttribute('routing', 'path');
  el.setAttribute('path', '/user');
  main.replaceChildren(el);
  main.removeAttribute('aria-busy');
  clerk.addListener(({ user }) => {
    if (!user) void toSignIn();
  });
}

async function main(): Promise<void> {
  const clerk = window.Clerk;
  const page = document.documentElement.dataset.page as PageName | undefined;
  const main = document.getElementById('portal');
  if (!clerk || !page || !main) return status('The sign-in script did not load. Reload the page to try again.');
  const allowed = allowedOrigins();
  const query = checkedQuery(allowed);
  // The address bar keeps only what survived the check (the step in the hash stays).
  const search = query.toString();
  history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);

  await clerk.load({ allowedRedirectOrigins: allowed });
  if (!clerk.loaded) return status('The server could not be reached. Reload the page to try again.');

  if (page === 'user') return showAccount(clerk, main);
  const flow = page === 'sign-up' ? 'sign_up' : 'sign_in';
  const target = destination(clerk, flow, query);
  // Already signed in: go on, as Clerk's pages do (unless that would come straight back here). A multi-session
  // instance shows the form instead: the visitor is adding another account ("Add account" in the user button).
  const addingAccount = clerk.environment?.authConfig.singleSessionMode === false;
  if (page !== 'waitlist' && clerk.user && !addingAccount && new URL(target).pathname !== location.pathname) {
    await clerk.navigate(target, { replace: true });
    return;
  }
  const el = document.createElement(`clerk-${page}`);
  if (page === 'sign-in') {
    el.setAttribute('routing', 'hash');
    el.setAttribute('force-redirect-url', target);
    el.setAttribute('sign-up-url', pageUrl('/sign-up', query));
  } else if (page === 'sign-up') {
    el.setAttribute('routing', 'hash');
    el.setAttribute('force-redirect-url', target);
    el.setAttribute('sign-in-url', pageUrl('/sign-in', query));
    el.setAttribute('waitlist-url', pageUrl('/waitlist', query));
  } else {
    el.setAttribute('sign-in-url', pageUrl('/sign-in', query));
  }
  main.replaceChildren(el);
  main.removeAttribute('aria-busy');
}

void main().catch((e: unknown) => {
  console.error('[clerk-wc] the account page failed:', e);
  status('Something went wrong. Reload the page to try again.');
});
