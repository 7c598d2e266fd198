// One-time codes: at most one per subject (`sign_in:<id>`, `sign_up:<id>`, `email:<id>`), with conditional
// updates that count attempts and consume a code exactly once, however many requests race.
import type { Db } from './db.js';
import type { VerificationCodeTable } from './schema.js';

/** Stores a fresh code for its subject, replacing any earlier one. */
export async function replaceCode(db: Db, row: VerificationCodeTable): Promise<void> {
  await db.deleteFrom('verification_codes').where('subject', '=', row.subject).execute();
  await db.insertInto('verification_codes').values(row).execute();
}

export function findCodeBySubject(db: Db, subject: string): Promise<VerificationCodeTable | undefined> {
  return db.selectFrom('verification_codes').selectAll().where('subject', '=', subject).executeTakeFirst();
}

/** Counts one attempt, in one statement, while the code is unconsumed and has attempts left; the new count, or undefined. */
export async function reserveCodeAttempt(db: Db, id: string, maxAttempts: number): Promise<number | undefined> {
  const reserved = await db
    .updateTable('verification_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('attempts', '<', maxAttempts)
    .where('consumed_at', 'is', null)
    .returning(['attempts'])
    .executeTakeFirst();
  return reserved?.attempts;
}

export async function codeConsumed(db: Db, id: string): Promise<boolean> {
  const current = await db.selectFrom('verification_codes').select('consumed_at').where('id', '=', id).executeTakeFirst();
  return current !== undefined && current.consumed_at !== null;
}

/** Consumes the code; true only for the one request whose update changed it. */
export async function consumeCode(db: Db, id: string, now: number): Promise<boolean> {
  const res = await db.updateTable('verification_codes').set({ consumed_at: now }).where('id', '=', id).where('consumed_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteCodesOfSubject(db: Db, subject: string): Promise<void> {
  await db.deleteFrom('verification_codes').where('subject', '=', subject).execute();
}
