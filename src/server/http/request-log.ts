// The first middleware of the chain: a request id (Hono's requestId: `X-Request-Id` from the caller when it is a
// plain token, else a new UUID, echoed in the response) and one log line per request with the id, method, route,
// status and duration, also counted in the metrics (metrics.ts). The route is the matched pattern (`/v1/me/email_addresses/:id`) or, for answers given by
// middleware (the token hot path, files, the Backend API), the canonical path; never the query string.
import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import { ApiError } from '../errors.js';
import { log } from '../log.js';
import { metricRoute, recordRequest } from '../metrics.js';
import type { AppEnv } from '../routes/respond.js';

const logLine: MiddlewareHandler<AppEnv> = async (c, next) => {
  const began = performance.now();
  await next();
  const seconds = (performance.now() - began) / 1000;
  const pattern = routePath(c, -1);
  const pathname = c.get('url')?.pathname ?? new URL(c.req.url).pathname;
  const status = c.res.status;
  const error = c.error instanceof ApiError ? c.error.errors[0]?.code : undefined;
  recordRequest(c.req.method, metricRoute(pattern, pathname, status), status, seconds, error);
  if (!log.isLevelEnabled('info')) return;
  const path = pattern && pattern !== '*' && pattern !== '/*' ? pattern : pathname;
  log.info(
    { req_id: c.get('requestId'), method: c.req.method, route: path, status, ms: Math.round(seconds * 10_000) / 10 },
    `${c.req.method} ${path} ${status}`,
  );
};

/** The two middlewares, in order: the id, then the line (which waits for the answer). */
export function requestLog(): MiddlewareHandler<AppEnv>[] {
  return [requestId({ limitLength: 128 }), logLine];
}
