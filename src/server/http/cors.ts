// CORS for the FAPI: which pages may read its answers (with the user's cookie), and the preflight. Whether CORS is
// granted depends on the Origin, so every answer says `Vary: Origin`, granted or not.
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../routes/respond.js';
import { Errors } from '../errors.js';

// hono/cors joins each list with ',': one item each keeps the headers as they have always read.
const EXPOSE_HEADERS = 'Authorization, Retry-After, Clerk-Db-Jwt';
const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
/** Allowed when a preflight names no headers; otherwise its Access-Control-Request-Headers are echoed as sent. */
const ALLOW_HEADERS = 'Content-Type, Authorization';

/**
 * CORS on every FAPI answer. The preflight is hono/cors's (`origin` from `c.var.origin`, http/origins.ts
 * `originAllowed`), for allowed origins only: ours refuses any other with `origin_invalid`, echoes the requested
 * headers as sent and says `Vary: Origin` alone (hono/cors reformats them and adds `Vary: Access-Control-Request-Headers`).
 * Other answers get their headers here, through `c.header` before the answer exists: hono/cors writes them into
 * `c.res` first and appends Vary afterwards, which makes Hono rebuild every answer after it around a body stream
 * (the node adapter then streams even the token hot path's JSON), and it would grant Allow-Credentials and
 * Expose-Headers to any origin.
 */
export function fapiCors(): MiddlewareHandler<AppEnv> {
  const preflight = cors({
    origin: (_origin, c) => (c.get('origin') as string | undefined) ?? null,
    credentials: true,
    exposeHeaders: [EXPOSE_HEADERS],
    allowMethods: [ALLOW_METHODS],
    maxAge: 600,
  });
  return async (c, next) => {
    const origin = c.get('origin');
    c.header('vary', 'Origin');
    if (c.req.method === 'OPTIONS') {
      if (origin === undefined) throw Errors.originInvalid();
      // hono/cors answers with the headers it set on c.res (which win when its answer is stored).
      await preflight(c, next);
      const headers = c.res.headers;
      headers.set('access-control-allow-headers', c.req.header('access-control-request-headers') ?? ALLOW_HEADERS);
      headers.set('vary', 'Origin');
      return new Response(null, { status: 204, headers });
    }
    // The dev outbox holds every code "sent": readable by same-origin pages (the demo) only.
    if (origin !== undefined && !c.get('url').pathname.startsWith('/v1/dev/')) {
      c.header('access-control-allow-origin', origin);
      c.header('access-control-allow-credentials', 'true');
      c.header('access-control-expose-headers', EXPOSE_HEADERS);
    }
    await next();
  };
}
