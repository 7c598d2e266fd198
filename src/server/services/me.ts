// The signed-in user's own account: profile, password, email addresses, sessions.
import type { ServerContext } from '../context.js';
import type { EmailAddressTable, SessionTable } from '../store/schema.js';
import { newId } from '../crypto/ids.js';
import { hashPassword, verifyPassword } from '../crypto/passwords.js';
import { Errors } from '../http/errors.js';
import { isUniqueViolation } from '../store/db.js';
import { checkCode, issueCode } from './codes.js';
import { checkNewPassword } from './password-rules.js';
import { endSessions } from './sessions.js';
import { clearFailures, isEmail, loadUser, reserveAttempt, type UserWithEmails } from './users.js';
import { LIVE_SESSION } from '../serialize/client.js';
import { emitUserDeleted, emitUserEvent } from '../webhooks/emit.js';

const USERNAME = /^[a-zA-Z0-9_.-]{4,64}$/;

export async function requireUser(ctx: ServerContext, session: SessionTable): Promise<UserWithEmails> {
  const u = await loadUser(ctx, session.user_id);
  if (!u) throw Errors.signedOut();
  return u;
}

export interface ProfilePatch {
  first_name?: string | undefined;
  last_name?: string | undefined;
  username?: string | undefined;
  primary_email_address_id?: string | undefined;
  unsafe_metadata?: Record<string, unknown> | undefined;
}

export async function updateProfile(ctx: ServerContext, me: UserWithEmails, patch: ProfilePatch): Promise<void> {
  const set: Record<string, unknown> = {};
  if (patch.first_name !== undefined) set.first_name = patch.first_name;
  if (patch.last_name !== undefined) set.last_name = patch.last_name;
  if (patch.username !== undefined) {
    if (ctx.config.attributes.username === 'off') throw Errors.paramUnknown('username');
    if (!USERNAME.test(patch.username)) throw Errors.paramFormat('username', 'must be 4 to 64 letters, digits, "_", "." or "-"');
    set.username = patch.username;
    set.username_lower = patch.username.toLowerCase();
  }
  if (patch.primary_email_address_id !== undefined) {
    const e = me.emails.find((x) => x.id === patch.primary_email_address_id);
    if (!e) throw Errors.paramInvalid('primary_email_address_id', 'does not belong to this account');
    if (e.verified_at === null) throw Errors.paramInvalid('primary_email_address_id', 'must be a verified email address');
    set.primary_email_address_id = e.id;
  }
  if (patch.unsafe_metadata !== undefined) set.unsafe_metadata = JSON.stringify(patch.unsafe_metadata);
  if (Object.keys(set).length === 0) return;
  try {
    await ctx.db
      .updateTable('users')
      .set({ ...set, updated_at: ctx.now() })
      .where('id', '=', me.user.id)
      .execute();
  } catch (e) {
    if (isUniqueViolation(e)) throw Errors.identifierExists('username');
    throw e;
  }
  await emitUserEvent(ctx, 'user.updated', me.user.id);
}

export async function changePassword(
  ctx: ServerContext,
  me: UserWithEmails,
  session: SessionTable,
  input: { current: string | undefined; next: string; signOutOthers: boolean | undefined },
): Promise<void> {
  if (me.user.password_hash) {
    if (!input.current) throw Errors.paramMissing('current_password');
    // The current password is a password check like a sign-in's: it counts against the lockout.
    await reserveAttempt(ctx, me.user.id);
    if (!(await verifyPassword(me.user.password_hash, input.current))) {
      const e = Errors.passwordIncorrect();
      e.errors[0]!.meta = { param_name: 'current_password' };
      throw e;
    }
    await clearFailures(ctx, me.user);
  }
  await checkNewPassword(ctx, input.next, 'new_password');
  const now = ctx.now();
  await ctx.db
    .updateTable('users')
    .set({ password_hash: await hashPassword(input.next), password_updated_at: now, updated_at: now })
    .where('id', '=', me.user.id)
    .execute();
  if (input.signOutOthers ?? ctx.config.signOutOthersOnPasswordChange) {
    const others = await ctx.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', me.user.id)
      .where('status', '=', LIVE_SESSION)
      .where('id', '!=', session.id)
      .execute();
    await endSessions(
      ctx,
      others.map((s) => s.id),
      'revoked',
    );
  }
  await emitUserEvent(ctx, 'user.updated', me.user.id);
}

export async function deleteUser(ctx: ServerContext, me: UserWithEmails): Promise<void> {
  const live = await ctx.db.selectFrom('sessions').select('id').where('user_id', '=', me.user.id).where('status', '=', LIVE_SESSION).execute();
  await endSessions(
    ctx,
    live.map((s) => s.id),
    'removed',
  );
  await ctx.db.deleteFrom('email_addresses').where('user_id', '=', me.user.id).execute();
  await ctx.db.deleteFrom('users').where('id', '=', me.user.id).execute();
  await emitUserDeleted(ctx, me.user.id);
}

export async function addEmail(ctx: ServerContext, me: UserWithEmails, address: string): Promise<EmailAddressTable> {
  const email = address.trim();
  if (!isEmail(email)) throw Errors.paramFormat('email_address', 'must be a valid email address');
  const lower = email.toLowerCase();
  const existing = await ctx.db.selectFrom('email_addresses').selectAll().where('email_lower', '=', lower).executeTakeFirst();
  if (existing && (existing.verified_at !== null || existing.user_id === me.user.id)) throw Errors.identifierExists('email_address');
  const now = ctx.now();
  const row: EmailAddressTable = {
    id: newId('idn'),
    user_id: me.user.id,
    email_address: email,
    email_lower: lower,
    verified_at: null,
    verification_strategy: null,
    created_at: now,
    updated_at: now,
  };
  try {
    await ctx.db.transaction().execute(async (tx) => {
      // An unverified claim by someone else yields to this one; a verified address never does.
      if (existing) await tx.deleteFrom('email_addresses').where('id', '=', existing.id).where('verified_at', 'is', null).execute();
      await tx.insertInto('email_addresses').values(row).execute();
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw Errors.identifierExists('email_address');
    throw e;
  }
  await emitUserEvent(ctx, 'user.updated', me.user.id);
  return row;
}

export function ownEmail(me: UserWithEmails, id: string): EmailAddressTable {
  const e = me.emails.find((x) => x.id === id);
  if (!e) throw Errors.notFound('email address');
  return e;
}

export async function prepareEmail(ctx: ServerContext, e: EmailAddressTable) {
  if (e.verified_at !== null) throw Errors.alreadyVerified();
  return issueCode(ctx, `email:${e.id}`, 'email_code', e.email_address);
}

export async function attemptEmail(ctx: ServerContext, e: EmailAddressTable, code: string): Promise<void> {
  if (e.verified_at !== null) throw Errors.alreadyVerified();
  await checkCode(ctx, `email:${e.id}`, 'email_code', code);
  const now = ctx.now();
  await ctx.db.updateTable('email_addresses').set({ verified_at: now, verification_strategy: 'email_code', updated_at: now }).where('id', '=', e.id).execute();
  await emitUserEvent(ctx, 'user.updated', e.user_id);
}

export async function removeEmail(ctx: ServerContext, me: UserWithEmails, e: EmailAddressTable): Promise<void> {
  if (e.id === me.user.primary_email_address_id) throw Errors.lastEmail();
  await ctx.db.deleteFrom('email_addresses').where('id', '=', e.id).execute();
  await ctx.db.deleteFrom('verification_codes').where('subject', '=', `email:${e.id}`).execute();
  await emitUserEvent(ctx, 'user.updated', me.user.id);
}
