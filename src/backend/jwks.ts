// A JWKS cache: one per URL, fetched once, kid lookups served from memory as parsed KeyObjects.
//
// Network requests happen only
//   - on the first lookup (nothing cached yet),
//   - for an unknown kid (the server rotated its key), at most once per `cooldownMs`, so a flood of tokens
//     with forged kids costs the JWKS endpoint one request per cooldown, not one per token,
//   - after `maxAgeMs`, in the background: the lookup that notices answers from the cached keys meanwhile,
//     so keys the server has removed stop verifying eventually.
// Concurrent lookups share one in-flight request.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { TokenVerificationError } from './errors.js';

export interface JwksCacheOptions {
  /** Least time between two refetches caused by an unknown kid. Default 10 000 ms. */
  cooldownMs?: number;
  /** Age after which the key set is refreshed in the background. Default one hour. */
  maxAgeMs?: number;
  /** Timeout of one JWKS request. Default 5 000 ms. */
  timeoutMs?: number;
}

/** After a failed request, lookups fail fast for this long instead of each trying again. */
const FAILURE_BACKOFF_MS = 1000;

interface Jwk {
  kty?: unknown;
  kid?: unknown;
  use?: unknown;
  alg?: unknown;
}

export class JwksCache {
  /** HTTP requests this cache has made (successful or not). */
  fetchCount = 0;
  private keys: Map<string, KeyObject> | undefined;
  private fetchedAt = 0;
  private lastMissFetchAt = Number.NEGATIVE_INFINITY;
  private failedAt = Number.NEGATIVE_INFINITY;
  private inflight: Promise<Map<string, KeyObject>> | undefined;
  private readonly cooldownMs: number;
  private readonly maxAgeMs: number;
  private readonly timeoutMs: number;

  constructor(
    readonly url: string,
    options: JwksCacheOptions = {},
  ) {
    this.cooldownMs = options.cooldownMs ?? 10_000;
    this.maxAgeMs = options.maxAgeMs ?? 3_600_000;
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  /** The key for `kid`, from memory when it is known. Throws a TokenVerificationError when there is none. */
  async getKey(kid: string): Promise<KeyObject> {
    const now = Date.now();
    const keys = this.keys;
    if (keys) {
      if (now - this.fetchedAt > this.maxAgeMs) this.refreshInBackground(now);
      const key = keys.get(kid);
      if (key) return key;
      if (now - this.lastMissFetchAt < this.cooldownMs || now - this.failedAt < FAILURE_BACKOFF_MS) throw this.unknownKid(kid);
      this.lastMissFetchAt = now;
    } else if (now - this.failedAt < FAILURE_BACKOFF_MS && !this.inflight) {
      throw new TokenVerificationError(
        'jwk-remote-failed-to-load',
        `The JWKS at ${this.url} could not be loaded a moment ago; check that the FAPI server is reachable.`,
      );
    }
    const key = (await this.load()).get(kid);
    if (!key) throw this.unknownKid(kid);
    return key;
  }

  /** Forgets the cached keys: the next lookup fetches again. */
  clear(): void {
    this.keys = undefined;
    this.fetchedAt = 0;
    this.lastMissFetchAt = Number.NEGATIVE_INFINITY;
    this.failedAt = Number.NEGATIVE_INFINITY;
  }

  private unknownKid(kid: string): TokenVerificationError {
    return new TokenVerificationError(
      'jwk-kid-mismatch',
      `No key with kid "${kid.slice(0, 64)}" in the JWKS at ${this.url}; the token was not signed by this FAPI server.`,
    );
  }

  private refreshInBackground(now: number): void {
    if (this.inflight || now - this.failedAt < this.cooldownMs) return;
    this.load().catch(() => undefined); // keeps serving the cached keys; failedAt delays the next try
  }

  private load(): Promise<Map<string, KeyObject>> {
    this.inflight ??= this.fetchKeys().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private async fetchKeys(): Promise<Map<string, KeyObject>> {
    this.fetchCount++;
    let body: unknown;
    try {
      const res = await fetch(this.url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(this.timeoutMs) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      body = await res.json();
    } catch (e) {
      this.failedAt = Date.now();
      throw new TokenVerificationError(
        'jwk-remote-failed-to-load',
        `Could not load the JWKS from ${this.url} (${(e as Error).message}); check jwksUrl and that the FAPI server is reachable.`,
      );
    }
    const list = (body as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(list)) {
      this.failedAt = Date.now();
      throw new TokenVerificationError('jwk-remote-invalid', `${this.url} did not answer a JWKS ({"keys": [...]}); check jwksUrl.`);
    }
    const keys = new Map<string, KeyObject>();
    for (const jwk of list as Jwk[]) {
      if (jwk?.kty !== 'RSA' || typeof jwk.kid !== 'string' || (jwk.use !== undefined && jwk.use !== 'sig') || (jwk.alg !== undefined && jwk.alg !== 'RS256'))
        continue;
      try {
        keys.set(jwk.kid, createPublicKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' }));
      } catch {
        // A malformed entry does not take the other keys down with it.
      }
    }
    this.keys = keys;
    this.fetchedAt = Date.now();
    return keys;
  }
}

const shared = new Map<string, JwksCache>();

/** The process-wide cache for `url` (created with `options` on first use). */
export function jwksCacheFor(url: string, options?: JwksCacheOptions): JwksCache {
  let cache = shared.get(url);
  if (!cache) {
    cache = new JwksCache(url, options);
    shared.set(url, cache);
  }
  return cache;
}
