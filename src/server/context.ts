// Everything a request handler needs, created once per process.
import type { ServerConfig } from './config.js';
import type { SigningKey } from './crypto/keys.js';
import type { Mailer } from './mail/mailer.js';
import type { Db, DbKind } from './store/db.js';
import type { RateLimiter } from './http/rate-limit.js';
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
  rateLimiter: RateLimiter;
  now(): number;
  /** Backend API and webhooks (bapi/start.ts), attached by startServer before the first request. */
  backend?: BackendRuntime | undefined;
}
