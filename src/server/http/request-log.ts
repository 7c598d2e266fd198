// The first middleware of the chain: a request id (Hono's requestId: `X-Request-Id` from the caller when it is a
// plain token, else a new UUID, echoed in the response) and one log line per request with the id, method, route,
// status and duration. The route is the matched pattern (`/v1/me/email_addresses/:id`) or, for answers given by
// middleware (the token hot path, files, the Backend API), the canonical path; never the query string.
import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import { log } from '../log.js';
import type { AppEnv } from '../routes/respond.js';

function route(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  const pattern = routePath(c, -1);
  if (pattern && pattern !== '*' && pattern !== '/*') return pattern;
  return c.get('url')?.pathname ?? new URL(c.req.url).pathname;
}

const logLine: MiddlewareHandler<AppEnv> = async (c, next) => {
  const began = performance.now();
  await next();
  if (!log.isLevelEnabled('info')) return;
  const path = route(c);
  const status = c.res.status;
  log.info(
    { req_id: c.get('requestId'), method: c.req.method, route: path, status, ms: Math.round((performance.now() - began) * 10) / 10 },
    `${c.req.method} ${path} ${status}`,
  );
};

/** The two middlewares, in order: the id, then the line (which waits for the answer). */
export function requestLog(): MiddlewareHandler<AppEnv>[] {
  return [requestId({ limitLength: 128 }), logLine];
}
