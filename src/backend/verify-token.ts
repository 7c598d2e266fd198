// verifyToken: checks a session JWT offline — RS256 signature against the JWKS (or a PEM key), then
// exp/nbf/iat with clock skew, azp and iss. No request reaches the FAPI server once its JWKS is cached.
import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { SessionClaims } from '../types/index.js';
import { TokenVerificationError } from './errors.js';
import { JwksCache, jwksCacheFor } from './jwks.js';

export { TokenVerificationError, TOKEN_VERIFICATION_REASONS, type TokenVerificationReason } from './errors.js';
export type { FactorVerificationAge, SessionClaims } from '../types/index.js';

export interface VerifyTokenOptions {
  /** The FAPI server's JWKS, e.g. `http://localhost:4000/.well-known/jwks.json`. Cached per URL. */
  jwksUrl?: string;
  /** A cache to use instead of the shared one for `jwksUrl` (to set its cooldown or max age). */
  jwks?: JwksCache;
  /** Derives the JWKS URL from the FAPI host a publishable key encodes (http for localhost, else https). */
  publishableKey?: string;
  /** Verify with this public key (PEM, JWK or KeyObject) instead of fetching a JWKS: no network at all. */
  jwtKey?: string | JsonWebKey | KeyObject;
  /** Origins the token's `azp` must be one of. A token without `azp` (minted without an Origin) passes. */
  authorizedParties?: readonly string[];
  /** Leeway for exp/nbf/iat against this machine's clock. Default 5000. */
  clockSkewInMs?: number;
  /** The exact `iss` to require (the FAPI server's URL); any issuer when unset. */
  issuer?: string;
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const pemKeys = new Map<string, KeyObject>();
const jwkKeys = new WeakMap<object, KeyObject>();

function invalid(message: string): TokenVerificationError {
  return new TokenVerificationError('token-invalid', message);
}

function decodeSegment(segment: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw invalid(`The session token's ${what} is not base64url JSON; pass the raw JWT from the __session cookie or the Bearer header.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`The session token's ${what} is not a JSON object.`);
  return value as Record<string, unknown>;
}

/** The FAPI JWKS URL for a publishable key (`pk_test_` + base64(`<host>$`)). */
export function jwksUrlFromPublishableKey(publishableKey: string): string {
  const m = /^pk_(?:test|live)_([A-Za-z0-9+/=_-]+)$/.exec(publishableKey);
  const host = m ? Buffer.from(m[1]!, 'base64').toString('utf8') : '';
  if (!host.endsWith('$') || host.length < 2)
    throw new Error(`"${publishableKey.slice(0, 24)}…" is not a publishable key; pass the pk_test_… or pk_live_… key the FAPI server printed, or jwksUrl.`);
  const h = host.slice(0, -1);
  const local = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(h);
  return `${local ? 'http' : 'https'}://${h}/.well-known/jwks.json`;
}

function staticKey(key: string | JsonWebKey | KeyObject): KeyObject {
  if (typeof key === 'string') {
    let k = pemKeys.get(key);
    if (!k) {
      try {
        k = createPublicKey(key);
      } catch (e) {
        throw new TokenVerificationError(
          'jwk-local-missing',
          `jwtKey is not a PEM public key (${(e as Error).message}); pass the key in -----BEGIN PUBLIC KEY----- form.`,
        );
      }
      pemKeys.set(key, k);
    }
    return k;
  }
  if ('asymmetricKeyType' in key && 'export' in key && typeof key.export === 'function') return key as KeyObject;
  let k = jwkKeys.get(key);
  if (!k) {
    k = createPublicKey({ key: key as JsonWebKey, format: 'jwk' });
    jwkKeys.set(key, k);
  }
  return k;
}

/** Where verifyToken gets keys from: the options' jwtKey, or a JWKS cache. Throws when neither is configured. */
export function keySource(options: VerifyTokenOptions): KeyObject | JwksCache {
  if (options.jwtKey) return staticKey(options.jwtKey);
  if (options.jwks) return options.jwks;
  const url = options.jwksUrl ?? (options.publishableKey ? jwksUrlFromPublishableKey(options.publishableKey) : undefined);
  if (!url) throw new Error("verifyToken needs jwksUrl (the FAPI server's /.well-known/jwks.json), a publishableKey, or jwtKey.");
  return jwksCacheFor(url);
}

/** Verifies a session token and returns its claims; throws a TokenVerificationError with a `reason` otherwise. */
export async function verifyToken(token: string, options: VerifyTokenOptions): Promise<SessionClaims> {
  if (typeof token !== 'string' || !JWT_SHAPE.test(token)) throw invalid('The session token is not a compact JWT (three base64url parts).');
  const dot1 = token.indexOf('.');
  const dot2 = token.lastIndexOf('.');
  const header = decodeSegment(token.slice(0, dot1), 'header');
  // Only RS256: never `none`, never HS256 with the public key as the HMAC secret.
  if (header.alg !== 'RS256')
    throw new TokenVerificationError(
      'token-invalid-algorithm',
      `The session token's algorithm "${String(header.alg).slice(0, 16)}" is not allowed; only RS256 is.`,
    );
  if (header.crit !== undefined) throw invalid('The session token has critical header parameters this verifier does not understand.');

  const source = keySource(options);
  let key: KeyObject;
  if (source instanceof JwksCache) {
    if (typeof header.kid !== 'string' || header.kid === '')
      throw new TokenVerificationError('jwk-kid-mismatch', 'The session token has no kid, so no JWKS key can verify it.');
    key = await source.getKey(header.kid);
  } else {
    key = source;
  }
  const signature = Buffer.from(token.slice(dot2 + 1), 'base64url');
  let ok: boolean;
  try {
    ok = verify('RSA-SHA256', Buffer.from(token.slice(0, dot2), 'latin1'), key, signature);
  } catch {
    ok = false;
  }
  if (!ok)
    throw new TokenVerificationError(
      'token-invalid-signature',
      "The session token's signature does not match its header and claims: it was altered or signed by another key.",
    );

  const claims = decodeSegment(token.slice(dot1 + 1, dot2), 'payload') as Partial<SessionClaims>;
  if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') throw invalid('The session token lacks a `sub` or `exp` claim.');
  const now = Date.now();
  const skew = options.clockSkewInMs ?? 5000;
  if (claims.exp * 1000 <= now - skew) {
    throw new TokenVerificationError(
      'token-expired',
      `The session token expired at ${new Date(claims.exp * 1000).toISOString()} (now ${new Date(now).toISOString()}, skew ${skew} ms); the client must send a fresh one (session.getToken()).`,
    );
  }
  if (typeof claims.nbf === 'number' && claims.nbf * 1000 > now + skew) {
    throw new TokenVerificationError(
      'token-not-active-yet',
      `The session token is not valid before ${new Date(claims.nbf * 1000).toISOString()}; check this machine's clock.`,
    );
  }
  if (typeof claims.iat === 'number' && claims.iat * 1000 > now + skew) {
    throw new TokenVerificationError(
      'token-iat-in-the-future',
      `The session token was issued in the future (${new Date(claims.iat * 1000).toISOString()}); check this machine's clock.`,
    );
  }
  if (options.authorizedParties && options.authorizedParties.length > 0 && claims.azp !== undefined && !options.authorizedParties.includes(claims.azp)) {
    throw new TokenVerificationError(
      'token-invalid-authorized-parties',
      `The session token was minted for ${JSON.stringify(claims.azp)}, which is not in authorizedParties; add that origin if it is yours.`,
    );
  }
  if (options.issuer !== undefined && claims.iss !== options.issuer) {
    throw new TokenVerificationError(
      'token-invalid-issuer',
      `The session token's issuer ${JSON.stringify(claims.iss)} is not ${JSON.stringify(options.issuer)}.`,
    );
  }
  return claims as SessionClaims;
}
