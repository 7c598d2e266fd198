// The FAPI: one Hono app whose middleware chain (http/*) runs, in order: the request id and its log line, the canonical path, the Backend API branch,
// profile images, files (the clerk-js bundle, hosted pages, static site), the Origin, CORS and the preflight, parameters, `_method`,
// the client transport, the CSRF check, rate limits, the token hot path, the client lookup, then the routes
// (./routes). Request state is Variables (routes/respond.ts AppEnv); every error is a Clerk-style answer.
import { fileURLToPath } from 'node:url';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ServerContext } from './context.js';
import { createBackendApi, isBackendApiPath } from './bapi/router.js';
import { requestParams } from './http/body.js';
import { clientLookup, clientTransport } from './http/client.js';
import { fapiCors } from './http/cors.js';
import { ApiError, Errors } from './errors.js';
import { methodOverride, mountRoutes } from './http/method.js';
import { requestOrigin, sameOriginWrites } from './http/origins.js';
import { canonicalRequest, routingPath } from './http/path.js';
import type { NodeBindings } from './http/client-ip.js';
import { rateLimit } from './http/rate-limit.js';
import { requestLog } from './http/request-log.js';
import { metricsEndpoint } from './http/metrics-endpoint.js';
import { log } from './log.js';
import { siteFiles } from './http/static.js';
import { liveSessionForToken, mintSessionTokenAsync } from './services/tokens.js';
import { CLIENT_PARAMS, clientRoutes } from './routes/client.js';
import { INSTANCE_PARAMS, instanceRoutes } from './routes/instance.js';
import { ME_PARAMS, meRoutes } from './routes/me.js';
import { imageFiles } from './routes/images.js';
import { pageRoutes } from './routes/pages.js';
import type { AppEnv } from './routes/respond.js';

export type { NodeBindings };

/** Every FAPI route's declared parameters, keyed by `METHOD /path` as registered (test/server/params-spec.test.ts checks them). */
export const ROUTE_PARAMS = { ...INSTANCE_PARAMS, ...CLIENT_PARAMS, ...ME_PARAMS };

/** The hot path (ARCHITECTURE.md): minting a session token, served before the client lookup and the routes. */
const TOKEN_PATH = /^\/v1\/client\/sessions\/([A-Za-z0-9_]{1,100})\/tokens$/;
/** dist/, next to this bundled server (dist/server/). */
const BUNDLE_DIR = fileURLToPath(new URL('..', import.meta.url));

function logInternal(e: unknown): ApiError {
  log.error({ err: e }, 'fapi: internal error');
  return Errors.internal();
}

/** A Clerk-style error answer; it keeps the headers the chain set before the error (CORS, Vary). */
function errorJson(c: Context<AppEnv>, e: ApiError): Response {
  return c.json(e.toJSON(), e.status as ContentfulStatusCode, e.headers);
}

/** `POST /v1/client/sessions/:id/tokens` for a live session of the caller's client: a fresh token, nothing else. */
function tokenHotPath(ctx: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = c.get('clientToken');
    const hot = c.get('method') === 'POST' && token ? TOKEN_PATH.exec(c.get('url').pathname) : null;
    if (hot) {
      const session = await liveSessionForToken(ctx, token!, hot[1]!);
      if (session) return c.json({ object: 'token', jwt: await mintSessionTokenAsync(ctx, session, c.get('origin')) });
      // No live session: the general route answers with the precise Clerk error.
    }
    await next();
  };
}

export function createApp(ctx: ServerContext) {
  const app = new Hono<AppEnv>({ getPath: routingPath({ strict: false }) });
  // Backend API paths (/v1/users, /v1/sessions, /v1/invitations, /v1/waitlist_entries, /v1/jwks) go to the
  // secret-key app (bapi/router.ts) before anything else: no client cookie, no CORS, its own 401s.
  const backendApi = createBackendApi(ctx);
  const backendBranch: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (isBackendApiPath(c.get('url').pathname)) return backendApi.fetch(c.req.raw, c.env);
    await next();
  };
  app.use(...requestLog(), canonicalRequest<AppEnv>(), metricsEndpoint(ctx), backendBranch, imageFiles(ctx));
  app.use(siteFiles({ bundleDir: BUNDLE_DIR, staticDir: ctx.config.staticDir, publishableKey: ctx.publishableKey, pages: pageRoutes(ctx, BUNDLE_DIR) }));
  app.use(requestOrigin(ctx), fapiCors(), requestParams(), methodOverride());
  app.use(clientTransport(), sameOriginWrites(), rateLimit(ctx), tokenHotPath(ctx), clientLookup(ctx));
  mountRoutes(app, [instanceRoutes, clientRoutes, meRoutes]);
  app.notFound((c) => errorJson(c, Errors.notFound('route')));
  app.onError((e, c) => errorJson(c, e instanceof ApiError ? e : logInternal(e)));

  /** Handles one request; never throws. */
  return async function fetch(req: Request, bindings: NodeBindings = {}): Promise<Response> {
    return app.fetch(req, bindings);
  };
}
