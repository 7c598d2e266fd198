// The Backend API (BAPI): what the user's own servers call with the secret key. It shares the /v1 prefix with
// the FAPI but none of its pipeline: no client cookie, no CORS (a secret key never belongs in a browser), no
// `_method` override. app.ts hands every request whose path is a BAPI path to this app; its middleware: the
// canonical path, the answer's headers, the secret key, then the parameters (c.get('bapi')) for the routes.
import { Hono, type MiddlewareHandler } from 'hono';
import type { ServerContext } from '../context.js';
import { ApiError, Errors } from '../errors.js';
import { isUpload, readBody, readUpload } from '../http/body.js';
import { Params, parseBody, type RawValue } from '../http/params.js';
import { canonicalRequest, routingPath } from '../http/path.js';
import { clientIp } from '../http/client-ip.js';
import { authenticateBackend } from './auth.js';
import { INVITATION_PARAMS, invitationRoutes } from './invitations.js';
import type { BapiEnv } from './respond.js';
import { SESSION_PARAMS, sessionRoutes } from './sessions.js';
import { USER_PARAMS, userRoutes } from './users.js';
import { log } from '../log.js';
import { rateLimitRefusals } from '../metrics.js';

/** Every Backend API route's declared parameters (checked against spec/bapi-2026-05-12.yml by test/server/params-spec.test.ts). */
export const BAPI_ROUTE_PARAMS = { ...USER_PARAMS, ...SESSION_PARAMS, ...INVITATION_PARAMS };

/** Collections only the Backend API has; FAPI paths never start with these. */
const BAPI_PATH = /^\/v1\/(users|sessions|invitations|waitlist_entries|jwks)(\/|$)/;

export function isBackendApiPath(pathname: string): boolean {
  return BAPI_PATH.test(pathname);
}

/**
 * Exactly `application/json`, no parameters: @clerk/backend parses a reply body only under that exact type, so a
 * `; charset=utf-8` would hide every error's `errors[]` from it (JSON is UTF-8 by definition, RFC 8259).
 */
const JSON_TYPE = 'application/json';

function errorResponse(e: ApiError): Response {
  const headers = new Headers({ 'content-type': JSON_TYPE, 'cache-control': 'no-store' });
  for (const [k, v] of Object.entries(e.headers)) headers.set(k, v);
  return new Response(JSON.stringify(e.toJSON()), { status: e.status, headers });
}

function internal(e: unknown): ApiError {
  log.error({ err: e }, 'bapi: internal error');
  return Errors.internal();
}

/** Query parameters with repeated keys (`email_address=a&email_address=b`) and `key[]` kept as lists. */
function queryParams(url: URL): Record<string, RawValue> {
  const out: Record<string, RawValue> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    const name = key.endsWith('[]') ? key.slice(0, -2) : key;
    out[name] = key.endsWith('[]') || values.length > 1 ? values : values[0]!;
  }
  return out;
}

/** Every answer is uncacheable and typed exactly `application/json` when it is JSON. */
const answerHeaders: MiddlewareHandler<BapiEnv> = async (c, next) => {
  // Through c.header before the answer exists: the routes' c.json answers are built with it (changes to an answer's
  // headers made afterwards would not survive Hono's HEAD handling with the node adapter's Response).
  c.header('cache-control', 'no-store');
  await next();
  if (c.res.headers.get('content-type')?.startsWith(JSON_TYPE)) c.res.headers.set('content-type', JSON_TYPE);
};

/** The secret key; each wrong one counts against the caller's IP. */
function secretKey(ctx: ServerContext): MiddlewareHandler<BapiEnv> {
  return async (c, next) => {
    try {
      await authenticateBackend(ctx, c.req.header('authorization') ?? null);
    } catch (e) {
      // Guessing keys is hopeless (≈238 bits), but each wrong try still counts against the caller's IP.
      const wait = await ctx.rateLimiter.hit(`bapi:${clientIp(ctx.proxies, c)}`);
      if (wait > 0) rateLimitRefusals.inc({ api: 'bapi' });
      throw wait > 0 ? Errors.tooManyRequests(wait) : e;
    }
    await next();
  };
}

/** Sets `c.var.bapi`. Bodies are read only after authentication, so an anonymous caller cannot make the server buffer one. */
function backendParams(ctx: ServerContext): MiddlewareHandler<BapiEnv> {
  return async (c, next) => {
    const req = c.req.raw;
    const url = c.get('url');
    if (isUpload(req, url.pathname)) {
      // The caller holds the secret key: its upload is read at once.
      const params = new Params(queryParams(url));
      const { fields, files } = await readUpload(req, url.pathname);
      params.add(fields, files);
      c.set('bapi', { ctx, params });
    } else {
      const text = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req, url.pathname);
      c.set('bapi', { ctx, params: new Params(queryParams(url), parseBody(req.headers.get('content-type'), text)) });
    }
    await next();
  };
}

/** The Backend API app; `app.fetch(req, env)` handles one request (never throws). */
export function createBackendApi(ctx: ServerContext): Hono<BapiEnv> {
  const app = new Hono<BapiEnv>({ getPath: routingPath({ strict: true }) });
  app.use(canonicalRequest<BapiEnv>(), answerHeaders, secretKey(ctx), backendParams(ctx));
  app.route('/', userRoutes);
  app.route('/', sessionRoutes);
  app.route('/', invitationRoutes);
  app.notFound(() => errorResponse(Errors.notFound('route')));
  app.onError((e) => errorResponse(e instanceof ApiError ? e : internal(e)));
  return app;
}
