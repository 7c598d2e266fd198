// /v1/me: profile, password change, email addresses, sessions — over real HTTP, on SQLite and PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, DATABASES, PASSWORD, latestCode, signUp, startTestServer, uniqueEmail, type TestServer } from '../support/server-harness.ts';

for (const db of DATABASES) {
  describe(`/v1/me (${db})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(db, { SIGN_UP_MODE: 'public' });
    });
    after(() => server.stop());

    test('GET and PATCH profile fields, username uniqueness', async () => {
      const { browser, userId } = await signUp(server);
      const me = await browser.get('/v1/me');
      assert.equal(me.body.response.id, userId);
      const patched = await browser.patch('/v1/me', {
        first_name: 'Grace',
        last_name: 'Hopper',
        username: `gh_${Date.now().toString(36)}`,
        unsafe_metadata: { theme: 'dark' },
      });
      assert.equal(patched.status, 200);
      assert.equal(patched.body.response.first_name, 'Grace');
      assert.deepEqual(patched.body.response.unsafe_metadata, { theme: 'dark' });
      assert.equal(patched.body.client.sessions[0].user.last_name, 'Hopper');
      const other = await signUp(server);
      const clash = await other.browser.patch('/v1/me', { username: patched.body.response.username.toUpperCase() });
      assert.equal(clash.status, 422);
      assert.equal(clash.body.errors[0].code, 'form_identifier_exists');
    });

    test('_method=PATCH override on POST and camelCase keys in a JSON body', async () => {
      const { browser } = await signUp(server);
      const res = await browser.post('/v1/me?_method=PATCH&_clerk_js_version=5.0.0&__clerk_api_version=2025-11-10', { firstName: 'Override' }, { json: true });
      assert.equal(res.status, 200);
      assert.equal(res.body.response.first_name, 'Override');
    });

    test('change password with the current one; other sessions end; wrong current password is refused', async () => {
      const { browser, email } = await signUp(server);
      const second = new Browser(server);
      const si = await second.post('/v1/client/sign_ins', { identifier: email, password: PASSWORD, strategy: 'password' });
      assert.equal(si.body.response.status, 'complete');
      const wrong = await browser.post('/v1/me/change_password', { current_password: 'nope-nope-nope', new_password: 'another-Strong-pass-1' });
      assert.equal(wrong.status, 422);
      assert.equal(wrong.body.errors[0].meta.param_name, 'current_password');
      const ok = await browser.post('/v1/me/change_password', {
        current_password: PASSWORD,
        new_password: 'another-Strong-pass-1',
        sign_out_of_other_sessions: true,
      });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.client.sessions.length, 1, 'the current session stays');
      const other = await second.get('/v1/client');
      assert.equal(other.body.response.sessions.length, 0, 'the other device was signed out');
      const login = await new Browser(server).post('/v1/client/sign_ins', { identifier: email, password: 'another-Strong-pass-1', strategy: 'password' });
      assert.equal(login.body.response.status, 'complete');
    });

    test('add, verify, make primary and delete an email address', async () => {
      const { browser, email } = await signUp(server);
      const second = uniqueEmail('second');
      const added = await browser.post('/v1/me/email_addresses', { email_address: second });
      assert.equal(added.status, 200);
      const id = added.body.response.id;
      assert.equal(added.body.response.verification, null);
      const notVerified = await browser.patch('/v1/me', { primary_email_address_id: id });
      assert.equal(notVerified.status, 422);
      const prepared = await browser.post(`/v1/me/email_addresses/${id}/prepare_verification`, { strategy: 'email_code' });
      assert.equal(prepared.body.response.verification.status, 'unverified');
      const verified = await browser.post(`/v1/me/email_addresses/${id}/attempt_verification`, { code: await latestCode(server, second) });
      assert.equal(verified.body.response.verification.status, 'verified');
      const primary = await browser.patch('/v1/me', { primary_email_address_id: id });
      assert.equal(primary.body.response.primary_email_address_id, id);
      // The new address signs in; the old primary can be deleted now.
      const list = await browser.get('/v1/me/email_addresses');
      const old = list.body.find((e: { email_address: string }) => e.email_address === email);
      const cannot = await browser.del(`/v1/me/email_addresses/${id}`);
      assert.equal(cannot.status, 400, 'the primary address cannot be deleted');
      const deleted = await browser.del(`/v1/me/email_addresses/${old.id}`);
      assert.equal(deleted.body.response.deleted, true);
      const login = await new Browser(server).post('/v1/client/sign_ins', { identifier: second, password: PASSWORD, strategy: 'password' });
      assert.equal(login.body.response.status, 'complete');
      const gone = await new Browser(server).post('/v1/client/sign_ins', { identifier: email });
      assert.equal(gone.body.errors[0].code, 'form_identifier_not_found');
    });

    test('an address verified by one user cannot be added by another', async () => {
      const a = await signUp(server);
      const b = await signUp(server);
      const res = await b.browser.post('/v1/me/email_addresses', { email_address: a.email.toUpperCase() });
      assert.equal(res.status, 422);
      assert.equal(res.body.errors[0].code, 'form_identifier_exists');
    });

    test('list sessions, list active sessions, revoke another device', async () => {
      const { browser, email, sessionId } = await signUp(server);
      const second = new Browser(server);
      const other = await second.post('/v1/client/sign_ins', { identifier: email, password: PASSWORD, strategy: 'password' });
      const otherId = other.body.response.created_session_id;
      const active = await browser.get('/v1/me/sessions/active');
      assert.deepEqual(active.body.map((s: { id: string }) => s.id).sort(), [sessionId, otherId].sort());
      const foreign = active.body.find((s: { id: string }) => s.id === otherId);
      assert.equal(foreign.last_active_token, undefined, "another device's token is never shown");
      const revoked = await browser.post(`/v1/me/sessions/${otherId}/revoke`);
      assert.equal(revoked.body.response.status, 'revoked');
      const mint = await second.post(`/v1/client/sessions/${otherId}/tokens`);
      assert.equal(mint.status, 401, 'a revoked session cannot mint tokens');
      const all = await browser.get('/v1/me/sessions');
      assert.equal(all.body.length, 2);
    });

    test('_clerk_session_id selects the session; a foreign session id is refused', async () => {
      const a = await signUp(server);
      const b = await signUp(server);
      const own = await a.browser.get(`/v1/me?_clerk_session_id=${a.sessionId}`);
      assert.equal(own.body.response.id, a.userId);
      const foreign = await a.browser.get(`/v1/me?_clerk_session_id=${b.sessionId}`);
      assert.equal(foreign.status, 401);
    });

    test('DELETE /v1/me removes the user, its sessions and frees its email', async () => {
      const { browser, email } = await signUp(server);
      const res = await browser.del('/v1/me');
      assert.equal(res.status, 200);
      assert.equal(res.body.response.deleted, true);
      assert.equal(res.body.client.sessions.length, 0);
      const gone = await new Browser(server).post('/v1/client/sign_ins', { identifier: email });
      assert.equal(gone.body.errors[0].code, 'form_identifier_not_found');
      await signUp(server, email);
    });
  });
}
