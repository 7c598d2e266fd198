// The sign-up flow: collect fields, verify the email with a code (or an invitation ticket), then create the user
// and a session.
import type { ServerContext } from '../context.js';
import type { InvitationTable, SignUpTable } from '../store/schema.js';
import { newId } from '../crypto/ids.js';
import { hashPassword } from '../crypto/passwords.js';
import { Errors } from '../errors.js';
import { inTransaction, isUniqueViolation } from '../store/db.js';
import { verifiedEmailExists } from '../store/email-addresses.js';
import { acceptInvitation, findInvitationById } from '../store/invitations.js';
import { findSignUpOfClient, insertSignUp, updateSignUpRow } from '../store/sign-ups.js';
import { insertUserWithEmails, usernameTaken } from '../store/users.js';
import { type Caller, ensureCallerClient, updateCallerClient } from './clients.js';
import { checkCode, issueCode } from './codes.js';
import { checkNewPassword } from './password-rules.js';
import { assertNoLiveSession, createSession } from './sessions.js';
import { signUpFields } from './sign-up-fields.js';
import { completeWaitlistEntry, invitationForTicket, ticketInvalid } from './invitations.js';
import { assertUsernameFormat, buildUser, isEmail } from './users.js';
import { emitUserEvent } from '../webhooks/emit.js';

const SIGN_UP_TTL_MS = 24 * 3600_000;
const NAME_MAX = 256;

export interface SignUpInput {
  email_address?: string | undefined;
  username?: string | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
  password?: string | undefined;
  unsafe_metadata?: Record<string, unknown> | undefined;
  legal_accepted?: boolean | undefined;
  /** An invitation's `__clerk_ticket` (strategy `ticket`): verifies the invited address. */
  ticket?: string | undefined;
}

/** The email verification a valid ticket stands for. */
const TICKET_VERIFIED = JSON.stringify({ status: 'verified', strategy: 'ticket', attempts: null, expire_at: null });

/** The invitation's address and verification, for a sign-up that presents its ticket. */
function ticketColumns(invitation: InvitationTable): Partial<SignUpTable> {
  return { email_address: invitation.email_address, email_verification: TICKET_VERIFIED, invitation_id: invitation.id };
}

function assertInvitedAddress(invitedLower: string, email: string | undefined): void {
  if (email !== undefined && email.trim().toLowerCase() !== invitedLower)
    throw Errors.paramInvalid('email_address', 'must be the address the invitation was sent to');
}

/** The caller's sign-up with this id, or a Clerk 404. */
export async function clientSignUp(call: Caller, id: string): Promise<SignUpTable> {
  const row = call.client ? await findSignUpOfClient(call.ctx.db, id, call.client.id) : undefined;
  if (!row || row.abandon_at <= call.ctx.now()) throw Errors.notFound('sign up');
  return row;
}

/** Validates the given fields and turns them into column values. Throws the first Clerk error. */
async function fieldsToColumns(ctx: ServerContext, input: SignUpInput, current: SignUpTable | undefined): Promise<Partial<SignUpTable>> {
  const a = ctx.config.attributes;
  const out: Partial<SignUpTable> = {};
  const reject = (field: keyof typeof a) => {
    if (a[field] === 'off') throw Errors.paramUnknown(field);
  };
  if (input.email_address !== undefined) {
    reject('email_address');
    const email = input.email_address.trim();
    if (!isEmail(email)) throw Errors.paramFormat('email_address', 'must be a valid email address');
    if (await verifiedEmailExists(ctx.db, email.toLowerCase())) throw Errors.identifierExists('email_address');
    out.email_address = email;
    if (current?.email_address?.toLowerCase() !== email.toLowerCase()) out.email_verification = null;
  }
  if (input.username !== undefined) {
    reject('username');
    assertUsernameFormat(input.username);
    if (await usernameTaken(ctx.db, input.username.toLowerCase())) throw Errors.identifierExists('username');
    out.username = input.username;
  }
  for (const f of ['first_name', 'last_name'] as const) {
    const v = input[f];
    if (v === undefined) continue;
    reject(f);
    if (v.length > NAME_MAX) throw Errors.paramTooLong(f, NAME_MAX);
    out[f] = v;
  }
  if (input.password !== undefined) {
    reject('password');
    await checkNewPassword(ctx, input.password);
    out.password_hash = await hashPassword(input.password);
  }
  if (input.unsafe_metadata !== undefined) out.unsafe_metadata = JSON.stringify(input.unsafe_metadata);
  if (input.legal_accepted) out.legal_accepted_at = ctx.now();
  return out;
}

export async function createSignUp(call: Caller, input: SignUpInput): Promise<SignUpTable> {
  const { ctx } = call;
  // An invitation is what lets someone in when sign-ups are restricted or behind the waitlist.
  const invitation = input.ticket !== undefined ? await invitationForTicket(ctx, input.ticket) : undefined;
  if (!invitation && ctx.config.signUpMode === 'waitlist') throw Errors.signUpWaitlist();
  if (!invitation && ctx.config.signUpMode === 'restricted') throw Errors.signUpRestricted();
  await assertNoLiveSession(call);
  if (invitation) assertInvitedAddress(invitation.email_lower, input.email_address);
  const columns = await fieldsToColumns(ctx, invitation ? { ...input, email_address: invitation.email_address } : input, undefined);
  const client = await ensureCallerClient(call);
  const now = ctx.now();
  const su: SignUpTable = {
    id: newId('sua'),
    client_id: client.id,
    status: 'missing_requirements',
    email_address: null,
    username: null,
    first_name: null,
    last_name: null,
    password_hash: null,
    unsafe_metadata: '{}',
    legal_accepted_at: null,
    email_verification: null,
    created_user_id: null,
    created_session_id: null,
    invitation_id: null,
    abandon_at: now + SIGN_UP_TTL_MS,
    created_at: now,
    updated_at: now,
    ...columns,
    ...(invitation ? ticketColumns(invitation) : {}),
  };
  await insertSignUp(ctx.db, su);
  await updateCallerClient(call, { sign_up_id: su.id });
  return maybeComplete(call, su);
}

export async function updateSignUp(call: Caller, su: SignUpTable, input: SignUpInput): Promise<SignUpTable> {
  if (su.status === 'complete') throw Errors.signUpNotReady();
  const invitation = input.ticket !== undefined ? await invitationForTicket(call.ctx, input.ticket) : undefined;
  // An invited sign-up keeps the invited address: the ticket verified that one only.
  const invitedLower = invitation?.email_lower ?? (su.invitation_id ? su.email_address?.toLowerCase() : undefined);
  if (invitedLower !== undefined) assertInvitedAddress(invitedLower, input.email_address);
  const fields = invitation
    ? { ...input, email_address: invitation.email_address }
    : invitedLower !== undefined
      ? { ...input, email_address: undefined }
      : input;
  const columns = await fieldsToColumns(call.ctx, fields, su);
  const next = await save(call.ctx, su, { ...columns, ...(invitation ? ticketColumns(invitation) : {}) });
  return maybeComplete(call, next);
}

async function save(ctx: ServerContext, su: SignUpTable, patch: Partial<SignUpTable>): Promise<SignUpTable> {
  const updated_at = ctx.now();
  await updateSignUpRow(ctx.db, su.id, { ...patch, updated_at });
  return { ...su, ...patch, updated_at };
}

export async function prepareVerification(call: Caller, su: SignUpTable): Promise<SignUpTable> {
  if (su.status === 'complete') throw Errors.signUpNotReady();
  if (!su.email_address) throw Errors.paramMissing('email_address');
  if (su.invitation_id) throw Errors.alreadyVerified();
  const state = await issueCode(call.ctx, `sign_up:${su.id}`, 'email_code', su.email_address);
  return save(call.ctx, su, { email_verification: JSON.stringify(state) });
}

export async function attemptVerification(call: Caller, su: SignUpTable, code: string): Promise<SignUpTable> {
  if (su.status === 'complete') throw Errors.signUpNotReady();
  if (!su.email_address) throw Errors.verificationMissing();
  const state = await checkCode(call.ctx, `sign_up:${su.id}`, 'email_code', code);
  const next = await save(call.ctx, su, { email_verification: JSON.stringify(state) });
  return maybeComplete(call, next);
}

/** When nothing is missing or unverified: creates the user (uniqueness enforced by the database) and a session. */
async function maybeComplete(call: Caller, su: SignUpTable): Promise<SignUpTable> {
  const { ctx } = call;
  const fields = signUpFields(ctx.config, su);
  if (fields.missing.length > 0 || fields.unverified.length > 0) return su;
  const now = ctx.now();
  const invitation = su.invitation_id ? await findInvitationById(ctx.db, su.invitation_id) : undefined;
  if (su.invitation_id && !invitation) throw ticketInvalid();
  const { user, emails } = buildUser(now, {
    username: su.username,
    first_name: su.first_name,
    last_name: su.last_name,
    password_hash: su.password_hash,
    public_metadata: invitation?.public_metadata ?? '{}',
    private_metadata: '{}',
    unsafe_metadata: su.unsafe_metadata,
    emails: su.email_address ? [su.email_address] : [],
    verification_strategy: invitation ? 'ticket' : 'email_code',
  });
  const userId = user.id;
  try {
    await inTransaction(ctx.db, async (tx) => {
      // One ticket, one account: only the sign-up that moves the invitation out of `pending` proceeds.
      if (invitation && !(await acceptInvitation(tx, invitation.id, now))) throw ticketInvalid();
      // An address someone added to their account but never verified does not block a verified sign-up.
      await insertUserWithEmails(tx, user, emails);
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const message = String((e as Error).message);
    throw Errors.identifierExists(/username/.test(message) ? 'username' : 'email_address');
  }
  if (invitation) await completeWaitlistEntry(ctx, invitation.email_lower);
  await emitUserEvent(ctx, 'user.created', userId);
  const session = await createSession(call, userId, invitation ? 'ticket' : 'email_code');
  return save(ctx, su, { status: 'complete', created_user_id: userId, created_session_id: session.id });
}
