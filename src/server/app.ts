// The FAPI request pipeline: origin and CORS checks, body parsing, method override, client lookup,
// rate limits, routing, and Clerk-style errors. Routes live in ./routes.
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { ServerContext } from './context.js';
import { type Call, CLIENT_COOKIE, CLIENT_TTL_MS, type ClientTransport, findClient } from './http/call.js';
import { createBackendApi, isBackendApiPath } from './bapi/router.js';
import { ApiError, Errors } from './http/errors.js';
import { clientCookieAttributes } from './http/cookies.js';
import { originAllowed } from './http/origins.js';
import { canonicalUrl, routedRequest } from './http/path.js';
import { serveStatic } from './http/static.js';
import { liveSessionForToken, mintSessionTokenAsync } from './services/tokens.js';
import { Params, parseBody, type RawValue } from './http/params.js';
import { readBody } from './http/body.js';
import { CLIENT_PARAMS, clientRoutes } from './routes/client.js';
import { INSTANCE_PARAMS, instanceRoutes } from './routes/instance.js';
import { ME_PARAMS, meRoutes } from './routes/me.js';
import { pageRoutes } from './routes/pages.js';
import type { AppEnv } from './routes/respond.js';

/** Every FAPI route's declared parameters, keyed by `METHOD /path` as registered (test/server/params-spec.test.ts checks them). */
export const ROUTE_PARAMS = { ...INSTANCE_PARAMS, ...CLIENT_PARAMS, ...ME_PARAMS };

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
/** The hot path (ARCHITECTURE.md): minting a session token, served before the general pipeline. */
const TOKEN_PATH = /^\/v1\/client\/sessions\/([A-Za-z0-9_]{1,100})\/tokens$/;
/** `/npm/@clerk/clerk-js@<any version>/dist/clerk.browser.js`, the element chunks it loads, and source maps. */
const NPM_BUNDLE = /^\/npm\/@clerk\/clerk-js@[^/]+\/dist\/(clerk\.browser\.js(?:\.map)?|(?:elements|chunks)\/[\w-]+\.js(?:\.map)?)$/;
/** dist/, next to this bundled server (dist/server/). */
const BUNDLE_DIR = fileURLToPath(new URL('..', import.meta.url));
/** Paths that try secrets or send mail: counted per IP. */
const RATE_LIMITED = /^\/v1\/(client\/sign_(ins|ups)|me\/email_addresses|me\/change_password|waitlist)/;

export interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

function cookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function errorResponse(e: ApiError, extra: Headers): Response {
  const headers = new Headers(extra);
  headers.set('content-type', 'application/json');
  for (const [k, v] of Object.entries(e.headers)) headers.set(k, v);
  return new Response(JSON.stringify(e.toJSON()), { status: e.status, headers });
}

function corsHeaders(origin: string | undefined): Headers {
  // Whether CORS is granted depends on the Origin: every answer says so, granted or not.
  const h = new Headers({ vary: 'Origin' });
  if (origin) {
    h.set('access-control-allow-origin', origin);
    h.set('access-control-allow-credentials', 'true');
    h.set('access-control-expose-headers', 'Authorization, Retry-After, Clerk-Db-Jwt');
    h.set('vary', 'Origin');
  }
  return h;
}

export function createApp(ctx: ServerContext) {
  // Not strict: `/v1/me/email_addresses/` (clerk-js adds the slash when it creates a resource) is `/v1/me/email_addresses`.
  const app = new Hono<AppEnv & { Bindings: { call: Call } }>({ strict: false });
  app.use(async (c, next) => {
    c.set('call', c.env.call);
    await next();
  });
  app.route('/', instanceRoutes);
  app.route('/', clientRoutes);
  app.route('/', meRoutes);
  app.notFound(() => errorResponse(Errors.notFound('route'), new Headers()));
  app.onError((e) => errorResponse(e instanceof ApiError ? e : logInternal(e), new Headers()));

  const secure = new URL(ctx.issuer).protocol === 'https:';
  const backendApi = createBackendApi(ctx);
  const pages = pageRoutes(ctx, BUNDLE_DIR);

  /** Handles one request; never throws. */
  return async function fetch(req: Request, bindings: NodeBindings = {}): Promise<Response> {
    // Every decision below (and the routers) sees this one canonical path (http/path.ts); odd spellings are a 404.
    const url = canonicalUrl(req.url);
    if (!url) return errorResponse(Errors.notFound('route'), new Headers());
    // Backend API paths (/v1/users, /v1/sessions, /v1/invitations, /v1/waitlist_entries, /v1/jwks) go to the
    // secret-key router (bapi/router.ts) before anything below: no client cookie, no CORS, its own 401s.
    if (isBackendApiPath(url.pathname)) return backendApi(req, bindings.incoming?.socket?.remoteAddress ?? 'unknown', url);
    const rawOrigin = req.headers.get('origin') ?? undefined;
    const allowed = rawOrigin !== undefined && rawOrigin !== 'null' && originAllowed(ctx.config, ctx.issuer, rawOrigin);
    const cors = corsHeaders(allowed ? rawOrigin : undefined);
    try {
      if (req.method === 'OPTIONS') {
        if (!allowed) throw Errors.originInvalid();
        cors.set('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
        cors.set('access-control-allow-headers', req.headers.get('access-control-request-headers') ?? 'Content-Type, Authorization');
        cors.set('access-control-max-age', '600');
        return new Response(null, { status: 204, headers: cors });
      }
      const npm = req.method === 'GET' || req.method === 'HEAD' ? NPM_BUNDLE.exec(url.pathname) : null;
      if (npm) {
        // As Clerk's FAPI hosts serve clerk-js: the seed quickstart's <script src> works with only the host changed.
        const file = await serveStatic(BUNDLE_DIR, npm[1]!);
        if (file) {
          file.headers.set('access-control-allow-origin', '*');
          file.headers.set('cache-control', 'public, max-age=300');
          return req.method === 'HEAD' ? new Response(null, { headers: file.headers }) : file;
        }
      }
      // The hosted account pages (/sign-in, /sign-up, /waitlist) come before the static site: the server owns them.
      const page = await pages(req);
      if (page) return page;
      if (
        ctx.config.staticDir &&
        (req.method === 'GET' || req.method === 'HEAD') &&
        !url.pathname.startsWith('/v1/') &&
        !url.pathname.startsWith('/.well-known/')
      ) {
        const file = await serveStatic(ctx.config.staticDir, url.pathname, { '%CLERK_PUBLISHABLE_KEY%': ctx.publishableKey });
        if (file) return req.method === 'HEAD' ? new Response(null, { headers: file.headers }) : file;
      }
      // The dev outbox holds every code "sent": readable by same-origin pages (the demo) only.
      if (url.pathname.startsWith('/v1/dev/')) for (const k of [...cors.keys()]) if (k !== 'vary') cors.delete(k);
      const query: Record<string, RawValue> = Object.fromEntries(url.searchParams);
      const text = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req, url.pathname);
      const body = parseBody(req.headers.get('content-type'), text);
      const params = new Params(query, body);
      let method = req.method;
      const override = params.raw('_method');
      if (method === 'POST' && typeof override === 'string' && override !== '') {
        method = override.toUpperCase();
        if (!METHODS.has(method)) throw Errors.paramInvalid('_method', 'must be GET, POST, PUT, PATCH or DELETE');
      }
      const native = params.raw('_is_native') === '1' || params.raw('_is_native') === 'true';
      const devBrowser = params.str('__clerk_db_jwt', { max: 200 });
      const transport: ClientTransport = native ? 'header' : devBrowser ? 'dev_browser' : 'cookie';
      const token =
        transport === 'header'
          ? req.headers.get('authorization')?.replace(/^Bearer\s+/i, '')
          : transport === 'dev_browser'
            ? devBrowser
            : cookie(req.headers.get('cookie'), CLIENT_COOKIE);
      // A browser request from a foreign page must not act with the user's cookie (CSRF).
      if (MUTATING.has(method) && rawOrigin !== undefined && !allowed && transport !== 'header') throw Errors.originInvalid();
      const ip = bindings.incoming?.socket?.remoteAddress ?? 'unknown';
      if (MUTATING.has(method) && RATE_LIMITED.test(url.pathname)) {
        const wait = ctx.rateLimiter.hit(ip, ctx.now());
        if (wait > 0) throw Errors.tooManyRequests(wait);
      }
      const hot = method === 'POST' && token ? TOKEN_PATH.exec(url.pathname) : null;
      if (hot) {
        const session = await liveSessionForToken(ctx, token!, hot[1]!);
        if (session) {
          cors.set('content-type', 'application/json');
          return new Response(JSON.stringify({ object: 'token', jwt: await mintSessionTokenAsync(ctx, session, allowed ? rawOrigin : undefined) }), {
            headers: cors,
          });
        }
        // No live session: the general route below answers with the precise Clerk error.
      }
      const client = await findClient(ctx, token);
      if (transport === 'dev_browser' && !client && url.pathname !== '/v1/dev_browser') throw Errors.devBrowserUnauthenticated();
      const call: Call = { ctx, params, origin: allowed ? rawOrigin : undefined, transport, ip, secureCookie: secure, client, issuedToken: undefined };
      const routed = routedRequest(req, url, method);
      // Errors inside routes become responses that still carry a client token issued before them.
      const res = await app.fetch(routed, { call });
      for (const [k, v] of cors) res.headers.set(k, v);
      if (call.issuedToken !== undefined) attachClientToken(res.headers, call);
      // Clerk's dev-browser protocol: the token the client should keep, which clerk-js adopts from every response.
      if (transport === 'dev_browser' && call.client) res.headers.set('clerk-db-jwt', token!);
      return res;
    } catch (e) {
      return errorResponse(e instanceof ApiError ? e : logInternal(e), cors);
    }
  };
}

function logInternal(e: unknown): ApiError {
  console.error('[fapi] internal error:', e);
  return Errors.internal();
}

function attachClientToken(headers: Headers, call: Call): void {
  const token = call.issuedToken;
  if (call.transport === 'header') {
    headers.set('authorization', token ?? '');
    return;
  }
  if (call.transport === 'dev_browser') return; // a dev browser keeps its token (see rotateClientToken)
  const attrs = clientCookieAttributes(call);
  if (token === null) headers.append('set-cookie', [`${CLIENT_COOKIE}=`, 'Max-Age=0', ...attrs].join('; '));
  else if (token) headers.append('set-cookie', [`${CLIENT_COOKIE}=${token}`, `Max-Age=${Math.floor(CLIENT_TTL_MS / 1000)}`, ...attrs].join('; '));
}
