// Express middleware: `app.use(clerkMiddleware({ jwksUrl }))` sets `req.auth`; `requireAuth()` answers 401.
// Written against the few members of Express it touches, so express stays an optional peer.
import { assertKeySource, authenticateRequest, type Auth, type AuthenticateRequestOptions, type NodeRequestLike } from '../authenticate-request.js';
import { missingMiddleware, unauthorizedBody, WWW_AUTHENTICATE } from './unauthorized.js';

declare global {
  // Express's own request type is a global namespace: merging into it needs one.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by clerk-wc's clerkMiddleware(). */
      auth?: Auth;
    }
  }
}

export interface ExpressRequestLike extends NodeRequestLike {
  auth?: Auth;
}
export interface ExpressResponseLike {
  status(code: number): ExpressResponseLike;
  setHeader(name: string, value: string): unknown;
  json(body: unknown): unknown;
}
export type ExpressNext = (err?: unknown) => void;
export type ExpressMiddleware = (req: ExpressRequestLike, res: ExpressResponseLike, next: ExpressNext) => void;

/** Authenticates every request and sets `req.auth` (signed in or out); never rejects by itself. */
export function clerkMiddleware(options: AuthenticateRequestOptions): ExpressMiddleware {
  assertKeySource(options);
  return (req, _res, next) => {
    authenticateRequest(req, options).then((state) => {
      req.auth = state.toAuth();
      next();
    }, next);
  };
}

/** Lets signed-in requests through; answers others 401 with a JSON error saying why. */
export function requireAuth(): ExpressMiddleware {
  return (req, res, next) => {
    if (!req.auth) return next(missingMiddleware('express'));
    if (req.auth.isSignedIn) return next();
    res.setHeader('www-authenticate', WWW_AUTHENTICATE);
    res.status(401).json(unauthorizedBody(req.auth));
  };
}

/** The auth of a request that went through clerkMiddleware(). */
export function getAuth(req: ExpressRequestLike): Auth {
  if (!req.auth) throw missingMiddleware('express');
  return req.auth;
}
