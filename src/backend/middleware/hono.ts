// Hono middleware: `app.use(clerkMiddleware({ jwksUrl }))` sets `c.get('auth')`; `requireAuth()` answers 401.
// Only Hono's types are imported; at run time this uses nothing but the context it is handed.
import type { Context, MiddlewareHandler } from 'hono';
import { assertKeySource, authenticateRequest, type Auth, type AuthenticateRequestOptions } from '../authenticate-request.js';
import { missingMiddleware, unauthorizedBody, WWW_AUTHENTICATE } from './unauthorized.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by clerk-wc's clerkMiddleware(). */
    auth: Auth;
  }
}

/** Authenticates every request and sets `c.get('auth')` (signed in or out); never rejects by itself. */
export function clerkMiddleware(options: AuthenticateRequestOptions): MiddlewareHandler {
  assertKeySource(options);
  return async (c, next) => {
    c.set('auth', (await authenticateRequest(c.req.raw, options)).toAuth());
    await next();
  };
}

/** Lets signed-in requests through; answers others 401 with a JSON error saying why. */
export function requireAuth(): MiddlewareHandler {
  return async (c, next) => {
    const auth = c.get('auth') as Auth | undefined;
    if (!auth) throw missingMiddleware('hono');
    if (!auth.isSignedIn) return c.json(unauthorizedBody(auth), 401, { 'www-authenticate': WWW_AUTHENTICATE });
    await next();
  };
}

/** The auth of a request that went through clerkMiddleware(). */
export function getAuth(c: Context): Auth {
  const auth = c.get('auth') as Auth | undefined;
  if (!auth) throw missingMiddleware('hono');
  return auth;
}
