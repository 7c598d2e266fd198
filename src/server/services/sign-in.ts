// The sign-in flow: identifier → first factor (password, email code) or password reset → session.
import type { ServerContext } from '../context.js';
import type { SignInTable, UserTable } from '../store/schema.js';
import { newId } from '../crypto/ids.js';
import { burnVerifyTime, hashPassword, verifyPassword } from '../crypto/passwords.js';
import { Errors } from '../errors.js';
import { checkCode, issueCode, type CodeStrategy, type VerificationState } from './codes.js';
import { checkNewPassword } from './password-rules.js';
import { assertNoLiveSession, assertNotSignedInAs, createSession, endSessions } from './sessions.js';
import { assertNotLocked, clearFailures, findUserByIdentifier, loadUser, reserveAttempt } from './users.js';
import { insertSignIn, findSignInOfClient, updateSignInRow } from '../store/sign-ins.js';
import { liveSessionIdsOfUser } from '../store/sessions.js';
import { updateUserRow } from '../store/users.js';
import { type Caller, ensureCallerClient, updateCallerClient } from './clients.js';
import { emitUserEvent } from '../webhooks/emit.js';
import { signIns } from '../metrics.js';

export const SIGN_IN_STRATEGIES = ['password', 'email_code', 'reset_password_email_code'] as const;
export type SignInStrategy = (typeof SIGN_IN_STRATEGIES)[number];

const SIGN_IN_TTL_MS = 24 * 3600_000;

async function save(ctx: ServerContext, si: SignInTable, patch: Partial<SignInTable>): Promise<SignInTable> {
  const next = { ...si, ...patch, updated_at: ctx.now() };
  await updateSignInRow(ctx.db, si.id, { ...patch, updated_at: next.updated_at });
  return next;
}

/** The caller's sign-in with this id, or a Clerk 404. */
export async function clientSignIn(call: Caller, id: string): Promise<SignInTable> {
  const row = call.client ? await findSignInOfClient(call.ctx.db, id, call.client.id) : undefined;
  if (!row || row.abandon_at <= call.ctx.now()) throw Errors.notFound('sign in');
  return row;
}

async function signInUser(ctx: ServerContext, si: SignInTable): Promise<UserTable> {
  const user = si.user_id ? (await loadUser(ctx, si.user_id))?.user : undefined;
  if (!user) throw Errors.identifierNotFound();
  return user;
}

export interface CreateSignInInput {
  identifier: string | undefined;
  strategy: SignInStrategy | undefined;
  password: string | undefined;
}

export async function createSignIn(call: Caller, input: CreateSignInInput): Promise<SignInTable> {
  const { ctx } = call;
  await assertNoLiveSession(call);
  if (input.strategy && !input.identifier) throw Errors.paramMissing('identifier');
  if (input.strategy === 'password' && !input.password) throw Errors.paramMissing('password');
  const client = await ensureCallerClient(call);
  const now = ctx.now();
  let user: UserTable | undefined;
  if (input.identifier) {
    user = await findUserByIdentifier(ctx, input.identifier);
    if (!user) {
      // Spend a hash's time anyway, so response timing does not tell which accounts exist.
      if (input.password) await burnVerifyTime(input.password);
      throw Errors.identifierNotFound();
    }
  }
  let si: SignInTable = {
    id: newId('sia'),
    client_id: client.id,
    status: user ? 'needs_first_factor' : 'needs_identifier',
    identifier: input.identifier?.trim() ?? null,
    user_id: user?.id ?? null,
    first_factor: null,
    created_session_id: null,
    abandon_at: now + SIGN_IN_TTL_MS,
    created_at: now,
    updated_at: now,
  };
  await insertSignIn(ctx.db, si);
  await updateCallerClient(call, { sign_in_id: si.id });
  if (input.strategy === 'password') si = await attemptFirstFactor(call, si, { strategy: 'password', password: input.password });
  else if (input.strategy === 'email_code' || input.strategy === 'reset_password_email_code')
    si = await prepareFirstFactor(call, si, { strategy: input.strategy });
  return si;
}

/** Adds an identifier to a sign-in that was created without one. */
export async function identifySignIn(call: Caller, si: SignInTable, identifier: string): Promise<SignInTable> {
  if (si.status !== 'needs_identifier' && si.status !== 'needs_first_factor') throw Errors.signInNotReady(si.status);
  const user = await findUserByIdentifier(call.ctx, identifier);
  if (!user) throw Errors.identifierNotFound();
  return save(call.ctx, si, { identifier: identifier.trim(), user_id: user.id, status: 'needs_first_factor' });
}

async function emailFor(ctx: ServerContext, user: UserTable, emailAddressId: string | undefined): Promise<{ id: string; email_address: string }> {
  const owner = await loadUser(ctx, user.id);
  const verified = owner?.emails.filter((e) => e.verified_at !== null) ?? [];
  const chosen = emailAddressId ? verified.find((e) => e.id === emailAddressId) : (verified.find((e) => e.id === user.primary_email_address_id) ?? verified[0]);
  if (!chosen) throw emailAddressId ? Errors.paramInvalid('email_address_id', 'does not belong to this account') : Errors.strategyInvalid();
  return chosen;
}

export async function prepareFirstFactor(
  call: Caller,
  si: SignInTable,
  input: { strategy: SignInStrategy; email_address_id?: string | undefined },
): Promise<SignInTable> {
  const { ctx } = call;
  if (si.status !== 'needs_first_factor') throw Errors.signInNotReady(si.status);
  if (input.strategy === 'password') return si;
  if (input.strategy === 'email_code' && !ctx.config.firstFactors.includes('email_code')) throw Errors.strategyInvalid();
  const user = await signInUser(ctx, si);
  const email = await emailFor(ctx, user, input.email_address_id);
  const state = await issueCode(ctx, `sign_in:${si.id}`, input.strategy, email.email_address);
  return save(ctx, si, { first_factor: JSON.stringify({ object: 'verification_otp', ...state }) });
}

export interface AttemptInput {
  strategy: SignInStrategy;
  password?: string | undefined;
  code?: string | undefined;
}

export async function attemptFirstFactor(call: Caller, si: SignInTable, input: AttemptInput): Promise<SignInTable> {
  const { ctx } = call;
  if (si.status !== 'needs_first_factor') throw Errors.signInNotReady(si.status);
  const user = await signInUser(ctx, si);
  assertNotLocked(ctx, user);
  if (input.strategy === 'password') {
    if (!ctx.config.firstFactors.includes('password')) throw Errors.strategyInvalid();
    if (!input.password) throw Errors.paramMissing('password');
    if (!user.password_hash) {
      await burnVerifyTime(input.password);
      throw Errors.strategyInvalid();
    }
    // Counted before the (slow) check, so concurrent guesses cannot outrun the lockout.
    await reserveAttempt(ctx, user.id);
    if (!(await verifyPassword(user.password_hash, input.password))) throw Errors.passwordIncorrect();
    await clearFailures(ctx, user);
    si = await save(ctx, si, {
      first_factor: JSON.stringify({ object: 'verification_password', status: 'verified', strategy: 'password', attempts: null, expire_at: null }),
    });
    return complete(call, si, user, 'password');
  }
  if (!input.code) throw Errors.paramMissing('code');
  // Each comparison also counts against the account (its own 3 attempts are per code, and codes can be re-sent).
  const state: VerificationState = await checkCode(ctx, `sign_in:${si.id}`, input.strategy as CodeStrategy, input.code, () => reserveAttempt(ctx, user.id));
  await clearFailures(ctx, user);
  si = await save(ctx, si, { first_factor: JSON.stringify({ object: 'verification_otp', ...state }) });
  if (input.strategy === 'reset_password_email_code') return save(ctx, si, { status: 'needs_new_password' });
  return complete(call, si, user, input.strategy);
}

export async function resetPassword(call: Caller, si: SignInTable, input: { password: string; signOutOfOtherSessions: boolean }): Promise<SignInTable> {
  const { ctx } = call;
  if (si.status !== 'needs_new_password') throw Errors.signInNotReady(si.status);
  const user = await signInUser(ctx, si);
  await checkNewPassword(ctx, input.password);
  const now = ctx.now();
  await updateUserRow(ctx.db, user.id, { password_hash: await hashPassword(input.password), password_updated_at: now, updated_at: now });
  if (input.signOutOfOtherSessions) await endSessions(ctx, await liveSessionIdsOfUser(ctx.db, user.id), 'revoked');
  await emitUserEvent(ctx, 'user.updated', user.id);
  return complete(call, si, user, 'reset_password_email_code');
}

async function complete(call: Caller, si: SignInTable, user: UserTable, strategy: string): Promise<SignInTable> {
  await assertNoLiveSession(call);
  await assertNotSignedInAs(call, user.id);
  const session = await createSession(call, user.id, strategy);
  signIns.inc({ outcome: 'complete' });
  return save(call.ctx, si, { status: 'complete', created_session_id: session.id });
}
