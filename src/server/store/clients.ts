// Clients: one per browser or native app, found by the SHA-256 of its token.
import type { Db } from './db.js';
import type { ClientTable } from './schema.js';

export type ClientPatch = Partial<Omit<ClientTable, 'id' | 'token_hash'>>;

/** The unexpired client whose token hashes to `tokenHash`. */
export function findClientByTokenHash(db: Db, tokenHash: string, now: number): Promise<ClientTable | undefined> {
  return db.selectFrom('clients').selectAll().where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
}

export function findClientById(db: Db, id: string): Promise<ClientTable | undefined> {
  return db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertClient(db: Db, row: ClientTable): Promise<void> {
  await db.insertInto('clients').values(row).execute();
}

export async function updateClientRow(db: Db, id: string, patch: ClientPatch): Promise<void> {
  await db.updateTable('clients').set(patch).where('id', '=', id).execute();
}

export async function setClientTokenHash(db: Db, id: string, tokenHash: string, now: number): Promise<void> {
  await db.updateTable('clients').set({ token_hash: tokenHash, updated_at: now }).where('id', '=', id).execute();
}

export async function deleteClient(db: Db, id: string): Promise<void> {
  await db.deleteFrom('clients').where('id', '=', id).execute();
}
