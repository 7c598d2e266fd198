// The FAPI transport: form-encoded requests with credentials, `_method` for verbs other than GET/POST (so a
// cross-origin call stays a "simple" request without a preflight), retries with backoff for reads only.
import { ClerkAPIResponseError, ClerkRuntimeError } from './errors.js';
import type { ClientStorage } from './storage.js';

declare const __CLERK_WC_VERSION__: string;
export const VERSION = typeof __CLERK_WC_VERSION__ === 'string' ? __CLERK_WC_VERSION__ : '0.0.0-dev';
/** The FAPI version this client speaks (the date of the spec it follows). */
export const API_VERSION = '2025-11-10';

export type Json = Record<string, any>;
export type FapiBody = Record<string, unknown>;

export interface FapiRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: FapiBody;
  /** A multipart body (file uploads: `POST /v1/me/profile_image`); the browser sets its content type. */
  form?: FormData;
  /** Query parameters besides the ones every request carries. */
  query?: Record<string, string>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
}

/** Form-encodes a body: camelCase keys become snake_case, objects become JSON strings, undefined is left out. */
export function formEncode(body: FapiBody): string {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) {
    if (v === undefined) continue;
    form.append(snake(k), v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v ?? ''));
  }
  return form.toString();
}

export class Fapi {
  /**
   * The dev-browser token (`__clerk_db_jwt`), set for development instances whose FAPI is on another site than the
   * page: it identifies the browser's client on every request instead of a third-party cookie.
   */
  devBrowserToken: string | undefined;
  /** Called when the server hands out a new dev-browser token (`Clerk-Db-Jwt` header). */
  onDevBrowserToken: ((token: string) => void) | undefined;
  /** Makes a new dev browser when the server no longer knows ours (`dev_browser_unauthenticated`). */
  renewDevBrowser: (() => Promise<string | undefined>) | undefined;
  /**
   * Outside a browser: the client token travels in the Authorization header both ways (`_is_native=1`) and is kept in
   * `storage` under `key`, so a process that restarts keeps its client.
   */
  native: { storage: ClientStorage; key: string } | undefined;
  private nativeToken: Promise<string | null | undefined> | undefined;
  /** Called with every piggybacked `client` in a response (null when the client is gone). */
  onClient: ((client: Json | null) => void) | undefined;
  /** Attempts a read makes when the network fails (the first try included). */
  readAttempts = 4;

  constructor(readonly baseUrl: string) {}

  url(path: string, query: Record<string, string> = {}): string {
    const u = new URL(`${this.baseUrl.replace(/\/+$/, '')}/v1${path}`);
    u.searchParams.set('_clerk_js_version', VERSION);
    u.searchParams.set('__clerk_api_version', API_VERSION);
    if (this.devBrowserToken) u.searchParams.set('__clerk_db_jwt', this.devBrowserToken);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return u.toString();
  }

  /** Sends one request; returns the parsed JSON body. Throws ClerkAPIResponseError or ClerkRuntimeError. */
  async request<T = Json>(req: FapiRequest, renewed = false): Promise<T> {
    const method = req.method ?? 'GET';
    const query = { ...req.query };
    if (method !== 'GET' && method !== 'POST') query._method = method;
    const headers: Record<string, string> = {};
    const init: RequestInit = { method: method === 'GET' ? 'GET' : 'POST', credentials: 'include', headers };
    if (method !== 'GET' && req.form) init.body = req.form;
    else if (method !== 'GET') {
      init.body = formEncode(req.body ?? {});
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    if (this.native) {
      query._is_native = '1';
      this.nativeToken ??= Promise.resolve(this.native.storage.get(this.native.key));
      const token = await this.nativeToken;
      if (token) headers.authorization = token;
    }
    const url = this.url(req.path, query);
    const attempts = method === 'GET' ? this.readAttempts : 1;
    let res: Response | undefined;
    for (let attempt = 1; !res; attempt++) {
      try {
        res = await fetch(url, init);
      } catch (e) {
        // A mutation may have reached the server: never repeat it. Reads back off and try again.
        if (attempt >= attempts) throw new ClerkRuntimeError(`Network error talking to ${this.baseUrl}: ${(e as Error).message}`, 'network_error');
        await sleep(250 * 2 ** (attempt - 1));
      }
    }
    let body: Json | undefined;
    try {
      body = res.status === 204 ? undefined : ((await res.json()) as Json);
    } catch {
      body = undefined;
    }
    const clientToken = this.native ? res.headers.get('authorization') : null;
    if (clientToken !== null) await this.keepNativeToken(clientToken);
    const issued = res.headers.get('clerk-db-jwt');
    if (issued && this.devBrowserToken && issued !== this.devBrowserToken) {
      this.devBrowserToken = issued;
      this.onDevBrowserToken?.(issued);
    }
    // The server refused the request before acting on it: a new dev browser, then the same request once more.
    if (
      res.status === 401 &&
      !renewed &&
      this.devBrowserToken &&
      this.renewDevBrowser &&
      (body as Json | undefined)?.errors?.[0]?.code === 'dev_browser_unauthenticated'
    ) {
      this.devBrowserToken = await this.renewDevBrowser();
      if (this.devBrowserToken) return this.request<T>(req, true);
    }
    if (!res.ok) {
      const retry = Number(res.headers.get('retry-after'));
      throw new ClerkAPIResponseError(res.status, body as never, Number.isFinite(retry) && retry > 0 ? retry : undefined);
    }
    if (body && 'client' in body && this.onClient) this.onClient(body.client as Json | null);
    return body as T;
  }

  /** A new client token from the server (on sign-in and sign-out); an empty one means the client is gone. */
  private async keepNativeToken(token: string): Promise<void> {
    const { storage, key } = this.native!;
    this.nativeToken = Promise.resolve(token || null);
    if (token) await storage.set(key, token);
    else await storage.remove(key);
  }
}
