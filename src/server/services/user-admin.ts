// Users as the Backend API manages them: list and search, create with verified addresses, update (fields, metadata merged or
// replaced), lock, unlock.
import type { ServerContext } from '../context.js';
import type { SessionTable, UserTable } from '../store/schema.js';
import { hashPassword } from '../crypto/passwords.js';
import { Errors } from '../errors.js';
import { inTransaction, isUniqueViolation } from '../store/db.js';
import { revokeLiveSessionsOfUser } from '../store/sessions.js';
import {
  countUsers as countUserRows,
  findUserMetadata,
  insertUserWithEmails,
  listUserIds,
  METADATA_COLUMNS,
  type MetadataColumn,
  updateUserRow,
  type UserFilter,
  type UserPage,
} from '../store/users.js';
import { emitSessionEvent, emitUserEvent } from '../webhooks/emit.js';
import { checkNewPassword } from './password-rules.js';
import { assertUsernameFormat, buildUser, isEmail, loadUser, loadUsers, primaryEmailChoice, usernameColumns, type UserWithEmails } from './users.js';

export { USER_ORDER_FIELDS, type UserFilter, type UserOrderField, type UserPage } from '../store/users.js';

const NAME_MAX = 256;

/** One page of users matching the filter, newest first unless told otherwise. */
export async function listUsers(ctx: ServerContext, f: UserFilter, page: UserPage): Promise<UserWithEmails[]> {
  const ids = await listUserIds(ctx.db, f, page);
  const users = await loadUsers(ctx, ids);
  return ids.map((id) => users.get(id)).filter((u): u is UserWithEmails => u !== undefined);
}

export async function countUsers(ctx: ServerContext, f: UserFilter): Promise<number> {
  return countUserRows(ctx.db, f);
}

export async function requireUserById(ctx: ServerContext, id: string): Promise<UserWithEmails> {
  const u = id ? await loadUser(ctx, id) : undefined;
  if (!u) throw Errors.notFound('user');
  return u;
}

export interface CreateUserInput {
  email_address?: string[] | undefined;
  username?: string | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
  password?: string | undefined;
  skip_password_checks?: boolean | undefined;
  skip_password_requirement?: boolean | undefined;
  public_metadata?: Record<string, unknown> | undefined;
  private_metadata?: Record<string, unknown> | undefined;
  unsafe_metadata?: Record<string, unknown> | undefined;
}

function checkName(field: 'first_name' | 'last_name', v: string | undefined): void {
  if (v !== undefined && v.length > NAME_MAX) throw Errors.paramTooLong(field, NAME_MAX);
}

async function passwordHash(ctx: ServerContext, password: string, skipChecks: boolean | undefined): Promise<string> {
  if (!skipChecks) await checkNewPassword(ctx, password);
  return hashPassword(password);
}

/** Creates a user whose email addresses count as verified (strategy `admin`), as Clerk's Backend API does. */
export async function createUser(ctx: ServerContext, input: CreateUserInput): Promise<UserWithEmails> {
  const a = ctx.config.attributes;
  const emails = [...new Map((input.email_address ?? []).map((e) => [e.trim().toLowerCase(), e.trim()])).values()];
  if (emails.length > 0 && a.email_address === 'off') throw Errors.paramUnknown('email_address');
  if (input.username !== undefined && a.username === 'off') throw Errors.paramUnknown('username');
  if (emails.length === 0 && a.email_address === 'required') throw Errors.paramMissing('email_address');
  if (input.username === undefined && a.username === 'required') throw Errors.paramMissing('username');
  if (input.password === undefined && a.password === 'required' && !input.skip_password_requirement) throw Errors.paramMissing('password');
  if (emails.length === 0 && input.username === undefined) throw Errors.paramMissing('email_address');
  for (const e of emails) if (!isEmail(e)) throw Errors.paramFormat('email_address', 'must be a list of valid email addresses');
  if (input.username !== undefined) assertUsernameFormat(input.username);
  checkName('first_name', input.first_name);
  checkName('last_name', input.last_name);
  const hash = input.password !== undefined ? await passwordHash(ctx, input.password, input.skip_password_checks) : null;
  const created = buildUser(ctx.now(), {
    username: input.username ?? null,
    first_name: input.first_name ?? null,
    last_name: input.last_name ?? null,
    password_hash: hash,
    public_metadata: JSON.stringify(input.public_metadata ?? {}),
    private_metadata: JSON.stringify(input.private_metadata ?? {}),
    unsafe_metadata: JSON.stringify(input.unsafe_metadata ?? {}),
    emails,
    verification_strategy: 'admin',
  });
  try {
    // Unverified claims on these addresses (added to some account, never confirmed) yield, as in sign-up.
    await inTransaction(ctx.db, (tx) => insertUserWithEmails(tx, created.user, created.emails));
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    throw Errors.identifierExists(/username/.test(String((e as Error).message)) ? 'username' : 'email_address');
  }
  await emitUserEvent(ctx, 'user.created', created.user.id);
  return created;
}

export interface UpdateUserInput {
  first_name?: string | null | undefined;
  last_name?: string | null | undefined;
  /** null or "" removes the username (when it is not required). */
  username?: string | null | undefined;
  password?: string | undefined;
  skip_password_checks?: boolean | undefined;
  sign_out_of_other_sessions?: boolean | undefined;
  primary_email_address_id?: string | undefined;
  public_metadata?: Record<string, unknown> | undefined;
  private_metadata?: Record<string, unknown> | undefined;
  unsafe_metadata?: Record<string, unknown> | undefined;
}

/**
 * Applies the given fields (metadata objects are replaced whole, as Clerk's PATCH /users/{id} does). Everything is
 * checked before anything is written, and the write is one transaction: a refused request changes nothing.
 */
export async function updateUser(ctx: ServerContext, u: UserWithEmails, input: UpdateUserInput): Promise<UserWithEmails> {
  const set: Partial<UserTable> = {};
  const now = ctx.now();
  for (const f of ['first_name', 'last_name'] as const) {
    const v = input[f];
    if (v === undefined) continue;
    checkName(f, v ?? undefined);
    set[f] = v === '' ? null : v;
  }
  if (input.username !== undefined) {
    if (ctx.config.attributes.username === 'off') throw Errors.paramUnknown('username');
    if (input.username === null || input.username === '') {
      if (ctx.config.attributes.username === 'required') throw Errors.paramInvalid('username', 'is required in this instance and cannot be removed');
      set.username = null;
      set.username_lower = null;
    } else {
      Object.assign(set, usernameColumns(ctx, input.username));
    }
  }
  if (input.primary_email_address_id !== undefined) {
    set.primary_email_address_id = primaryEmailChoice(u, input.primary_email_address_id, 'user').id;
  }
  if (input.password === undefined && (input.skip_password_checks !== undefined || input.sign_out_of_other_sessions !== undefined)) {
    const name = input.skip_password_checks !== undefined ? 'skip_password_checks' : 'sign_out_of_other_sessions';
    throw Errors.paramInvalid(name, 'can only be used together with password');
  }
  for (const f of METADATA_FIELDS) {
    if (input[f] !== undefined) set[f] = metadataText(f, input[f]);
  }
  // The slow check (hashing) comes last, once every cheap check has passed.
  if (input.password !== undefined) {
    set.password_hash = await passwordHash(ctx, input.password, input.skip_password_checks);
    set.password_updated_at = now;
  }
  if (Object.keys(set).length === 0) return u;
  const signOut = input.password !== undefined && input.sign_out_of_other_sessions === true;
  let revoked: SessionTable[] = [];
  try {
    await inTransaction(ctx.db, async (tx) => {
      await updateUserRow(tx, u.user.id, { ...set, updated_at: now });
      if (signOut) revoked = await revokeLiveSessionsOfUser(tx, u.user.id, now);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw Errors.identifierExists('username');
    throw e;
  }
  // Webhooks go out once the change is committed (queueing them inside would hold SQLite's only connection).
  for (const s of revoked) await emitSessionEvent(ctx, 'session.revoked', s);
  await emitUserEvent(ctx, 'user.updated', u.user.id);
  return requireUserById(ctx, u.user.id);
}

export const METADATA_FIELDS = METADATA_COLUMNS;
export type MetadataField = MetadataColumn;
/** The most JSON one metadata field may hold, as a request parameter and once stored. */
export const METADATA_MAX_CHARS = 8192;

/** Per field: an object, or null (cleared); absent fields stay as they are. */
export type MetadataInput = Partial<Record<MetadataField, Record<string, unknown> | null>>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The stored text of a metadata field, refused when it is larger than a field may hold. */
function metadataText(field: MetadataField, value: Record<string, unknown> | null): string {
  const text = JSON.stringify(value ?? {});
  if (text.length > METADATA_MAX_CHARS) throw Errors.paramTooLong(field, METADATA_MAX_CHARS);
  return text;
}

/**
 * A deep merge as JSON Merge Patch (RFC 7386) does it: objects merge key by key at every level, a null removes its
 * key, anything else (arrays included) replaces. Own keys only, so `__proto__` is a key like any other.
 */
export function mergeMetadata(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const out = new Map(Object.entries(isPlainObject(target) ? target : {}));
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) out.delete(k);
    else out.set(k, mergeMetadata(out.get(k), v));
  }
  return Object.fromEntries(out);
}

function storedObject(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return isPlainObject(v) ? v : {};
  } catch {
    return {};
  }
}

/**
 * PATCH /users/{id}/metadata (`merge`: deep merge, null deletes a key) and PUT (`replace`: each given field is
 * overwritten whole, null or {} clears it). Fields left out are untouched. All fields are written in one
 * transaction, or none: a merge whose result would be too large changes nothing.
 */
export async function updateUserMetadata(ctx: ServerContext, u: UserWithEmails, input: MetadataInput, mode: 'merge' | 'replace'): Promise<UserWithEmails> {
  const fields = METADATA_FIELDS.filter((f) => input[f] !== undefined);
  if (fields.length === 0) return u;
  const now = ctx.now();
  if (mode === 'replace') {
    const set: Partial<Record<MetadataField, string>> = {};
    for (const f of fields) set[f] = metadataText(f, input[f]!);
    await updateUserRow(ctx.db, u.user.id, { ...set, updated_at: now });
  } else {
    await inTransaction(ctx.db, async (tx) => {
      // The read and the write are one step: a concurrent merge waits (PostgreSQL row lock; SQLite has one writer).
      const row = await findUserMetadata(tx, ctx.dbKind, u.user.id, fields, true);
      if (!row) throw Errors.notFound('user');
      const set: Partial<Record<MetadataField, string>> = {};
      for (const f of fields) {
        const patch = input[f];
        set[f] = metadataText(f, patch === null ? null : (mergeMetadata(storedObject(row[f] ?? '{}'), patch) as Record<string, unknown>));
      }
      await updateUserRow(tx, u.user.id, { ...set, updated_at: now });
    });
  }
  await emitUserEvent(ctx, 'user.updated', u.user.id);
  return requireUserById(ctx, u.user.id);
}

/** Locks the user out of sign-in for the configured lockout duration (sessions they have stay). */
export async function lockUser(ctx: ServerContext, u: UserWithEmails): Promise<UserWithEmails> {
  const now = ctx.now();
  await updateUserRow(ctx.db, u.user.id, { locked_until: now + ctx.config.lockout.durationMinutes * 60_000, updated_at: now });
  await emitUserEvent(ctx, 'user.updated', u.user.id);
  return requireUserById(ctx, u.user.id);
}

export async function unlockUser(ctx: ServerContext, u: UserWithEmails): Promise<UserWithEmails> {
  const now = ctx.now();
  await updateUserRow(ctx.db, u.user.id, { locked_until: null, failed_attempts: 0, updated_at: now });
  await emitUserEvent(ctx, 'user.updated', u.user.id);
  return requireUserById(ctx, u.user.id);
}
