// Backend API test helpers: a secret-key HTTP client that checks replies against Clerk's Backend API spec,
// the secret key a server printed, and a webhook receiver (node:http) that can fail on purpose or be down.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BAPI_SPEC_PATH, specValidator } from './spec.ts';
import type { Reply } from './server-harness.ts';

export const bapiSpec = specValidator(BAPI_SPEC_PATH, { pathPrefix: '/v1' });

/** A well-formed test key (CLERK_SECRET_KEY for servers that should not generate one). */
export const TEST_SECRET_KEY = 'sk_test_clerkwcTestSecretKey0123456789abcdefXYZ';
/** A base64 signing secret in the `whsec_` form (24 bytes, as Svix makes them). */
export const WEBHOOK_SECRET = `whsec_${Buffer.from('clerk-wc-webhook-secret!').toString('base64')}`;

/** The full secret key the server printed on this start, if it printed one. */
export function printedSecretKey(output: string[]): string | undefined {
  for (const line of output) {
    const m = /secret key:\s+(sk_(?:test|live)_[A-Za-z0-9]+)\s+\(/.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

export interface BackendRequestOptions {
  /** The bearer token to send instead of the client's key (null: no Authorization header). */
  key?: string | null;
  headers?: Record<string, string>;
  /** Skip the spec check. */
  unchecked?: boolean;
}

/** A server-to-server client: JSON bodies, `Authorization: Bearer <secret key>`, spec-checked replies. */
export class Backend {
  constructor(
    readonly server: { url: string },
    readonly key: string,
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, opts: BackendRequestOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    const key = opts.key === undefined ? this.key : opts.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(this.server.url + path, { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* stays text */
    }
    assert.ok(res.status < 500, `${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
    const pathOnly = path.split('?')[0]!;
    if (!opts.unchecked && bapiSpec.findOperation(method, pathOnly)) {
      let problems = bapiSpec.validateResponse(method, pathOnly, res.status, parsed);
      // A few operations list no 401; the body is still the ClerkErrors shape, checked by the auth tests.
      if (res.status === 401 && problems.length === 1 && /status 401 not in spec/.test(problems[0]!)) problems = [];
      assert.deepEqual(problems, [], `${method} ${path} ${res.status} does not match the Backend API spec`);
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string, opts?: BackendRequestOptions) => this.request<T>('GET', path, undefined, opts);
  post = <T = any>(path: string, body?: unknown, opts?: BackendRequestOptions) => this.request<T>('POST', path, body, opts);
  patch = <T = any>(path: string, body: unknown, opts?: BackendRequestOptions) => this.request<T>('PATCH', path, body, opts);
  del = <T = any>(path: string, opts?: BackendRequestOptions) => this.request<T>('DELETE', path, undefined, opts);
}

export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A Request as the receiving server saw it, for verifyWebhook. */
export function asRequest(hook: { headers: IncomingHttpHeaders; body: string }, url = 'http://receiver.test/webhooks'): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(hook.headers)) if (typeof v === 'string') headers.set(k, v);
  return new Request(url, { method: 'POST', headers, body: hook.body });
}

/** A webhook endpoint: answers 500 to the first `failFirst` deliveries, then 204. Records everything. */
export class Receiver {
  readonly received: ReceivedHook[] = [];
  private server: Server | undefined;
  port = 0;

  constructor(public failFirst = 0) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/webhooks`;
  }

  /** Deliveries that were answered with success. */
  get accepted(): ReceivedHook[] {
    return this.received.filter((h) => h.status < 300);
  }

  /** Accepted events, parsed. */
  events(): Array<{ type: string; data: any; timestamp: number; instance_id: string; object: string; msgId: string }> {
    return this.accepted.map((h) => ({ ...(JSON.parse(h.body) as any), msgId: String(h.headers['svix-id']) }));
  }

  async listen(port = 0): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const status = this.received.length < this.failFirst ? 500 : 204;
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A port nothing listens on (yet): bound, then released. */
export async function freePort(): Promise<number> {
  const r = await new Receiver().listen();
  const port = r.port;
  await r.close();
  return port;
}

/** Polls `check` until it returns a truthy value or the time runs out. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
