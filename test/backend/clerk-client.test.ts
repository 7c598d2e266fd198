// createClerkClient against a real server: camelCase in, camelCase out, metadata untouched, typed errors.
// On SQLite and PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClerkAPIResponseError, createClerkClient, isClerkAPIResponseError, type ClerkClient } from '../../src/backend/clerk-client.ts';
import { Browser, DATABASES, PASSWORD, signUp, startTestServer, uniqueEmail, type TestServer } from '../support/server-harness.ts';
import { TEST_SECRET_KEY } from '../support/bapi-harness.ts';

async function apiError(promise: Promise<unknown>): Promise<ClerkAPIResponseError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(isClerkAPIResponseError(e), `expected a ClerkAPIResponseError, got ${String(e)}`);
    return e;
  }
  assert.fail('the call succeeded');
}

for (const db of DATABASES) {
  describe(`createClerkClient (${db})`, () => {
    let server: TestServer;
    let clerk: ClerkClient;
    before(async () => {
      server = await startTestServer(db, { SIGN_UP_MODE: 'public', CLERK_SECRET_KEY: TEST_SECRET_KEY });
      clerk = createClerkClient({ secretKey: TEST_SECRET_KEY, apiUrl: server.url });
    });
    after(() => server.stop());

    test('users: create, get, list with totalCount, update, lock, unlock, delete', async () => {
      const tag = `cc${Date.now().toString(36)}`;
      const email = `${tag}@example.com`;
      const metadata = { plan_tier: 'gold', nested_object: { some_key: 1 }, camelKey: true };
      const user = await clerk.users.createUser({
        emailAddress: [email],
        password: PASSWORD,
        firstName: 'Ada',
        lastName: 'Byron',
        publicMetadata: metadata,
        privateMetadata: { internal_id: 7 },
      });
      assert.equal(user.firstName, 'Ada');
      assert.equal(user.fullName, 'Ada Byron');
      assert.equal(user.emailAddresses[0]!.emailAddress, email);
      assert.equal(user.primaryEmailAddress?.emailAddress, email);
      assert.equal(user.emailAddresses[0]!.verification?.status, 'verified');
      assert.equal(user.passwordEnabled, true);
      assert.equal(typeof user.createdAt, 'number');
      assert.deepEqual(user.publicMetadata, metadata, 'metadata keys stay exactly as written');
      assert.deepEqual(user.privateMetadata, { internal_id: 7 });
      assert.equal((user as unknown as Record<string, unknown>).first_name, undefined, 'no snake_case keys remain');

      assert.equal((await clerk.users.getUser(user.id)).id, user.id);
      await clerk.users.createUser({ emailAddress: [`${tag}-2@example.com`], password: PASSWORD });
      const page = await clerk.users.getUserList({ query: tag, limit: 1 });
      assert.equal(page.totalCount, 2);
      assert.equal(page.data.length, 1);
      assert.notEqual(page.data[0]!.id, user.id, 'newest first');
      const byEmail = await clerk.users.getUserList({ emailAddress: [email, 'nobody@example.com'] });
      assert.deepEqual(
        byEmail.data.map((u) => u.id),
        [user.id],
      );
      assert.equal(byEmail.totalCount, 1);

      const updated = await clerk.users.updateUser(user.id, { firstName: 'Augusta', publicMetadata: { role_name: 'owner' } });
      assert.equal(updated.firstName, 'Augusta');
      assert.deepEqual(updated.publicMetadata, { role_name: 'owner' });

      const locked = await clerk.users.lockUser(user.id);
      assert.equal(locked.locked, true);
      assert.ok((locked.lockoutExpiresInSeconds ?? 0) > 0);
      const refused = await new Browser(server).post('/v1/client/sign_ins', { identifier: email, password: PASSWORD, strategy: 'password' });
      assert.equal(refused.body.errors[0].code, 'user_locked');
      assert.equal((await clerk.users.unlockUser(user.id)).locked, false);

      const deleted = await clerk.users.deleteUser(user.id);
      assert.deepEqual(deleted, { object: 'user', id: user.id, deleted: true });
      const gone = await apiError(clerk.users.getUser(user.id));
      assert.equal(gone.status, 404);
      assert.equal(gone.errors[0]!.code, 'resource_not_found');
      assert.ok(gone.errors[0]!.longMessage, 'long_message arrives camelCased');
    });

    test('errors carry the status and Clerk’s errors[] (422 on a taken address)', async () => {
      const { email } = await signUp(server);
      const e = await apiError(clerk.users.createUser({ emailAddress: [email], password: PASSWORD }));
      assert.equal(e.status, 422);
      assert.equal(e.errors[0]!.code, 'form_identifier_exists');
      assert.deepEqual(e.errors[0]!.meta, { paramName: 'email_address' });
      assert.equal(e.name, 'ClerkAPIResponseError');
      assert.ok(e.message.length > 0);
    });

    test('sessions: getSessionList with totalCount and revokeSession', async () => {
      const { browser, userId, sessionId } = await signUp(server);
      const list = await clerk.sessions.getSessionList({ userId, status: 'active' });
      assert.equal(list.totalCount, 1);
      assert.equal(list.data[0]!.id, sessionId);
      assert.equal(list.data[0]!.userId, userId);
      const revoked = await clerk.sessions.revokeSession(sessionId);
      assert.equal(revoked.status, 'revoked');
      assert.equal((await browser.get('/v1/client')).body.response.sessions.length, 0);
      assert.equal((await clerk.sessions.getSessionList({ userId, status: 'active' })).totalCount, 0);
    });

    test('invitations and waitlist entries', async () => {
      const email = uniqueEmail('cc-invite');
      const invitation = await clerk.invitations.createInvitation({
        emailAddress: email,
        redirectUrl: 'https://app.example.com/join',
        publicMetadata: { from_sdk: true },
      });
      assert.equal(invitation.emailAddress, email);
      assert.equal(invitation.status, 'pending');
      assert.deepEqual(invitation.publicMetadata, { from_sdk: true });
      assert.match(invitation.url ?? '', /^https:\/\/app\.example\.com\/join\?__clerk_ticket=/);
      const revoked = await clerk.invitations.revokeInvitation(invitation.id);
      assert.equal(revoked.status, 'revoked');
      assert.equal((await apiError(clerk.invitations.revokeInvitation(invitation.id))).status, 400);

      const waiting = uniqueEmail('cc-wait');
      const joined = await new Browser(server).post('/v1/waitlist', { email_address: waiting });
      const entries = await clerk.waitlistEntries.list({ query: waiting });
      assert.equal(entries.totalCount, 1);
      assert.equal(entries.data[0]!.emailAddress, waiting);
      assert.equal(entries.data[0]!.id, joined.body.id);
      const invited = await clerk.waitlistEntries.invite(joined.body.id);
      assert.equal(invited.status, 'invited');
      assert.equal(invited.invitation?.status, 'pending');
      const jwks = await clerk.jwks.getJwks();
      assert.ok(jwks.keys.length >= 1);
    });

    test('a wrong key is a 401 ClerkAPIResponseError; a publishable key or a missing URL fails before any request', async () => {
      const wrong = createClerkClient({ secretKey: 'sk_test_definitelyNotTheRightKey000000000000', apiUrl: server.url });
      const e = await apiError(wrong.users.getUserList());
      assert.equal(e.status, 401);
      assert.equal(e.errors[0]!.code, 'authentication_invalid');
      let requests = 0;
      const counting: typeof fetch = async (...args) => {
        requests++;
        return fetch(...args);
      };
      await assert.rejects(
        createClerkClient({ secretKey: server.publishableKey, apiUrl: server.url, fetch: counting }).users.getUser('user_x'),
        /never the publishable key/,
      );
      await assert.rejects(createClerkClient({ secretKey: TEST_SECRET_KEY, apiUrl: undefined, fetch: counting }).users.getUser('user_x'), /apiUrl/);
      assert.equal(requests, 0);
      // `apiUrl` may already end in /v1.
      assert.ok(Array.isArray((await createClerkClient({ secretKey: TEST_SECRET_KEY, apiUrl: `${server.url}/v1/` }).users.getUserList()).data));
    });
  });
}
