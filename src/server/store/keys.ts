// Signing keys (RS256, shared by every process) and Backend API secret keys (only their SHA-256 is stored).
import type { Db } from './db.js';
import type { SecretKeyTable, SigningKeyTable } from './schema.js';

export type SigningKeyRow = Pick<SigningKeyTable, 'kid' | 'private_pem' | 'public_jwk'>;

/** The newest active key. */
export function newestActiveSigningKey(db: Db): Promise<SigningKeyTable | undefined> {
  return db.selectFrom('signing_keys').selectAll().where('active', '=', 1).orderBy('created_at', 'desc').executeTakeFirst();
}

/** The kid of the newest active key: one indexed read, no key material. */
export async function newestActiveKid(db: Db): Promise<string | undefined> {
  return (await db.selectFrom('signing_keys').select(['kid']).where('active', '=', 1).orderBy('created_at', 'desc').executeTakeFirst())?.kid;
}

/** The oldest active key (ties broken by kid): the winner when processes create keys at the same moment. */
export function oldestActiveSigningKey(db: Db): Promise<SigningKeyTable> {
  return db.selectFrom('signing_keys').selectAll().where('active', '=', 1).orderBy('created_at', 'asc').orderBy('kid').executeTakeFirstOrThrow();
}

/** The first key the store ever had, active or not. */
export function oldestSigningKeyRow(db: Db): Promise<SigningKeyTable> {
  return db.selectFrom('signing_keys').selectAll().orderBy('created_at', 'asc').orderBy('kid').executeTakeFirstOrThrow();
}

export function findSigningKey(db: Db, kid: string): Promise<SigningKeyTable | undefined> {
  return db.selectFrom('signing_keys').selectAll().where('kid', '=', kid).executeTakeFirst();
}

export async function insertSigningKey(db: Db, row: SigningKeyTable): Promise<void> {
  await db.insertInto('signing_keys').values(row).execute();
}

export async function deleteSigningKey(db: Db, kid: string): Promise<void> {
  await db.deleteFrom('signing_keys').where('kid', '=', kid).execute();
}

/**
 * In one transaction: retires every active key and inserts `key` as the only active one, created strictly after
 * every existing key (so "newest active" is unambiguous even within one millisecond).
 */
export async function replaceActiveSigningKey(db: Db, key: SigningKeyRow, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const newest = await trx.selectFrom('signing_keys').select(['created_at']).orderBy('created_at', 'desc').executeTakeFirst();
    const createdAt = Math.max(now, Number(newest?.created_at ?? 0) + 1);
    await trx.updateTable('signing_keys').set({ active: 0 }).where('active', '=', 1).execute();
    await trx
      .insertInto('signing_keys')
      .values({ ...key, active: 1, created_at: createdAt })
      .execute();
  });
}

/** Every public key (JWK JSON), newest first. */
export async function publicJwkTexts(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('signing_keys').select(['public_jwk']).orderBy('created_at', 'desc').execute();
  return rows.map((r) => r.public_jwk);
}

/** Fails on the unique index when the key (or the id) is already stored. */
export async function insertSecretKey(db: Db, row: SecretKeyTable): Promise<void> {
  await db.insertInto('secret_keys').values(row).execute();
}

export async function deleteSecretKeysExcept(db: Db, keyHash: string): Promise<void> {
  await db.deleteFrom('secret_keys').where('key_hash', '!=', keyHash).execute();
}

/** The oldest stored secret key's hint and source. */
export function firstSecretKey(db: Db): Promise<Pick<SecretKeyTable, 'hint' | 'source'> | undefined> {
  return db.selectFrom('secret_keys').select(['hint', 'source']).orderBy('created_at').executeTakeFirst();
}

export async function secretKeyHashes(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('secret_keys').select(['key_hash']).execute();
  return rows.map((r) => r.key_hash);
}
