// Fixed-window request counting per key (client IP), in memory, and the FAPI middleware that applies it.
import type { Context, MiddlewareHandler } from 'hono';
import type { ServerContext } from '../context.js';
import type { AppEnv } from '../routes/respond.js';
import { Errors } from '../errors.js';
import { MUTATING } from './method.js';

/** The node adapter's bindings (@hono/node-server passes the IncomingMessage): the socket, for the caller's IP. */
export interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** The caller's IP as the socket saw it (`unknown` when the app runs without the node adapter). */
export function remoteAddress(c: Pick<Context, 'env'>): string {
  return (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Paths that try secrets, send mail or take uploads: counted per IP. */
const RATE_LIMITED = /^\/v1\/(client\/sign_(ins|ups)|me\/email_addresses|me\/change_password|me\/profile_image|waitlist)/;

/** Counts a mutating request to a RATE_LIMITED path against the caller's IP; over the limit, a 429 with Retry-After. */
export function rateLimit(ctx: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (MUTATING.has(c.get('method')) && RATE_LIMITED.test(c.get('url').pathname)) {
      const wait = ctx.rateLimiter.hit(remoteAddress(c), ctx.now());
      if (wait > 0) throw Errors.tooManyRequests(wait);
    }
    await next();
  };
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one hit; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    if (this.max <= 0) return 0;
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 50_000) this.sweep(now);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    return w.count > this.max ? Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) : 0;
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
  }
}
