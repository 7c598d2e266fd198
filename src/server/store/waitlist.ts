// Waitlist entries: one per (lower-cased) email address, enforced by a unique index.
import { sql } from 'kysely';
import { containsPattern, likeEscaped, type Db } from './db.js';
import type { WaitlistEntryTable } from './schema.js';

export function findWaitlistEntryByEmail(db: Db, emailLower: string): Promise<WaitlistEntryTable | undefined> {
  return db.selectFrom('waitlist_entries').selectAll().where('email_lower', '=', emailLower).executeTakeFirst();
}

export function findWaitlistEntryById(db: Db, id: string): Promise<WaitlistEntryTable | undefined> {
  return db.selectFrom('waitlist_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Fails on the unique index when the address is already on the list. */
export async function insertWaitlistEntry(db: Db, row: WaitlistEntryTable): Promise<void> {
  await db.insertInto('waitlist_entries').values(row).execute();
}

export async function updateWaitlistEntryRow(db: Db, id: string, patch: Partial<Omit<WaitlistEntryTable, 'id'>>): Promise<void> {
  await db.updateTable('waitlist_entries').set(patch).where('id', '=', id).execute();
}

export const WAITLIST_STATUSES = ['pending', 'invited', 'completed', 'rejected'] as const;
export const WAITLIST_ORDER_FIELDS = ['created_at', 'email_address'] as const;

export interface WaitlistFilter {
  status?: (typeof WAITLIST_STATUSES)[number] | undefined;
  /** Partial match on the address or the id. */
  query?: string | undefined;
}

export interface WaitlistPage {
  limit: number;
  offset: number;
  order: { field: (typeof WAITLIST_ORDER_FIELDS)[number]; direction: 'asc' | 'desc' };
}

function filteredEntries(db: Db, f: WaitlistFilter) {
  let q = db.selectFrom('waitlist_entries');
  if (f.status) q = q.where('status', '=', f.status);
  if (f.query) {
    const pattern = containsPattern(f.query);
    q = q.where((eb) => eb.or([likeEscaped(sql`email_lower`, pattern), likeEscaped(sql`lower(id)`, pattern)]));
  }
  return q;
}

/** One page of entries matching the filter, and how many match in all. */
export async function listWaitlistEntries(db: Db, f: WaitlistFilter, page: WaitlistPage): Promise<{ rows: WaitlistEntryTable[]; total: number }> {
  const q = filteredEntries(db, f);
  const field = page.order.field === 'email_address' ? 'email_lower' : page.order.field;
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy(field, page.order.direction).orderBy('id', page.order.direction).limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}
