// Per-request state: parameters, the caller's Client and how its token travels (cookie or header).
import type { ServerContext } from '../context.js';
import type { ClientTable } from '../store/schema.js';
import { newId, newSecret, sha256 } from '../crypto/ids.js';
import type { Params } from './params.js';

export const CLIENT_COOKIE = '__client';
/** Clients live for a year of inactivity-free use, as Clerk's cookie does. */
export const CLIENT_TTL_MS = 365 * 24 * 3600_000;

export const CLIENT_TRANSPORTS = ['cookie', 'header', 'dev_browser'] as const;
export type ClientTransport = (typeof CLIENT_TRANSPORTS)[number];

export interface Call {
  ctx: ServerContext;
  params: Params;
  /** The request's Origin when it is allowed (becomes the token's `azp`). */
  origin: string | undefined;
  /**
   * How the client token travels: the HttpOnly `__client` cookie (browsers), the Authorization header
   * (native clients, `_is_native=1`), or the `__clerk_db_jwt` parameter (clerk-js dev browsers).
   */
  transport: ClientTransport;
  ip: string;
  secureCookie: boolean;
  client: ClientTable | undefined;
  /** A client token to hand back (new client or rotated token); `null` clears it. */
  issuedToken: string | null | undefined;
}

export async function findClient(ctx: ServerContext, token: string | undefined): Promise<ClientTable | undefined> {
  if (!token || token.length > 200) return undefined;
  return ctx.db.selectFrom('clients').selectAll().where('token_hash', '=', sha256(token)).where('expires_at', '>', ctx.now()).executeTakeFirst();
}

/** The caller's client, created on first need. */
export async function ensureClient(call: Call): Promise<ClientTable> {
  if (call.client) return call.client;
  const now = call.ctx.now();
  const token = newSecret();
  const row: ClientTable = {
    id: newId('client'),
    token_hash: sha256(token),
    sign_in_id: null,
    sign_up_id: null,
    last_active_session_id: null,
    last_authentication_strategy: null,
    expires_at: now + CLIENT_TTL_MS,
    created_at: now,
    updated_at: now,
  };
  await call.ctx.db.insertInto('clients').values(row).execute();
  call.client = row;
  call.issuedToken = token;
  return row;
}

/** Gives the client a new token (on every sign-in and sign-out), so a token seen before cannot ride the new session. */
export async function rotateClientToken(call: Call): Promise<void> {
  const client = call.client;
  // A dev browser keeps its token for life: clerk-js has no way to learn a new one.
  if (!client || call.transport === 'dev_browser') return;
  const token = newSecret();
  const hash = sha256(token);
  await call.ctx.db.updateTable('clients').set({ token_hash: hash, updated_at: call.ctx.now() }).where('id', '=', client.id).execute();
  client.token_hash = hash;
  call.issuedToken = token;
}

/** Re-reads the client row after changes. */
export async function reloadClient(call: Call): Promise<ClientTable | undefined> {
  if (!call.client) return undefined;
  call.client = await call.ctx.db.selectFrom('clients').selectAll().where('id', '=', call.client.id).executeTakeFirst();
  return call.client;
}

export async function updateClient(call: Call, patch: Partial<Omit<ClientTable, 'id' | 'token_hash'>>): Promise<void> {
  const client = await ensureClient(call);
  const now = call.ctx.now();
  await call.ctx.db
    .updateTable('clients')
    .set({ ...patch, updated_at: now })
    .where('id', '=', client.id)
    .execute();
  Object.assign(client, patch, { updated_at: now });
}
