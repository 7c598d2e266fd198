// Backend API JSON shapes (spec/bapi-2026-05-12.yml): User, Session, Invitation, WaitlistEntry.
// Webhook payloads carry the same shapes.
import type { ServerContext } from '../context.js';
import type { InvitationTable, SessionTable, WaitlistEntryTable } from '../store/schema.js';
import type { UserWithEmails } from '../services/users.js';
import { sessionStatus } from '../store/sessions.js';
import { sessionActivityJson } from './activity.js';
import { userJson } from './user.js';

function parseObject(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The FAPI User plus what only a secret-key holder may see (private metadata). */
export function backendUserJson(ctx: ServerContext, u: UserWithEmails) {
  return { ...userJson(u.user, u.emails, ctx.now(), true, ctx.issuer), private_metadata: parseObject(u.user.private_metadata) };
}

export function backendSessionJson(ctx: ServerContext, s: SessionTable) {
  return {
    object: 'session' as const,
    id: s.id,
    user_id: s.user_id,
    client_id: s.client_id,
    actor: null,
    status: sessionStatus(s, ctx.now()),
    last_active_organization_id: null,
    last_active_at: s.last_active_at,
    latest_activity: sessionActivityJson(s),
    expire_at: s.expire_at,
    abandon_at: s.abandon_at,
    updated_at: s.updated_at,
    created_at: s.created_at,
    tasks: null,
  };
}

export function invitationStatus(i: InvitationTable, now: number): string {
  return i.status === 'pending' && i.expires_at <= now ? 'expired' : i.status;
}

/** `url` (the `__clerk_ticket` link) only when the token is at hand: right after creation. */
export function invitationJson(ctx: ServerContext, i: InvitationTable, url?: string) {
  const status = invitationStatus(i, ctx.now());
  return {
    object: 'invitation' as const,
    id: i.id,
    email_address: i.email_address,
    public_metadata: parseObject(i.public_metadata),
    revoked: status === 'revoked',
    status,
    ...(url ? { url } : {}),
    expires_at: i.expires_at,
    created_at: i.created_at,
    updated_at: i.updated_at,
  };
}

export function waitlistEntryBackendJson(ctx: ServerContext, e: WaitlistEntryTable, invitation: InvitationTable | undefined) {
  return {
    object: 'waitlist_entry' as const,
    id: e.id,
    email_address: e.email_address,
    status: e.status,
    is_locked: false,
    created_at: e.created_at,
    updated_at: e.updated_at,
    invitation: invitation ? invitationJson(ctx, invitation) : null,
  };
}

export function deletedJson(object: string, id: string) {
  return { object, id, deleted: true };
}
