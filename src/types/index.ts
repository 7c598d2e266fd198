// Wire types shared by core, server and backend. This folder imports nothing, and everyone may import it
// (test/architecture.test.ts); it holds types only, so no bundle gains a byte from it.
export type { FactorVerificationAge, SessionClaims } from './session-claims.js';
export type { ClerkErrorJSON, ClerkErrorsJSON, JwksJSON, PublicJwk } from './fapi.js';
