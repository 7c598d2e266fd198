// The Backend API (BAPI): what the user's own servers call with the secret key. It shares the /v1 prefix with
// the FAPI but none of its pipeline: no client cookie, no CORS (a secret key never belongs in a browser), no
// `_method` override. app.ts hands every request whose path is a BAPI path to `createBackendApi`.
import { Hono } from 'hono';
import type { ServerContext } from '../context.js';
import { ApiError, Errors } from '../http/errors.js';
import { readBody } from '../http/body.js';
import { Params, parseBody, type RawValue } from '../http/params.js';
import { routedRequest } from '../http/path.js';
import { authenticateBackend } from './auth.js';
import { invitationRoutes } from './invitations.js';
import type { BapiCall, BapiEnv } from './respond.js';
import { sessionRoutes } from './sessions.js';
import { userRoutes } from './users.js';

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
  console.error('[bapi] internal error:', e);
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

export function createBackendApi(ctx: ServerContext) {
  const app = new Hono<BapiEnv & { Bindings: { bapi: BapiCall } }>();
  app.use(async (c, next) => {
    c.set('bapi', c.env.bapi);
    await next();
  });
  app.route('/', userRoutes);
  app.route('/', sessionRoutes);
  app.route('/', invitationRoutes);
  app.notFound(() => errorResponse(Errors.notFound('route')));
  app.onError((e) => errorResponse(e instanceof ApiError ? e : internal(e)));

  /** Handles one Backend API request at `url` (its canonical URL, http/path.ts); never throws. */
  return async function backendApi(req: Request, ip: string, url = new URL(req.url)): Promise<Response> {
    try {
      try {
        await authenticateBackend(ctx, req.headers.get('authorization'));
      } catch (e) {
        // Guessing keys is hopeless (≈238 bits), but each wrong try still counts against the caller's IP.
        const wait = ctx.rateLimiter.hit(`bapi:${ip}`, ctx.now());
        throw wait > 0 ? Errors.tooManyRequests(wait) : e;
      }
      // Bodies are read only after authentication, so an anonymous caller cannot make the server buffer one.
      const text = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req, url.pathname);
      const params = new Params(queryParams(url), parseBody(req.headers.get('content-type'), text));
      const res = await app.fetch(routedRequest(req, url), { bapi: { ctx, params } });
      res.headers.set('cache-control', 'no-store');
      if (res.headers.get('content-type')?.startsWith(JSON_TYPE)) res.headers.set('content-type', JSON_TYPE);
      return res;
    } catch (e) {
      return errorResponse(e instanceof ApiError ? e : internal(e));
    }
  };
}
