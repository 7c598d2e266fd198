// Opens the store: a SQLite file by default, PostgreSQL when a postgres:// URL is given.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, PostgresDialect, type RawBuilder, sql, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import { migrate } from './migrations.js';

export type Db = Kysely<Database>;
export type DbKind = 'sqlite' | 'postgres';

export interface Store {
  db: Db;
  kind: DbKind;
  /** Human-readable location (file path or URL without password). */
  where: string;
  /** The PostgreSQL pool (the rate limits' counters share it); undefined on SQLite. */
  pool?: import('pg').Pool;
  close(): Promise<void>;
}

export async function openStore(databaseUrl: string | undefined, dataDir: string): Promise<Store> {
  const store = databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl) ? await openPostgres(databaseUrl) : await openSqlite(databaseUrl, dataDir);
  await migrate(store.db);
  return store;
}

async function openSqlite(databaseUrl: string | undefined, dataDir: string): Promise<Store> {
  const { default: SQLite } = await import('better-sqlite3');
  const file = databaseUrl ? resolve(databaseUrl.replace(/^(sqlite|file):(\/\/)?/, '')) : resolve(dataDir, 'clerk-wc.sqlite');
  mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return { db, kind: 'sqlite', where: file, close: () => db.destroy() };
}

type SqliteDatabase = import('better-sqlite3').Database;

/**
 * Kysely prepares every query anew; better-sqlite3 statements are reusable, and queries are synchronous,
 * so one prepared statement per SQL text is safe. The cache is bounded by the number of distinct queries.
 */
function withStatementCache(database: SqliteDatabase) {
  const cache = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        if (cache.size >= 1000) cache.clear();
        stmt = database.prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

async function openPostgres(url: string): Promise<Store> {
  const pg = await import('pg');
  const { Pool, types } = pg.default;
  // bigint columns hold epoch milliseconds, which fit a JS number.
  types.setTypeParser(20, (v: string) => Number(v));
  const pool = new Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const u = new URL(url);
  u.password = '';
  return { db, kind: 'postgres', where: u.toString(), pool, close: () => db.destroy() };
}

/** True when an error is a unique-constraint violation on either database. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Runs `fn` in one transaction; the store functions take the transaction where they take a Db. */
export function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

/** `%text%` for LIKE, with the wildcards in `text` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** `expr LIKE pattern` with an explicit ESCAPE, so SQLite and PostgreSQL read the backslashes alike. */
export function likeEscaped(expr: RawBuilder<unknown>, pattern: string): RawBuilder<boolean> {
  return sql<boolean>`${expr} like ${pattern} escape '\\'`;
}

/** One cheap read: the health check's proof that the database answers. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.selectFrom('instance').select('id').limit(1).execute();
}
