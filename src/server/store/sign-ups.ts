// Sign-up attempts, each owned by one client.
import type { Db } from './db.js';
import type { SignUpTable } from './schema.js';

export async function insertSignUp(db: Db, row: SignUpTable): Promise<void> {
  await db.insertInto('sign_ups').values(row).execute();
}

export function findSignUpById(db: Db, id: string): Promise<SignUpTable | undefined> {
  return db.selectFrom('sign_ups').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSignUpOfClient(db: Db, id: string, clientId: string): Promise<SignUpTable | undefined> {
  return db.selectFrom('sign_ups').selectAll().where('id', '=', id).where('client_id', '=', clientId).executeTakeFirst();
}

export async function updateSignUpRow(db: Db, id: string, patch: Partial<SignUpTable>): Promise<void> {
  await db.updateTable('sign_ups').set(patch).where('id', '=', id).execute();
}
