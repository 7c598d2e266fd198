// Reading users with their email addresses, and the lockout counter.
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

/** Counts one failed password or code attempt; locks the user after the configured number. */
export async function recordFailure(ctx: ServerContext, user: UserTable): Promise<void> {
  const { lockout } = ctx.config;
  if (!lockout.enabled) return;
  const now = ctx.now();
  // Atomic increment: concurrent wrong guesses all count.
  const row = await ctx.db
    .updateTable('users')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1), updated_at: now }))
    .where('id', '=', user.id)
    .returning(['failed_attempts'])
    .executeTakeFirst();
  if (row && row.failed_attempts >= lockout.maxAttempts) {
    await ctx.db.updateTable('users').set({ locked_until: now + lockout.durationMinutes * 60_000, failed_attempts: 0 }).where('id', '=', user.id).execute();
  }
}

export async function clearFailures(ctx: ServerContext, user: UserTable): Promise<void> {
  if (user.failed_attempts === 0 && user.locked_until === null) return;
  await ctx.db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id).execute();
}
