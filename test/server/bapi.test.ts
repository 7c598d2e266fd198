// The Backend API (/v1/users, /v1/sessions, /v1/invitations, /v1/waitlist_entries, /v1/jwks) over real HTTP with
// the secret key, on SQLite and PostgreSQL; every documented reply is checked against Clerk's Backend API spec.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../src/server/store/migrations.ts';
import { Browser, DATABASES, PASSWORD, signUp, startTestServer, uniqueEmail, type TestServer } from '../support/server-harness.ts';
import { Backend, TEST_SECRET_KEY, printedSecretKey } from '../support/bapi-harness.ts';

const ORIGIN = 'http://localhost:5173';

/** Every Backend API operation this server offers, with a body where one is needed. */
const OPERATIONS: Array<[string, string, unknown?]> = [
  ['GET', '/v1/users'],
  ['GET', '/v1/users/count'],
  ['POST', '/v1/users', { email_address: ['x@example.com'], password: PASSWORD }],
  ['GET', '/v1/users/user_x'],
  ['PATCH', '/v1/users/user_x', { first_name: 'X' }],
  ['PATCH', '/v1/users/user_x/metadata', { public_metadata: { a: 1 } }],
  ['PUT', '/v1/users/user_x/metadata', { public_metadata: { a: 1 } }],
  ['DELETE', '/v1/users/user_x'],
  ['POST', '/v1/users/user_x/lock'],
  ['POST', '/v1/users/user_x/unlock'],
  ['GET', '/v1/sessions'],
  ['POST', '/v1/sessions/sess_x/revoke'],
  ['POST', '/v1/invitations', { email_address: 'x@example.com' }],
  ['POST', '/v1/invitations/inv_x/revoke'],
  ['GET', '/v1/waitlist_entries'],
  ['POST', '/v1/waitlist_entries/wle_x/invite'],
  ['GET', '/v1/jwks'],
];

async function signIn(server: TestServer, identifier: string, password = PASSWORD) {
  return new Browser(server).post('/v1/client/sign_ins', { identifier, password, strategy: 'password' });
}

for (const db of DATABASES) {
  describe(`Backend API (${db})`, () => {
    let server: TestServer;
    let api: Backend;
    before(async () => {
      server = await startTestServer(db, { SIGN_UP_MODE: 'public', CLERK_SECRET_KEY: TEST_SECRET_KEY });
      api = new Backend(server, TEST_SECRET_KEY);
    });
    after(() => server.stop());

    describe('authentication', () => {
      const cases: Array<[string, string | null | (() => string)]> = [
        ['no Authorization header', null],
        ['the publishable key', () => server.publishableKey],
        ['a wrong secret key', 'sk_test_thisIsNotTheKeyOfThisInstance0123456789'],
        ['a live key on a development instance', TEST_SECRET_KEY.replace('sk_test_', 'sk_live_')],
        ['the key with one character changed', TEST_SECRET_KEY.slice(0, -1) + (TEST_SECRET_KEY.endsWith('Z') ? 'Y' : 'Z')],
        ['a FAPI client token', 'c2VjcmV0LWNsaWVudC10b2tlbg'],
      ];
      for (const [name, key] of cases) {
        test(`${name} → 401 on every Backend API operation`, async () => {
          for (const [method, path, body] of OPERATIONS) {
            const res = await api.request(method, path, body, { key: typeof key === 'function' ? key() : key });
            assert.equal(res.status, 401, `${method} ${path}`);
            assert.equal(res.body.errors[0].code, 'authentication_invalid');
            assert.match(res.body.errors[0].long_message, /secret key/);
          }
        });
      }

      test('the publishable key is named as the mistake', async () => {
        const res = await api.get('/v1/users', { key: server.publishableKey });
        assert.match(res.body.errors[0].long_message, /publishable key/);
      });

      test('Basic auth or a bare key is refused', async () => {
        for (const header of [`Basic ${Buffer.from(`${TEST_SECRET_KEY}:`).toString('base64')}`, TEST_SECRET_KEY, `Bearer ${TEST_SECRET_KEY} extra`]) {
          const res = await fetch(`${server.url}/v1/users`, { headers: { authorization: header } });
          assert.equal(res.status, 401, header);
        }
      });

      test('Backend API replies carry no CORS headers, even for an allowed Origin and a preflight', async () => {
        const ok = await api.get('/v1/users', { headers: { origin: ORIGIN } });
        assert.equal(ok.status, 200);
        assert.equal(ok.headers.get('access-control-allow-origin'), null);
        assert.equal(ok.headers.get('access-control-allow-credentials'), null);
        assert.equal(ok.headers.get('cache-control'), 'no-store');
        const preflight = await fetch(`${server.url}/v1/users`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'GET' } });
        assert.equal(preflight.headers.get('access-control-allow-origin'), null);
        assert.notEqual(preflight.status, 204);
      });

      test('every reply, success or error, is exactly application/json (what @clerk/backend parses)', async () => {
        const { userId } = await signUp(server);
        const replies: Array<[string, Promise<Response>]> = [
          ['200', fetch(`${server.url}/v1/users/${userId}`, { headers: { authorization: `Bearer ${TEST_SECRET_KEY}` } })],
          ['200 metadata', fetch(`${server.url}/v1/users/${userId}/metadata`, { method: 'PATCH', headers: { authorization: `Bearer ${TEST_SECRET_KEY}` } })],
          ['401', fetch(`${server.url}/v1/users`)],
          ['404 id', fetch(`${server.url}/v1/users/user_nope`, { headers: { authorization: `Bearer ${TEST_SECRET_KEY}` } })],
          ['404 route', fetch(`${server.url}/v1/users/${userId}/ban`, { method: 'POST', headers: { authorization: `Bearer ${TEST_SECRET_KEY}` } })],
          ['422', fetch(`${server.url}/v1/users?limit=501`, { headers: { authorization: `Bearer ${TEST_SECRET_KEY}` } })],
          [
            '400',
            fetch(`${server.url}/v1/users`, {
              method: 'POST',
              headers: { authorization: `Bearer ${TEST_SECRET_KEY}`, 'content-type': 'application/json' },
              body: '{',
            }),
          ],
        ];
        for (const [name, reply] of replies) {
          const res = await reply;
          assert.equal(res.status, Number(name.slice(0, 3)), name);
          assert.equal(res.headers.get('content-type'), 'application/json', name);
          const body = (await res.json()) as { errors?: Array<{ code: string }> };
          if (res.status >= 400) assert.ok(body.errors?.[0]?.code, name);
        }
      });

      test('a FAPI client cookie does not authorize the Backend API', async () => {
        const { browser } = await signUp(server);
        const res = await fetch(`${server.url}/v1/users`, { headers: { cookie: `__client=${browser.cookie}`, origin: ORIGIN } });
        assert.equal(res.status, 401);
      });
    });

    describe('users', () => {
      test('POST /v1/users creates a user with verified addresses who can sign in', async () => {
        const email = uniqueEmail('created');
        const res = await api.post('/v1/users', {
          email_address: [email, uniqueEmail('second')],
          password: PASSWORD,
          first_name: 'Ada',
          last_name: 'Lovelace',
          username: `ada_${Date.now().toString(36)}`,
          public_metadata: { plan: 'pro' },
          private_metadata: { stripe_id: 'cus_1' },
        });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        const u = res.body;
        assert.equal(u.object, 'user');
        assert.equal(u.email_addresses.length, 2);
        assert.equal(u.primary_email_address_id, u.email_addresses[0].id);
        assert.equal(u.email_addresses[0].email_address, email);
        assert.deepEqual(u.email_addresses[0].verification, {
          object: 'verification_admin',
          status: 'verified',
          strategy: 'admin',
          attempts: 1,
          expire_at: u.email_addresses[0].verification.expire_at,
        });
        assert.deepEqual(u.public_metadata, { plan: 'pro' });
        assert.deepEqual(u.private_metadata, { stripe_id: 'cus_1' }, 'the Backend API shows private metadata');
        assert.equal(u.password_enabled, true);
        const login = await signIn(server, email);
        assert.equal(login.body.response.status, 'complete');
        // The browser never sees private metadata.
        const me = await new Browser(server).post('/v1/client/sign_ins', { identifier: u.username, password: PASSWORD, strategy: 'password' });
        assert.deepEqual(me.body.client.sessions[0].user.private_metadata, {});
      });

      test('POST /v1/users refuses a taken address, a common password, and missing required fields', async () => {
        const { email } = await signUp(server);
        const taken = await api.post('/v1/users', { email_address: [email.toUpperCase()], password: PASSWORD });
        assert.equal(taken.status, 422);
        assert.equal(taken.body.errors[0].code, 'form_identifier_exists');
        const weak = await api.post('/v1/users', { email_address: [uniqueEmail()], password: 'password123' });
        assert.equal(weak.status, 422);
        assert.equal(weak.body.errors[0].code, 'form_password_pwned');
        const noPassword = await api.post('/v1/users', { email_address: [uniqueEmail()] });
        assert.equal(noPassword.status, 422);
        assert.equal(noPassword.body.errors[0].meta.param_name, 'password');
        const badEmail = await api.post('/v1/users', { email_address: ['not-an-email'], password: PASSWORD });
        assert.equal(badEmail.status, 422);
        const unknown = await api.post('/v1/users', { email_address: [uniqueEmail()], password: PASSWORD, shoe_size: 44 }, { unchecked: true });
        assert.equal(unknown.status, 422);
        assert.equal(unknown.body.errors[0].code, 'form_param_unknown');
      });

      test('skip_password_checks lets a migrated weak password in; skip_password_requirement allows none', async () => {
        const email = uniqueEmail('migrated');
        const res = await api.post('/v1/users', { email_address: [email], password: 'password123', skip_password_checks: true });
        assert.equal(res.status, 200);
        assert.equal((await signIn(server, email, 'password123')).body.response.status, 'complete');
        const none = await api.post('/v1/users', { email_address: [uniqueEmail()], skip_password_requirement: true });
        assert.equal(none.status, 200);
        assert.equal(none.body.password_enabled, false);
      });

      test('GET /v1/users/{id}, and 404 for an unknown id', async () => {
        const { userId, email } = await signUp(server);
        const res = await api.get(`/v1/users/${userId}`);
        assert.equal(res.status, 200);
        assert.equal(res.body.id, userId);
        assert.equal(res.body.email_addresses[0].email_address, email);
        assert.equal(res.body.email_addresses[0].verification.strategy, 'email_code');
        const missing = await api.get('/v1/users/user_doesnotexist');
        assert.equal(missing.status, 404);
        assert.equal(missing.body.errors[0].code, 'resource_not_found');
      });

      test('GET /v1/users lists newest first with limit and offset, filters by email and query, and counts', async () => {
        const tag = `zq${Date.now().toString(36)}`;
        const made: Array<{ id: string; email: string }> = [];
        for (let i = 0; i < 3; i++) {
          const email = `${tag}-${i}@example.com`;
          const res = await api.post('/v1/users', { email_address: [email], password: PASSWORD, first_name: `Name${tag}${i}` });
          made.push({ id: res.body.id, email });
          await new Promise((r) => setTimeout(r, 5));
        }
        const byQuery = await api.get(`/v1/users?query=${tag}&limit=2`);
        assert.deepEqual(
          byQuery.body.map((u: { id: string }) => u.id),
          [made[2]!.id, made[1]!.id],
        );
        const next = await api.get(`/v1/users?query=${tag}&limit=2&offset=2`);
        assert.deepEqual(
          next.body.map((u: { id: string }) => u.id),
          [made[0]!.id],
        );
        const oldestFirst = await api.get(`/v1/users?query=${tag}&order_by=%2Bcreated_at`);
        assert.deepEqual(
          oldestFirst.body.map((u: { id: string }) => u.id),
          made.map((m) => m.id),
        );
        const byName = await api.get(`/v1/users?query=${encodeURIComponent(`name${tag.toUpperCase()}1`)}`);
        assert.deepEqual(
          byName.body.map((u: { id: string }) => u.id),
          [made[1]!.id],
          'query matches names case-insensitively',
        );
        const byEmail = await api.get(
          `/v1/users?email_address=${encodeURIComponent(made[0]!.email.toUpperCase())}&email_address=${encodeURIComponent(made[2]!.email)}`,
        );
        assert.deepEqual(byEmail.body.map((u: { id: string }) => u.id).sort(), [made[0]!.id, made[2]!.id].sort());
        const count = await api.get(`/v1/users/count?query=${tag}`);
        assert.deepEqual(count.body, { object: 'total_count', total_count: 3 });
        const wildcard = await api.get(`/v1/users?query=${encodeURIComponent('%')}`);
        assert.deepEqual(wildcard.body, [], 'LIKE wildcards in the query are taken literally');
        const tooMany = await api.get('/v1/users?limit=501');
        assert.equal(tooMany.status, 422);
      });

      test('PATCH /v1/users/{id} updates names, username and metadata; the user sees the public part', async () => {
        const { browser, userId } = await signUp(server);
        const username = `patched_${Date.now().toString(36)}`;
        const res = await api.patch(`/v1/users/${userId}`, {
          first_name: 'Grace',
          username,
          public_metadata: { role: 'admin' },
          private_metadata: { note: 'vip' },
        });
        assert.equal(res.status, 200);
        assert.equal(res.body.first_name, 'Grace');
        assert.equal(res.body.username, username);
        const me = await browser.get('/v1/me');
        assert.deepEqual(me.body.response.public_metadata, { role: 'admin' });
        assert.deepEqual(me.body.response.private_metadata, {});
        const cleared = await api.patch(`/v1/users/${userId}`, { first_name: null, username: null });
        assert.equal(cleared.body.first_name, null);
        assert.equal(cleared.body.username, null);
        const other = await api.post('/v1/users', { email_address: [uniqueEmail()], password: PASSWORD, username: `taken_${Date.now().toString(36)}` });
        const clash = await api.patch(`/v1/users/${userId}`, { username: other.body.username.toUpperCase() });
        assert.equal(clash.status, 422);
        assert.equal(clash.body.errors[0].code, 'form_identifier_exists');
      });

      test('PATCH /v1/users/{id}/metadata deep-merges, PUT replaces; both refuse bad input whole', async () => {
        const { browser, userId } = await signUp(server);
        const base = await api.patch(`/v1/users/${userId}`, { public_metadata: { a: { b: 1, c: 2 }, keep: true }, private_metadata: { p: 1 } });
        assert.equal(base.status, 200);
        const merged = await api.patch(`/v1/users/${userId}/metadata`, { public_metadata: { a: { b: null, d: [1] } }, unsafe_metadata: { u: 1 } });
        assert.equal(merged.status, 200, JSON.stringify(merged.body));
        assert.deepEqual(merged.body.public_metadata, { a: { c: 2, d: [1] }, keep: true });
        assert.deepEqual(merged.body.private_metadata, { p: 1 });
        assert.deepEqual(merged.body.unsafe_metadata, { u: 1 });
        assert.deepEqual((await browser.get('/v1/me')).body.response.public_metadata, merged.body.public_metadata, 'the user sees the merged public part');
        const replaced = await api.request('PUT', `/v1/users/${userId}/metadata`, { public_metadata: { a: { z: 1 } }, private_metadata: null });
        assert.equal(replaced.status, 200);
        assert.deepEqual(
          { pub: replaced.body.public_metadata, priv: replaced.body.private_metadata, unsafe: replaced.body.unsafe_metadata },
          { pub: { a: { z: 1 } }, priv: {}, unsafe: { u: 1 } },
        );
        // Form bodies carry each field as JSON text, as on the other Backend API routes.
        const form = await fetch(`${server.url}/v1/users/${userId}/metadata`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${TEST_SECRET_KEY}`, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ public_metadata: JSON.stringify({ f: 1 }) }),
        });
        assert.deepEqual(((await form.json()) as { public_metadata: unknown }).public_metadata, { a: { z: 1 }, f: 1 });
        const big = { x: 'y'.repeat(8190) };
        for (const [method, body, param] of [
          ['PATCH', { public_metadata: { ok: 1 }, private_metadata: big }, 'private_metadata'],
          ['PUT', { public_metadata: { ok: 1 }, unsafe_metadata: [1, 2] }, 'unsafe_metadata'],
          ['PATCH', { public_metadata: { ok: 1 }, first_name: 'X' }, 'first_name'],
        ] as const) {
          const res = await api.request(method, `/v1/users/${userId}/metadata`, body, { unchecked: param === 'first_name' });
          assert.equal(res.status, 422, `${method} ${param}`);
          assert.equal(res.body.errors[0].meta.param_name, param);
        }
        const after = await api.get(`/v1/users/${userId}`);
        assert.deepEqual(after.body.public_metadata, { a: { z: 1 }, f: 1 }, 'nothing of a refused request was written');
        assert.equal((await api.patch('/v1/users/user_nope/metadata', { public_metadata: {} })).status, 404);
        const deep = await fetch(`${server.url}/v1/users/${userId}/metadata`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${TEST_SECRET_KEY}`, 'content-type': 'application/json' },
          body: `{"public_metadata":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`,
        });
        assert.equal(deep.status, 400, 'over-deep JSON is refused before anything recurses over it');
      });

      test('PATCH password with sign_out_of_other_sessions revokes the user’s sessions', async () => {
        const { browser, userId, email } = await signUp(server);
        const res = await api.patch(`/v1/users/${userId}`, { password: 'new-Granite-sparrow-77', sign_out_of_other_sessions: true });
        assert.equal(res.status, 200);
        assert.equal((await browser.get('/v1/client')).body.response.sessions.length, 0);
        assert.equal((await signIn(server, email, 'new-Granite-sparrow-77')).body.response.status, 'complete');
      });

      test('lock stops sign-in until unlock', async () => {
        const { userId, email } = await signUp(server);
        const locked = await api.post(`/v1/users/${userId}/lock`);
        assert.equal(locked.status, 200);
        assert.equal(locked.body.locked, true);
        assert.ok(locked.body.lockout_expires_in_seconds > 0);
        const refused = await signIn(server, email);
        assert.equal(refused.status, 403);
        assert.equal(refused.body.errors[0].code, 'user_locked');
        const unlocked = await api.post(`/v1/users/${userId}/unlock`);
        assert.equal(unlocked.body.locked, false);
        assert.equal(unlocked.body.lockout_expires_in_seconds, null);
        assert.equal((await signIn(server, email)).body.response.status, 'complete');
      });

      test('DELETE /v1/users/{id} removes the user and ends their sessions', async () => {
        const { browser, userId, email } = await signUp(server);
        const res = await api.del(`/v1/users/${userId}`);
        assert.equal(res.status, 200);
        assert.deepEqual(res.body, { object: 'user', id: userId, deleted: true });
        assert.equal((await api.get(`/v1/users/${userId}`)).status, 404);
        assert.equal((await api.del(`/v1/users/${userId}`)).status, 404);
        assert.equal((await browser.get('/v1/client')).body.response.sessions.length, 0);
        assert.equal((await signIn(server, email)).body.errors[0].code, 'form_identifier_not_found');
      });
    });

    describe('sessions', () => {
      test('GET /v1/sessions filters by user and status; revoke ends the session for the browser', async () => {
        const { browser, userId, sessionId } = await signUp(server);
        const list = await api.get(`/v1/sessions?user_id=${userId}`);
        assert.equal(list.status, 200);
        assert.deepEqual(
          list.body.map((s: { id: string }) => s.id),
          [sessionId],
        );
        assert.equal(list.body[0].status, 'active');
        assert.equal(list.body[0].user_id, userId);
        const paged = await api.get(`/v1/sessions?user_id=${userId}&status=active&paginated=true`, { unchecked: true });
        assert.deepEqual({ ids: paged.body.data.map((s: { id: string }) => s.id), total: paged.body.total_count }, { ids: [sessionId], total: 1 });
        const revoked = await api.post(`/v1/sessions/${sessionId}/revoke`);
        assert.equal(revoked.status, 200);
        assert.equal(revoked.body.status, 'revoked');
        const token = await browser.post(`/v1/client/sessions/${sessionId}/tokens`);
        assert.equal(token.status, 401, 'a revoked session mints no token');
        assert.deepEqual((await api.get(`/v1/sessions?user_id=${userId}&status=active`)).body, []);
        assert.equal((await api.get(`/v1/sessions?user_id=${userId}&status=revoked`)).body.length, 1);
        assert.equal((await api.post('/v1/sessions/sess_nope/revoke')).status, 404);
        assert.equal((await api.get('/v1/sessions?status=bogus')).status, 422);
      });
    });

    test('GET /v1/jwks is the key set the FAPI publishes', async () => {
      const res = await api.get('/v1/jwks');
      assert.equal(res.status, 200);
      const wellKnown = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as { keys: unknown[] };
      assert.deepEqual(res.body, wellKnown);
      assert.ok(res.body.keys.length >= 1);
    });

    test('invitations: create (email with a __clerk_ticket link), duplicate, revoke, and a taken address', async () => {
      const email = uniqueEmail('invited');
      const res = await api.post('/v1/invitations', {
        email_address: email,
        redirect_url: 'https://app.example.com/accept?x=1',
        public_metadata: { team: 'blue' },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.status, 'pending');
      const link = new URL(res.body.url);
      assert.equal(`${link.origin}${link.pathname}`, 'https://app.example.com/accept');
      assert.equal(link.searchParams.get('x'), '1');
      const ticket = link.searchParams.get('__clerk_ticket');
      assert.ok(ticket && ticket.length >= 40);
      const mail = (await (await fetch(`${server.url}/v1/dev/outbox?email_address=${encodeURIComponent(email)}`)).json()) as { data: Array<{ body: string }> };
      assert.ok(mail.data[0]?.body.includes(res.body.url), 'the email carries the link');
      const again = await api.post('/v1/invitations', { email_address: email });
      assert.equal(again.status, 400);
      assert.equal(again.body.errors[0].code, 'duplicate_record');
      assert.equal((await api.post('/v1/invitations', { email_address: email, ignore_existing: true })).status, 200);
      const revoked = await api.post(`/v1/invitations/${res.body.id}/revoke`);
      assert.equal(revoked.status, 200);
      assert.equal(revoked.body.status, 'revoked');
      assert.equal(revoked.body.revoked, true);
      assert.equal((await api.post(`/v1/invitations/${res.body.id}/revoke`)).status, 400);
      assert.equal((await api.post('/v1/invitations/inv_nope/revoke')).status, 404);
      // The revoked ticket no longer signs anyone up.
      const late = await new Browser(server).post('/v1/client/sign_ups', { strategy: 'ticket', ticket, password: PASSWORD });
      assert.equal(late.status, 400);
      assert.equal(late.body.errors[0].code, 'ticket_invalid_code');
      const { email: member } = await signUp(server);
      const taken = await api.post('/v1/invitations', { email_address: member });
      assert.equal(taken.status, 422);
      assert.equal(taken.body.errors[0].code, 'form_identifier_exists');
      assert.equal((await api.post('/v1/invitations', { email_address: uniqueEmail(), redirect_url: 'javascript:alert(1)' })).status, 422);
    });
  });

  describe(`Backend API secret key on first start (${db})`, () => {
    let first: TestServer;
    let second: TestServer | undefined;
    let generated: string | undefined;
    before(async () => {
      first = await startTestServer(db);
      generated = printedSecretKey(first.output);
    });
    after(async () => {
      await second?.stop();
      await first.stop();
    });

    test('is printed once, works, and is only hinted at after a restart', async () => {
      const key = generated;
      assert.ok(key, `no secret key in the start-up output:\n${first.output.join('\n')}`);
      assert.match(key, /^sk_test_[A-Za-z0-9]{40}$/);
      assert.equal((await new Backend(first, key).get('/v1/users')).status, 200);
      await first.restart();
      assert.equal(printedSecretKey(first.output), undefined, 'the full key is shown only on the start that created it');
      assert.ok(
        first.output.some((l) => l.includes(`${key.slice(0, 8)}…${key.slice(-4)}`)),
        'a hint of the key is shown',
      );
      assert.equal((await new Backend(first, key).get('/v1/users')).status, 200, 'the key survives a restart');
    });

    test('CLERK_SECRET_KEY sets the key and retires the generated one (for every process on the store)', async () => {
      assert.ok(generated);
      // A second process on the same store (the PostgreSQL database or the SQLite file), started with the variable.
      const store = db === 'postgres' ? first.databaseUrl! : `${first.dataDir}/clerk-wc.sqlite`;
      second = await startTestServer('sqlite', { DATABASE_URL: store, CLERK_SECRET_KEY: TEST_SECRET_KEY });
      assert.equal(printedSecretKey(second.output), undefined, 'a configured key is never printed');
      for (const s of [first, second]) {
        assert.equal((await new Backend(s, TEST_SECRET_KEY).get('/v1/users')).status, 200);
        assert.equal((await new Backend(s, generated).get('/v1/users')).status, 401);
      }
    });
  });
}

describe('invitations and the ticket strategy', () => {
  for (const db of DATABASES) {
    describe(`restricted sign-ups (${db})`, () => {
      let server: TestServer;
      let api: Backend;
      before(async () => {
        server = await startTestServer(db, { SIGN_UP_MODE: 'restricted', CLERK_SECRET_KEY: TEST_SECRET_KEY });
        api = new Backend(server, TEST_SECRET_KEY);
      });
      after(() => server.stop());

      test('an invitation lets its address sign up with no email code; the user has a verified email and the metadata', async () => {
        const email = uniqueEmail('ticket');
        const refused = await new Browser(server).post('/v1/client/sign_ups', { email_address: email, password: PASSWORD });
        assert.equal(refused.status, 403);
        assert.equal(refused.body.errors[0].code, 'sign_up_mode_restricted');
        const inv = await api.post('/v1/invitations', { email_address: email, public_metadata: { plan: 'beta' } });
        const link = new URL(inv.body.url);
        assert.equal(link.pathname, '/sign-up', 'without redirect_url the link opens the sign-up page');
        const ticket = link.searchParams.get('__clerk_ticket')!;
        const browser = new Browser(server);
        const su = await browser.post('/v1/client/sign_ups', { strategy: 'ticket', ticket, password: PASSWORD, first_name: 'Tia' });
        assert.equal(su.status, 200, JSON.stringify(su.body));
        assert.equal(su.body.response.status, 'complete');
        assert.equal(su.body.response.email_address, email);
        assert.equal(su.body.response.verifications.email_address.status, 'verified');
        assert.equal(su.body.response.verifications.email_address.strategy, 'ticket');
        const userId = su.body.response.created_user_id;
        assert.equal(su.body.client.sessions[0].user.id, userId);
        const user = await api.get(`/v1/users/${userId}`);
        assert.equal(user.body.email_addresses[0].email_address, email);
        assert.deepEqual(
          {
            status: user.body.email_addresses[0].verification.status,
            strategy: user.body.email_addresses[0].verification.strategy,
            object: user.body.email_addresses[0].verification.object,
          },
          { status: 'verified', strategy: 'ticket', object: 'verification_ticket' },
        );
        assert.deepEqual(user.body.public_metadata, { plan: 'beta' });
        assert.equal(user.body.first_name, 'Tia');
        const codes = (await (await fetch(`${server.url}/v1/dev/outbox?email_address=${encodeURIComponent(email)}`)).json()) as {
          data: Array<{ code: string | null }>;
        };
        assert.ok(
          codes.data.every((m) => m.code === null),
          'no verification code was mailed',
        );
        // One ticket, one account.
        const reuse = await new Browser(server).post('/v1/client/sign_ups', { strategy: 'ticket', ticket, password: PASSWORD });
        assert.equal(reuse.status, 400);
        assert.equal(reuse.body.errors[0].code, 'ticket_invalid_code');
        assert.equal(
          (await new Browser(server).post('/v1/client/sign_ins', { identifier: email, password: PASSWORD, strategy: 'password' })).body.response.status,
          'complete',
        );
      });

      test('a ticket sign-up can finish later; the invited address cannot be swapped', async () => {
        const email = uniqueEmail('later');
        const inv = await api.post('/v1/invitations', { email_address: email, notify: false });
        const ticket = new URL(inv.body.url).searchParams.get('__clerk_ticket')!;
        const browser = new Browser(server);
        const other = await browser.post('/v1/client/sign_ups', { strategy: 'ticket', ticket, email_address: uniqueEmail('other'), password: PASSWORD });
        assert.equal(other.status, 422);
        const started = await browser.post('/v1/client/sign_ups', { strategy: 'ticket', ticket });
        assert.equal(started.body.response.status, 'missing_requirements');
        assert.deepEqual(started.body.response.missing_fields, ['password']);
        assert.deepEqual(started.body.response.unverified_fields, []);
        const id = started.body.response.id;
        const swap = await browser.patch(`/v1/client/sign_ups/${id}`, { email_address: uniqueEmail('swap') });
        assert.equal(swap.status, 422);
        const code = await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
        assert.equal(code.status, 400, 'the address is already verified');
        const done = await browser.patch(`/v1/client/sign_ups/${id}`, { password: PASSWORD });
        assert.equal(done.body.response.status, 'complete');
        assert.equal((await api.get(`/v1/users?email_address=${encodeURIComponent(email)}`)).body.length, 1);
      });

      test('bad tickets: an unknown one, a missing one, one without strategy=ticket', async () => {
        const browser = new Browser(server);
        const unknown = await browser.post('/v1/client/sign_ups', { strategy: 'ticket', ticket: 'not-a-ticket', password: PASSWORD });
        assert.equal(unknown.status, 400);
        assert.equal(unknown.body.errors[0].code, 'ticket_invalid_code');
        const missing = await browser.post('/v1/client/sign_ups', { strategy: 'ticket', password: PASSWORD });
        assert.equal(missing.status, 422);
        assert.equal(missing.body.errors[0].meta.param_name, 'ticket');
        const stray = await browser.post('/v1/client/sign_ups', { email_address: uniqueEmail(), ticket: 'x' }, { unchecked: true });
        assert.equal(stray.status, 422, 'a ticket without strategy=ticket is an unknown parameter');
      });
    });

    describe(`waitlist invitations (${db})`, () => {
      let server: TestServer;
      let api: Backend;
      before(async () => {
        server = await startTestServer(db, { SIGN_UP_MODE: 'waitlist', CLERK_SECRET_KEY: TEST_SECRET_KEY });
        api = new Backend(server, TEST_SECRET_KEY);
      });
      after(() => server.stop());

      test('list entries, invite one, and the invited person signs up; the entry completes', async () => {
        const email = uniqueEmail('waiting');
        const joined = await new Browser(server).post('/v1/waitlist', { email_address: email });
        assert.equal(joined.status, 200);
        const list = await api.get(`/v1/waitlist_entries?query=${encodeURIComponent(email)}`);
        assert.equal(list.status, 200);
        assert.equal(list.body.total_count, 1);
        const entry = list.body.data[0];
        assert.deepEqual(
          { id: entry.id, email: entry.email_address, status: entry.status, invitation: entry.invitation },
          { id: joined.body.id, email, status: 'pending', invitation: null },
        );
        const invited = await api.post(`/v1/waitlist_entries/${entry.id}/invite`);
        assert.equal(invited.status, 200, JSON.stringify(invited.body));
        assert.equal(invited.body.status, 'invited');
        assert.equal(invited.body.invitation.status, 'pending');
        const mail = (await (await fetch(`${server.url}/v1/dev/outbox?email_address=${encodeURIComponent(email)}`)).json()) as {
          data: Array<{ body: string }>;
        };
        const url = /https?:\/\/\S+__clerk_ticket=\S+/.exec(mail.data[0]!.body)?.[0];
        assert.ok(url, 'the invitation email has the link');
        const ticket = new URL(url).searchParams.get('__clerk_ticket')!;
        const plain = await new Browser(server).post('/v1/client/sign_ups', { email_address: email, password: PASSWORD });
        assert.equal(plain.body.errors[0].code, 'sign_up_restricted_waitlist', 'without the ticket the waitlist still holds');
        const su = await new Browser(server).post('/v1/client/sign_ups', { strategy: 'ticket', ticket, password: PASSWORD });
        assert.equal(su.body.response.status, 'complete');
        const after = await api.get(`/v1/waitlist_entries?status=completed&query=${encodeURIComponent(email)}`);
        assert.equal(after.body.data[0]?.id, entry.id);
        assert.equal(after.body.data[0].invitation.status, 'accepted');
        const again = await api.post(`/v1/waitlist_entries/${entry.id}/invite`);
        assert.equal(again.status, 409);
        assert.equal((await api.post('/v1/waitlist_entries/wle_nope/invite')).status, 404);
      });

      test('waitlist listing pages newest first', async () => {
        const tag = `wl${Date.now().toString(36)}`;
        for (let i = 0; i < 3; i++) {
          await new Browser(server).post('/v1/waitlist', { email_address: `${tag}-${i}@example.com` });
          await new Promise((r) => setTimeout(r, 5));
        }
        const page = await api.get(`/v1/waitlist_entries?query=${tag}&limit=2&offset=1`);
        assert.equal(page.body.total_count, 3);
        assert.deepEqual(
          page.body.data.map((e: { email_address: string }) => e.email_address),
          [`${tag}-1@example.com`, `${tag}-0@example.com`],
        );
      });
    });
  }
});

describe('migration 0002 on a store created before it', () => {
  /** A store as the previous release left it (only 0001): a Kysely handle and the DATABASE_URL to start a server on. */
  async function oldStore(db: (typeof DATABASES)[number]) {
    const { Kysely, PostgresDialect, SqliteDialect } = await import('kysely');
    if (db === 'postgres') {
      const pg = (await import('pg')).default;
      const admin = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
      await admin.connect();
      const name = `old_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const u = new URL(process.env.TEST_PG_ADMIN_URL!);
      u.pathname = `/${name}`;
      const url = u.toString();
      return { url, dir: undefined, kysely: new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }) }) };
    }
    const SQLite = (await import('better-sqlite3')).default;
    const dir = mkdtempSync(join(tmpdir(), 'clerk-wc-old-'));
    const url = join(dir, 'old.sqlite');
    return { url, dir, kysely: new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(url) }) }) };
  }

  for (const db of DATABASES) {
    test(`existing users and waitlist entries survive; the Backend API serves them (${db})`, async () => {
      const { url, dir, kysely } = await oldStore(db);
      await migrate(kysely, '0001_initial');
      const now = Date.now();
      await kysely
        .insertInto('users')
        .values({
          id: 'user_old1',
          username: 'oldtimer',
          username_lower: 'oldtimer',
          first_name: 'Old',
          last_name: null,
          password_hash: null,
          password_updated_at: null,
          primary_email_address_id: 'idn_old1',
          public_metadata: '{}',
          private_metadata: '{}',
          unsafe_metadata: '{}',
          failed_attempts: 0,
          locked_until: null,
          last_sign_in_at: null,
          last_active_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await kysely
        .insertInto('email_addresses')
        .values({
          id: 'idn_old1',
          user_id: 'user_old1',
          email_address: 'old@example.com',
          email_lower: 'old@example.com',
          verified_at: now,
          verification_strategy: 'email_code',
          created_at: now,
          updated_at: now,
        })
        .execute();
      await kysely
        .insertInto('waitlist_entries')
        .values({
          id: 'wle_old1',
          email_address: 'waiting@example.com',
          email_lower: 'waiting@example.com',
          status: 'pending',
          created_at: now,
          updated_at: now,
        })
        .execute();
      await kysely.destroy();
      // The harness's `sqlite` kind only picks the env; DATABASE_URL points the server at the old store.
      const server = await startTestServer('sqlite', { DATABASE_URL: url, CLERK_SECRET_KEY: TEST_SECRET_KEY, SIGN_UP_MODE: 'waitlist' });
      try {
        const api = new Backend(server, TEST_SECRET_KEY);
        const user = await api.get('/v1/users/user_old1');
        assert.equal(user.status, 200);
        assert.equal(user.body.email_addresses[0].email_address, 'old@example.com');
        const entries = await api.get('/v1/waitlist_entries');
        assert.deepEqual(
          entries.body.data.map((e: { id: string; invitation: unknown }) => [e.id, e.invitation]),
          [['wle_old1', null]],
        );
        const invited = await api.post('/v1/waitlist_entries/wle_old1/invite');
        assert.equal(invited.body.status, 'invited');
        assert.equal((await api.get('/v1/users?query=oldtimer')).body.length, 1);
      } finally {
        await server.stop();
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
