// Sessions: stored status plus the deadlines that make a live one expired or abandoned.
import type { Db } from './db.js';
import type { SessionTable } from './schema.js';

/** The stored status of a live session. */
export const LIVE_SESSION = 'active';

/** A session's status as of now: stored status, or expired/abandoned by time. */
export function sessionStatus(s: SessionTable, now: number): string {
  if (s.status !== LIVE_SESSION) return s.status;
  if (s.expire_at <= now) return 'expired';
  if (s.abandon_at <= now) return 'abandoned';
  return s.status;
}

export async function insertSession(db: Db, row: SessionTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export function findSessionById(db: Db, id: string): Promise<SessionTable | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSessionOfClient(db: Db, id: string, clientId: string): Promise<SessionTable | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).where('client_id', '=', clientId).executeTakeFirst();
}

export function findSessionOfUser(db: Db, id: string, userId: string): Promise<SessionTable | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

/** Whether the client has a live, unexpired session (single-session mode). */
export async function clientHasLiveSession(db: Db, clientId: string, now: number): Promise<boolean> {
  const live = await db
    .selectFrom('sessions')
    .select('id')
    .where('client_id', '=', clientId)
    .where('status', '=', LIVE_SESSION)
    .where('expire_at', '>', now)
    .executeTakeFirst();
  return live !== undefined;
}

/** The live, unexpired sessions of a client, oldest first (what the Client JSON shows). */
export function liveSessionsOfClient(db: Db, clientId: string, now: number): Promise<SessionTable[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('status', '=', LIVE_SESSION)
    .where('expire_at', '>', now)
    .orderBy('created_at')
    .execute();
}

/** Ids of the sessions of a client with the live status (deadlines not checked). */
export async function liveSessionIdsOfClient(db: Db, clientId: string): Promise<string[]> {
  const rows = await db.selectFrom('sessions').select('id').where('client_id', '=', clientId).where('status', '=', LIVE_SESSION).execute();
  return rows.map((s) => s.id);
}

/** Ids of the sessions of a user with the live status (deadlines not checked), but `exceptId`. */
export async function liveSessionIdsOfUser(db: Db, userId: string, exceptId?: string): Promise<string[]> {
  let q = db.selectFrom('sessions').select('id').where('user_id', '=', userId).where('status', '=', LIVE_SESSION);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  const rows = await q.execute();
  return rows.map((s) => s.id);
}

/** A user's sessions, newest first (at most 100); `onlyLive`: live and unexpired ones. */
export function sessionsOfUser(db: Db, userId: string, onlyLive: boolean, now: number): Promise<SessionTable[]> {
  let q = db.selectFrom('sessions').selectAll().where('user_id', '=', userId);
  if (onlyLive) q = q.where('status', '=', LIVE_SESSION).where('expire_at', '>', now);
  return q.orderBy('created_at', 'desc').limit(100).execute();
}

/** Moves those of `ids` that are live to `status`, in one statement; returns the rows that changed. */
export function endLiveSessions(db: Db, ids: string[], status: string, now: number): Promise<SessionTable[]> {
  return db.updateTable('sessions').set({ status, updated_at: now }).where('id', 'in', ids).where('status', '=', LIVE_SESSION).returningAll().execute();
}

/** Revokes every live session of a user; returns the rows that changed. */
export function revokeLiveSessionsOfUser(db: Db, userId: string, now: number): Promise<SessionTable[]> {
  return db
    .updateTable('sessions')
    .set({ status: 'revoked', updated_at: now })
    .where('user_id', '=', userId)
    .where('status', '=', LIVE_SESSION)
    .returningAll()
    .execute();
}

/** The `activity_*` columns: the device a session was last used from. */
export type SessionActivityColumns = Pick<
  SessionTable,
  'activity_browser_name' | 'activity_browser_version' | 'activity_device_type' | 'activity_is_mobile' | 'activity_ip_address'
>;

export async function touchSessionRow(db: Db, id: string, now: number, activity: SessionActivityColumns): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_active_at: now, updated_at: now, ...activity })
    .where('id', '=', id)
    .execute();
}

/** What a session token is made of. */
export interface TokenSessionRow {
  id: string;
  user_id: string;
  first_factor_at: number;
}

/**
 * The token path's one read: the live session `sessionId` of the unexpired client whose token hashes to
 * `tokenHash` (sessions by primary key joined to clients by token hash).
 */
export function findLiveSessionForToken(db: Db, tokenHash: string, sessionId: string, now: number): Promise<TokenSessionRow | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('clients', 'clients.id', 'sessions.client_id')
    .select(['sessions.id', 'sessions.user_id', 'sessions.first_factor_at'])
    .where('sessions.id', '=', sessionId)
    .where('clients.token_hash', '=', tokenHash)
    .where('clients.expires_at', '>', now)
    .where('sessions.status', '=', LIVE_SESSION)
    .where('sessions.expire_at', '>', now)
    .where('sessions.abandon_at', '>', now)
    .executeTakeFirst();
}

export const SESSION_STATUSES = ['abandoned', 'active', 'ended', 'expired', 'removed', 'replaced', 'revoked'] as const;
export type SessionStatusFilter = (typeof SESSION_STATUSES)[number];

export interface SessionFilter {
  user_id?: string | undefined;
  client_id?: string | undefined;
  status?: SessionStatusFilter | undefined;
}

function filteredSessions(db: Db, f: SessionFilter, now: number) {
  let q = db.selectFrom('sessions');
  if (f.user_id) q = q.where('user_id', '=', f.user_id);
  if (f.client_id) q = q.where('client_id', '=', f.client_id);
  // Expired and abandoned are states in time, not stored: a stored `active` row past its deadlines.
  if (f.status === 'active') q = q.where('status', '=', LIVE_SESSION).where('expire_at', '>', now).where('abandon_at', '>', now);
  else if (f.status === 'expired') q = q.where('status', '=', LIVE_SESSION).where('expire_at', '<=', now);
  else if (f.status === 'abandoned') q = q.where('status', '=', LIVE_SESSION).where('expire_at', '>', now).where('abandon_at', '<=', now);
  else if (f.status) q = q.where('status', '=', f.status);
  return q;
}

/** One page of sessions matching the filter, newest first. */
export function listSessions(db: Db, f: SessionFilter, page: { limit: number; offset: number }, now: number): Promise<SessionTable[]> {
  return filteredSessions(db, f, now).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
}

export async function countSessions(db: Db, f: SessionFilter, now: number): Promise<number> {
  const total = await filteredSessions(db, f, now)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(total?.n ?? 0);
}
