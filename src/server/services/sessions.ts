// Session lifecycle: create on sign-in/sign-up, touch, end, remove, revoke.
import type { ServerContext } from '../context.js';
import type { SessionTable } from '../store/schema.js';
import { newId } from '../crypto/ids.js';
import { Errors } from '../errors.js';
import {
  clientHasLiveSession,
  countSessions,
  endLiveSessions,
  findSessionById,
  findSessionOfClient,
  findSessionOfUser,
  listSessions,
  type SessionFilter,
  sessionsOfUser,
  insertSession,
  LIVE_SESSION,
  liveSessionIdsOfClient,
  liveSessionsOfClient,
  sessionStatus,
  touchSessionRow,
} from '../store/sessions.js';
import { updateUserRow } from '../store/users.js';
import { emitSessionEvent } from '../webhooks/emit.js';
import { activityColumns } from './activity.js';
import { type Caller, ensureCallerClient, rotateCallerToken, updateCallerClient } from './clients.js';

export const ENDED_STATUSES = ['ended', 'removed', 'revoked'] as const;
export type EndStatus = (typeof ENDED_STATUSES)[number];

/** In single-session mode a client that already has a live session may not start another. */
export async function assertNoLiveSession(call: Caller): Promise<void> {
  if (!call.ctx.config.singleSessionMode || !call.client) return;
  if (await clientHasLiveSession(call.ctx.db, call.client.id, call.ctx.now())) throw Errors.sessionExists();
}

export async function createSession(call: Caller, userId: string, strategy: string): Promise<SessionTable> {
  const { ctx } = call;
  const client = await ensureCallerClient(call);
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
    ...activityColumns(call),
    created_at: now,
    updated_at: now,
  };
  await insertSession(ctx.db, row);
  await updateUserRow(ctx.db, userId, { last_sign_in_at: now, last_active_at: now, updated_at: now });
  await updateCallerClient(call, { last_active_session_id: row.id, last_authentication_strategy: strategy });
  await rotateCallerToken(call);
  await emitSessionEvent(ctx, 'session.created', row);
  return row;
}

/**
 * Multi-session mode: a client already signed in as `userId` gets no second session for that user (Clerk's
 * `identifier_already_signed_in`, naming the session so that clerk-js can make it active instead).
 */
export async function assertNotSignedInAs(call: Caller, userId: string): Promise<void> {
  if (call.ctx.config.singleSessionMode || !call.client) return;
  const live = await liveSessionsOfClient(call.ctx.db, call.client.id, call.ctx.now());
  const same = live.find((s) => s.user_id === userId);
  if (same) throw Errors.alreadySignedIn(same.id);
}

/** A session of the caller's client, or undefined. */
export async function findClientSession(call: Caller, sessionId: string): Promise<SessionTable | undefined> {
  return call.client ? findSessionOfClient(call.ctx.db, sessionId, call.client.id) : undefined;
}

/** A session of the caller's client, or a Clerk 404. */
export async function clientSession(call: Caller, sessionId: string): Promise<SessionTable> {
  const row = await findClientSession(call, sessionId);
  if (!row) throw Errors.notFound('session');
  return row;
}

/** Any session by id (Backend API), or a Clerk 404. */
export async function findSession(ctx: ServerContext, id: string): Promise<SessionTable> {
  const row = await findSessionById(ctx.db, id);
  if (!row) throw Errors.notFound('session');
  return row;
}

/** A session of this user, or a Clerk 404. */
export async function userSession(ctx: ServerContext, userId: string, id: string): Promise<SessionTable> {
  const row = await findSessionOfUser(ctx.db, id, userId);
  if (!row) throw Errors.notFound('session');
  return row;
}

/** A user's sessions, newest first (at most 100); `onlyLive`: live and unexpired ones. */
export function userSessions(ctx: ServerContext, userId: string, onlyLive: boolean): Promise<SessionTable[]> {
  return sessionsOfUser(ctx.db, userId, onlyLive, ctx.now());
}

/** One page of sessions (Backend API), newest first; the total only when asked for (`withTotal`). */
export async function listSessionPage(
  ctx: ServerContext,
  f: SessionFilter,
  page: { limit: number; offset: number },
  withTotal: boolean,
): Promise<{ rows: SessionTable[]; total: number | undefined }> {
  const now = ctx.now();
  const rows = await listSessions(ctx.db, f, page, now);
  return { rows, total: withTotal ? await countSessions(ctx.db, f, now) : undefined };
}

export function isLive(ctx: ServerContext, s: SessionTable): boolean {
  return sessionStatus(s, ctx.now()) === LIVE_SESSION;
}

/** Moves live sessions to an ended status (webhook `session.<status>` for each). Returns how many changed. */
export async function endSessions(ctx: ServerContext, ids: string[], status: EndStatus): Promise<number> {
  if (ids.length === 0) return 0;
  const ended = await endLiveSessions(ctx.db, ids, status, ctx.now());
  for (const s of ended) await emitSessionEvent(ctx, `session.${status}`, s);
  return ended.length;
}

/**
 * Ends a session of the caller's client (sign-out) and rotates the client token. When it was the last active one,
 * the client's most recently active remaining session (multi-session mode) becomes the last active one, else none.
 */
export async function signOutSession(call: Caller, session: SessionTable, status: EndStatus): Promise<void> {
  await endSessions(call.ctx, [session.id], status);
  if (call.client && call.client.last_active_session_id === session.id) {
    const rest = await liveSessionsOfClient(call.ctx.db, call.client.id, call.ctx.now());
    const next = rest.reduce<SessionTable | undefined>((best, s) => (!best || s.last_active_at > best.last_active_at ? s : best), undefined);
    await updateCallerClient(call, { last_active_session_id: next?.id ?? null });
  }
  await rotateCallerToken(call);
}

/** Ends every session of the caller's client (sign-out of all) and rotates the client token. */
export async function signOutClient(call: Caller): Promise<void> {
  if (!call.client) return;
  await endSessions(call.ctx, await liveSessionIdsOfClient(call.ctx.db, call.client.id), 'ended');
  await updateCallerClient(call, { last_active_session_id: null });
  await rotateCallerToken(call);
}

export async function touchSession(call: Caller, session: SessionTable): Promise<SessionTable> {
  const now = call.ctx.now();
  const activity = activityColumns(call);
  await touchSessionRow(call.ctx.db, session.id, now, activity);
  await updateUserRow(call.ctx.db, session.user_id, { last_active_at: now });
  await updateCallerClient(call, { last_active_session_id: session.id });
  return { ...session, ...activity, last_active_at: now, updated_at: now };
}
