// Everything a request handler needs, created once per process.
import type { ServerConfig } from './config.js';
import type { SigningKey } from './crypto/keys.js';
import type { Mailer } from './mail/mailer.js';
import type { Db, DbKind } from './store/db.js';
import type { ProxyTrust } from './http/client-ip.js';
import type { RateLimiter } from './store/rate-limits.js';
import type { BackendRuntime } from './bapi/start.js';

export interface ServerContext {
  db: Db;
  dbKind: DbKind;
  config: ServerConfig;
  key: SigningKey;
  /** Secret mixed into verification-code hashes, derived from the signing key. */
  codePepper: Buffer;
  /** Token `iss` and the base of every URL the server publishes. */
  issuer: string;
  publishableKey: string;
  mailer: Mailer;
  /** Per-IP attempt counters (shared by every process on PostgreSQL). */
  rateLimiter: RateLimiter;
  /** Which peers may name the caller in `Forwarded` / `X-Forwarded-For` (`trustedProxies`). */
  proxies: ProxyTrust;
  now(): number;
  /** Backend API and webhooks (bapi/start.ts), attached by startServer before the first request. */
  backend?: BackendRuntime | undefined;
}
