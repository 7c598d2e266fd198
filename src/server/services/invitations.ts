// Invitations (seed 001, "Invitations"): an email with a `__clerk_ticket` link; signing up with that ticket
// verifies the address, even when sign-ups are restricted or behind the waitlist.
import type { ServerContext } from '../context.js';
import type { InvitationTable, WaitlistEntryTable } from '../store/schema.js';
import { newId, newSecret, sha256 } from '../crypto/ids.js';
import { ApiError, Errors } from '../errors.js';
import { verifiedEmailExists } from '../store/email-addresses.js';
import {
  countInvitations,
  findInvitationById,
  findInvitationByTokenHash,
  findInvitationsByIds,
  insertInvitation,
  type InvitationFilter,
  type InvitationPage,
  listInvitations,
  pendingInvitationExists,
  revokePendingInvitation,
} from '../store/invitations.js';
import {
  findWaitlistEntryByEmail,
  findWaitlistEntryById,
  listWaitlistEntries,
  updateWaitlistEntryRow,
  type WaitlistFilter,
  type WaitlistPage,
} from '../store/waitlist.js';
import { emitWaitlistEvent } from '../webhooks/emit.js';
import { isEmail } from './users.js';

export const INVITATION_TTL_DAYS = 30;

export interface CreateInvitationInput {
  email_address: string;
  redirect_url?: string | undefined;
  public_metadata?: Record<string, unknown> | undefined;
  /** Send the email (default true). */
  notify?: boolean | undefined;
  /** Invite even when the address has a pending invitation or belongs to a user. */
  ignore_existing?: boolean | undefined;
  expires_in_days?: number | undefined;
  template?: 'invitation' | 'waitlist_invitation' | undefined;
}

export const ticketInvalid = () =>
  new ApiError(400, {
    code: 'ticket_invalid_code',
    message: 'This invitation link is not valid',
    long_message: 'This link is no longer valid or has already been used. Ask for a new invitation, or sign up without one if sign-ups are open.',
    meta: { param_name: 'ticket' },
  });

const ticketExpired = () =>
  new ApiError(400, {
    code: 'ticket_expired_code',
    message: 'This invitation link has expired',
    long_message: 'This link has expired. Ask for a new invitation.',
    meta: { param_name: 'ticket' },
  });

/** Absolute http(s) URLs and same-site paths; anything else is refused. */
function checkRedirect(raw: string): string {
  if (raw.startsWith('/') && !raw.startsWith('//')) return raw;
  try {
    const u = new URL(raw);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.toString();
  } catch {
    /* falls through */
  }
  throw Errors.paramFormat('redirect_url', 'must be an http(s) URL or a path starting with "/"');
}

/** The link in the email: the redirect URL (or the sign-up page) with `__clerk_ticket` added. */
export function invitationUrl(ctx: ServerContext, redirectUrl: string | null, token: string): string {
  const u = new URL(redirectUrl ?? ctx.config.urls.signUp, ctx.issuer);
  u.searchParams.set('__clerk_ticket', token);
  u.searchParams.set('__clerk_status', 'sign_up');
  return u.toString();
}

export async function createInvitation(ctx: ServerContext, input: CreateInvitationInput): Promise<{ invitation: InvitationTable; url: string }> {
  const email = input.email_address.trim();
  if (!isEmail(email)) throw Errors.paramFormat('email_address', 'must be a valid email address');
  const lower = email.toLowerCase();
  const now = ctx.now();
  if (!input.ignore_existing) {
    if (await verifiedEmailExists(ctx.db, lower)) throw Errors.identifierExists('email_address');
    if (await pendingInvitationExists(ctx.db, lower, now)) {
      throw new ApiError(400, {
        code: 'duplicate_record',
        message: 'There is already a pending invitation for this email address',
        long_message: `There is already a pending invitation for ${email}. Revoke it first, or pass ignore_existing: true.`,
        meta: { param_name: 'email_address' },
      });
    }
  }
  const token = newSecret(32);
  const invitation: InvitationTable = {
    id: newId('inv'),
    email_address: email,
    email_lower: lower,
    token_hash: sha256(token),
    public_metadata: JSON.stringify(input.public_metadata ?? {}),
    redirect_url: input.redirect_url ? checkRedirect(input.redirect_url) : null,
    status: 'pending',
    expires_at: now + (input.expires_in_days ?? INVITATION_TTL_DAYS) * 24 * 3600_000,
    created_at: now,
    updated_at: now,
  };
  await insertInvitation(ctx.db, invitation);
  const url = invitationUrl(ctx, invitation.redirect_url, token);
  if (input.notify !== false) {
    const app = ctx.config.applicationName;
    const waitlist = input.template === 'waitlist_invitation';
    await ctx.mailer.send({
      to: email,
      subject: waitlist ? `You're off the ${app} waitlist` : `You're invited to ${app}`,
      text: [
        waitlist ? `Good news: a place on ${app} is ready for you.` : `You have been invited to join ${app}.`,
        '',
        `Create your account: ${url}`,
        '',
        `The link works until ${new Date(invitation.expires_at).toUTCString()}. If you did not expect this message, ignore it.`,
      ].join('\n'),
    });
  }
  return { invitation, url };
}

export async function findInvitation(ctx: ServerContext, id: string): Promise<InvitationTable> {
  const row = await findInvitationById(ctx.db, id);
  if (!row) throw Errors.notFound('invitation');
  return row;
}

export async function revokeInvitation(ctx: ServerContext, id: string): Promise<InvitationTable> {
  const row = await findInvitation(ctx, id);
  if (row.status !== 'pending') {
    throw new ApiError(400, {
      code: `invitation_already_${row.status}`,
      message: `This invitation is already ${row.status}`,
      long_message: `Only pending invitations can be revoked; this one is ${row.status}.`,
      meta: {},
    });
  }
  const now = ctx.now();
  await revokePendingInvitation(ctx.db, id, now);
  return { ...row, status: 'revoked', updated_at: now };
}

/** The pending, unexpired invitation a ticket names, or the Clerk ticket error. */
export async function invitationForTicket(ctx: ServerContext, ticket: string): Promise<InvitationTable> {
  const row = ticket.length <= 200 ? await findInvitationByTokenHash(ctx.db, sha256(ticket)) : undefined;
  if (!row || row.status !== 'pending') throw ticketInvalid();
  if (row.expires_at <= ctx.now()) throw ticketExpired();
  return row;
}

/** After an invited sign-up: the waitlist entry for the same address (if any) is completed. */
export async function completeWaitlistEntry(ctx: ServerContext, emailLower: string): Promise<void> {
  const entry = await findWaitlistEntryByEmail(ctx.db, emailLower);
  if (!entry || entry.status === 'completed') return;
  const now = ctx.now();
  await updateWaitlistEntryRow(ctx.db, entry.id, { status: 'completed', updated_at: now });
  await emitWaitlistEvent(ctx, 'waitlistEntry.updated', { ...entry, status: 'completed', updated_at: now });
}

/** Invites a waitlist entry: an invitation (emailed) and the entry marked `invited`. */
export async function inviteWaitlistEntry(
  ctx: ServerContext,
  id: string,
  ignoreExisting: boolean | undefined,
): Promise<{ entry: WaitlistEntryTable; invitation: InvitationTable }> {
  const entry = await findWaitlistEntryById(ctx.db, id);
  if (!entry) throw Errors.notFound('waitlist entry');
  if (entry.status === 'completed') {
    throw new ApiError(409, {
      code: 'waitlist_entry_completed',
      message: 'This waitlist entry has already signed up',
      long_message: 'The person on this waitlist entry has already signed up; there is nothing to invite.',
      meta: {},
    });
  }
  const { invitation } = await createInvitation(ctx, { email_address: entry.email_address, ignore_existing: ignoreExisting, template: 'waitlist_invitation' });
  const now = ctx.now();
  await updateWaitlistEntryRow(ctx.db, entry.id, { status: 'invited', invitation_id: invitation.id, updated_at: now });
  const next = { ...entry, status: 'invited', invitation_id: invitation.id, updated_at: now };
  await emitWaitlistEvent(ctx, 'waitlistEntry.updated', next);
  return { entry: next, invitation };
}

/** One page of invitations; the total only when asked for (`withTotal`). */
export async function listInvitationPage(
  ctx: ServerContext,
  f: InvitationFilter,
  page: InvitationPage,
  withTotal: boolean,
): Promise<{ rows: InvitationTable[]; total: number | undefined }> {
  const now = ctx.now();
  const rows = await listInvitations(ctx.db, f, page, now);
  return { rows, total: withTotal ? await countInvitations(ctx.db, f, now) : undefined };
}

/** One page of waitlist entries, the total, and the invitations the entries name. */
export async function listWaitlistPage(
  ctx: ServerContext,
  f: WaitlistFilter,
  page: WaitlistPage,
): Promise<{ rows: WaitlistEntryTable[]; invitations: Map<string, InvitationTable>; total: number }> {
  const { rows, total } = await listWaitlistEntries(ctx.db, f, page);
  const ids = rows.map((r) => r.invitation_id).filter((x): x is string => x !== null);
  const invitations = await findInvitationsByIds(ctx.db, ids);
  return { rows, invitations: new Map(invitations.map((i) => [i.id, i])), total };
}
