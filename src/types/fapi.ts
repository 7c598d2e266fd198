// FAPI (and BAPI) JSON shared by the server that writes it and the clients that read it: snake_case, as on the wire.
// The error envelope is spec/fapi-2026-05-12.yml's ClerkErrors (the Backend API answers the same one).

/** One item of `errors[]`. The server always sends `meta` (`{}` when there is nothing to say). */
export interface ClerkErrorJSON {
  code: string;
  message: string;
  long_message: string;
  /** E.g. `param_name` (the offending parameter), `session_id`, `lockout_expires_in_seconds`. */
  meta?: Record<string, unknown>;
}

/** The body of every 4xx (and 5xx) answer. */
export interface ClerkErrorsJSON {
  errors: ClerkErrorJSON[];
  meta?: Record<string, unknown>;
  clerk_trace_id?: string;
}

/** One public signing key of `/.well-known/jwks.json` (FAPI) and `GET /v1/jwks` (BAPI). */
export interface PublicJwk {
  kty: 'RSA';
  kid: string;
  use: 'sig';
  alg: 'RS256';
  n: string;
  e: string;
}

/** The JSON Web Key Set session tokens verify against. */
export interface JwksJSON {
  keys: PublicJwk[];
}
