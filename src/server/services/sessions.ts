// Session lifecycle: create on sign-in/sign-up, touch, end, remove, revoke.
import type { Call } from '../http/call.js';
import { ensureClient, rotateClientToken, updateClient } from '../http/call.js';
import type { ServerContext } from '../context.js';
import type { SessionTable } from '../store/schema.js';
import { newId } from '../crypto/ids.js';
import { Errors } from '../http/errors.js';
import { LIVE_SESSION, sessionStatus } from '../serialize/client.js';
import { emitSessionEvent } from '../webhooks/emit.js';

export const ENDED_STATUSES = ['ended', 'removed', 'revoked'] as const;
export type EndStatus = (typeof ENDED_STATUSES)[number];

/** In single-session mode a client that already has a live session may not start another. */
export async function assertNoLiveSession(call: Call): Promise<void> {
  if (!call.ctx.config.singleSessionMode || !call.client) return;
  const live = await call.ctx.db
    .selectFrom('sessions')
    .select('id')
    .where('client_id', '=', call.client.id)
    .where('status', '=', LIVE_SESSION)
    .where('expire_at', '>', call.ctx.now())
    .executeTakeFirst();
  if (live) throw Errors.sessionExists();
}

export async function createSession(call: Call, userId: string, strategy: string): Promise<SessionTable> {
  const { ctx } = call;
  const client = await ensureClient(call);
  const now = ctx.now();
  const s = ctx.config.session;
  const row: SessionTable = {
    id: newId('sess'),
    client_id: client.id,
    user_id: userId,
    status: LIVE_SESSION,
    expire_at: now + s.lifetimeSeconds * 1000,
    abandon_at: now + Math.max(s.lifetimeSeconds, 30 * 24 * 3600) * 1000,
    last_active_at: now,
    first_factor_at: now,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.insertInto('sessions').values(row).execute();
  await ctx.db.updateTable('users').set({ last_sign_in_at: now, last_active_at: now, updated_at: now }).where('id', '=', userId).execute();
  await updateClient(call, { last_active_session_id: row.id, last_authentication_strategy: strategy });
  await rotateClientToken(call);
  await emitSessionEvent(ctx, 'session.created', row);
  return row;
}

/** A session of the caller's client, or a Clerk 404. */
export async function clientSession(call: Call, sessionId: string): Promise<SessionTable> {
  const row = call.client
    ? await call.ctx.db.selectFrom('sessions').selectAll().where('id', '=', sessionId).where('client_id', '=', call.client.id).executeTakeFirst()
    : undefined;
  if (!row) throw Errors.notFound('session');
  return row;
}

export function isLive(ctx: ServerContext, s: SessionTable): boolean {
  return sessionStatus(s, ctx.now()) === LIVE_SESSION;
}

/** Moves live sessions to an ended status (webhook `session.<status>` for each). Returns how many changed. */
export async function endSessions(ctx: ServerContext, ids: string[], status: EndStatus): Promise<number> {
  if (ids.length === 0) return 0;
  const ended = await ctx.db
    .updateTable('sessions')
    .set({ status, updated_at: ctx.now() })
    .where('id', 'in', ids)
    .where('status', '=', LIVE_SESSION)
    .returningAll()
    .execute();
  for (const s of ended) await emitSessionEvent(ctx, `session.${status}`, s);
  return ended.length;
}

/** Ends a session of the caller's client (sign-out) and rotates the client token. */
export async function signOutSession(call: Call, session: SessionTable, status: EndStatus): Promise<void> {
  await endSessions(call.ctx, [session.id], status);
  if (call.client?.last_active_session_id === session.id) await updateClient(call, { last_active_session_id: null });
  await rotateClientToken(call);
}

export async function touchSession(call: Call, session: SessionTable): Promise<SessionTable> {
  const now = call.ctx.now();
  await call.ctx.db.updateTable('sessions').set({ last_active_at: now, updated_at: now }).where('id', '=', session.id).execute();
  await call.ctx.db.updateTable('users').set({ last_active_at: now }).where('id', '=', session.user_id).execute();
  await updateClient(call, { last_active_session_id: session.id });
  return { ...session, last_active_at: now, updated_at: now };
}
