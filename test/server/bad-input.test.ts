// Bad input over real HTTP, on SQLite and PostgreSQL: every malformed, oversized, wrongly typed, unknown, replayed,
// expired or cross-origin request must get a 4xx Clerk error envelope `{errors:[{code,message,long_message,meta}]}`
// naming the parameter at fault — never a 5xx, never a 2xx — and the server must stay healthy and lose no data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { Browser, DATABASES, PASSWORD, latestCode, signUp, startTestServer, uniqueEmail, type Reply, type TestServer } from '../support/server-harness.ts';

const APP_ORIGIN = 'http://localhost:5173';
const EVIL_ORIGIN = 'https://evil.example';
const HUGE = 'x'.repeat(10 * 1024);
/** An error body must not echo huge input back. */
const MAX_ERROR_BODY = 4096;
const U = { unchecked: true } as const;
const J = { unchecked: true, json: true } as const;

type SignedIn = Awaited<ReturnType<typeof signUp>>;

interface Fixture {
  server: TestServer;
  /** A signed-in user, for /v1/me and cross-origin cases. */
  base: SignedIn;
  /** A user that wrong-password and wrong-code cases are aimed at (a few failures, far from the lockout). */
  target: { email: string; userId: string };
}

interface Case {
  name: string;
  run: (fx: Fixture) => Promise<Reply>;
  status: number | readonly number[];
  code: string | readonly string[];
  /** Expected `errors[0].meta.param_name`; not checked when omitted. */
  param?: string;
}

// ---- helpers -----------------------------------------------------------------------------------

/** A request with full control over headers and body (for broken bodies). Never follows the spec check. */
async function raw(
  server: TestServer,
  method: string,
  path: string,
  opts: { body?: BodyInit; contentType?: string; origin?: string | null; cookie?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  const origin = opts.origin === undefined ? APP_ORIGIN : opts.origin;
  if (origin !== null) headers.origin = origin;
  if (opts.contentType) headers['content-type'] = opts.contentType;
  if (opts.cookie) headers.cookie = opts.cookie;
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (opts.body !== undefined) {
    init.body = opts.body;
    if (opts.body instanceof ReadableStream) init.duplex = 'half';
  }
  const res = await fetch(server.url + path, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* stays text */
  }
  return { status: res.status, body, headers: res.headers };
}

async function newSignIn(fx: Fixture, identifier = fx.target.email): Promise<{ browser: Browser; id: string }> {
  const browser = new Browser(fx.server);
  const res = await browser.post('/v1/client/sign_ins', { identifier });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return { browser, id: res.body.response.id };
}

async function newSignUp(fx: Fixture, extra: Record<string, unknown> = {}): Promise<{ browser: Browser; id: string; email: string }> {
  const browser = new Browser(fx.server);
  const email = uniqueEmail('bad');
  const res = await browser.post('/v1/client/sign_ups', { email_address: email, password: PASSWORD, ...extra });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return { browser, id: res.body.response.id, email };
}

async function preparedSignUp(fx: Fixture): Promise<{ browser: Browser; id: string; email: string; code: string }> {
  const su = await newSignUp(fx);
  const prep = await su.browser.post(`/v1/client/sign_ups/${su.id}/prepare_verification`, { strategy: 'email_code' });
  assert.equal(prep.status, 200, JSON.stringify(prep.body));
  return { ...su, code: await latestCode(fx.server, su.email) };
}

/** 96 KB of form body in 8 KB chunks: sent with `transfer-encoding: chunked`, no content-length. */
const oversizedChunks = () => [Buffer.from('identifier='), ...Array.from({ length: 12 }, () => Buffer.alloc(8 * 1024, 'x'))];

/**
 * A request through node:http, to control the connection (`agent: false` = a connection of its own) and to stream a
 * chunked body. Write errors after the response has arrived (the server may stop reading an oversized body) are ignored.
 */
function httpRequest(
  server: TestServer,
  opts: {
    method: string;
    path: string;
    contentType?: string;
    chunks?: Buffer[];
    /** Body chunks sent only after the response has arrived (a client still uploading when the server answers). */
    lateChunks?: Buffer[];
    agent: http.Agent | false;
    origin?: string;
  },
): Promise<Reply> {
  return new Promise((resolvePromise, reject) => {
    const headers: Record<string, string> = { origin: opts.origin ?? APP_ORIGIN };
    if (opts.contentType) headers['content-type'] = opts.contentType;
    let answered = false;
    const req = http.request(server.url + opts.path, { method: opts.method, headers, agent: opts.agent }, (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('error', reject);
      res.on('end', () => {
        if (opts.lateChunks) {
          for (const c of opts.lateChunks) req.write(c);
          req.end();
        }
        const text = Buffer.concat(parts).toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          /* stays text */
        }
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
        resolvePromise({ status: res.statusCode ?? 0, body, headers: h });
      });
    });
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    for (const c of opts.chunks ?? []) req.write(c);
    if (!opts.lateChunks) req.end();
  });
}

/** A 6-digit code that is not `code`. */
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** Expires the codes of one subject (`sign_up:<id>`, `sign_in:<id>`) directly in the store. */
async function expireCodes(server: TestServer, subject: string): Promise<void> {
  if (server.db === 'sqlite') {
    const db = new Database(join(server.dataDir, 'clerk-wc.sqlite'));
    try {
      db.pragma('busy_timeout = 5000');
      const res = db.prepare('UPDATE verification_codes SET expire_at = 0 WHERE subject = ?').run(subject);
      assert.equal(res.changes, 1, `no verification code stored for ${subject}`);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    const res = await client.query('UPDATE verification_codes SET expire_at = 0 WHERE subject = $1', [subject]);
    assert.equal(res.rowCount, 1, `no verification code stored for ${subject}`);
  } finally {
    await client.end();
  }
}

/** Asserts the Clerk error envelope, the status, the code and (when given) the parameter at fault. */
function assertClerkError(res: Reply, c: Pick<Case, 'status' | 'code' | 'param'>, label: string): void {
  const shown = typeof res.body === 'string' ? res.body.slice(0, 600) : JSON.stringify(res.body)?.slice(0, 600);
  const where = `${label}: got ${res.status} ${shown}`;
  assert.ok(res.status >= 400 && res.status < 500, `expected a 4xx; ${where}`);
  const statuses = ([] as number[]).concat(c.status);
  assert.ok(statuses.includes(res.status), `expected status ${statuses.join(' or ')}; ${where}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/, `error bodies are JSON; ${where}`);
  const body = res.body as { errors?: Array<Record<string, unknown>> };
  assert.ok(body && typeof body === 'object' && Array.isArray(body.errors) && body.errors.length > 0, `expected {errors:[...]}; ${where}`);
  const e = body.errors[0]!;
  for (const k of ['code', 'message', 'long_message'] as const)
    assert.ok(typeof e[k] === 'string' && (e[k] as string).length > 0, `errors[0].${k} must be a non-empty string; ${where}`);
  assert.ok(e.meta !== null && typeof e.meta === 'object' && !Array.isArray(e.meta), `errors[0].meta must be an object; ${where}`);
  const codes = ([] as string[]).concat(c.code);
  assert.ok(codes.includes(e.code as string), `expected code ${codes.join(' or ')}; ${where}`);
  if (c.param !== undefined) {
    const meta = e.meta as Record<string, unknown>;
    assert.equal(meta.param_name, c.param, `expected meta.param_name ${c.param}; ${where}`);
    if ((e.code as string).startsWith('form_param_')) assert.ok((e.long_message as string).includes(c.param), `long_message should name ${c.param}; ${where}`);
  }
  assert.doesNotMatch(
    `${e.message} ${e.long_message}`,
    /sqlite|postgres|syntax error|TypeError|RangeError|\bat \S+\.(js|ts):/i,
    `error leaks internals; ${where}`,
  );
  const size = JSON.stringify(res.body).length;
  assert.ok(size <= MAX_ERROR_BODY, `error body is ${size} bytes (> ${MAX_ERROR_BODY}): it should not echo huge input back; ${label}`);
}

// ---- the table ---------------------------------------------------------------------------------

const MISSING = 'form_param_missing';
const UNKNOWN = 'form_param_unknown';
const FORMAT = 'form_param_format_invalid';
const VALUE = 'form_param_value_invalid';
const TOO_LONG = 'form_param_max_length_exceeded';
const NOT_FOUND = 'resource_not_found';
const BODY = 'request_body_invalid';

/** JSON text of arrays nested `depth` levels (built as text: JSON.stringify itself overflows the stack on it). */
const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

const CASES: Case[] = [
  // Missing required parameters.
  {
    name: 'attempt_first_factor without strategy',
    run: async (fx) => {
      const { browser, id } = await newSignIn(fx);
      return browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { password: PASSWORD }, U);
    },
    status: 422,
    code: MISSING,
    param: 'strategy',
  },
  {
    name: 'attempt_first_factor password strategy without password',
    run: async (fx) => {
      const { browser, id } = await newSignIn(fx);
      return browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password' }, U);
    },
    status: 422,
    code: MISSING,
    param: 'password',
  },
  {
    name: 'sign_ins create with strategy=password and no identifier',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ins', { strategy: 'password', password: PASSWORD }, U),
    status: 422,
    code: MISSING,
    param: 'identifier',
  },
  {
    name: 'attempt_verification without code',
    run: async (fx) => {
      const su = await preparedSignUp(fx);
      return su.browser.post(`/v1/client/sign_ups/${su.id}/attempt_verification`, { strategy: 'email_code' }, U);
    },
    status: 422,
    code: MISSING,
    param: 'code',
  },
  {
    name: 'prepare_verification without strategy',
    run: async (fx) => {
      const su = await newSignUp(fx);
      return su.browser.post(`/v1/client/sign_ups/${su.id}/prepare_verification`, {}, U);
    },
    status: 422,
    code: MISSING,
    param: 'strategy',
  },
  {
    name: 'reset_password without password',
    run: async (fx) => {
      const { browser, id } = await newSignIn(fx);
      return browser.post(`/v1/client/sign_ins/${id}/reset_password`, {}, U);
    },
    status: 422,
    code: MISSING,
    param: 'password',
  },
  {
    name: 'POST /v1/waitlist without email_address',
    run: (fx) => new Browser(fx.server).post('/v1/waitlist', {}, U),
    status: 422,
    code: MISSING,
    param: 'email_address',
  },
  {
    name: 'change_password without new_password',
    run: (fx) => fx.base.browser.post('/v1/me/change_password', { current_password: PASSWORD }, U),
    status: 422,
    code: MISSING,
    param: 'new_password',
  },
  {
    name: 'POST /v1/me/email_addresses without email_address',
    run: (fx) => fx.base.browser.post('/v1/me/email_addresses', {}, U),
    status: 422,
    code: MISSING,
    param: 'email_address',
  },

  // Unknown parameters.
  {
    name: 'unknown param foo=bar on sign_ins create',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ins', { identifier: fx.target.email, foo: 'bar' }, U),
    status: 422,
    code: UNKNOWN,
    param: 'foo',
  },
  {
    name: 'unknown param foo=bar on sign_ups create',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: uniqueEmail('bad'), foo: 'bar' }, U),
    status: 422,
    code: UNKNOWN,
    param: 'foo',
  },
  {
    name: 'unknown param on attempt_first_factor',
    run: async (fx) => {
      const { browser, id } = await newSignIn(fx);
      return browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password', password: PASSWORD, foo: 'bar' }, U);
    },
    status: 422,
    code: UNKNOWN,
    param: 'foo',
  },
  {
    name: 'unknown param on PATCH /v1/me',
    run: (fx) => fx.base.browser.patch('/v1/me', { foo: 'bar' }, U),
    status: 422,
    code: UNKNOWN,
    param: 'foo',
  },
  {
    name: 'JSON key __proto__ is an unknown param (no prototype tricks)',
    run: (fx) =>
      raw(fx.server, 'POST', '/v1/client/sign_ups', {
        contentType: 'application/json',
        body: `{"email_address":"${uniqueEmail('bad')}","__proto__":{"password":"x"}}`,
      }),
    status: 422,
    code: UNKNOWN,
    param: '__proto__',
  },
  {
    name: 'unknown param with a 5 KB name (error must not echo it whole)',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ins', { ['f'.repeat(5 * 1024)]: '1' }, U),
    status: 422,
    code: UNKNOWN,
  },

  // Wrong types in JSON bodies (and arrays in forms).
  {
    name: 'JSON identifier: 123',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ins', { identifier: 123 }, J),
    status: 422,
    code: FORMAT,
    param: 'identifier',
  },
  {
    name: 'JSON password: true',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ins', { identifier: fx.target.email, strategy: 'password', password: true }, J),
    status: 422,
    code: FORMAT,
    param: 'password',
  },
  {
    name: 'JSON unsafe_metadata: "not json"',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: uniqueEmail('bad'), unsafe_metadata: 'not json' }, J),
    status: 422,
    code: FORMAT,
    param: 'unsafe_metadata',
  },
  {
    name: 'JSON unsafe_metadata: [1,2] (array, not an object)',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: uniqueEmail('bad'), unsafe_metadata: [1, 2] }, J),
    status: 422,
    code: FORMAT,
    param: 'unsafe_metadata',
  },
  {
    name: 'JSON email_address: ["a@example.com","b@example.com"]',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: ['a@example.com', 'b@example.com'] }, J),
    status: 422,
    code: FORMAT,
    param: 'email_address',
  },
  {
    name: 'form identifier[]=a&identifier[]=b',
    run: (fx) =>
      raw(fx.server, 'POST', '/v1/client/sign_ins', {
        contentType: 'application/x-www-form-urlencoded',
        body: 'identifier[]=a%40example.com&identifier[]=b%40example.com',
      }),
    status: 422,
    code: FORMAT,
    param: 'identifier',
  },
  {
    name: 'JSON strategy: {}',
    run: async (fx) => {
      const { browser, id } = await newSignIn(fx);
      return browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: {}, password: PASSWORD }, J);
    },
    status: 422,
    code: FORMAT,
    param: 'strategy',
  },
  {
    name: 'JSON first_name: {"a":1}',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: uniqueEmail('bad'), first_name: { a: 1 } }, J),
    status: 422,
    code: FORMAT,
    param: 'first_name',
  },
  {
    name: 'JSON code: 123456 (number)',
    run: async (fx) => {
      const su = await preparedSignUp(fx);
      return su.browser.post(`/v1/client/sign_ups/${su.id}/attempt_verification`, { strategy: 'email_code', code: Number(su.code) }, J);
    },
    status: 422,
    code: FORMAT,
    param: 'code',
  },
  {
    name: 'legal_accepted=maybe (not a boolean)',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: uniqueEmail('bad'), legal_accepted: 'maybe' }, U),
    status: 422,
    code: FORMAT,
    param: 'legal_accepted',
  },
  {
    name: 'sign_out_of_other_sessions=yes on change_password',
    run: (fx) =>
      fx.base.browser.post(
        '/v1/me/change_password',
        { current_password: PASSWORD, new_password: 'amber-Lynx-canyon-77', sign_out_of_other_sessions: 'yes' },
        U,
      ),
    status: 422,
    code: FORMAT,
    param: 'sign_out_of_other_sessions',
  },

  // Oversized values.
  {
    name: '10 KB identifier',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ins', { identifier: HUGE }, U),
    status: 422,
    code: TOO_LONG,
    param: 'identifier',
  },
  {
    name: '10 KB password on sign-in',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ins', { identifier: fx.target.email, strategy: 'password', password: HUGE }, U),
    status: 422,
    code: [TOO_LONG, 'form_password_length_too_long'],
    param: 'password',
  },
  {
    name: '10 KB password on sign-up',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: uniqueEmail('bad'), password: HUGE }, U),
    status: 422,
    code: [TOO_LONG, 'form_password_length_too_long'],
    param: 'password',
  },
  {
    name: '10 KB first_name',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: uniqueEmail('bad'), first_name: HUGE }, U),
    status: 422,
    code: TOO_LONG,
    param: 'first_name',
  },
  {
    name: '10 KB email_address on sign-up',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: `${HUGE}@example.com` }, U),
    status: 422,
    code: TOO_LONG,
    param: 'email_address',
  },
  {
    name: '10 KB email_address on waitlist',
    run: (fx) => new Browser(fx.server).post('/v1/waitlist', { email_address: `${HUGE}@example.com` }, U),
    status: 422,
    code: TOO_LONG,
    param: 'email_address',
  },
  {
    name: '10 KB code',
    run: async (fx) => {
      const su = await preparedSignUp(fx);
      return su.browser.post(`/v1/client/sign_ups/${su.id}/attempt_verification`, { strategy: 'email_code', code: HUGE }, U);
    },
    status: 422,
    code: TOO_LONG,
    param: 'code',
  },
  {
    name: '10 KB unsafe_metadata (JSON object)',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: uniqueEmail('bad'), unsafe_metadata: { blob: HUGE } }, J),
    status: 422,
    code: TOO_LONG,
    param: 'unsafe_metadata',
  },
  {
    name: '10 KB unsafe_metadata (form, JSON string)',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: uniqueEmail('bad'), unsafe_metadata: JSON.stringify({ blob: HUGE }) }, U),
    status: 422,
    code: TOO_LONG,
    param: 'unsafe_metadata',
  },
  {
    name: '10 KB new_password on change_password',
    run: (fx) => fx.base.browser.post('/v1/me/change_password', { current_password: PASSWORD, new_password: HUGE }, U),
    status: 422,
    code: [TOO_LONG, 'form_password_length_too_long'],
    param: 'new_password',
  },
  {
    name: '10 KB first_name on PATCH /v1/me',
    run: (fx) => fx.base.browser.patch('/v1/me', { first_name: HUGE }, U),
    status: 422,
    code: TOO_LONG,
    param: 'first_name',
  },
  {
    name: 'unsafe_metadata nested 30,000 levels deep (JSON body under 64 KB)',
    run: (fx) =>
      raw(fx.server, 'POST', '/v1/client/sign_ups', {
        contentType: 'application/json',
        body: `{"email_address":"${uniqueEmail('bad')}","unsafe_metadata":{"a":${deep(30_000)}}}`,
      }),
    status: 400,
    code: 'request_body_invalid',
  },
  {
    name: 'PATCH /v1/me unsafe_metadata nested 30,000 levels deep',
    run: (fx) =>
      raw(fx.server, 'PATCH', '/v1/me', {
        cookie: `__client=${fx.base.browser.cookie}`,
        contentType: 'application/json',
        body: `{"unsafe_metadata":{"a":${deep(30_000)}}}`,
      }),
    status: 400,
    code: 'request_body_invalid',
  },
  {
    name: 'unsafe_metadata as a form string nested 100 levels deep',
    run: (fx) =>
      raw(fx.server, 'POST', '/v1/client/sign_ups', {
        contentType: 'application/x-www-form-urlencoded',
        body: `email_address=${encodeURIComponent(uniqueEmail('bad'))}&unsafe_metadata=${encodeURIComponent(`{"a":${deep(100)}}`)}`,
      }),
    status: 422,
    code: FORMAT,
    param: 'unsafe_metadata',
  },
  {
    name: 'form body over 64 KB (with content-length) is 413',
    run: (fx) =>
      raw(fx.server, 'POST', '/v1/client/sign_ins', { contentType: 'application/x-www-form-urlencoded', body: `identifier=${'x'.repeat(70 * 1024)}` }),
    status: 413,
    code: 'request_body_too_large',
  },
  {
    name: 'JSON body over 64 KB is 413',
    run: (fx) =>
      raw(fx.server, 'POST', '/v1/client/sign_ups', { contentType: 'application/json', body: JSON.stringify({ first_name: 'x'.repeat(70 * 1024) }) }),
    status: 413,
    code: 'request_body_too_large',
  },
  {
    name: 'chunked body over 64 KB (no content-length) is 413',
    // On a connection of its own: see the connection-reuse test below.
    run: (fx) =>
      httpRequest(fx.server, {
        method: 'POST',
        path: '/v1/client/sign_ins',
        contentType: 'application/x-www-form-urlencoded',
        chunks: oversizedChunks(),
        agent: false,
      }),
    status: 413,
    code: 'request_body_too_large',
  },

  // Broken bodies.
  {
    name: 'invalid JSON with content-type application/json',
    run: (fx) => raw(fx.server, 'POST', '/v1/client/sign_ins', { contentType: 'application/json', body: '{"identifier": "a@example.com",' }),
    status: 400,
    code: BODY,
  },
  {
    name: 'JSON array body',
    run: (fx) => raw(fx.server, 'POST', '/v1/client/sign_ins', { contentType: 'application/json', body: '[{"identifier":"a@example.com"}]' }),
    status: 400,
    code: BODY,
  },
  {
    name: 'JSON string body',
    run: (fx) => raw(fx.server, 'POST', '/v1/client/sign_ins', { contentType: 'application/json', body: '"identifier"' }),
    status: 400,
    code: BODY,
  },
  {
    name: 'JSON null body',
    run: (fx) => raw(fx.server, 'POST', '/v1/client/sign_ins', { contentType: 'application/json; charset=utf-8', body: 'null' }),
    status: 400,
    code: BODY,
  },
  {
    name: 'unsupported content-type text/xml',
    run: (fx) => raw(fx.server, 'POST', '/v1/client/sign_ins', { contentType: 'text/xml', body: '<identifier>a@example.com</identifier>' }),
    status: [400, 415],
    code: BODY,
  },
  {
    name: 'unsupported content-type multipart/form-data',
    run: (fx) => {
      const form = new FormData();
      form.set('identifier', 'a@example.com');
      return raw(fx.server, 'POST', '/v1/client/sign_ins', { body: form });
    },
    status: [400, 415],
    code: BODY,
  },

  // Invalid values.
  {
    name: 'sign_ins create with strategy not in the allowed list',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ins', { identifier: fx.target.email, strategy: 'carrier_pigeon' }, U),
    status: 422,
    code: VALUE,
    param: 'strategy',
  },
  {
    name: 'attempt_first_factor with strategy phone_code',
    run: async (fx) => {
      const { browser, id } = await newSignIn(fx);
      return browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'phone_code', code: '123456' }, U);
    },
    status: 422,
    code: VALUE,
    param: 'strategy',
  },
  {
    name: 'sign_ups create with strategy phone_code',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: uniqueEmail('bad'), strategy: 'phone_code' }, U),
    status: 422,
    code: VALUE,
    param: 'strategy',
  },
  {
    name: 'prepare_verification with strategy phone_code',
    run: async (fx) => {
      const su = await newSignUp(fx);
      return su.browser.post(`/v1/client/sign_ups/${su.id}/prepare_verification`, { strategy: 'phone_code' }, U);
    },
    status: 422,
    code: VALUE,
    param: 'strategy',
  },
  {
    name: 'malformed email on sign-up',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: 'not-an-email', password: PASSWORD }, U),
    status: 422,
    code: FORMAT,
    param: 'email_address',
  },
  {
    name: 'email with a space on sign-up',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: 'ada lovelace@example.com' }, U),
    status: 422,
    code: FORMAT,
    param: 'email_address',
  },
  {
    name: 'malformed email on waitlist',
    run: (fx) => new Browser(fx.server).post('/v1/waitlist', { email_address: 'nope@' }, U),
    status: 422,
    code: FORMAT,
    param: 'email_address',
  },
  {
    name: 'malformed email on POST /v1/me/email_addresses',
    run: (fx) => fx.base.browser.post('/v1/me/email_addresses', { email_address: 'nope' }, U),
    status: 422,
    code: FORMAT,
    param: 'email_address',
  },
  {
    name: 'PATCH /v1/me with an unknown primary_email_address_id',
    run: (fx) => fx.base.browser.patch('/v1/me', { primary_email_address_id: 'idn_doesnotexist' }, U),
    status: 422,
    code: VALUE,
    param: 'primary_email_address_id',
  },
  {
    name: 'invalid username on sign-up',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: uniqueEmail('bad'), username: 'a!' }, U),
    status: 422,
    code: FORMAT,
    param: 'username',
  },
  {
    name: 'too-short password on sign-up',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: uniqueEmail('bad'), password: 'short' }, U),
    status: 422,
    code: 'form_password_length_too_short',
    param: 'password',
  },
  {
    name: 'too-long (100 chars) password on sign-up',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: uniqueEmail('bad'), password: 'Lk9-'.repeat(25) }, U),
    status: 422,
    code: 'form_password_length_too_long',
    param: 'password',
  },
  {
    name: 'common password password1234 on sign-up',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: uniqueEmail('bad'), password: 'password1234' }, U),
    status: 422,
    code: 'form_password_pwned',
    param: 'password',
  },
  {
    name: 'too-short new_password on change_password',
    run: (fx) => fx.base.browser.post('/v1/me/change_password', { current_password: PASSWORD, new_password: 'short' }, U),
    status: 422,
    code: 'form_password_length_too_short',
    param: 'new_password',
  },
  {
    name: '_method=TRACE',
    run: (fx) => new Browser(fx.server).post('/v1/client', { _method: 'TRACE' }, U),
    status: 422,
    code: VALUE,
    param: '_method',
  },

  // NUL bytes: PostgreSQL text cannot hold them, so they must be refused before the store.
  {
    name: 'identifier with a NUL byte',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ins', { identifier: 'ada\u0000@example.com' }, J),
    status: 422,
    code: [FORMAT, 'form_identifier_not_found'],
    param: 'identifier',
  },
  {
    name: 'email_address with a NUL byte on sign-up',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: 'ada\u0000@example.com' }, J),
    status: 422,
    code: FORMAT,
    param: 'email_address',
  },
  {
    name: 'email_address with a NUL byte on waitlist',
    run: (fx) => new Browser(fx.server).post('/v1/waitlist', { email_address: 'ada\u0000@example.com' }, J),
    status: 422,
    code: FORMAT,
    param: 'email_address',
  },
  {
    name: 'first_name with a NUL byte on sign-up',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ups', { email_address: uniqueEmail('bad'), first_name: 'Ada\u0000' }, J),
    status: 422,
    code: FORMAT,
    param: 'first_name',
  },
  {
    name: 'sign-in id with a NUL byte (%00) in the path',
    run: async (fx) => {
      const { browser } = await newSignIn(fx);
      return browser.get('/v1/client/sign_ins/sia_%00', U);
    },
    status: 404,
    code: NOT_FOUND,
  },
  {
    name: '_clerk_session_id with a NUL byte on GET /v1/me',
    run: (fx) => fx.base.browser.get('/v1/me?_clerk_session_id=sess_%00', U),
    status: [401, 404, 422],
    code: ['signed_out', NOT_FOUND, FORMAT],
  },

  // Unknown ids and routes.
  {
    name: 'GET unknown sign-in without a client',
    run: (fx) => new Browser(fx.server).get('/v1/client/sign_ins/sia_doesnotexist', U),
    status: 404,
    code: NOT_FOUND,
  },
  {
    name: 'GET unknown sign-in with a client',
    run: async (fx) => (await newSignIn(fx)).browser.get('/v1/client/sign_ins/sia_doesnotexist', U),
    status: 404,
    code: NOT_FOUND,
  },
  {
    name: "GET another client's sign-in",
    run: async (fx) => {
      const { id } = await newSignIn(fx);
      const other = (await newSignIn(fx)).browser;
      return other.get(`/v1/client/sign_ins/${id}`, U);
    },
    status: 404,
    code: NOT_FOUND,
  },
  {
    name: 'GET unknown sign-up',
    run: async (fx) => (await newSignUp(fx)).browser.get('/v1/client/sign_ups/sua_doesnotexist', U),
    status: 404,
    code: NOT_FOUND,
  },
  {
    name: 'GET unknown session',
    run: (fx) => fx.base.browser.get('/v1/client/sessions/sess_doesnotexist', U),
    status: 404,
    code: NOT_FOUND,
  },
  {
    name: 'POST tokens for an unknown session',
    run: (fx) => fx.base.browser.post('/v1/client/sessions/sess_doesnotexist/tokens', {}, U),
    status: 404,
    code: NOT_FOUND,
  },
  {
    name: "GET another client's session",
    run: async (fx) => (await newSignUp(fx)).browser.get(`/v1/client/sessions/${fx.base.sessionId}`, U),
    status: 404,
    code: NOT_FOUND,
  },
  {
    name: 'GET unknown email address on /v1/me',
    run: (fx) => fx.base.browser.get('/v1/me/email_addresses/idn_doesnotexist', U),
    status: 404,
    code: NOT_FOUND,
  },
  {
    name: 'revoke an unknown session',
    run: (fx) => fx.base.browser.post('/v1/me/sessions/sess_doesnotexist/revoke', {}, U),
    status: 404,
    code: NOT_FOUND,
  },
  {
    name: '10 KB sign-in id in the path',
    run: async (fx) => (await newSignIn(fx)).browser.get(`/v1/client/sign_ins/sia_${HUGE}`, U),
    status: 404,
    code: NOT_FOUND,
  },
  {
    name: '10 KB session id in the path (POST tokens)',
    run: (fx) => fx.base.browser.post(`/v1/client/sessions/sess_${HUGE}/tokens`, {}, U),
    status: 404,
    code: NOT_FOUND,
  },
  {
    name: 'malformed percent-encoding in a path id',
    run: async (fx) => (await newSignIn(fx)).browser.get('/v1/client/sign_ins/sia_%E0%A4%A', U),
    status: 404,
    code: NOT_FOUND,
  },
  {
    name: 'unknown route',
    run: (fx) => new Browser(fx.server).get('/v1/does/not/exist', U),
    status: 404,
    code: NOT_FOUND,
  },
  {
    name: 'unknown route, mutating',
    run: (fx) => new Browser(fx.server).post('/v1/does/not/exist', { a: '1' }, U),
    status: 404,
    code: NOT_FOUND,
  },
  {
    name: 'known path, unsupported method (PUT /v1/client/sign_ins)',
    run: (fx) => new Browser(fx.server).request('PUT', '/v1/client/sign_ins', {}, U),
    status: [404, 405],
    code: [NOT_FOUND, 'method_not_allowed'],
  },

  // Wrong, expired and replayed codes.
  {
    name: 'wrong sign-up code',
    run: async (fx) => {
      const su = await preparedSignUp(fx);
      return su.browser.post(`/v1/client/sign_ups/${su.id}/attempt_verification`, { strategy: 'email_code', code: wrongCode(su.code) }, U);
    },
    status: 422,
    code: 'form_code_incorrect',
    param: 'code',
  },
  {
    name: 'wrong sign-in email code',
    run: async (fx) => {
      const { browser, id } = await newSignIn(fx);
      const prep = await browser.post(`/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'email_code' });
      assert.equal(prep.status, 200, JSON.stringify(prep.body));
      const code = await latestCode(fx.server, fx.target.email);
      return browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_code', code: wrongCode(code) }, U);
    },
    status: 422,
    code: 'form_code_incorrect',
    param: 'code',
  },
  {
    name: '3 wrong codes, then the right one',
    run: async (fx) => {
      const su = await preparedSignUp(fx);
      const path = `/v1/client/sign_ups/${su.id}/attempt_verification`;
      for (let i = 1; i <= 3; i++) {
        const res = await su.browser.post(path, { strategy: 'email_code', code: wrongCode(su.code) }, U);
        assertClerkError(
          res,
          { status: [400, 422], code: i < 3 ? 'form_code_incorrect' : ['form_code_incorrect', 'verification_failed'], param: 'code' },
          `wrong code #${i}`,
        );
      }
      return su.browser.post(path, { strategy: 'email_code', code: su.code }, U);
    },
    status: [400, 422],
    code: 'verification_failed',
  },
  {
    name: 'replaying the code that completed the sign-up',
    run: async (fx) => {
      const su = await preparedSignUp(fx);
      const path = `/v1/client/sign_ups/${su.id}/attempt_verification`;
      const done = await su.browser.post(path, { strategy: 'email_code', code: su.code });
      assert.equal(done.body.response.status, 'complete');
      return su.browser.post(path, { strategy: 'email_code', code: su.code }, U);
    },
    status: [400, 422],
    code: ['sign_up_status_invalid', 'verification_already_verified'],
  },
  {
    name: 'replaying a sign-up code from another client',
    run: async (fx) => {
      const su = await preparedSignUp(fx);
      const path = `/v1/client/sign_ups/${su.id}/attempt_verification`;
      assert.equal((await su.browser.post(path, { strategy: 'email_code', code: su.code })).status, 200);
      return new Browser(fx.server).post(path, { strategy: 'email_code', code: su.code }, U);
    },
    status: 404,
    code: NOT_FOUND,
  },
  {
    name: 'replaying a sign-in email code after completion',
    run: async (fx) => {
      const { email } = await signUp(fx.server);
      const { browser, id } = await newSignIn(fx, email);
      assert.equal((await browser.post(`/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'email_code' })).status, 200);
      const code = await latestCode(fx.server, email);
      const done = await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_code', code });
      assert.equal(done.body.response.status, 'complete');
      return browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_code', code }, U);
    },
    status: [400, 422],
    code: ['sign_in_status_invalid', 'verification_already_verified'],
  },
  {
    name: 'attempt_verification without prepare',
    run: async (fx) => {
      const su = await newSignUp(fx);
      return su.browser.post(`/v1/client/sign_ups/${su.id}/attempt_verification`, { strategy: 'email_code', code: '123456' }, U);
    },
    status: [400, 422],
    code: 'verification_missing',
  },
  {
    name: 'attempt_first_factor email_code without prepare',
    run: async (fx) => {
      const { browser, id } = await newSignIn(fx);
      return browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_code', code: '123456' }, U);
    },
    status: [400, 422],
    code: 'verification_missing',
  },
  {
    name: 'expired sign-up code',
    run: async (fx) => {
      const su = await preparedSignUp(fx);
      await expireCodes(fx.server, `sign_up:${su.id}`);
      return su.browser.post(`/v1/client/sign_ups/${su.id}/attempt_verification`, { strategy: 'email_code', code: su.code }, U);
    },
    status: [400, 422],
    code: 'verification_expired',
  },
  {
    name: 'expired sign-in reset code',
    run: async (fx) => {
      const { email } = await signUp(fx.server);
      const browser = new Browser(fx.server);
      const si = await browser.post('/v1/client/sign_ins', { identifier: email, strategy: 'reset_password_email_code' });
      assert.equal(si.status, 200, JSON.stringify(si.body));
      const id = si.body.response.id as string;
      const code = await latestCode(fx.server, email);
      await expireCodes(fx.server, `sign_in:${id}`);
      return browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'reset_password_email_code', code }, U);
    },
    status: [400, 422],
    code: 'verification_expired',
  },
  {
    name: 'reset_password before the reset code was verified',
    run: async (fx) => {
      const { browser, id } = await newSignIn(fx);
      return browser.post(`/v1/client/sign_ins/${id}/reset_password`, { password: 'amber-Lynx-canyon-77' }, U);
    },
    status: [400, 422],
    code: 'sign_in_status_invalid',
  },

  {
    name: 'attempt_first_factor on a sign-in that has no identifier yet',
    run: async (fx) => {
      const browser = new Browser(fx.server);
      const si = await browser.post('/v1/client/sign_ins', {});
      assert.equal(si.body.response.status, 'needs_identifier');
      return browser.post(`/v1/client/sign_ins/${si.body.response.id}/attempt_first_factor`, { strategy: 'password', password: PASSWORD }, U);
    },
    status: [400, 422],
    code: 'sign_in_status_invalid',
  },
  {
    name: 're-identifying a completed sign-in (would open a second session in single-session mode)',
    run: async (fx) => {
      const { email } = await signUp(fx.server);
      const browser = new Browser(fx.server);
      const si = await browser.post('/v1/client/sign_ins', { identifier: email, password: PASSWORD, strategy: 'password' });
      assert.equal(si.body.response.status, 'complete');
      return browser.post(`/v1/client/sign_ins/${si.body.response.id}`, { identifier: fx.target.email }, U);
    },
    status: [400, 422],
    code: ['sign_in_status_invalid', 'session_exists'],
  },

  // Wrong passwords and missing sessions.
  {
    name: 'wrong password on sign-in create',
    run: (fx) => new Browser(fx.server).post('/v1/client/sign_ins', { identifier: fx.target.email, strategy: 'password', password: 'not-the-password-1' }, U),
    status: 422,
    code: 'form_password_incorrect',
    param: 'password',
  },
  {
    name: 'wrong password on attempt_first_factor',
    run: async (fx) => {
      const { browser, id } = await newSignIn(fx);
      return browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password', password: 'not-the-password-2' }, U);
    },
    status: 422,
    code: 'form_password_incorrect',
    param: 'password',
  },
  {
    name: 'wrong current_password on change_password',
    run: (fx) => fx.base.browser.post('/v1/me/change_password', { current_password: 'not-the-password-3', new_password: 'amber-Lynx-canyon-77' }, U),
    status: 422,
    code: 'form_password_incorrect',
    param: 'current_password',
  },
  {
    name: 'GET /v1/me without a client',
    run: (fx) => new Browser(fx.server).get('/v1/me', U),
    status: 401,
    code: 'signed_out',
  },
  {
    name: 'GET /v1/me with a client but no session',
    run: async (fx) => (await newSignUp(fx)).browser.get('/v1/me', U),
    status: 401,
    code: 'signed_out',
  },
  {
    name: 'GET /v1/me with a forged client cookie',
    run: (fx) => raw(fx.server, 'GET', '/v1/me', { cookie: '__client=forged-token-value' }),
    status: 401,
    code: 'signed_out',
  },
  {
    name: 'GET /v1/me with a malformed (bad percent-encoding) client cookie',
    run: (fx) => raw(fx.server, 'GET', '/v1/me', { cookie: '__client=%E0%A4%A' }),
    status: 401,
    code: 'signed_out',
  },
  {
    name: 'POST /v1/me/change_password without a session',
    run: (fx) => new Browser(fx.server).post('/v1/me/change_password', { new_password: 'amber-Lynx-canyon-77' }, U),
    status: 401,
    code: 'signed_out',
  },

  // Cross-origin requests.
  {
    name: 'mutating request from a disallowed Origin with a valid client cookie',
    run: (fx) => raw(fx.server, 'POST', `/v1/client/sessions/${fx.base.sessionId}/end`, { origin: EVIL_ORIGIN, cookie: `__client=${fx.base.browser.cookie}` }),
    status: 403,
    code: 'origin_invalid',
  },
  {
    name: 'DELETE /v1/me from a disallowed Origin with a valid client cookie',
    run: (fx) => raw(fx.server, 'DELETE', '/v1/me', { origin: EVIL_ORIGIN, cookie: `__client=${fx.base.browser.cookie}` }),
    status: 403,
    code: 'origin_invalid',
  },
  {
    name: 'POST with _method=DELETE from a disallowed Origin (method override)',
    run: (fx) =>
      raw(fx.server, 'POST', '/v1/me', {
        origin: EVIL_ORIGIN,
        cookie: `__client=${fx.base.browser.cookie}`,
        contentType: 'application/x-www-form-urlencoded',
        body: '_method=DELETE',
      }),
    status: 403,
    code: 'origin_invalid',
  },
  {
    name: '_is_native=1 from a disallowed Origin does not ride the cookie',
    run: (fx) =>
      raw(fx.server, 'POST', '/v1/me?_is_native=1', {
        origin: EVIL_ORIGIN,
        cookie: `__client=${fx.base.browser.cookie}`,
        contentType: 'application/x-www-form-urlencoded',
        body: '_method=DELETE',
      }),
    status: [401, 403],
    code: ['signed_out', 'origin_invalid'],
  },
  {
    name: 'mutating request with Origin: null and a valid client cookie',
    run: (fx) => raw(fx.server, 'POST', `/v1/client/sessions/${fx.base.sessionId}/end`, { origin: 'null', cookie: `__client=${fx.base.browser.cookie}` }),
    status: 403,
    code: 'origin_invalid',
  },
  {
    name: 'OPTIONS preflight from a disallowed Origin',
    run: (fx) =>
      raw(fx.server, 'OPTIONS', '/v1/client/sign_ins', {
        origin: EVIL_ORIGIN,
        headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      }),
    status: 403,
    code: 'origin_invalid',
  },
];

// ---- the tests -----------------------------------------------------------------------------------

for (const db of DATABASES) {
  describe(`bad input (${db})`, () => {
    const fx = {} as Fixture;
    let keeper: { email: string; userId: string };

    before(async () => {
      fx.server = await startTestServer(db);
      // Created before any bad request: must still sign in at the end.
      const k = await signUp(fx.server, uniqueEmail('keeper'), PASSWORD, { first_name: 'Keeper', unsafe_metadata: JSON.stringify({ plan: 'pro' }) });
      keeper = { email: k.email, userId: k.userId };
      const t = await signUp(fx.server, uniqueEmail('target'));
      fx.target = { email: t.email, userId: t.userId };
      fx.base = await signUp(fx.server, uniqueEmail('base'));
    });
    after(() => fx.server?.stop());

    for (const c of CASES) {
      test(c.name, async () => {
        const res = await c.run(fx);
        assertClerkError(res, c, `${db}: ${c.name}`);
      });
    }

    test('cross-origin responses carry no CORS grant', async () => {
      const res = await raw(fx.server, 'POST', '/v1/client/sign_ins', {
        origin: EVIL_ORIGIN,
        contentType: 'application/x-www-form-urlencoded',
        body: 'identifier=a%40example.com',
      });
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      assert.equal(res.headers.get('access-control-allow-credentials'), null);
      const pre = await raw(fx.server, 'OPTIONS', '/v1/client/sign_ins', { origin: EVIL_ORIGIN, headers: { 'access-control-request-method': 'POST' } });
      assert.equal(pre.status, 403);
      assert.equal(pre.headers.get('access-control-allow-origin'), null);
    });

    test('after a 413 for an oversized chunked body, the keep-alive connection still serves the next request', async () => {
      // The client is still uploading when the 413 arrives (as a browser streaming a large body is): 72 KB before the
      // answer, 128 KB after it. The server must either drain that body or close the connection (`connection: close`);
      // otherwise the next request on the same socket stalls and is cut off ("socket hang up").
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const chunk = () => Buffer.alloc(8 * 1024, 'x');
        const first = await httpRequest(fx.server, {
          method: 'POST',
          path: '/v1/client/sign_ins',
          contentType: 'application/x-www-form-urlencoded',
          chunks: [Buffer.from('identifier='), ...Array.from({ length: 9 }, chunk)],
          lateChunks: Array.from({ length: 16 }, chunk),
          agent,
        });
        assert.equal(first.status, 413);
        const next = await httpRequest(fx.server, {
          method: 'POST',
          path: '/v1/client/sign_ins',
          contentType: 'application/x-www-form-urlencoded',
          chunks: [Buffer.from('identifier=')],
          agent,
        }).catch((e: Error) => assert.fail(`the request after the 413 failed: ${e.message} (413 sent connection: ${first.headers.get('connection')})`));
        assert.equal(next.status, 200, JSON.stringify(next.body));
      } finally {
        agent.destroy();
      }
    });

    test('OPTIONS preflight from the app origin is 204 with credentials allowed', async () => {
      const res = await raw(fx.server, 'OPTIONS', '/v1/client/sign_ins', {
        origin: APP_ORIGIN,
        headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), APP_ORIGIN);
      assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
      assert.match(res.headers.get('access-control-allow-methods') ?? '', /\bPOST\b/);
    });

    test('a sign-up that failed verification recovers with a fresh code', async () => {
      const su = await preparedSignUp(fx);
      const path = `/v1/client/sign_ups/${su.id}/attempt_verification`;
      for (let i = 0; i < 3; i++) await su.browser.post(path, { strategy: 'email_code', code: wrongCode(su.code) }, U);
      assert.equal((await su.browser.post(`/v1/client/sign_ups/${su.id}/prepare_verification`, { strategy: 'email_code' })).status, 200);
      const done = await su.browser.post(path, { strategy: 'email_code', code: await latestCode(fx.server, su.email) });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal(done.body.response.status, 'complete');
    });

    test('after the bad requests: healthy, no lost data, no internal errors', async () => {
      const health = await fetch(`${fx.server.url}/v1/health`);
      assert.equal(health.status, 200);
      assert.equal(((await health.json()) as { database: string }).database, db);

      // The cross-origin requests neither ended the session nor deleted the user.
      const me = await fx.base.browser.get('/v1/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.response.id, fx.base.userId);
      const client = await fx.base.browser.get('/v1/client');
      assert.deepEqual(
        client.body.response.sessions.map((s: { id: string; status: string }) => [s.id, s.status]),
        [[fx.base.sessionId, 'active']],
      );
      // change_password attempts with bad input did not change the password.
      const base = await new Browser(fx.server).post('/v1/client/sign_ins', { identifier: fx.base.email, password: PASSWORD, strategy: 'password' });
      assert.equal(base.body.response.status, 'complete');

      // The user created before the bad requests still signs in, with the data it signed up with.
      const browser = new Browser(fx.server);
      const res = await browser.post('/v1/client/sign_ins', { identifier: keeper.email, password: PASSWORD, strategy: 'password' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.response.status, 'complete');
      const keeperMe = await browser.get('/v1/me');
      assert.equal(keeperMe.body.response.id, keeper.userId);
      assert.equal(keeperMe.body.response.first_name, 'Keeper');
      assert.deepEqual(keeperMe.body.response.unsafe_metadata, { plan: 'pro' });

      // The wrong-password target is not locked out and still signs in.
      const target = await new Browser(fx.server).post('/v1/client/sign_ins', { identifier: fx.target.email, password: PASSWORD, strategy: 'password' });
      assert.equal(target.body.response.status, 'complete', JSON.stringify(target.body));

      // A valid sign-up still works end to end.
      const fresh = await signUp(fx.server, uniqueEmail('after'));
      assert.match(fresh.userId, /^user_/);

      const internal = fx.server.output.filter((l) => l.includes('fapi: internal error'));
      assert.deepEqual(internal, [], 'the server logged internal errors during the bad-input run');
    });
  });
}
