// The rate limits' counters, through rate-limiter-flexible: in memory with SQLite (one process), and in the
// `rate_limits` table with PostgreSQL, so every process on the database counts against the same budget. A key is
// counted in fixed windows of `windowSeconds`. If the database cannot be reached, each process falls back to its own
// memory rather than failing the request.
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Store } from './db.js';

export interface RateLimiter {
  /** Counts one hit for `key`; resolves to the seconds to wait when over the limit, else 0. */
  hit(key: string): Promise<number>;
}

/** The table the PostgreSQL counters live in (created by migration 0003; its columns are the library's). */
export const RATE_LIMIT_TABLE = 'rate_limits';

export function openRateLimiter(store: Store, opts: { max: number; windowSeconds: number }): RateLimiter {
  if (opts.max <= 0) return { hit: async () => 0 };
  const shape = { points: opts.max, duration: opts.windowSeconds, keyPrefix: '' };
  const memory = new RateLimiterMemory(shape);
  const limiter = store.pool
    ? new RateLimiterPostgres({
        ...shape,
        storeClient: store.pool,
        storeType: 'pool',
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        // A key over its budget is refused from memory until its window ends: an attack costs no queries.
        inMemoryBlockOnConsumed: opts.max + 1,
        insuranceLimiter: new RateLimiterMemory(shape),
      })
    : memory;
  return {
    async hit(key) {
      try {
        await limiter.consume(key);
        return 0;
      } catch (e) {
        if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        throw e;
      }
    },
  };
}
