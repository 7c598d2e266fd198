// Multi-session mode (`SINGLE_SESSION_MODE=false`) over real HTTP, on SQLite and PostgreSQL: a client signs in to a
// second and third account, each session mints its own tokens, `last_active_session_id` follows touch and sign-out,
// one session ends (`end` / `remove`) while the others stay, and DELETE /v1/client/sessions ends them all.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, DATABASES, PASSWORD, jwtPayload, latestCode, signUp, startTestServer, uniqueEmail, type TestServer } from '../support/server-harness.ts';

/** Signs `browser`'s client in to an existing account with its password; returns the new session's id. */
async function signIn(browser: Browser, email: string): Promise<string> {
  const res = await browser.post('/v1/client/sign_ins', { identifier: email, password: PASSWORD, strategy: 'password' });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.response.status, 'complete');
  return res.body.response.created_session_id as string;
}

for (const db of DATABASES) {
  describe(`multi-session mode (${db})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(db, { SINGLE_SESSION_MODE: 'false' });
    });
    after(() => server.stop());

    test('the environment says single_session_mode: false', async () => {
      const env = await new Browser(server).get('/v1/environment');
      assert.equal(env.body.auth_config.single_session_mode, false);
    });

    test('a second sign-in and a sign-up on a signed-in client add sessions; each mints its own tokens', async () => {
      const a = await signUp(server, uniqueEmail('multi-a'));
      const b = await signUp(server, uniqueEmail('multi-b'));
      const browser = a.browser;
      const sessB = await signIn(browser, b.email);
      assert.notEqual(sessB, a.sessionId);

      // A sign-up on the same client makes a third account and a third session, no session_exists.
      const emailC = uniqueEmail('multi-c');
      const su = await browser.post('/v1/client/sign_ups', { email_address: emailC, password: PASSWORD });
      assert.equal(su.status, 200, JSON.stringify(su.body));
      await browser.post(`/v1/client/sign_ups/${su.body.response.id}/prepare_verification`, { strategy: 'email_code' });
      const done = await browser.post(`/v1/client/sign_ups/${su.body.response.id}/attempt_verification`, {
        strategy: 'email_code',
        code: await latestCode(server, emailC),
      });
      assert.equal(done.body.response.status, 'complete');
      const sessC = done.body.response.created_session_id as string;

      const client = (await browser.get('/v1/client')).body.response;
      assert.deepEqual(
        client.sessions.map((s: { id: string }) => s.id),
        [a.sessionId, sessB, sessC],
        'the client holds three active sessions, oldest first',
      );
      assert.ok(client.sessions.every((s: { status: string }) => s.status === 'active'));
      assert.equal(client.last_active_session_id, sessC, 'the newest session is the last active one');
      const owners = client.sessions.map((s: { user: { id: string } }) => s.user.id);
      assert.equal(new Set(owners).size, 3, 'three different users');

      // Each session's token names its own user and session.
      for (const [sid, sub] of [
        [a.sessionId, a.userId],
        [sessB, b.userId],
        [sessC, done.body.response.created_user_id],
      ]) {
        const tok = await browser.post(`/v1/client/sessions/${sid}/tokens`);
        assert.equal(tok.status, 200);
        const claims = jwtPayload(tok.body.jwt);
        assert.equal(claims.sid, sid);
        assert.equal(claims.sub, sub);
      }

      // Another client cannot mint for these sessions.
      const stranger = await new Browser(server).post(`/v1/client/sessions/${sessB}/tokens`);
      assert.equal(stranger.status, 404);
    });

    test('signing in again to an account the client already holds is identifier_already_signed_in, naming the session', async () => {
      const a = await signUp(server, uniqueEmail('again'));
      const res = await a.browser.post('/v1/client/sign_ins', { identifier: a.email, password: PASSWORD, strategy: 'password' });
      assert.equal(res.status, 400);
      assert.equal(res.body.errors[0].code, 'identifier_already_signed_in');
      assert.equal(res.body.errors[0].meta.session_id, a.sessionId);
      const client = (await a.browser.get('/v1/client')).body.response;
      assert.equal(client.sessions.length, 1, 'no second session for the same user');
    });

    test('last_active_session_id follows touch; ending one session keeps the others, and the last active moves on', async () => {
      const a = await signUp(server, uniqueEmail('touch-a'));
      const b = await signUp(server, uniqueEmail('touch-b'));
      const c = await signUp(server, uniqueEmail('touch-c'));
      const browser = a.browser;
      const sessB = await signIn(browser, b.email);
      const sessC = await signIn(browser, c.email);

      const touched = await browser.post(`/v1/client/sessions/${a.sessionId}/touch`);
      assert.equal(touched.status, 200);
      assert.equal(touched.body.client.last_active_session_id, a.sessionId, 'touch (setActive) makes it the last active one');

      // `end` of a session that is not the last active one: it alone ends.
      const ended = await browser.post(`/v1/client/sessions/${sessB}/end`);
      assert.equal(ended.status, 200);
      assert.equal(ended.body.response.status, 'ended');
      assert.equal(ended.body.client.last_active_session_id, a.sessionId, 'the last active session did not change');
      assert.deepEqual(
        ended.body.client.sessions.map((s: { id: string }) => s.id),
        [a.sessionId, sessC],
      );
      assert.equal((await browser.post(`/v1/client/sessions/${sessB}/tokens`)).status, 401, 'the ended session mints no more');
      assert.equal((await browser.post(`/v1/client/sessions/${sessC}/tokens`)).status, 200, 'the others still do');

      // `remove` of the last active one: the client's most recently active remaining session takes over.
      await browser.post(`/v1/client/sessions/${sessC}/touch`);
      await browser.post(`/v1/client/sessions/${a.sessionId}/touch`);
      const removed = await browser.post(`/v1/client/sessions/${a.sessionId}/remove`);
      assert.equal(removed.body.response.status, 'removed');
      assert.equal(removed.body.client.last_active_session_id, sessC);
      assert.deepEqual(
        removed.body.client.sessions.map((s: { id: string }) => s.id),
        [sessC],
      );

      // Ending the last one leaves no last active session.
      const last = await browser.post(`/v1/client/sessions/${sessC}/end`);
      assert.equal(last.body.client.last_active_session_id, null);
      assert.deepEqual(last.body.client.sessions, []);
    });

    test('DELETE /v1/client/sessions ends every session of the client, and only of this client', async () => {
      const a = await signUp(server, uniqueEmail('all-a'));
      const b = await signUp(server, uniqueEmail('all-b'));
      const browser = a.browser;
      const sessB = await signIn(browser, b.email);
      const all = await browser.del('/v1/client/sessions');
      assert.equal(all.status, 200);
      assert.deepEqual(all.body.response.sessions, []);
      assert.equal(all.body.response.last_active_session_id, null);
      for (const sid of [a.sessionId, sessB]) {
        const s = await browser.get(`/v1/client/sessions/${sid}`);
        assert.equal(s.body.response.status, 'ended');
      }
      assert.equal((await b.browser.post(`/v1/client/sessions/${b.sessionId}/tokens`)).status, 200, "b's own device stays signed in");
      // The client may sign in again afterwards.
      assert.ok(await signIn(browser, a.email));
    });
  });
}

describe('single-session mode stays the default', () => {
  test('SINGLE_SESSION_MODE=true (and no setting) refuses a second sign-in with session_exists; a bad value stops start-up', async () => {
    const server = await startTestServer('sqlite', { SINGLE_SESSION_MODE: 'true' });
    try {
      const a = await signUp(server, uniqueEmail('single-a'));
      const b = await signUp(server, uniqueEmail('single-b'));
      assert.equal((await new Browser(server).get('/v1/environment')).body.auth_config.single_session_mode, true);
      const res = await a.browser.post('/v1/client/sign_ins', { identifier: b.email, password: PASSWORD, strategy: 'password' });
      assert.equal(res.body.errors[0].code, 'session_exists');
    } finally {
      await server.stop();
    }
    await assert.rejects(startTestServer('sqlite', { SINGLE_SESSION_MODE: 'sometimes' }), /SINGLE_SESSION_MODE must be 1\/true\/on or 0\/false\/off/);
  });
});
