// The caller's Client: created on first need, its token rotated on sign-in and sign-out, and everything the Client
// JSON shows loaded in one place. `Caller` is what the flows need of a request (http/call.ts's Call is one).
import type { ServerContext } from '../context.js';
import type { ClientTable, SessionTable, SignInTable, SignUpTable } from '../store/schema.js';
import { newId, newSecret, sha256 } from '../crypto/ids.js';
import { type ClientPatch, deleteClient, findClientById, findClientByTokenHash, insertClient, setClientTokenHash, updateClientRow } from '../store/clients.js';
import { liveSessionsOfClient } from '../store/sessions.js';
import { findSignInById } from '../store/sign-ins.js';
import { findSignUpById } from '../store/sign-ups.js';
import { loadUsers, type UserWithEmails } from './users.js';

/** Clients live for a year of inactivity-free use, as Clerk's cookie does. */
export const CLIENT_TTL_MS = 365 * 24 * 3600_000;

export interface Caller {
  ctx: ServerContext;
  /** How the client token travels; a `dev_browser` keeps its token for life. */
  transport: string;
  client: ClientTable | undefined;
  /** A client token to hand back (new client or rotated token); `null` clears it. */
  issuedToken: string | null | undefined;
  /** The request's User-Agent and IP: a new or touched session's latest activity. */
  userAgent?: string | undefined;
  ip?: string | undefined;
}

/** The unexpired client a token names (a token of absurd length names none). */
export async function clientForToken(ctx: ServerContext, token: string | undefined): Promise<ClientTable | undefined> {
  if (!token || token.length > 200) return undefined;
  return findClientByTokenHash(ctx.db, sha256(token), ctx.now());
}

/** The caller's client, created on first need. */
export async function ensureCallerClient(call: Caller): Promise<ClientTable> {
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
  await insertClient(call.ctx.db, row);
  call.client = row;
  call.issuedToken = token;
  return row;
}

/** Gives the client a new token (on every sign-in and sign-out), so a token seen before cannot ride the new session. */
export async function rotateCallerToken(call: Caller): Promise<void> {
  const client = call.client;
  // A dev browser keeps its token for life: clerk-js has no way to learn a new one.
  if (!client || call.transport === 'dev_browser') return;
  const token = newSecret();
  const hash = sha256(token);
  await setClientTokenHash(call.ctx.db, client.id, hash, call.ctx.now());
  client.token_hash = hash;
  call.issuedToken = token;
}

/** Re-reads the caller's client row after changes. */
export async function reloadCallerClient(call: Caller): Promise<ClientTable | undefined> {
  if (!call.client) return undefined;
  call.client = await findClientById(call.ctx.db, call.client.id);
  return call.client;
}

export async function updateCallerClient(call: Caller, patch: ClientPatch): Promise<void> {
  const client = await ensureCallerClient(call);
  const now = call.ctx.now();
  await updateClientRow(call.ctx.db, client.id, { ...patch, updated_at: now });
  Object.assign(client, patch, { updated_at: now });
}

/** Deletes the caller's client (DELETE /v1/client); its token is cleared in the response. */
export async function forgetClient(call: Caller): Promise<void> {
  if (call.client) await deleteClient(call.ctx.db, call.client.id);
  call.client = undefined;
  call.issuedToken = null;
}

export interface ClientState {
  client: ClientTable;
  sessions: SessionTable[];
  signIn: SignInTable | undefined;
  signUp: SignUpTable | undefined;
  users: Map<string, UserWithEmails>;
}

/** Loads everything the Client JSON shows. */
export async function loadClientState(ctx: ServerContext, client: ClientTable): Promise<ClientState> {
  const now = ctx.now();
  const [sessions, signIn, signUp] = await Promise.all([
    liveSessionsOfClient(ctx.db, client.id, now),
    client.sign_in_id ? findSignInById(ctx.db, client.sign_in_id) : undefined,
    client.sign_up_id ? findSignUpById(ctx.db, client.sign_up_id) : undefined,
  ]);
  const userIds = sessions.map((s) => s.user_id);
  if (signIn?.user_id) userIds.push(signIn.user_id);
  return { client, sessions, signIn, signUp, users: await loadUsers(ctx, userIds) };
}

/** The caller's client as the database has it now, with everything its JSON shows; undefined when it has none. */
export async function loadCallerClientState(call: Caller): Promise<ClientState | undefined> {
  if (!call.client) return undefined;
  const fresh = await findClientById(call.ctx.db, call.client.id);
  if (!fresh) return undefined;
  call.client = fresh;
  return loadClientState(call.ctx, fresh);
}
