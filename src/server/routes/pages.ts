// The hosted account pages (Clerk's Account Portal): /sign-in, /sign-up, /waitlist and /user (the account page, with
// its sections under /user/<page>) on the server's own origin,
// each one of our elements on a page that loads the bundle the server already serves. The HTML is the same for
// every request: the page script (src/pages/account.ts, built to dist/pages/) reads the redirect targets from
// the query string and checks them against the origins this page names, so nothing from a request is ever
// written into a page. Served before the --static-dir site; on in development, `accountPortal` in production.
import { join } from 'node:path';
import { type Context, Hono } from 'hono';
import { accountPortalEnabled, type ServerConfig } from '../config.js';
import type { ServerContext } from '../context.js';
import { serveStatic, STRICT_CSP } from '../http/static.js';

/** Where the page script and stylesheet are served from (dist/pages/). */
export const PAGE_ASSETS = '/__clerk-wc/pages/';
/** Every path this router answers; anything else goes on to the static site and the FAPI. */
const PAGE_PATH = /^\/(sign-in|sign-up|waitlist|user)$|^\/user\/[\w-]+$|^\/__clerk-wc\/pages\//;
/** Each page: its element and title. */
const PAGES = {
  'sign-in': { tag: 'clerk-sign-in', title: 'Sign in' },
  'sign-up': { tag: 'clerk-sign-up', title: 'Sign up' },
  waitlist: { tag: 'clerk-waitlist', title: 'Join the waitlist' },
  user: { tag: 'clerk-user-profile', title: 'Account' },
} as const;
type PageName = keyof typeof PAGES;
/** The path Clerk's FAPI hosts serve clerk-js under (app.ts serves our bundle there, whatever the version). */
const BUNDLE_SRC = '/npm/@clerk/clerk-js@5/dist/clerk.browser.js';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * The origins a page may send the browser back to, besides its own: `allowedOrigins`, and in a development
 * instance without that list any localhost origin (origins.ts trusts the same ones for credentials).
 */
function redirectOrigins(config: ServerConfig): { origins: string[]; local: boolean } {
  const origins = config.allowedOrigins.filter((o) => /^https?:\/\/[^\s"'<>]+$/.test(o));
  return { origins, local: config.instanceType === 'development' && config.allowedOrigins.length === 0 };
}

function pageHtml(config: ServerConfig, name: PageName): string {
  const { title } = PAGES[name];
  const { origins, local } = redirectOrigins(config);
  const attrs = [`data-page="${name}"`, `data-redirect-origins="${escapeHtml(origins.join(' '))}"`, ...(local ? ['data-redirect-local="true"'] : [])];
  return `<!doctype html>
<html lang="en" ${attrs.join(' ')}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)} · ${escapeHtml(config.applicationName)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${PAGE_ASSETS}account.css">
</head>
<body>
<main class="cl-portal" id="portal" aria-busy="true">
<p class="cl-portal-status" id="portal-status" role="status">Loading…</p>
<noscript><p class="cl-portal-status">This page needs JavaScript.</p></noscript>
</main>
<script src="${BUNDLE_SRC}" data-clerk-proxy-url="/"></script>
<script src="${PAGE_ASSETS}account.js"></script>
</body>
</html>
`;
}

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': STRICT_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

/**
 * The account pages' router: a handler that answers GET/HEAD for the page paths and their assets, and
 * undefined for every other request (or for all of them when the portal is off).
 */
export function pageRoutes(ctx: ServerContext, bundleDir: string): (req: Request) => Promise<Response | undefined> {
  const routes = new Hono();
  const cache = new Map<PageName, string>();
  for (const name of Object.keys(PAGES) as PageName[]) {
    const page = (c: Context) => {
      // A pure function of the config: build each page once.
      let body = cache.get(name);
      if (body === undefined) cache.set(name, (body = pageHtml(ctx.config, name)));
      return c.body(body, 200, HEADERS);
    };
    routes.get(`/${name}`, page);
    // The account page routes its sections by path (/user/security): the same page answers each of them.
    if (name === 'user') routes.get('/user/:section{[\\w-]+}', page);
  }
  routes.get(`${PAGE_ASSETS}:file`, async (c) => {
    const file = c.req.param('file');
    const res = /^[\w-]+\.(js|css)(\.map)?$/.test(file) ? await serveStatic(join(bundleDir, 'pages'), file) : undefined;
    return res ?? c.body('Not found', 404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  });
  const enabled = accountPortalEnabled(ctx.config);
  return async (req) => {
    if (!enabled || (req.method !== 'GET' && req.method !== 'HEAD')) return undefined;
    if (!PAGE_PATH.test(new URL(req.url).pathname)) return undefined;
    return routes.fetch(req);
  };
}
