// Users: reading them with their email addresses, building a new one, the username and primary-address rules shared
// by sign-up, /v1/me and the Backend API, and the lockout counter.
import type { ServerContext } from '../context.js';
import type { EmailAddressTable, UserTable } from '../store/schema.js';
import { newId } from '../crypto/ids.js';
import { Errors } from '../errors.js';
import { emailsOfUsers } from '../store/email-addresses.js';
import { clearUserFailures, findUserByUsername, findUserByVerifiedEmail, findUserLock, findUsersByIds, reserveUserAttempt } from '../store/users.js';
import { lockoutRefusals } from '../metrics.js';

export interface UserWithEmails {
  user: UserTable;
  emails: EmailAddressTable[];
}

export async function loadUsers(ctx: ServerContext, ids: string[]): Promise<Map<string, UserWithEmails>> {
  const out = new Map<string, UserWithEmails>();
  if (ids.length === 0) return out;
  const unique = [...new Set(ids)];
  const [users, emails] = await Promise.all([findUsersByIds(ctx.db, unique), emailsOfUsers(ctx.db, unique)]);
  for (const user of users) out.set(user.id, { user, emails: emails.filter((e) => e.user_id === user.id) });
  return out;
}

export async function loadUser(ctx: ServerContext, id: string): Promise<UserWithEmails | undefined> {
  return (await loadUsers(ctx, [id])).get(id);
}

export function isEmail(identifier: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(identifier) && identifier.length <= 320;
}

const USERNAME = /^[a-zA-Z0-9_.-]{4,64}$/;

/** Throws Clerk's format error unless `username` is 4 to 64 letters, digits, "_", "." or "-". */
export function assertUsernameFormat(username: string): void {
  if (!USERNAME.test(username)) throw Errors.paramFormat('username', 'must be 4 to 64 letters, digits, "_", "." or "-"');
}

/** The username columns for a new username: checked against the instance's attribute and the format. */
export function usernameColumns(ctx: ServerContext, username: string): Pick<UserTable, 'username' | 'username_lower'> {
  if (ctx.config.attributes.username === 'off') throw Errors.paramUnknown('username');
  assertUsernameFormat(username);
  return { username, username_lower: username.toLowerCase() };
}

/** The address `id` as a user's new primary: one of theirs (`owner` names them in the error) and verified. */
export function primaryEmailChoice(u: UserWithEmails, id: string, owner: 'account' | 'user'): EmailAddressTable {
  const e = u.emails.find((x) => x.id === id);
  if (!e) throw Errors.paramInvalid('primary_email_address_id', `does not belong to this ${owner}`);
  if (e.verified_at === null) throw Errors.paramInvalid('primary_email_address_id', 'must be a verified email address');
  return e;
}

export interface NewUser {
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  password_hash: string | null;
  /** Stored JSON text of each metadata field. */
  public_metadata: string;
  private_metadata: string;
  unsafe_metadata: string;
  /** Verified addresses, the first one primary. */
  emails: string[];
  /** How the addresses were verified: email_code, ticket or admin. */
  verification_strategy: string;
}

/** The rows of a new user and their verified email addresses (not stored yet). */
export function buildUser(now: number, input: NewUser): UserWithEmails {
  const userId = newId('user');
  const emails: EmailAddressTable[] = input.emails.map((email) => ({
    id: newId('idn'),
    user_id: userId,
    email_address: email,
    email_lower: email.toLowerCase(),
    verified_at: now,
    verification_strategy: input.verification_strategy,
    created_at: now,
    updated_at: now,
  }));
  const user: UserTable = {
    id: userId,
    username: input.username,
    username_lower: input.username?.toLowerCase() ?? null,
    first_name: input.first_name,
    last_name: input.last_name,
    password_hash: input.password_hash,
    password_updated_at: input.password_hash ? now : null,
    primary_email_address_id: emails[0]?.id ?? null,
    public_metadata: input.public_metadata,
    private_metadata: input.private_metadata,
    unsafe_metadata: input.unsafe_metadata,
    failed_attempts: 0,
    locked_until: null,
    last_sign_in_at: null,
    last_active_at: null,
    image_id: null,
    created_at: now,
    updated_at: now,
  };
  return { user, emails };
}

/** Finds the user a sign-in identifier (verified email address or username) names. */
export async function findUserByIdentifier(ctx: ServerContext, identifier: string): Promise<UserTable | undefined> {
  const lower = identifier.trim().toLowerCase();
  if (lower.includes('@')) return findUserByVerifiedEmail(ctx.db, lower);
  return findUserByUsername(ctx.db, lower);
}

/** Throws `user_locked` while the user's lockout lasts. */
export function assertNotLocked(ctx: ServerContext, user: UserTable): void {
  if (user.locked_until && user.locked_until > ctx.now()) throw lockoutRefusal(Math.ceil((user.locked_until - ctx.now()) / 1000));
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
  if (await reserveUserAttempt(ctx.db, userId, max, lockUntil, now)) return;
  const row = await findUserLock(ctx.db, userId);
  if (!row) throw Errors.identifierNotFound();
  throw lockoutRefusal(Math.max(1, Math.ceil(((row.locked_until ?? now) - now) / 1000)));
}

/** `user_locked`, counted in the metrics. */
function lockoutRefusal(seconds: number) {
  lockoutRefusals.inc();
  return Errors.userLocked(seconds);
}

/** After a check that passed: the failure count starts over and any lock is lifted. */
export async function clearFailures(ctx: ServerContext, user: UserTable): Promise<void> {
  if (!ctx.config.lockout.enabled && user.failed_attempts === 0 && user.locked_until === null) return;
  await clearUserFailures(ctx.db, user.id);
}
