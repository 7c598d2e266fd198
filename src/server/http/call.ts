// Per-request state: parameters, the caller's Client and how its token travels (cookie or header).
import type { ServerContext } from '../context.js';
import type { ClientTable } from '../store/schema.js';
import { CLIENT_TTL_MS, clientForToken, ensureCallerClient, reloadCallerClient, rotateCallerToken, updateCallerClient } from '../services/clients.js';
import type { Params } from './params.js';

export const CLIENT_COOKIE = '__client';
/** Clients live for a year of inactivity-free use, as Clerk's cookie does. */
export { CLIENT_TTL_MS };

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
  /** The request's User-Agent (a session's latest activity). */
  userAgent: string | undefined;
  secureCookie: boolean;
  client: ClientTable | undefined;
  /** A client token to hand back (new client or rotated token); `null` clears it. */
  issuedToken: string | null | undefined;
}

export async function findClient(ctx: ServerContext, token: string | undefined): Promise<ClientTable | undefined> {
  return clientForToken(ctx, token);
}

/** The caller's client, created on first need. */
export async function ensureClient(call: Call): Promise<ClientTable> {
  return ensureCallerClient(call);
}

/** Gives the client a new token (on every sign-in and sign-out), so a token seen before cannot ride the new session. */
export async function rotateClientToken(call: Call): Promise<void> {
  return rotateCallerToken(call);
}

/** Re-reads the client row after changes. */
export async function reloadClient(call: Call): Promise<ClientTable | undefined> {
  return reloadCallerClient(call);
}

export async function updateClient(call: Call, patch: Partial<Omit<ClientTable, 'id' | 'token_hash'>>): Promise<void> {
  return updateCallerClient(call, patch);
}
