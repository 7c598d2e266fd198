// The signed-in user's own account: profile, password, email addresses, sessions.
import type { ServerContext } from '../context.js';
import type { EmailAddressTable, SessionTable } from '../store/schema.js';
import { newId } from '../crypto/ids.js';
import { hashPassword, verifyPassword } from '../crypto/passwords.js';
import { Errors } from '../errors.js';
import { isUniqueViolation } from '../store/db.js';
import { deleteCodesOfSubject } from '../store/verifications.js';
import { deleteEmailAddress, deleteEmailsOfUser, findEmailByAddress, insertEmailAddressReplacing, markEmailVerified } from '../store/email-addresses.js';
import { liveSessionIdsOfUser } from '../store/sessions.js';
import { deleteUserRow, updateUserRow, type UserPatch } from '../store/users.js';
import { checkCode, issueCode } from './codes.js';
import { checkNewPassword } from './password-rules.js';
import { endSessions } from './sessions.js';
import { clearFailures, isEmail, loadUser, primaryEmailChoice, reserveAttempt, usernameColumns, type UserWithEmails } from './users.js';
import { emitUserDeleted, emitUserEvent } from '../webhooks/emit.js';

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
  const set: UserPatch = {};
  if (patch.first_name !== undefined) set.first_name = patch.first_name;
  if (patch.last_name !== undefined) set.last_name = patch.last_name;
  if (patch.username !== undefined) Object.assign(set, usernameColumns(ctx, patch.username));
  if (patch.primary_email_address_id !== undefined) set.primary_email_address_id = primaryEmailChoice(me, patch.primary_email_address_id, 'account').id;
  if (patch.unsafe_metadata !== undefined) set.unsafe_metadata = JSON.stringify(patch.unsafe_metadata);
  if (Object.keys(set).length === 0) return;
  try {
    await updateUserRow(ctx.db, me.user.id, { ...set, updated_at: ctx.now() });
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
  await updateUserRow(ctx.db, me.user.id, { password_hash: await hashPassword(input.next), password_updated_at: now, updated_at: now });
  if (input.signOutOthers ?? ctx.config.signOutOthersOnPasswordChange) {
    await endSessions(ctx, await liveSessionIdsOfUser(ctx.db, me.user.id, session.id), 'revoked');
  }
  await emitUserEvent(ctx, 'user.updated', me.user.id);
}

export async function deleteUser(ctx: ServerContext, me: UserWithEmails): Promise<void> {
  await endSessions(ctx, await liveSessionIdsOfUser(ctx.db, me.user.id), 'removed');
  await deleteEmailsOfUser(ctx.db, me.user.id);
  await deleteUserRow(ctx.db, me.user.id);
  await emitUserDeleted(ctx, me.user.id);
}

export async function addEmail(ctx: ServerContext, me: UserWithEmails, address: string): Promise<EmailAddressTable> {
  const email = address.trim();
  if (!isEmail(email)) throw Errors.paramFormat('email_address', 'must be a valid email address');
  const lower = email.toLowerCase();
  const existing = await findEmailByAddress(ctx.db, lower);
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
    // An unverified claim by someone else yields to this one; a verified address never does.
    await insertEmailAddressReplacing(ctx.db, row, existing?.id);
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
  await markEmailVerified(ctx.db, e.id, 'email_code', now);
  await emitUserEvent(ctx, 'user.updated', e.user_id);
}

export async function removeEmail(ctx: ServerContext, me: UserWithEmails, e: EmailAddressTable): Promise<void> {
  if (e.id === me.user.primary_email_address_id) throw Errors.lastEmail();
  await deleteEmailAddress(ctx.db, e.id);
  await deleteCodesOfSubject(ctx.db, `email:${e.id}`);
  await emitUserEvent(ctx, 'user.updated', me.user.id);
}
