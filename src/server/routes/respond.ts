// Response helpers: the `{response, client}` envelope and the session required by /v1/me.
import type { Context } from 'hono';
import type { Call, ClientTransport } from '../http/call.js';
import { Errors } from '../errors.js';
import type { Params } from '../http/params.js';
import type { NodeBindings } from '../http/client-ip.js';
import { clientJson } from '../serialize/client.js';
import { loadCallerClientState } from '../services/clients.js';
import type { SessionTable } from '../store/schema.js';
import { findClientSession, isLive } from '../services/sessions.js';

/**
 * The FAPI app's request state, set by the middleware chain in app.ts (http/*) in this order: `url` (the canonical
 * URL), `origin`, `params`, `method` (after `_method`), `transport` and `clientToken`, then `call` for the routes.
 * `Bindings` is only the node adapter's own (the socket, for the caller's IP).
 */
export type AppEnv = {
  Bindings: NodeBindings;
  Variables: {
    /** Hono's requestId: the caller's `X-Request-Id` when it is a plain token, else a new UUID. */
    requestId: string;
    url: URL;
    /** The request's Origin when it is allowed to read answers with credentials, else undefined. */
    origin: string | undefined;
    params: Params;
    /** Reads an upload's body into `params` (http/body.ts; call it once the caller is known); a no-op otherwise. */
    upload: () => Promise<void>;
    /** The method the request acts as: `_method` turns a POST into any of GET, POST, PUT, PATCH, DELETE. */
    method: string;
    transport: ClientTransport;
    /** The client token the request presents (cookie, Authorization header or dev-browser parameter). */
    clientToken: string | undefined;
    call: Call;
  };
};
export type Ctx = Context<AppEnv>;

/** The caller's Client as JSON, or null when it has none. */
export async function currentClientJson(call: Call) {
  const state = await loadCallerClientState(call);
  return state ? clientJson(call.ctx, state, call.origin) : null;
}

export type ClientJson = Awaited<ReturnType<typeof currentClientJson>>;

/** `{ response, client }`: every mutating FAPI response piggybacks the whole Client. */
export async function envelope(c: Ctx, response: unknown | ((client: ClientJson) => unknown)) {
  const client = await currentClientJson(c.var.call);
  return c.json({ response: typeof response === 'function' ? (response as (x: ClientJson) => unknown)(client) : response, client });
}

/** The session /v1/me acts for: `_clerk_session_id`, else the client's last active session. */
export async function meSession(call: Call): Promise<SessionTable> {
  if (!call.client) throw Errors.signedOut();
  const wanted = call.params.str('_clerk_session_id', { max: 64 }) ?? call.client.last_active_session_id;
  if (!wanted) throw Errors.signedOut();
  const s = await findClientSession(call, wanted);
  if (!s || !isLive(call.ctx, s)) throw Errors.signedOut();
  return s;
}

/** A path parameter, bounded so a 10 KB id is a 404 rather than a slow query. */
export function pathId(c: Ctx, name: string): string {
  const v = c.req.param(name) ?? '';
  return v.length > 100 || v.includes('\0') ? '' : v;
}
