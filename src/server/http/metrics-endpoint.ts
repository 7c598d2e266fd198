// GET /metrics on the FAPI's port, for a scraper holding `metrics.token` (compared in constant time). Without a token
// configured the path is not special here (metrics.port serves it elsewhere, or it is off).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ServerContext } from '../context.js';
import { registry } from '../metrics.js';
import type { AppEnv } from '../routes/respond.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The registry in Prometheus' text format. */
export async function metricsResponse(): Promise<Response> {
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}

export function metricsEndpoint(ctx: ServerContext): MiddlewareHandler<AppEnv> {
  const token = ctx.config.metrics.token;
  const expected = token ? digest(token) : undefined;
  return async (c, next) => {
    if (!expected || c.get('url').pathname !== '/metrics') return next();
    const presented = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!presented || !timingSafeEqual(digest(presented), expected)) {
      return c.json(
        { errors: [{ code: 'authorization_invalid', message: 'Unauthorized', long_message: 'The metrics need the bearer token.', meta: {} }] },
        401,
        {
          'www-authenticate': 'Bearer',
        },
      );
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return c.body(null, 405, { allow: 'GET, HEAD' });
    return metricsResponse();
  };
}
