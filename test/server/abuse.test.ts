// Findings of an abuse review, each pinned by a test: percent-encoded paths, concurrent guessing against the lockout and
// the code attempts, exact failure counters, clients that hang up mid-body, and response headers that depend on the Origin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { Browser, DATABASES, PASSWORD, latestCode, queryStore, signUp, startTestServer, uniqueEmail, type TestServer } from '../support/server-harness.ts';

const APP_ORIGIN = 'http://localhost:5173';
const U = { unchecked: true } as const;
const MAX_ATTEMPTS = 5;
const FORM = 'application/x-www-form-urlencoded';

/** One request with exactly the path given (fetch keeps percent-escapes as they are). */
async function send(server: TestServer, method: string, path: string, opts: { origin?: string; body?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.origin !== undefined) headers.origin = opts.origin;
  if (opts.body !== undefined) headers['content-type'] = FORM;
  const res = await fetch(server.url + path, { method, headers, body: opts.body });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body };
}

function varies(headers: Headers, name: string): boolean {
  return (headers.get('vary') ?? '').split(',').some((v) => v.trim().toLowerCase() === name.toLowerCase());
}

describe('percent-encoded paths (one canonical path for every decision)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer('sqlite', { RATE_LIMIT_MAX: '2' });
  });
  after(() => server.stop());

  test('once an IP is limited, encoded spellings of the limited paths are limited too', async () => {
    for (let i = 0; i < 2; i++) assert.equal((await send(server, 'POST', '/v1/client/sign_ins', { origin: APP_ORIGIN, body: '' })).status, 200);
    assert.equal((await send(server, 'POST', '/v1/client/sign_ins', { origin: APP_ORIGIN, body: '' })).status, 429);
    for (const path of [
      '/v1/client/%73ign_ins',
      '/v1/client/sign%5Fins',
      '/v1/client/sign%5fins',
      '/v1/%63lient/sign_ins',
      '/v1/client/%73ign_ups/sua_x/prepare_verification',
    ]) {
      const res = await send(server, 'POST', path, { origin: APP_ORIGIN, body: 'strategy=email_code' });
      assert.equal(res.status, 429, `${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.errors[0].code, 'too_many_requests');
    }
  });

  test('the dev outbox grants no CORS read to other origins, however its path is spelled', async () => {
    for (const path of ['/v1/dev/outbox', '/v1/%64ev/outbox', '/v1/dev/%6Futbox', '/%761/dev/outbox']) {
      const res = await send(server, 'GET', path, { origin: APP_ORIGIN });
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('access-control-allow-origin'), null, `${path} must not be readable cross-origin`);
      assert.equal(res.headers.get('access-control-allow-credentials'), null, path);
    }
  });

  test('encoded Backend API paths reach the Backend API (and its 401), not the FAPI pipeline', async () => {
    const res = await send(server, 'GET', '/v1/%75sers');
    assert.equal(res.status, 401, JSON.stringify(res.body));
    assert.equal(res.body.errors[0].code, 'authentication_invalid');
  });

  test('encoded slashes, backslashes, percent signs (double encoding), NUL and broken escapes are a 404', async () => {
    const paths = [
      '/v1/client%2Fsign_ins',
      '/v1/client/sign_ins%2f',
      '/v1/client%5Csign_ins',
      '/v1/client/%2573ign_ins',
      '/v1/client/%252e%252e/sign_ins',
      '/v1/client/sign_ins%00',
      '/v1/client/sign_ins%0a',
      '/v1/client/sign_ins%zz',
      '/v1/client/sign_ins%',
      '/v1/dev%2Foutbox',
    ];
    for (const path of paths) {
      const res = await send(server, 'GET', path, { origin: APP_ORIGIN });
      assert.equal(res.status, 404, `${path} answered ${res.status}`);
      assert.equal(res.body.errors[0].code, 'resource_not_found', path);
    }
  });

  test('unreserved escapes are decoded once and route like the plain path', async () => {
    const plain = await send(server, 'GET', '/v1/environment', { origin: APP_ORIGIN });
    const encoded = await send(server, 'GET', '/v1/%65nvironment', { origin: APP_ORIGIN });
    assert.equal(plain.status, 200);
    assert.equal(encoded.status, 200);
    assert.equal(encoded.body.auth_config.object, plain.body.auth_config.object);
  });
});

for (const db of DATABASES) {
  describe(`concurrent guessing (${db})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(db, { LOCKOUT_MAX_ATTEMPTS: String(MAX_ATTEMPTS), LOCKOUT_DURATION_MINUTES: '60' });
    });
    after(() => server.stop());

    const failures = async (userId: string) => {
      const [row] = await queryStore(server, `SELECT failed_attempts, locked_until FROM users WHERE id = '${userId}'`);
      return { count: Number(row!.failed_attempts), lockedUntil: row!.locked_until === null ? null : Number(row!.locked_until) };
    };

    test(`100 concurrent wrong passwords: at most ${MAX_ATTEMPTS} are checked, the rest are user_locked, the counter is exact`, async () => {
      const { email, userId } = await signUp(server);
      const answers = await Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          const res = await new Browser(server).post('/v1/client/sign_ins', { identifier: email, password: `wrong-${i}-password`, strategy: 'password' }, U);
          return res.body.errors?.[0]?.code ?? `status ${res.status}`;
        }),
      );
      const incorrect = answers.filter((a) => a === 'form_password_incorrect').length;
      const locked = answers.filter((a) => a === 'user_locked').length;
      assert.equal(incorrect + locked, 100, answers.join(','));
      assert.equal(incorrect, MAX_ATTEMPTS, `password checks that ran: ${incorrect}`);
      const state = await failures(userId);
      assert.equal(state.count, incorrect, 'the failure counter holds exactly the checks that ran');
      assert.ok(state.lockedUntil !== null && state.lockedUntil > Date.now() + 3500_000, `locked for an hour, got ${state.lockedUntil}`);
      const right = await new Browser(server).post('/v1/client/sign_ins', { identifier: email, password: PASSWORD, strategy: 'password' }, U);
      assert.equal(right.status, 403);
      assert.equal(right.body.errors[0].code, 'user_locked');
    });

    test('concurrent wrong passwords under the limit are all counted; the right password still works and resets the counter', async () => {
      const { email, userId } = await signUp(server);
      const n = MAX_ATTEMPTS - 1;
      const answers = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          new Browser(server).post('/v1/client/sign_ins', { identifier: email, password: `wrong-${i}-password`, strategy: 'password' }, U),
        ),
      );
      assert.deepEqual(
        answers.map((a) => a.body.errors[0].code),
        Array(n).fill('form_password_incorrect'),
      );
      assert.deepEqual(await failures(userId), { count: n, lockedUntil: null });
      const ok = await new Browser(server).post('/v1/client/sign_ins', { identifier: email, password: PASSWORD, strategy: 'password' });
      assert.equal(ok.body.response.status, 'complete');
      assert.deepEqual(await failures(userId), { count: 0, lockedUntil: null });
    });

    test('100 concurrent wrong codes on one verification: exactly 3 comparisons run', async () => {
      const email = uniqueEmail('codes');
      const b = new Browser(server);
      const su = (await b.post('/v1/client/sign_ups', { email_address: email, password: PASSWORD })).body.response.id as string;
      await b.post(`/v1/client/sign_ups/${su}/prepare_verification`, { strategy: 'email_code' });
      const code = await latestCode(server, email);
      const wrong = code === '000000' ? '111111' : '000000';
      const answers = await Promise.all(
        Array.from(
          { length: 100 },
          async () =>
            (await b.post(`/v1/client/sign_ups/${su}/attempt_verification`, { strategy: 'email_code', code: wrong }, U)).body.errors[0].code as string,
        ),
      );
      assert.equal(answers.filter((a) => a === 'form_code_incorrect').length, 2, answers.join(','));
      assert.equal(answers.filter((a) => a === 'verification_failed').length, 98, answers.join(','));
      const [row] = await queryStore(server, `SELECT attempts FROM verification_codes WHERE subject = 'sign_up:${su}'`);
      assert.equal(Number(row!.attempts), 3, 'attempts counted = comparisons run');
      const late = await b.post(`/v1/client/sign_ups/${su}/attempt_verification`, { strategy: 'email_code', code }, U);
      assert.equal(late.body.errors[0].code, 'verification_failed', 'the right code is useless after 3 checks');
    });

    test('sign-in code checks count against the account: 100 concurrent wrong codes add exactly 3 failures', async () => {
      const { email, userId } = await signUp(server);
      const b = new Browser(server);
      const si = (await b.post('/v1/client/sign_ins', { identifier: email })).body.response.id as string;
      await b.post(`/v1/client/sign_ins/${si}/prepare_first_factor`, { strategy: 'email_code' });
      const code = await latestCode(server, email);
      const wrong = code === '000000' ? '111111' : '000000';
      const answers = await Promise.all(
        Array.from(
          { length: 100 },
          async () =>
            (await b.post(`/v1/client/sign_ins/${si}/attempt_first_factor`, { strategy: 'email_code', code: wrong }, U)).body.errors[0].code as string,
        ),
      );
      assert.equal(answers.filter((a) => a === 'form_code_incorrect').length, 2, answers.join(','));
      assert.deepEqual(await failures(userId), { count: 3, lockedUntil: null });
    });
  });
}

describe('clients that hang up', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer('sqlite');
  });
  after(() => server.stop());

  test('a client that disconnects mid-body is one short log line, not an internal error; the server serves the next request', async () => {
    const { port } = new URL(server.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    // `Expect: 100-continue` makes the server answer `100 Continue` once it has handed the request to the handler,
    // so the hang-up below lands while the handler reads the body, not before the request exists.
    socket.write(
      `POST /v1/client/sign_ins HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${APP_ORIGIN}\r\nContent-Type: ${FORM}\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n`,
    );
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      socket.on('data', (d: Buffer) => {
        seen += d.toString('latin1');
        if (seen.includes('100 Continue')) resolve();
      });
      socket.once('error', reject);
    });
    socket.write('identifier=someone%40example.com&pass');
    socket.destroy();
    // Wait for the server's own account of the hang-up (bounded), then look at everything it printed.
    const deadline = Date.now() + 10_000;
    while (!server.output.some((l) => l.includes('closed the connection')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const next = await new Browser(server).get('/v1/environment');
    assert.equal(next.status, 200);
    const log = server.output.join('\n');
    assert.match(log, /closed the connection/, `the hang-up is logged once, briefly:\n${log}`);
    assert.equal(server.output.filter((l) => l.includes('closed the connection')).length, 1, log);
    assert.doesNotMatch(log, /internal error|Error:|^\s+at /m, `no internal error or stack trace:\n${log}`);
  });
});

describe('response headers', () => {
  let server: TestServer;
  let secretKey: string;
  before(async () => {
    server = await startTestServer('sqlite', { CLERK_SECRET_KEY: 'sk_test_abuseReviewSecretKeyForHeaders0123456789' });
    secretKey = 'sk_test_abuseReviewSecretKeyForHeaders0123456789';
  });
  after(() => server.stop());

  test('every response says X-Content-Type-Options: nosniff', async () => {
    const cases: Array<[string, string, { origin?: string; body?: string; headers?: Record<string, string> }?]> = [
      ['GET', '/v1/environment', { origin: APP_ORIGIN }],
      ['GET', '/v1/nope'],
      ['POST', '/v1/client/sign_ins', { origin: 'https://evil.example', body: 'identifier=x' }],
      ['OPTIONS', '/v1/client/sign_ins', { origin: APP_ORIGIN, headers: { 'access-control-request-method': 'POST' } }],
      ['OPTIONS', '/v1/client/sign_ins', { origin: 'https://evil.example', headers: { 'access-control-request-method': 'POST' } }],
      ['GET', '/v1/client%2Fsign_ins'],
      ['GET', '/v1/users'],
      ['GET', '/v1/users', { headers: { authorization: `Bearer ${secretKey}` } }],
      ['GET', '/.well-known/jwks.json'],
      ['GET', '/npm/@clerk/clerk-js@5/dist/clerk.browser.js'],
      ['GET', '/v1/dev/outbox'],
    ];
    for (const [method, path, opts] of cases) {
      const res = await send(server, method, path, opts);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${method} ${path} (${res.status})`);
    }
  });

  test('every FAPI response whose headers depend on the Origin says Vary: Origin, granted or not', async () => {
    const cases: Array<[string, string, { origin?: string; body?: string; headers?: Record<string, string> }?]> = [
      ['GET', '/v1/environment', { origin: APP_ORIGIN }],
      ['GET', '/v1/environment', { origin: 'https://evil.example' }],
      ['GET', '/v1/environment'],
      ['GET', '/v1/nope', { origin: APP_ORIGIN }],
      ['POST', '/v1/client/sign_ins', { origin: 'https://evil.example', body: 'identifier=x' }],
      ['POST', '/v1/client/sign_ins', { origin: APP_ORIGIN, body: 'identifier=x' }],
      ['OPTIONS', '/v1/client/sign_ins', { origin: APP_ORIGIN, headers: { 'access-control-request-method': 'POST' } }],
      ['OPTIONS', '/v1/client/sign_ins', { origin: 'https://evil.example', headers: { 'access-control-request-method': 'POST' } }],
      ['GET', '/v1/dev/outbox', { origin: APP_ORIGIN }],
    ];
    for (const [method, path, opts] of cases) {
      const res = await send(server, method, path, opts);
      assert.ok(varies(res.headers, 'Origin'), `${method} ${path} from ${opts?.origin ?? 'no origin'} (${res.status}): vary=${res.headers.get('vary')}`);
    }
  });

  test('Origins that are not one canonical web origin are refused', async () => {
    const refused = [
      'http://evil.example@localhost:5173',
      'http://user:pass@localhost:5173',
      'null',
      'http://LOCALHOST:5173',
      'http://localhost.:5173',
      'http://localhost:99999',
      'http://localhost:0',
      'http://localhost:80',
      'http://localhost:5173/',
      'http://localhost:5173/path',
      'http://0x7f.1:5173',
      'http://127.1:5173',
      'http://localhost:5173, https://evil.example',
      'file://localhost',
      'javascript://localhost',
    ];
    for (const origin of refused) {
      const pre = await send(server, 'OPTIONS', '/v1/client/sign_ins', { origin, headers: { 'access-control-request-method': 'POST' } });
      assert.equal(pre.status, 403, `preflight from ${JSON.stringify(origin)}`);
      assert.equal(pre.headers.get('access-control-allow-origin'), null, origin);
      const post = await send(server, 'POST', '/v1/client/sign_ins', { origin, body: 'identifier=x' });
      assert.equal(post.status, 403, `POST from ${JSON.stringify(origin)}`);
      assert.equal(post.body.errors[0].code, 'origin_invalid', origin);
      assert.equal(post.headers.get('access-control-allow-origin'), null, origin);
    }
    for (const origin of [APP_ORIGIN, 'http://127.0.0.1:3000', 'http://[::1]:8080', 'https://localhost', server.url]) {
      const pre = await send(server, 'OPTIONS', '/v1/client/sign_ins', { origin, headers: { 'access-control-request-method': 'POST' } });
      assert.equal(pre.status, 204, `preflight from ${origin}`);
      assert.equal(pre.headers.get('access-control-allow-origin'), origin);
    }
  });
});
