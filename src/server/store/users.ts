// Users: rows, the lockout counter, and the Backend API's search.
import { sql } from 'kysely';
import { containsPattern, likeEscaped, type Db, type DbKind } from './db.js';
import type { EmailAddressTable, UserTable } from './schema.js';

export type UserPatch = Partial<Omit<UserTable, 'id'>>;

export function findUsersByIds(db: Db, ids: string[]): Promise<UserTable[]> {
  return db.selectFrom('users').selectAll().where('id', 'in', ids).execute();
}

/** The user a verified email address (lower-cased) belongs to. */
export function findUserByVerifiedEmail(db: Db, emailLower: string): Promise<UserTable | undefined> {
  return db
    .selectFrom('email_addresses')
    .innerJoin('users', 'users.id', 'email_addresses.user_id')
    .selectAll('users')
    .where('email_addresses.email_lower', '=', emailLower)
    .where('email_addresses.verified_at', 'is not', null)
    .executeTakeFirst();
}

export function findUserByUsername(db: Db, usernameLower: string): Promise<UserTable | undefined> {
  return db.selectFrom('users').selectAll().where('username_lower', '=', usernameLower).executeTakeFirst();
}

export async function usernameTaken(db: Db, usernameLower: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('username_lower', '=', usernameLower).executeTakeFirst()) !== undefined;
}

export async function insertUser(db: Db, row: UserTable): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

/**
 * A new user and their email addresses (call it in a transaction). Unverified claims on those addresses (added to
 * some account, never confirmed) yield; a verified one makes the insert fail on the unique index.
 */
export async function insertUserWithEmails(db: Db, user: UserTable, emails: EmailAddressTable[]): Promise<void> {
  await db.insertInto('users').values(user).execute();
  if (emails.length === 0) return;
  await db
    .deleteFrom('email_addresses')
    .where(
      'email_lower',
      'in',
      emails.map((r) => r.email_lower),
    )
    .where('verified_at', 'is', null)
    .execute();
  await db.insertInto('email_addresses').values(emails).execute();
}

export async function updateUserRow(db: Db, id: string, patch: UserPatch): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function deleteUserRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('users').where('id', '=', id).execute();
}

/**
 * Counts one check against the user in a single statement, only while the user is not locked (or the lock has
 * expired, which restarts the count at 1); the check that reaches `max` sets the lock to `lockUntil`.
 * Returns false when the user is locked (or gone).
 */
export async function reserveUserAttempt(db: Db, userId: string, max: number, lockUntil: number, now: number): Promise<boolean> {
  // Rows that pass the WHERE are unlocked or hold an expired lock: the latter restart the count at 1.
  const count = sql<number>`(CASE WHEN locked_until IS NULL THEN failed_attempts + 1 ELSE 1 END)`;
  const reserved = await db
    .updateTable('users')
    .set({
      failed_attempts: count,
      locked_until: sql<number | null>`(CASE WHEN ${count} >= ${max} THEN CAST(${lockUntil} AS bigint) ELSE NULL END)`,
      updated_at: now,
    })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning(['failed_attempts'])
    .executeTakeFirst();
  return reserved !== undefined;
}

export function findUserLock(db: Db, userId: string): Promise<{ locked_until: number | null } | undefined> {
  return db.selectFrom('users').select('locked_until').where('id', '=', userId).executeTakeFirst();
}

export async function clearUserFailures(db: Db, userId: string): Promise<void> {
  await db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', userId).execute();
}

export const METADATA_COLUMNS = ['public_metadata', 'private_metadata', 'unsafe_metadata'] as const;
export type MetadataColumn = (typeof METADATA_COLUMNS)[number];

/** The stored metadata columns of a user; `lock`: the row is locked until the transaction ends (PostgreSQL). */
export function findUserMetadata(
  db: Db,
  kind: DbKind,
  userId: string,
  columns: MetadataColumn[],
  lock: boolean,
): Promise<Partial<Record<MetadataColumn, string>> | undefined> {
  let current = db.selectFrom('users').select(columns).where('id', '=', userId);
  if (lock && kind === 'postgres') current = current.forUpdate();
  return current.executeTakeFirst();
}

export const USER_ORDER_FIELDS = ['created_at', 'updated_at', 'last_sign_in_at', 'last_active_at'] as const;
export type UserOrderField = (typeof USER_ORDER_FIELDS)[number];

export interface UserFilter {
  email_address?: string[] | undefined;
  username?: string[] | undefined;
  user_id?: string[] | undefined;
  /** Case-insensitive partial match on id, email addresses, username, first and last name. */
  query?: string | undefined;
}

export interface UserPage {
  limit: number;
  offset: number;
  order: { field: UserOrderField; direction: 'asc' | 'desc' };
}

function filteredUsers(db: Db, f: UserFilter) {
  let q = db.selectFrom('users');
  if (f.email_address) {
    const lower = f.email_address.map((e) => e.trim().toLowerCase());
    q = q.where('users.id', 'in', db.selectFrom('email_addresses').select('user_id').where('email_lower', 'in', lower));
  }
  if (f.username)
    q = q.where(
      'username_lower',
      'in',
      f.username.map((u) => u.toLowerCase()),
    );
  if (f.user_id) q = q.where('users.id', 'in', f.user_id);
  if (f.query) {
    const pattern = containsPattern(f.query.trim());
    q = q.where((eb) =>
      eb.or([
        likeEscaped(sql`lower(users.id)`, pattern),
        likeEscaped(sql`coalesce(users.username_lower, '')`, pattern),
        likeEscaped(sql`lower(coalesce(users.first_name, '') || ' ' || coalesce(users.last_name, ''))`, pattern),
        eb(
          'users.id',
          'in',
          db
            .selectFrom('email_addresses')
            .select('user_id')
            .where(likeEscaped(sql`email_lower`, pattern)),
        ),
      ]),
    );
  }
  return q;
}

/** The ids of one page of users matching the filter, in the page's order (ties broken by id). */
export async function listUserIds(db: Db, f: UserFilter, page: UserPage): Promise<string[]> {
  const rows = await filteredUsers(db, f)
    .select('users.id')
    .orderBy(page.order.field, page.order.direction)
    .orderBy('users.id', page.order.direction)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => r.id);
}

export async function countUsers(db: Db, f: UserFilter): Promise<number> {
  const row = await filteredUsers(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
