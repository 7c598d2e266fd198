// The claims of a session token: what src/server/services/tokens.ts mints and src/backend/verify-token.ts returns.
// Clerk's v2 session token shape, limited to the claims this server sets; any other claim reads as `unknown`.

/** `[minutes since the first factor, minutes since the second factor]`; -1 when that factor was never verified. */
export type FactorVerificationAge = [first: number, second: number];

/** The claims of a clerk-wc (and Clerk v2) session token. */
export interface SessionClaims {
  /** The FAPI server's URL. */
  iss: string;
  /** The user id. */
  sub: string;
  /** The session id. */
  sid: string;
  /** The origin the token was minted for, when the browser sent one. */
  azp?: string;
  /** Issued at, in seconds since the epoch. */
  iat: number;
  /** Not before (a few seconds before `iat`, for clock skew), in seconds. */
  nbf: number;
  /** Expiry, in seconds. */
  exp: number;
  /** The claims version: 2, as Clerk's current session tokens. */
  v: 2;
  /** Minutes since the first and the second factor were verified (-1: never). This server always sets it. */
  fva?: FactorVerificationAge;
  [claim: string]: unknown;
}
