// The caller's Client as middleware: how its token travels (the `__client` cookie, the Authorization header for
// native clients, the `__clerk_db_jwt` parameter for clerk-js dev browsers), its lookup, and a token issued while
// answering handed back on the response, also when a route failed after issuing it.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { ServerContext } from '../context.js';
import type { AppEnv } from '../routes/respond.js';
import { type Call, CLIENT_COOKIE, type ClientTransport, findClient } from './call.js';
import { attachClientToken } from './cookies.js';
import { Errors } from '../errors.js';
import { clientIp } from './client-ip.js';

/** Sets `c.var.transport` and `c.var.clientToken` (after `requestParams`). */
export function clientTransport(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const params = c.get('params');
    const native = params.raw('_is_native') === '1' || params.raw('_is_native') === 'true';
    const devBrowser = params.str('__clerk_db_jwt', { max: 200 });
    const transport: ClientTransport = native ? 'header' : devBrowser ? 'dev_browser' : 'cookie';
    c.set('transport', transport);
    c.set(
      'clientToken',
      transport === 'header'
        ? c.req.header('authorization')?.replace(/^Bearer\s+/i, '')
        : transport === 'dev_browser'
          ? devBrowser
          : getCookie(c, CLIENT_COOKIE),
    );
    await next();
  };
}

/** Finds the caller's Client and sets `c.var.call` for the routes; afterwards hands back what they issued. */
export function clientLookup(ctx: ServerContext): MiddlewareHandler<AppEnv> {
  const secureCookie = new URL(ctx.issuer).protocol === 'https:';
  return async (c, next) => {
    const transport = c.get('transport');
    const clientToken = c.get('clientToken');
    const client = await findClient(ctx, clientToken);
    if (transport === 'dev_browser' && !client && c.get('url').pathname !== '/v1/dev_browser') throw Errors.devBrowserUnauthenticated();
    const call: Call = {
      ctx,
      params: c.get('params'),
      origin: c.get('origin'),
      transport,
      ip: clientIp(ctx.proxies, c),
      userAgent: c.req.header('user-agent'),
      secureCookie,
      client,
      issuedToken: undefined,
    };
    c.set('call', call);
    await next();
    attachClientToken(c.res.headers, call);
    // Clerk's dev-browser protocol: the token the client should keep, which clerk-js adopts from every response.
    if (transport === 'dev_browser' && call.client) c.res.headers.set('clerk-db-jwt', clientToken!);
  };
}
