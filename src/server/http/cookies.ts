// The `__client` cookie's attributes. A page on the FAPI's own site gets a first-party SameSite=Lax cookie. In a
// development instance, a page on another site (an app on http://localhost:5173 using the FAPI at
// http://127.0.0.1:4000) gets a partitioned cookie (CHIPS: SameSite=None; Secure; Partitioned): the browser keeps it
// for that top-level site only and sends it back on that app's requests, which is what official clerk-js needs when
// its key names a loopback host (it only uses the dev browser for Clerk's own development hosts). Browsers accept
// Secure cookies from http://localhost and http://127.0.0.1. Production stays first-party: its FAPI belongs on the
// app's own site.
import { type Call, CLIENT_COOKIE, CLIENT_TTL_MS } from './call.js';

const IP_OR_LOCAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\]|localhost)$/i;

/** The site of an origin: its scheme and registrable domain (approximated as the last two labels of a name). */
export function siteOf(origin: string): string | undefined {
  try {
    const u = new URL(origin);
    const host = u.hostname.toLowerCase().replace(/\.$/, '');
    const domain = IP_OR_LOCAL.test(host) ? host : host.split('.').slice(-2).join('.');
    return `${u.protocol}//${domain}`;
  } catch {
    return undefined;
  }
}

/** True when a page on `origin` makes cross-site requests to the FAPI at `issuer`. */
export function isCrossSite(origin: string | undefined, issuer: string): boolean {
  return origin !== undefined && siteOf(origin) !== siteOf(issuer);
}

export function clientCookieAttributes(call: Call): string[] {
  if (call.ctx.config.instanceType === 'development' && isCrossSite(call.origin, call.ctx.issuer)) {
    return ['Path=/', 'HttpOnly', 'SameSite=None', 'Secure', 'Partitioned'];
  }
  return ['Path=/', 'HttpOnly', 'SameSite=Lax', ...(call.secureCookie ? ['Secure'] : [])];
}

/**
 * Hands a newly issued client token (or its removal, `null`) back the way the caller's token travels: the
 * Authorization header (native), or the `__client` cookie. Not hono/cookie's setCookie: it orders the attributes
 * `Secure; SameSite`, and ours read `SameSite=None; Secure; Partitioned` (test/server/security.test.ts).
 */
export function attachClientToken(headers: Headers, call: Call): void {
  const token = call.issuedToken;
  if (token === undefined) return;
  if (call.transport === 'header') {
    headers.set('authorization', token ?? '');
    return;
  }
  if (call.transport === 'dev_browser') return; // a dev browser keeps its token (see rotateClientToken)
  const attrs = clientCookieAttributes(call);
  if (token === null) headers.append('set-cookie', [`${CLIENT_COOKIE}=`, 'Max-Age=0', ...attrs].join('; '));
  else if (token) headers.append('set-cookie', [`${CLIENT_COOKIE}=${token}`, `Max-Age=${Math.floor(CLIENT_TTL_MS / 1000)}`, ...attrs].join('; '));
}
