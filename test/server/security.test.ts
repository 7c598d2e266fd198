// Lockout, rate limits, verification-code rules, and uniqueness under concurrency — on SQLite and PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, DATABASES, PASSWORD, latestCode, queryStore, signUp, startTestServer, uniqueEmail, type TestServer } from '../support/server-harness.ts';

for (const db of DATABASES) {
  describe(`security (${db})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(db, { LOCKOUT_MAX_ATTEMPTS: '3', LOCKOUT_DURATION_MINUTES: '60' });
    });
    after(() => server.stop());

    test('failed passwords lock the user (user_locked with the unlock time), even for the right password', async () => {
      const { email } = await signUp(server);
      for (let i = 0; i < 3; i++) {
        const res = await new Browser(server).post('/v1/client/sign_ins', { identifier: email, password: `wrong-${i}-password`, strategy: 'password' });
        assert.equal(res.body.errors[0].code, 'form_password_incorrect');
      }
      const locked = await new Browser(server).post('/v1/client/sign_ins', { identifier: email, password: PASSWORD, strategy: 'password' });
      assert.equal(locked.status, 403);
      assert.equal(locked.body.errors[0].code, 'user_locked');
      const seconds = locked.body.errors[0].meta.lockout_expires_in_seconds;
      assert.ok(seconds > 3500 && seconds <= 3600, `unlocks in about an hour, got ${seconds}`);
    });

    test('a successful sign-in resets the failure count', async () => {
      const { email } = await signUp(server);
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 2; i++)
          await new Browser(server).post('/v1/client/sign_ins', { identifier: email, password: 'wrong-password-x', strategy: 'password' });
        const ok = await new Browser(server).post('/v1/client/sign_ins', { identifier: email, password: PASSWORD, strategy: 'password' });
        assert.equal(ok.body.response.status, 'complete');
      }
    });

    test('codes: a wrong code counts, the third wrong one fails the verification, and a new code works once', async () => {
      const email = uniqueEmail('codes');
      const b = new Browser(server);
      const su = (await b.post('/v1/client/sign_ups', { email_address: email, password: PASSWORD })).body.response.id;
      await b.post(`/v1/client/sign_ups/${su}/prepare_verification`, { strategy: 'email_code' });
      const code = await latestCode(server, email);
      const bad = code === '000000' ? '111111' : '000000';
      assert.equal(
        (await b.post(`/v1/client/sign_ups/${su}/attempt_verification`, { strategy: 'email_code', code: bad })).body.errors[0].code,
        'form_code_incorrect',
      );
      assert.equal(
        (await b.post(`/v1/client/sign_ups/${su}/attempt_verification`, { strategy: 'email_code', code: bad })).body.errors[0].code,
        'form_code_incorrect',
      );
      assert.equal(
        (await b.post(`/v1/client/sign_ups/${su}/attempt_verification`, { strategy: 'email_code', code: bad })).body.errors[0].code,
        'verification_failed',
      );
      const afterFail = await b.post(`/v1/client/sign_ups/${su}/attempt_verification`, { strategy: 'email_code', code });
      assert.equal(afterFail.body.errors[0].code, 'verification_failed', 'the right code is useless after 3 failures');
      await b.post(`/v1/client/sign_ups/${su}/prepare_verification`, { strategy: 'email_code' });
      const fresh = await latestCode(server, email);
      const done = await b.post(`/v1/client/sign_ups/${su}/attempt_verification`, { strategy: 'email_code', code: fresh });
      assert.equal(done.body.response.status, 'complete');
    });

    test('codes are stored hashed, never in plain text', async () => {
      const email = uniqueEmail('hash');
      const b = new Browser(server);
      const su = (await b.post('/v1/client/sign_ups', { email_address: email, password: PASSWORD })).body.response.id;
      await b.post(`/v1/client/sign_ups/${su}/prepare_verification`, { strategy: 'email_code' });
      const code = await latestCode(server, email);
      const rows = await queryStore(server, 'SELECT code_hash FROM verification_codes');
      assert.ok(rows.length > 0);
      for (const r of rows) assert.ok(!String(r.code_hash).includes(code));
      const users = await queryStore(server, 'SELECT password_hash FROM users');
      for (const u of users) assert.match(String(u.password_hash), /^\$argon2id\$/);
    });

    test('+clerk_test addresses take 424242 and get no mail', async () => {
      const email = `tester+clerk_test_${Date.now()}@example.com`;
      const b = new Browser(server);
      const su = (await b.post('/v1/client/sign_ups', { email_address: email, password: PASSWORD })).body.response.id;
      await b.post(`/v1/client/sign_ups/${su}/prepare_verification`, { strategy: 'email_code' });
      const outbox = (await (await fetch(`${server.url}/v1/dev/outbox?email_address=${encodeURIComponent(email)}`)).json()) as { data: unknown[] };
      assert.equal(outbox.data.length, 0);
      const done = await b.post(`/v1/client/sign_ups/${su}/attempt_verification`, { strategy: 'email_code', code: '424242' });
      assert.equal(done.body.response.status, 'complete');
    });

    test('50 concurrent sign-ups with the same email create exactly one user', async () => {
      const email = `race+clerk_test_${Date.now()}@example.com`;
      const attempts = await Promise.all(
        Array.from({ length: 50 }, async () => {
          const b = new Browser(server);
          const created = await b.post('/v1/client/sign_ups', { email_address: email, password: PASSWORD });
          if (created.status !== 200) return created.body.errors[0].code as string;
          const id = created.body.response.id;
          await b.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
          const done = await b.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: '424242' });
          return done.status === 200 ? (done.body.response.status as string) : (done.body.errors[0].code as string);
        }),
      );
      assert.equal(attempts.filter((a) => a === 'complete').length, 1, attempts.join(','));
      assert.ok(
        attempts.every((a) => a === 'complete' || a === 'form_identifier_exists'),
        attempts.join(','),
      );
      const rows = await queryStore(server, `SELECT count(*) AS n FROM email_addresses WHERE email_lower = '${email.toLowerCase()}'`);
      assert.equal(Number(rows[0]!.n), 1);
    });

    test("client cookie is HttpOnly, SameSite=Lax, not Secure on plain http, for a page on the server's own site", async () => {
      for (const origin of [server.url, server.url.replace(/:\d+$/, ':5173'), '']) {
        const res = await new Browser(server, origin).post('/v1/client');
        const cookie = res.headers.get('set-cookie') ?? '';
        assert.match(cookie, /HttpOnly/, String(origin));
        assert.match(cookie, /SameSite=Lax/, String(origin));
        assert.doesNotMatch(cookie, /Secure|Partitioned/, String(origin));
      }
    });

    test('a development page on another site gets a partitioned cookie (SameSite=None; Secure; Partitioned)', async () => {
      // An app on http://localhost:5173 using the FAPI on http://127.0.0.1: a third-party context for the browser.
      const b = new Browser(server, 'http://localhost:5173');
      const res = await b.post('/v1/client');
      const cookie = res.headers.get('set-cookie') ?? '';
      assert.match(cookie, /^__client=[^;]+;.*HttpOnly; SameSite=None; Secure; Partitioned$/);
      // It identifies the same client on the next request.
      const again = await b.get('/v1/client');
      assert.equal(again.body.response.id, res.body.response.id);
    });
  });
}

describe('rate limits', () => {
  test('sign-in attempts per IP are limited with 429 and Retry-After', async () => {
    const server = await startTestServer('sqlite', { RATE_LIMIT_MAX: '5' });
    try {
      const codes: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 7; i++) {
        const res = await new Browser(server).post('/v1/client/sign_ins', { identifier: uniqueEmail() }, { unchecked: true });
        codes.push(res.status);
        if (res.status === 429) {
          retryAfter = res.headers.get('retry-after');
          assert.equal(res.body.errors[0].code, 'too_many_requests');
        }
      }
      assert.deepEqual(codes, [422, 422, 422, 422, 422, 429, 429]);
      assert.ok(Number(retryAfter) > 0 && Number(retryAfter) <= 60);
      const env = await new Browser(server).get('/v1/environment');
      assert.equal(env.status, 200, 'reads are not limited');
    } finally {
      await server.stop();
    }
  });
});

describe('production client cookie', () => {
  test('stays first-party (SameSite=Lax, never partitioned) even for an allowed page on another site', async () => {
    const server = await startTestServer('sqlite', { INSTANCE_TYPE: 'production', ALLOWED_ORIGINS: 'http://localhost:5173' });
    try {
      const res = await new Browser(server, 'http://localhost:5173').post('/v1/client');
      const cookie = res.headers.get('set-cookie') ?? '';
      assert.match(cookie, /SameSite=Lax/);
      assert.doesNotMatch(cookie, /SameSite=None|Partitioned/);
      const dev = await new Browser(server).post('/v1/dev_browser', {}, { unchecked: true });
      assert.equal(dev.status, 404, 'no dev browsers in production');
    } finally {
      await server.stop();
    }
  });
});
