// Which browser origins may call the FAPI with credentials, and the middleware that refuses cross-site writes.
import type { MiddlewareHandler } from 'hono';
import type { ServerConfig } from '../config.js';
import type { ServerContext } from '../context.js';
import type { AppEnv } from '../routes/respond.js';
import { Errors } from '../errors.js';
import { MUTATING } from './method.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * True when `origin` is exactly how a browser serializes a web origin: `http(s)://host[:port]`, lower-case host,
 * no default port, no userinfo (`http://evil.example@localhost`), path, trailing slash or list. `null` (sandboxed
 * frames, file: pages), other schemes, port 0 and anything a URL parser would have to repair are not origins.
 */
export function isCanonicalOrigin(origin: string): boolean {
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return false;
  }
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === origin && u.port !== '0';
}

export function originAllowed(config: ServerConfig, issuer: string, origin: string): boolean {
  if (!isCanonicalOrigin(origin)) return false;
  if (origin === new URL(issuer).origin) return true;
  if (config.allowedOrigins.includes(origin)) return true;
  // With no list configured, a development instance trusts pages served from this machine (hostname as parsed:
  // `localhost.`, `127.1` or `0x7f.1` are not canonical and never get here).
  return config.instanceType === 'development' && config.allowedOrigins.length === 0 && LOCAL_HOSTS.has(new URL(origin).hostname);
}

/** Sets `c.var.origin`: the request's Origin when `originAllowed`, else undefined (absent, `null` or not allowed). */
export function requestOrigin(ctx: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    c.set('origin', origin !== undefined && origin !== 'null' && originAllowed(ctx.config, ctx.issuer, origin) ? origin : undefined);
    await next();
  };
}

/**
 * CSRF: a browser request from a foreign page must not act with the user's cookie. A write (after `_method`) that
 * names an Origin which is not allowed is refused, unless its client token travels in the Authorization header.
 */
export function sameOriginWrites(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (MUTATING.has(c.get('method')) && c.get('origin') === undefined && c.req.header('origin') !== undefined && c.get('transport') !== 'header') {
      throw Errors.originInvalid();
    }
    await next();
  };
}
