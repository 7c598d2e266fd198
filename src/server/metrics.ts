// Prometheus metrics (prom-client), one registry per process: requests by route and status with a latency
// histogram, token mints, sign-ins by outcome, lockout and rate-limit refusals, the webhook queue (depth, retries)
// and the database pool, plus Node's process metrics. Off unless `metrics` is configured; then GET /metrics answers
// with a bearer token (`metrics.token`) on the FAPI's port, or without one on a port of its own (`metrics.port`).
// Counting is always on and cheap (a label lookup); only a scrape reads the database.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'clerk_wc_' });

export const httpRequests = new Counter({
  name: 'clerk_wc_http_requests_total',
  help: 'HTTP requests by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});
export const httpDuration = new Histogram({
  name: 'clerk_wc_http_request_duration_seconds',
  help: 'HTTP request latency by method and route pattern',
  labelNames: ['method', 'route'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});
export const tokenMints = new Counter({ name: 'clerk_wc_token_mints_total', help: 'Session tokens minted', registers: [registry] });
export const signIns = new Counter({
  name: 'clerk_wc_sign_ins_total',
  help: 'Sign-in attempts by outcome: complete, or the Clerk error code that refused them',
  labelNames: ['outcome'] as const,
  registers: [registry],
});
export const lockoutRefusals = new Counter({
  name: 'clerk_wc_lockout_refusals_total',
  help: 'Password or code checks refused because the account is locked',
  registers: [registry],
});
export const rateLimitRefusals = new Counter({
  name: 'clerk_wc_rate_limit_refusals_total',
  help: 'Requests refused by a rate limit, by API',
  labelNames: ['api'] as const,
  registers: [registry],
});
export const webhookRetries = new Counter({
  name: 'clerk_wc_webhook_retries_total',
  help: 'Webhook deliveries that failed and were scheduled again',
  registers: [registry],
});
export const webhookFailures = new Counter({
  name: 'clerk_wc_webhook_failures_total',
  help: 'Webhook deliveries given up on',
  registers: [registry],
});

/** What a scrape reads from the running server: the queue depth and the pool (set by startServer). */
export interface ScrapeSources {
  webhookQueueDepth(): Promise<number>;
  pool(): { total: number; idle: number; waiting: number } | undefined;
}

let sources: ScrapeSources | undefined;

export function setScrapeSources(s: ScrapeSources): void {
  sources = s;
}

new Gauge({
  name: 'clerk_wc_webhook_queue_depth',
  help: 'Webhook deliveries waiting (pending rows in the shared queue)',
  registers: [registry],
  async collect() {
    if (sources) this.set(await sources.webhookQueueDepth().catch(() => -1));
  },
});
new Gauge({
  name: 'clerk_wc_db_pool_connections',
  help: 'PostgreSQL pool connections by state (absent on SQLite)',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    const pool = sources?.pool();
    if (!pool) return;
    this.set({ state: 'total' }, pool.total);
    this.set({ state: 'idle' }, pool.idle);
    this.set({ state: 'waiting' }, pool.waiting);
  },
});

/** Sign-in routes whose answers are counted as sign-in outcomes. */
const SIGN_IN_ATTEMPT = /^\/v1\/client\/sign_ins(\/:id\/(attempt_first_factor|attempt_second_factor|reset_password))?$/;

/** Records one answered request; `route` is a pattern (never a raw path with ids), `errorCode` the Clerk code if any. */
export function recordRequest(method: string, route: string, status: number, seconds: number, errorCode: string | undefined): void {
  httpRequests.inc({ method, route, status: String(status) });
  httpDuration.observe({ method, route }, seconds);
  if (method === 'POST' && errorCode && SIGN_IN_ATTEMPT.test(route)) signIns.inc({ outcome: errorCode });
}

/** An id in a path (`sess_2abc…`, `user_…`): one label for all of them. */
const ID_SEGMENT = /^[a-z]{2,8}_[A-Za-z0-9]{6,}$/;

/**
 * The `route` label: the matched pattern, or for answers given by middleware (the token hot path, the Backend API,
 * files) the path with its ids as `:id`. Unknown paths are `unmatched` and files `static`, so a caller cannot grow
 * the label set.
 */
export function metricRoute(pattern: string | undefined, pathname: string, status: number): string {
  if (pattern && pattern !== '*' && pattern !== '/*') return pattern;
  if (status === 404) return 'unmatched';
  if (!pathname.startsWith('/v1/') && !pathname.startsWith('/.well-known/')) return 'static';
  const segments = pathname.split('/');
  if (segments.length > 8 || segments.some((s) => s.length > 40)) return 'other';
  return segments.map((s) => (ID_SEGMENT.test(s) ? ':id' : s)).join('/');
}
