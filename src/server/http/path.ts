// One canonical request path, computed once per request and seen by every decision: Backend API or FAPI, routing,
// rate limits, the token hot path, CORS and the dev outbox. Without it `/v1/client/%73ign_ins` routes as sign_ins
// (Hono decodes escapes) while a check on the raw path lets it pass.
//
// The form: the WHATWG URL parser has already resolved dot segments (also `%2e%2e`) and turned `\` into `/`; on top
// of that, escapes of unreserved characters (A-Z a-z 0-9 - . _ ~) are decoded once and other escapes are kept in
// upper case. Paths that could mean something else to a later decoder are refused: an encoded `/` or `\`, an encoded
// `%` (double encoding), control characters and NUL, broken escapes, and `.`/`..` segments.

import type { MiddlewareHandler } from 'hono';
import { getPath, getPathNoStrict } from 'hono/utils/url';
import { Errors } from '../errors.js';

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const ESCAPE = /%([0-9A-Fa-f]{2})?/g;

/** The canonical form of a URL's pathname, or undefined when the path must be refused. */
export function canonicalPath(pathname: string): string | undefined {
  if (!pathname.startsWith('/')) return undefined;
  if (!pathname.includes('%')) return pathname;
  let refused = false;
  const out = pathname.replace(ESCAPE, (_m, hex: string | undefined) => {
    if (hex === undefined) {
      refused = true;
      return '';
    }
    const code = parseInt(hex, 16);
    const ch = String.fromCharCode(code);
    if (UNRESERVED.test(ch)) return ch;
    if (code < 0x20 || code === 0x7f || ch === '/' || ch === '\\' || ch === '%') refused = true;
    return `%${hex.toUpperCase()}`;
  });
  if (refused || out.split('/').some((s) => s === '.' || s === '..')) return undefined;
  return out;
}

/** `raw` (a request URL) with its path in canonical form, or undefined when the path is refused. */
export function canonicalUrl(raw: string): URL | undefined {
  const url = new URL(raw);
  const path = canonicalPath(url.pathname);
  if (path === undefined) return undefined;
  if (path !== url.pathname) url.pathname = path;
  return url;
}

/**
 * Hono's `getPath`: the path it routes on is the canonical path, decoded the way Hono decodes paths. Not strict
 * drops a trailing slash (`/v1/me/email_addresses/`, as clerk-js sends it, is `/v1/me/email_addresses`). A refused
 * path routes as itself: `canonicalRequest` answers it with a 404 before anything else runs.
 */
export function routingPath(opts: { strict: boolean }): (req: { url: string }) => string {
  const decode = opts.strict ? getPath : getPathNoStrict;
  return (req) => {
    const url = canonicalUrl(req.url);
    return decode((url && url.href !== req.url ? { url: url.href } : req) as Request);
  };
}

/** The first middleware: a refused path is a 404 (with no CORS headers); every later step reads `c.var.url`. */
export function canonicalRequest<E extends { Variables: { url: URL } }>(): MiddlewareHandler<E> {
  return async (c, next) => {
    const url = canonicalUrl(c.req.url);
    if (!url) throw Errors.notFound('route');
    c.set('url', url);
    await next();
  };
}
