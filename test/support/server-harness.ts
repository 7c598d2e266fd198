// Test harness: real server processes (SQLite file or a fresh PostgreSQL database) and a cookie-keeping HTTP client
// that checks every documented response against the FAPI spec.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { findOperation, validateResponse } from './spec.ts';

export const DATABASES = ['sqlite', 'postgres'] as const;
export type DbKind = (typeof DATABASES)[number];

const CLI = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../dist/server/cli.js');

export interface TestServer {
  url: string;
  publishableKey: string;
  db: DbKind;
  databaseUrl: string | undefined;
  dataDir: string;
  output: string[];
  stop(): Promise<void>;
  /** Stops and starts the process again on the same port and store. */
  restart(): Promise<void>;
}

async function createPgDatabase(): Promise<string> {
  const admin = process.env.TEST_PG_ADMIN_URL;
  if (!admin) throw new Error('TEST_PG_ADMIN_URL is not set: run the tests with `npm test`, which starts PostgreSQL');
  const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}

function spawnServer(env: Record<string, string>): Promise<{ proc: ChildProcess; url: string; publishableKey: string; output: string[] }> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, [CLI], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join('\n')}`)), 20_000);
    createInterface({ input: proc.stderr! }).on('line', (l) => output.push(l));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      output.push(line);
      if (line.startsWith('{"event":"listening"')) {
        clearTimeout(timer);
        const ev = JSON.parse(line) as { url: string; publishableKey: string };
        resolvePromise({ proc, url: ev.url, publishableKey: ev.publishableKey, output });
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output.join('\n')}`));
    });
  });
}

export async function startTestServer(db: DbKind, extraEnv: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clerk-wc-test-'));
  const databaseUrl = db === 'postgres' ? await createPgDatabase() : undefined;
  const env: Record<string, string> = {
    HOST: '127.0.0.1',
    PORT: '0',
    CLERK_WC_DATA_DIR: dataDir,
    CLERK_WC_CONFIG: '',
    MAIL_LOG: '0',
    RATE_LIMIT_MAX: '100000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...extraEnv,
  };
  let current = await spawnServer(env);
  const stopProc = async () => {
    const p = current.proc;
    if (p.exitCode !== null) return;
    p.removeAllListeners('exit');
    await new Promise<void>((r) => {
      p.once('exit', () => r());
      p.kill('SIGTERM');
    });
  };
  const server: TestServer = {
    url: current.url,
    publishableKey: current.publishableKey,
    db,
    databaseUrl,
    dataDir,
    output: current.output,
    async stop() {
      await stopProc();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async restart() {
      await stopProc();
      current = await spawnServer({ ...env, PORT: new URL(server.url).port });
      server.output = current.output;
    },
  };
  return server;
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  /** Send the body as JSON instead of form-urlencoded. */
  json?: boolean;
  headers?: Record<string, string>;
  /** Skip the spec check (for deliberately odd requests). */
  unchecked?: boolean;
}

/** A browser-like client: keeps the `__client` cookie, sends an Origin, checks replies against the spec. */
export class Browser {
  cookie: string | undefined;
  constructor(
    readonly server: { url: string },
    readonly origin: string | undefined = 'http://localhost:5173',
  ) {}

  async request<T = any>(method: string, path: string, body?: Record<string, unknown>, opts: RequestOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.origin) headers.origin = this.origin;
    if (this.cookie) headers.cookie = `__client=${this.cookie}`;
    let payload: string | undefined;
    if (body !== undefined) {
      if (opts.json) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(body);
      } else {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        const form = new URLSearchParams();
        for (const [k, v] of Object.entries(body)) if (v !== undefined) form.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
        payload = form.toString();
      }
    }
    const res = await fetch(this.server.url + path, { method, headers, body: payload });
    const setCookie = res.headers.get('set-cookie');
    const m = setCookie ? /__client=([^;]*)/.exec(setCookie) : null;
    if (m) this.cookie = m[1] === '' ? undefined : m[1];
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* non-JSON body stays text */
    }
    assert.ok(res.status < 500, `${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
    const pathOnly = path.split('?')[0]!;
    if (!opts.unchecked && findOperation(method, pathOnly)) {
      const problems = validateResponse(method, pathOnly, res.status, parsed);
      assert.deepEqual(problems, [], `${method} ${path} ${res.status} does not match the FAPI spec`);
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string, opts?: RequestOptions) => this.request<T>('GET', path, undefined, opts);
  post = <T = any>(path: string, body: Record<string, unknown> = {}, opts?: RequestOptions) => this.request<T>('POST', path, body, opts);
  patch = <T = any>(path: string, body: Record<string, unknown> = {}, opts?: RequestOptions) => this.request<T>('PATCH', path, body, opts);
  del = <T = any>(path: string, opts?: RequestOptions) => this.request<T>('DELETE', path, undefined, opts);
}

/** The newest code mailed to `email`, read from the dev outbox. */
export async function latestCode(server: { url: string }, email: string): Promise<string> {
  const res = await fetch(`${server.url}/v1/dev/outbox?email_address=${encodeURIComponent(email)}`);
  const body = (await res.json()) as { data: Array<{ code: string | null }> };
  const code = body.data[0]?.code;
  assert.ok(code, `no code was mailed to ${email}`);
  return code;
}

export function uniqueEmail(tag = 'user'): string {
  return `${tag}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}@example.com`;
}

export const PASSWORD = 'violet-Quartz-harbor-42';

/** Signs a new user up through the real flow (code from the outbox). Returns the browser, now signed in. */
export async function signUp(
  server: { url: string },
  email = uniqueEmail(),
  password = PASSWORD,
  extra: Record<string, unknown> = {},
): Promise<{ browser: Browser; email: string; userId: string; sessionId: string }> {
  const browser = new Browser(server);
  const created = await browser.post('/v1/client/sign_ups', { email_address: email, password, ...extra });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const id = created.body.response.id as string;
  assert.equal((await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })).status, 200);
  const done = await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: await latestCode(server, email) });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  assert.equal(done.body.response.status, 'complete');
  return { browser, email, userId: done.body.response.created_user_id, sessionId: done.body.response.created_session_id };
}

/** Verifies an RS256 JWT's signature against a JWKS `keys` array (by `kid`). */
export function verifiesWith(jwt: string, keys: Array<Record<string, string>>): boolean {
  const [h, p, sig] = jwt.split('.') as [string, string, string];
  const { kid } = JSON.parse(Buffer.from(h, 'base64url').toString()) as { kid: string };
  const jwk = keys.find((k) => k.kid === kid);
  return !!jwk && verify('RSA-SHA256', Buffer.from(`${h}.${p}`), createPublicKey({ key: jwk as never, format: 'jwk' }), Buffer.from(sig, 'base64url'));
}

/** Decodes a JWT's payload without verifying it. */
export function jwtPayload(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, any>;
}

/** Runs a query against the server's own store (SQLite file or PostgreSQL database). */
export async function queryStore(server: TestServer, sql: string): Promise<Array<Record<string, unknown>>> {
  if (server.db === 'sqlite') {
    const db = new Database(`${server.dataDir}/clerk-wc.sqlite`, { readonly: true });
    try {
      return db.prepare(sql).all() as Array<Record<string, unknown>>;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Array<Record<string, unknown>>;
  } finally {
    await client.end();
  }
}
