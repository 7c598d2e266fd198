// Reading users with their email addresses, and the lockout counter.
import { sql } from 'kysely';
import type { ServerContext } from '../context.js';
import type { EmailAddressTable, UserTable } from '../store/schema.js';
import { Errors } from '../http/errors.js';

export interface UserWithEmails {
  user: UserTable;
  emails: EmailAddressTable[];
}

export async function loadUsers(ctx: ServerContext, ids: string[]): Promise<Map<string, UserWithEmails>> {
  const out = new Map<string, UserWithEmails>();
  if (ids.length === 0) return out;
  const unique = [...new Set(ids)];
  const [users, emails] = await Promise.all([
    ctx.db.selectFrom('users').selectAll().where('id', 'in', unique).execute(),
    ctx.db.selectFrom('email_addresses').selectAll().where('user_id', 'in', unique).orderBy('created_at').execute(),
  ]);
  for (const user of users) out.set(user.id, { user, emails: emails.filter((e) => e.user_id === user.id) });
  return out;
}

export async function loadUser(ctx: ServerContext, id: string): Promise<UserWithEmails | undefined> {
  return (await loadUsers(ctx, [id])).get(id);
}

export function isEmail(identifier: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(identifier) && identifier.length <= 320;
}

/** Finds the user a sign-in identifier (verified email address or username) names. */
export async function findUserByIdentifier(ctx: ServerContext, identifier: string): Promise<UserTable | undefined> {
  const lower = identifier.trim().toLowerCase();
  if (lower.includes('@')) {
    return ctx.db
      .selectFrom('email_addresses')
      .innerJoin('users', 'users.id', 'email_addresses.user_id')
      .selectAll('users')
      .where('email_addresses.email_lower', '=', lower)
      .where('email_addresses.verified_at', 'is not', null)
      .executeTakeFirst();
  }
  return ctx.db.selectFrom('users').selectAll().where('username_lower', '=', lower).executeTakeFirst();
}

/** Throws `user_locked` while the user's lockout lasts. */
export function assertNotLocked(ctx: ServerContext, user: UserTable): void {
  if (user.locked_until && user.locked_until > ctx.now()) throw Errors.userLocked(Math.ceil((user.locked_until - ctx.now()) / 1000));
}

/**
 * Counts one password or code check against the user *before* it runs, in a single statement: however many requests
 * race, at most `lockout.maxAttempts` checks run per lockout window. The check that reaches the limit locks the user
 * in the same statement (a wrong guess leaves the lock, a right one lifts it with `clearFailures`); once a lock has
 * expired, the next check starts a new window. No read-modify-write in JS, so the count is exact on both databases.
 * Throws `user_locked` while the user is locked.
 */
export async function reserveAttempt(ctx: ServerContext, userId: string): Promise<void> {
  const { lockout } = ctx.config;
  if (!lockout.enabled) return;
  const now = ctx.now();
  const max = Math.max(1, lockout.maxAttempts);
  const lockUntil = now + lockout.durationMinutes * 60_000;
  // Rows that pass the WHERE are unlocked or hold an expired lock: the latter restart the count at 1.
  const count = sql<number>`(CASE WHEN locked_until IS NULL THEN failed_attempts + 1 ELSE 1 END)`;
  const reserved = await ctx.db
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
  if (reserved) return;
  const row = await ctx.db.selectFrom('users').select('locked_until').where('id', '=', userId).executeTakeFirst();
  if (!row) throw Errors.identifierNotFound();
  throw Errors.userLocked(Math.max(1, Math.ceil(((row.locked_until ?? now) - now) / 1000)));
}

/** After a check that passed: the failure count starts over and any lock is lifted. */
export async function clearFailures(ctx: ServerContext, user: UserTable): Promise<void> {
  if (!ctx.config.lockout.enabled && user.failed_attempts === 0 && user.locked_until === null) return;
  await ctx.db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id).execute();
}
