// Invitations: found by id or by the SHA-256 of their ticket; `pending` → `accepted` or `revoked` by conditional updates.
import { containsPattern, likeEscaped, type Db } from './db.js';
import type { InvitationTable } from './schema.js';
import { sql } from 'kysely';

export async function insertInvitation(db: Db, row: InvitationTable): Promise<void> {
  await db.insertInto('invitations').values(row).execute();
}

export function findInvitationById(db: Db, id: string): Promise<InvitationTable | undefined> {
  return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findInvitationsByIds(db: Db, ids: string[]): Promise<InvitationTable[]> {
  return ids.length > 0 ? db.selectFrom('invitations').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
}

export function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<InvitationTable | undefined> {
  return db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Whether the (lower-cased) address has a pending, unexpired invitation. */
export async function pendingInvitationExists(db: Db, emailLower: string, now: number): Promise<boolean> {
  const pending = await db
    .selectFrom('invitations')
    .select('id')
    .where('email_lower', '=', emailLower)
    .where('status', '=', 'pending')
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return pending !== undefined;
}

export async function revokePendingInvitation(db: Db, id: string, now: number): Promise<void> {
  await db.updateTable('invitations').set({ status: 'revoked', updated_at: now }).where('id', '=', id).where('status', '=', 'pending').execute();
}

/** Moves a pending, unexpired invitation to `accepted`; true only for the one caller whose update changed it. */
export async function acceptInvitation(db: Db, id: string, now: number): Promise<boolean> {
  const used = await db
    .updateTable('invitations')
    .set({ status: 'accepted', updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export const INVITATION_ORDER_FIELDS = ['created_at', 'email_address', 'expires_at'] as const;

export interface InvitationFilter {
  status?: (typeof INVITATION_STATUSES)[number] | undefined;
  query?: string | undefined;
}

export interface InvitationPage {
  limit: number;
  offset: number;
  order: { field: (typeof INVITATION_ORDER_FIELDS)[number]; direction: 'asc' | 'desc' };
}

function filteredInvitations(db: Db, f: InvitationFilter, now: number) {
  let q = db.selectFrom('invitations');
  if (f.status === 'expired') q = q.where('status', '=', 'pending').where('expires_at', '<=', now);
  else if (f.status === 'pending') q = q.where('status', '=', 'pending').where('expires_at', '>', now);
  else if (f.status) q = q.where('status', '=', f.status);
  if (f.query) q = q.where(likeEscaped(sql`email_lower`, containsPattern(f.query)));
  return q;
}

export function listInvitations(db: Db, f: InvitationFilter, page: InvitationPage, now: number): Promise<InvitationTable[]> {
  const field = page.order.field === 'email_address' ? 'email_lower' : page.order.field;
  return filteredInvitations(db, f, now)
    .selectAll()
    .orderBy(field, page.order.direction)
    .orderBy('id', page.order.direction)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countInvitations(db: Db, f: InvitationFilter, now: number): Promise<number> {
  const total = await filteredInvitations(db, f, now)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(total?.n ?? 0);
}
