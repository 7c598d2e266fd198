// Sign-in attempts, each owned by one client.
import type { Db } from './db.js';
import type { SignInTable } from './schema.js';

export async function insertSignIn(db: Db, row: SignInTable): Promise<void> {
  await db.insertInto('sign_ins').values(row).execute();
}

export function findSignInById(db: Db, id: string): Promise<SignInTable | undefined> {
  return db.selectFrom('sign_ins').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSignInOfClient(db: Db, id: string, clientId: string): Promise<SignInTable | undefined> {
  return db.selectFrom('sign_ins').selectAll().where('id', '=', id).where('client_id', '=', clientId).executeTakeFirst();
}

export async function updateSignInRow(db: Db, id: string, patch: Partial<SignInTable>): Promise<void> {
  await db.updateTable('sign_ins').set(patch).where('id', '=', id).execute();
}
