// `_method`: clerk-js sends every call but a GET as a POST that names its method (`?_method=PATCH`, also in a form or
// JSON body), as Clerk's FAPI accepts. Hono picks routes by the request's own method before any middleware has read
// the body, and its method-override middleware answers by dispatching a second, rebuilt request through the whole
// app (and reads `_method` from form bodies only), so ours sets `c.get('method')` and `mountRoutes` registers each route
// to answer the method the request acts as: one dispatch, one body read.
import type { Env, Handler, Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../routes/respond.js';
import { Errors } from '../errors.js';

export const METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
export const MUTATING: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Sets `c.var.method`: the request's method, or for a POST its `_method` parameter (after `requestParams`). */
export function methodOverride(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let method = c.req.method;
    const override = c.get('params').raw('_method');
    if (method === 'POST' && typeof override === 'string' && override !== '') {
      method = override.toUpperCase();
      if (!METHODS.has(method)) throw Errors.paramInvalid('_method', 'must be GET, POST, PUT, PATCH or DELETE');
    }
    c.set('method', method);
    await next();
  };
}

/**
 * Registers every route of `apps` on `app`, answering requests that act as its method (`c.get('method')`): a route
 * for M matches M itself and POST (a POST may name M), and passes to the next handler unless the request acts as M.
 * HEAD acts as GET (Hono dispatches a HEAD as a GET and drops the body). All routes under their own method come
 * first, then the POST entries of the others, in the same order, which keeps the order among routes of one method.
 * Under POST, `/v1/me/sessions/active` (a GET) and `/v1/me/sessions/:id/revoke` are more than Hono's RegExpRouter
 * takes, so its SmartRouter picks TrieRouter (a few µs a request). The sub-apps' own error handlers are not
 * carried over: app.ts has the one error handler.
 */
export function mountRoutes<E extends Env & { Variables: { method: string } }>(app: Hono<E>, apps: Array<Hono<E>>): void {
  const routes = apps.flatMap((a) => a.routes);
  const guarded = (method: string, handler: Handler<E>): Handler<E> => {
    const actsAs = (m: string) => m === method || (method === 'GET' && m === 'HEAD');
    return (c, next) => (actsAs(c.get('method')) ? handler(c, next) : next());
  };
  for (const r of routes) {
    if (r.method === 'ALL') app.all(r.path, r.handler as Handler<E>);
    else app.on(r.method, r.path, guarded(r.method, r.handler as Handler<E>));
  }
  for (const r of routes) if (r.method !== 'ALL' && r.method !== 'POST') app.on('POST', r.path, guarded(r.method, r.handler as Handler<E>));
}
