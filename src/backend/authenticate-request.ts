// authenticateRequest: finds the session token of an incoming request (Authorization: Bearer, else the
// `__session` cookie), verifies it offline, and says who is signed in — or why nobody is.
import type { TokenVerificationReason } from './errors.js';
import { TokenVerificationError } from './errors.js';
import type { SessionClaims } from '../types/index.js';
import { keySource, verifyToken, type VerifyTokenOptions } from './verify-token.js';

export type AuthenticateRequestOptions = VerifyTokenOptions;

/** Node's `IncomingMessage` (and Express / Fastify requests) as far as we read it. */
export interface NodeRequestLike {
  headers: Record<string, string | string[] | undefined>;
}
/** A Fetch `Request` (Hono, Bun, Deno, Next route handlers) as far as we read it. */
export interface FetchRequestLike {
  headers: { get(name: string): string | null };
}
export type RequestLike = FetchRequestLike | NodeRequestLike;

export type SignedOutReason = 'session-token-missing' | TokenVerificationReason;

/** What a route handler needs to know about the caller once signed in. */
export interface SignedInAuth {
  isSignedIn: true;
  userId: string;
  sessionId: string;
  orgId: null;
  sessionClaims: SessionClaims;
  /** The verified session token (to forward to another service). */
  getToken(): Promise<string>;
}
export interface SignedOutAuth {
  isSignedIn: false;
  userId: null;
  sessionId: null;
  orgId: null;
  sessionClaims: null;
  getToken(): Promise<null>;
  /** Why the request is signed out. */
  reason: SignedOutReason;
  message: string;
}
export type Auth = SignedInAuth | SignedOutAuth;

export interface SignedInState {
  isSignedIn: true;
  userId: string;
  sessionId: string;
  orgId: null;
  claims: SessionClaims;
  token: string;
  toAuth(): SignedInAuth;
}
export interface SignedOutState {
  isSignedIn: false;
  reason: SignedOutReason;
  message: string;
  toAuth(): SignedOutAuth;
}
export type RequestState = SignedInState | SignedOutState;

function header(request: RequestLike, name: 'authorization' | 'cookie'): string | undefined {
  const h = request.headers;
  if (typeof (h as FetchRequestLike['headers']).get === 'function') return (h as FetchRequestLike['headers']).get(name) ?? undefined;
  const v = (h as NodeRequestLike['headers'])[name];
  return Array.isArray(v) ? v.join('; ') : v;
}

/** The value of the `__session` cookie (not `__session_<suffix>`), if any. */
function sessionCookie(cookie: string | undefined): string | undefined {
  if (!cookie) return undefined;
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== '__session') continue;
    const value = part.slice(eq + 1).trim();
    return value.includes('%') ? decodeURIComponent(value) : value;
  }
  return undefined;
}

/** The session token a request carries: `Authorization: Bearer …` first, else the `__session` cookie. */
export function tokenFromRequest(request: RequestLike): string | undefined {
  const auth = header(request, 'authorization');
  const bearer = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  if (bearer) return bearer[1];
  return sessionCookie(header(request, 'cookie')) || undefined;
}

export function signedOut(reason: SignedOutReason, message: string): SignedOutState {
  const auth: SignedOutAuth = {
    isSignedIn: false,
    userId: null,
    sessionId: null,
    orgId: null,
    sessionClaims: null,
    getToken: async () => null,
    reason,
    message,
  };
  return { isSignedIn: false, reason, message, toAuth: () => auth };
}

function signedIn(claims: SessionClaims, token: string): SignedInState {
  const auth: SignedInAuth = { isSignedIn: true, userId: claims.sub, sessionId: claims.sid, orgId: null, sessionClaims: claims, getToken: async () => token };
  return { isSignedIn: true, userId: claims.sub, sessionId: claims.sid, orgId: null, claims, token, toAuth: () => auth };
}

/**
 * Authenticates a request by its session token. Never throws for a bad or missing token (that is a
 * signed-out state with a reason); throws only when `options` name no key source.
 */
export async function authenticateRequest(request: RequestLike, options: AuthenticateRequestOptions): Promise<RequestState> {
  const token = tokenFromRequest(request);
  if (!token) {
    keySource(options); // a misconfiguration should surface on the first request, signed in or not
    return signedOut('session-token-missing', 'The request has no session token: no Authorization: Bearer header and no __session cookie.');
  }
  let claims: SessionClaims;
  try {
    claims = await verifyToken(token, options);
  } catch (e) {
    if (e instanceof TokenVerificationError) return signedOut(e.reason, e.message);
    throw e;
  }
  if (typeof claims.sid !== 'string') return signedOut('token-invalid', 'The token verified but is not a session token (no `sid` claim).');
  return signedIn(claims, token);
}

/** Asserts `options` can verify tokens, so middleware fails when it is set up rather than on a request. */
export function assertKeySource(options: AuthenticateRequestOptions): void {
  keySource(options);
}
