// Email addresses: one row per address, unique (lower-cased) among verified ones.
import type { Db } from './db.js';
import type { EmailAddressTable } from './schema.js';

/** The addresses of these users, oldest first. */
export function emailsOfUsers(db: Db, userIds: string[]): Promise<EmailAddressTable[]> {
  return db.selectFrom('email_addresses').selectAll().where('user_id', 'in', userIds).orderBy('created_at').execute();
}

/** Whether some user has verified this (lower-cased) address. */
export async function verifiedEmailExists(db: Db, emailLower: string): Promise<boolean> {
  const row = await db.selectFrom('email_addresses').select('id').where('email_lower', '=', emailLower).where('verified_at', 'is not', null).executeTakeFirst();
  return row !== undefined;
}

export function findEmailByAddress(db: Db, emailLower: string): Promise<EmailAddressTable | undefined> {
  return db.selectFrom('email_addresses').selectAll().where('email_lower', '=', emailLower).executeTakeFirst();
}

/** Adds an address in one transaction; `yielding` (someone's unverified claim on it) is removed first, if still unverified. */
export async function insertEmailAddressReplacing(db: Db, row: EmailAddressTable, yielding: string | undefined): Promise<void> {
  await db.transaction().execute(async (tx) => {
    if (yielding) await tx.deleteFrom('email_addresses').where('id', '=', yielding).where('verified_at', 'is', null).execute();
    await tx.insertInto('email_addresses').values(row).execute();
  });
}

export async function markEmailVerified(db: Db, id: string, strategy: string, now: number): Promise<void> {
  await db.updateTable('email_addresses').set({ verified_at: now, verification_strategy: strategy, updated_at: now }).where('id', '=', id).execute();
}

export async function deleteEmailAddress(db: Db, id: string): Promise<void> {
  await db.deleteFrom('email_addresses').where('id', '=', id).execute();
}

export async function deleteEmailsOfUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('email_addresses').where('user_id', '=', userId).execute();
}
