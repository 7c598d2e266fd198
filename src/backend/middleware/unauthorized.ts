// The 401 every requireAuth() answers: Clerk's error envelope, with the reason in `meta`.
import type { ClerkErrorJSON, ClerkErrorsJSON } from '../../types/index.js';
import type { Auth } from '../authenticate-request.js';

export interface UnauthorizedBody extends ClerkErrorsJSON {
  errors: Array<ClerkErrorJSON & { code: 'authentication_invalid'; meta: { reason: string } }>;
}

export function unauthorizedBody(auth: Auth | null | undefined): UnauthorizedBody {
  const reason = auth && !auth.isSignedIn ? auth.reason : 'session-token-missing';
  const long = auth && !auth.isSignedIn ? auth.message : 'No session was authenticated for this request.';
  return { errors: [{ code: 'authentication_invalid', message: 'Unauthenticated', long_message: long, meta: { reason } }] };
}

/** `WWW-Authenticate` for a 401 (RFC 6750): tells API clients a Bearer session token is expected. */
export const WWW_AUTHENTICATE = 'Bearer realm="clerk-wc", error="invalid_token"';

/** Thrown when requireAuth() runs without clerkMiddleware() before it: a wiring mistake, not a 401. */
export function missingMiddleware(framework: string): Error {
  return new Error(
    `requireAuth() ran before clerkMiddleware(): add ${framework === 'fastify' ? 'app.register(clerkPlugin, options)' : 'app.use(clerkMiddleware(options))'} ahead of it.`,
  );
}
