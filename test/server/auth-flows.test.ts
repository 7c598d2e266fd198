// Sign-up, sign-in (password, email code, password reset), sessions and tokens over real HTTP, on SQLite and PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Browser,
  DATABASES,
  PASSWORD,
  jwtPayload,
  latestCode,
  signUp,
  startTestServer,
  uniqueEmail,
  type TestServer,
  verifiesWith,
} from '../support/server-harness.ts';

for (const db of DATABASES) {
  describe(`auth flows (${db})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(db);
    });
    after(() => server.stop());

    test('environment reflects the config', async () => {
      const res = await new Browser(server).get('/v1/environment');
      assert.equal(res.status, 200);
      assert.equal(res.body.user_settings.sign_up.mode, 'public');
      assert.equal(res.body.user_settings.password_settings.min_length, 8);
      assert.equal(res.body.auth_config.single_session_mode, true);
      assert.equal(res.body.organization_settings.enabled, false);
      const patched = await new Browser(server).patch('/v1/environment');
      assert.deepEqual(patched.body, res.body);
    });

    test('GET /v1/client without a cookie has no client', async () => {
      const res = await new Browser(server).get('/v1/client');
      assert.equal(res.status, 200);
      assert.equal(res.body.response, null);
    });

    test('sign-up with an email code creates a user and an active session with a valid token', async () => {
      const email = uniqueEmail('signup');
      const browser = new Browser(server);
      const created = await browser.post('/v1/client/sign_ups', { emailAddress: email, password: PASSWORD, firstName: 'Ada' });
      assert.equal(created.status, 200);
      const su = created.body.response;
      assert.equal(su.status, 'missing_requirements');
      assert.deepEqual(su.missing_fields, []);
      assert.deepEqual(su.unverified_fields, ['email_address']);
      assert.ok(created.headers.get('set-cookie')?.includes('HttpOnly'));
      assert.equal(created.body.client.sign_up.id, su.id);

      const reread = await browser.get(`/v1/client/sign_ups/${su.id}`);
      assert.equal(reread.body.response.email_address, email);
      const named = await browser.patch(`/v1/client/sign_ups/${su.id}`, { last_name: 'Lovelace' });
      assert.equal(named.body.response.last_name, 'Lovelace');
      const prepared = await browser.post(`/v1/client/sign_ups/${su.id}/prepare_verification`, { strategy: 'email_code' });
      assert.equal(prepared.body.response.verifications.email_address.next_action, 'needs_attempt');
      const code = await latestCode(server, email);
      assert.match(code, /^\d{6}$/);
      const before = browser.cookie;
      const done = await browser.post(`/v1/client/sign_ups/${su.id}/attempt_verification`, { strategy: 'email_code', code });
      assert.equal(done.status, 200);
      assert.equal(done.body.response.status, 'complete');
      assert.notEqual(browser.cookie, before, 'a new session rotates the client token');
      const client = done.body.client;
      assert.equal(client.sessions.length, 1);
      const session = client.sessions[0];
      assert.equal(session.id, client.last_active_session_id);
      assert.equal(session.user.email_addresses[0].email_address, email);
      assert.equal(session.user.first_name, 'Ada');
      const claims = jwtPayload(session.last_active_token.jwt);
      assert.equal(claims.sub, done.body.response.created_user_id);
      assert.equal(claims.sid, session.id);
      assert.equal(claims.azp, 'http://localhost:5173');
      assert.equal(claims.iss, server.url);
      assert.equal(claims.v, 2);
      assert.equal(claims.exp - claims.iat, 60);
      const jwks = await browser.get('/.well-known/jwks.json');
      assert.ok(verifiesWith(session.last_active_token.jwt, jwks.body.keys));
    });

    test('password sign-in in one call, token minting, sign-out', async () => {
      const { email, userId } = await signUp(server);
      const browser = new Browser(server);
      const res = await browser.post('/v1/client/sign_ins', { identifier: email.toUpperCase(), password: PASSWORD, strategy: 'password' });
      assert.equal(res.status, 200);
      assert.equal(res.body.response.status, 'complete');
      const sid = res.body.response.created_session_id;
      const tok = await browser.post(`/v1/client/sessions/${sid}/tokens`);
      assert.equal(tok.status, 200);
      assert.equal(tok.body.object, 'token');
      assert.equal(jwtPayload(tok.body.jwt).sub, userId);
      const me = await browser.get('/v1/me');
      assert.equal(me.body.response.id, userId);
      const ended = await browser.post(`/v1/client/sessions/${sid}/end`);
      assert.equal(ended.body.response.status, 'ended');
      assert.equal(ended.body.client.sessions.length, 0);
      const again = await browser.post(`/v1/client/sessions/${sid}/tokens`);
      assert.equal(again.status, 401);
      assert.equal(again.body.errors[0].code, 'signed_out');
    });

    test('sign-in step by step: identifier, then password; wrong password is a field error', async () => {
      const { email } = await signUp(server);
      const browser = new Browser(server);
      const si = await browser.post('/v1/client/sign_ins', { identifier: email });
      assert.equal(si.body.response.status, 'needs_first_factor');
      const strategies = si.body.response.supported_first_factors.map((f: { strategy: string }) => f.strategy);
      assert.deepEqual(strategies.sort(), ['email_code', 'password', 'reset_password_email_code']);
      const id = si.body.response.id;
      const wrong = await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password', password: 'not-the-password' });
      assert.equal(wrong.status, 422);
      assert.equal(wrong.body.errors[0].code, 'form_password_incorrect');
      assert.equal(wrong.body.errors[0].meta.param_name, 'password');
      const right = await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'password', password: PASSWORD });
      assert.equal(right.body.response.status, 'complete');
      const got = await browser.get(`/v1/client/sign_ins/${id}`);
      assert.equal(got.body.response.status, 'complete');
    });

    test('sign-in with an email code', async () => {
      const { email } = await signUp(server);
      const browser = new Browser(server);
      const si = await browser.post('/v1/client/sign_ins', { identifier: email });
      const factor = si.body.response.supported_first_factors.find((f: { strategy: string }) => f.strategy === 'email_code');
      assert.equal(factor.safe_identifier, email);
      const id = si.body.response.id;
      const prep = await browser.post(`/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'email_code', email_address_id: factor.email_address_id });
      assert.equal(prep.body.response.first_factor_verification.status, 'unverified');
      const code = await latestCode(server, email);
      const done = await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_code', code });
      assert.equal(done.body.response.status, 'complete');
      const replay = await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_code', code });
      assert.equal(replay.status, 400);
    });

    test('forgot password: reset code, needs_new_password, new password works and the old one does not', async () => {
      const { email, browser: first } = await signUp(server);
      const browser = new Browser(server);
      const si = await browser.post('/v1/client/sign_ins', { identifier: email, strategy: 'reset_password_email_code' });
      const id = si.body.response.id;
      assert.equal(si.body.response.first_factor_verification.strategy, 'reset_password_email_code');
      const code = await latestCode(server, email);
      const verified = await browser.post(`/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'reset_password_email_code', code });
      assert.equal(verified.body.response.status, 'needs_new_password');
      const common = await browser.post(`/v1/client/sign_ins/${id}/reset_password`, { password: 'password123' });
      assert.equal(common.body.errors[0].code, 'form_password_pwned');
      const reset = await browser.post(`/v1/client/sign_ins/${id}/reset_password`, { password: 'brand-New-pass-99', sign_out_of_other_sessions: true });
      assert.equal(reset.body.response.status, 'complete');
      // The first device's session was signed out by the reset.
      const firstClient = await first.get('/v1/client');
      assert.equal(firstClient.body.response.sessions.length, 0);
      const old = await new Browser(server).post('/v1/client/sign_ins', { identifier: email, password: PASSWORD, strategy: 'password' });
      assert.equal(old.body.errors[0].code, 'form_password_incorrect');
      const fresh = await new Browser(server).post('/v1/client/sign_ins', { identifier: email, password: 'brand-New-pass-99', strategy: 'password' });
      assert.equal(fresh.body.response.status, 'complete');
    });

    test('unknown identifier is form_identifier_not_found', async () => {
      const res = await new Browser(server).post('/v1/client/sign_ins', { identifier: uniqueEmail('nobody') });
      assert.equal(res.status, 422);
      assert.equal(res.body.errors[0].code, 'form_identifier_not_found');
      assert.equal(res.body.errors[0].meta.param_name, 'identifier');
    });

    test('single-session mode refuses a second sign-in on the same client', async () => {
      const { browser, email } = await signUp(server);
      const res = await browser.post('/v1/client/sign_ins', { identifier: email, password: PASSWORD, strategy: 'password' });
      assert.equal(res.status, 400);
      assert.equal(res.body.errors[0].code, 'session_exists');
    });

    test('sign-up with a username, then sign-in by username', async () => {
      const username = `user_${Date.now().toString(36)}`;
      await signUp(server, uniqueEmail(), PASSWORD, { username });
      const res = await new Browser(server).post('/v1/client/sign_ins', { identifier: username.toUpperCase(), password: PASSWORD, strategy: 'password' });
      assert.equal(res.body.response.status, 'complete');
      const dup = await new Browser(server).post('/v1/client/sign_ups', { email_address: uniqueEmail(), password: PASSWORD, username: username.toUpperCase() });
      assert.equal(dup.body.errors[0].code, 'form_identifier_exists');
      assert.equal(dup.body.errors[0].meta.param_name, 'username');
    });

    test('touch, remove, DELETE /v1/client/sessions and DELETE /v1/client', async () => {
      const { browser, sessionId } = await signUp(server);
      const touched = await browser.post(`/v1/client/sessions/${sessionId}/touch`);
      assert.equal(touched.status, 200);
      assert.equal(touched.body.response.id, sessionId);
      const got = await browser.get(`/v1/client/sessions/${sessionId}`);
      assert.equal(got.body.response.status, 'active');
      const all = await browser.del('/v1/client/sessions');
      assert.equal(all.status, 200);
      assert.equal(all.body.response.sessions.length, 0);
      const removed = await browser.post(`/v1/client/sessions/${sessionId}/remove`);
      assert.equal(removed.body.response.status, 'ended', 'an ended session stays ended');
      const deleted = await browser.del('/v1/client');
      assert.equal(deleted.status, 200);
      assert.equal(deleted.body.client, null);
      assert.equal(browser.cookie, undefined, 'the client cookie is cleared');
    });

    test('unknown JWT template is a 404 Clerk error', async () => {
      const { browser, sessionId } = await signUp(server);
      const res = await browser.post(`/v1/client/sessions/${sessionId}/tokens/supabase`);
      assert.equal(res.status, 404);
      assert.equal(res.body.errors[0].code, 'resource_not_found');
    });

    test('PUT /v1/client makes a new client', async () => {
      const browser = new Browser(server);
      const res = await browser.request('PUT', '/v1/client');
      assert.equal(res.status, 200);
      assert.match(res.body.response.id, /^client_/);
      assert.ok(browser.cookie);
    });
  });
}
