// The FAPI's rate limit: mutating requests to the paths that try secrets or send mail are counted per caller IP
// (client-ip.ts) in the store's limiter (store/rate-limits.ts: shared by every process on PostgreSQL).
import type { MiddlewareHandler } from 'hono';
import type { ServerContext } from '../context.js';
import type { AppEnv } from '../routes/respond.js';
import { Errors } from '../errors.js';
import { clientIp } from './client-ip.js';
import { MUTATING } from './method.js';
import { rateLimitRefusals } from '../metrics.js';

/** Paths that try secrets, send mail or take uploads: counted per IP. */
const RATE_LIMITED = /^\/v1\/(client\/sign_(ins|ups)|me\/email_addresses|me\/change_password|me\/profile_image|waitlist)/;

/** Counts a mutating request to a RATE_LIMITED path against the caller's IP; over the limit, a 429 with Retry-After. */
export function rateLimit(ctx: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (MUTATING.has(c.get('method')) && RATE_LIMITED.test(c.get('url').pathname)) {
      const wait = await ctx.rateLimiter.hit(clientIp(ctx.proxies, c));
      if (wait > 0) {
        rateLimitRefusals.inc({ api: 'fapi' });
        throw Errors.tooManyRequests(wait);
      }
    }
    await next();
  };
}
