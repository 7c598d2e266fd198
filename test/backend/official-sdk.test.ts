// Clerk's own @clerk/backend SDK (createClerkClient with apiUrl = our server) against our Backend API: every SDK call a
// route of src/server/bapi serves, its camelCase resource fields, and its errors (err.status, err.errors[0].code and
// meta.paramName) for a bad key, an unknown id and bad input. Also verifyToken / authenticateRequest against our
// JWKS and @clerk/backend/webhooks' verifyWebhook on our deliveries. On SQLite and PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createClerkClient, verifyToken, type ClerkClient, type User } from '@clerk/backend';
import { isClerkAPIResponseError, type ClerkAPIResponseError } from '@clerk/backend/errors';
import { verifyWebhook } from '@clerk/backend/webhooks';
import { Browser, DATABASES, PASSWORD, signUp, startTestServer, uniqueEmail, type TestServer } from '../support/server-harness.ts';
import { asRequest, Receiver, TEST_SECRET_KEY, WEBHOOK_SECRET, waitFor } from '../support/bapi-harness.ts';
import { mint, ORIGIN } from '../support/backend-harness.ts';

const SDK_VERSION = (JSON.parse(readFileSync(new URL('../../node_modules/@clerk/backend/package.json', import.meta.url), 'utf8')) as { version: string })
  .version;
const WRONG_KEY = 'sk_test_thisIsNotTheKeyOfThisInstance0123456789';
/** A 2×2 red PNG (zlib and CRC-32 as test/server/profile-images.test.ts builds them). */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGO4o6FxR0ODAUIBACOuBLGNQbmyAAAAAElFTkSuQmCC', 'base64');

/** The SDK's error for a call that must fail, with the status, code and (when given) the parameter it names. */
async function refused(call: Promise<unknown>, status: number, code: string, paramName?: string): Promise<ClerkAPIResponseError> {
  let error: unknown;
  try {
    await call;
  } catch (e) {
    error = e;
  }
  assert.ok(error !== undefined, `the call succeeded; expected ${status} ${code}`);
  assert.ok(isClerkAPIResponseError(error), `expected a ClerkAPIResponseError, got ${String(error)}`);
  const first = error.errors[0];
  assert.deepEqual({ status: error.status, code: first?.code }, { status, code }, JSON.stringify(error.errors));
  assert.equal(typeof first?.longMessage, 'string', 'the long message reaches the SDK too');
  if (paramName !== undefined) assert.equal(first?.meta?.paramName, paramName);
  return error;
}

const tag = () => `sdk${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Metadata of `n` characters once serialized, near a field's limit. */
const bulky = (n: number) => ({ blob: 'x'.repeat(n - '{"blob":""}'.length) });

for (const db of DATABASES) {
  describe(`@clerk/backend ${SDK_VERSION} against the Backend API (${db})`, () => {
    let receiver: Receiver;
    let server: TestServer;
    let clerk: ClerkClient;
    let wrong: ClerkClient;
    before(async () => {
      receiver = await new Receiver().listen();
      server = await startTestServer(db, {
        SIGN_UP_MODE: 'public',
        CLERK_SECRET_KEY: TEST_SECRET_KEY,
        WEBHOOK_URL: receiver.url,
        WEBHOOK_SECRET,
        WEBHOOK_POLL_MS: '20',
      });
      // Telemetry off: the SDK would otherwise post events to Clerk for a development key.
      clerk = createClerkClient({ secretKey: TEST_SECRET_KEY, apiUrl: server.url, publishableKey: server.publishableKey, telemetry: { disabled: true } });
      wrong = createClerkClient({ secretKey: WRONG_KEY, apiUrl: server.url, telemetry: { disabled: true } });
    });
    after(async () => {
      await server.stop();
      await receiver.close();
    });

    /** A fresh user with a username, names and all three metadata fields. */
    async function newUser(extra: Partial<Parameters<ClerkClient['users']['createUser']>[0]> = {}): Promise<User> {
      const t = tag();
      return clerk.users.createUser({ emailAddress: [`${t}@example.com`], username: t, password: PASSWORD, firstName: 'Ada', lastName: 'Byron', ...extra });
    }

    /** The user.updated event whose data satisfies `match`, verified with the SDK's verifyWebhook. */
    async function userUpdated(userId: string, match: (data: any) => boolean) {
      const hook = await waitFor(
        () => receiver.accepted.find((h) => ((e) => e.type === 'user.updated' && e.data.id === userId && match(e.data))(JSON.parse(h.body))),
        `user.updated for ${userId}`,
      );
      const event = await verifyWebhook(asRequest(hook), { signingSecret: WEBHOOK_SECRET });
      assert.equal(event.type, 'user.updated');
      return event.data as any;
    }

    describe('errors reach the SDK with their errors[]', () => {
      test('401 for a wrong secret key, on every call this server serves', async () => {
        const id = 'user_x';
        const calls: Array<[string, () => Promise<unknown>]> = [
          ['users.getUserList', () => wrong.users.getUserList()],
          ['users.getCount', () => wrong.users.getCount()],
          ['users.getUser', () => wrong.users.getUser(id)],
          ['users.createUser', () => wrong.users.createUser({ emailAddress: [uniqueEmail()], password: PASSWORD })],
          ['users.updateUser', () => wrong.users.updateUser(id, { firstName: 'X' })],
          ['users.updateUserMetadata', () => wrong.users.updateUserMetadata(id, { publicMetadata: { a: 1 } })],
          ['users.replaceUserMetadata', () => wrong.users.replaceUserMetadata(id, { publicMetadata: { a: 1 } })],
          ['users.deleteUser', () => wrong.users.deleteUser(id)],
          ['users.lockUser', () => wrong.users.lockUser(id)],
          ['users.unlockUser', () => wrong.users.unlockUser(id)],
          ['users.updateUserProfileImage', () => wrong.users.updateUserProfileImage(id, { file: new Blob([TINY_PNG]) })],
          ['users.deleteUserProfileImage', () => wrong.users.deleteUserProfileImage(id)],
          ['sessions.getSessionList', () => wrong.sessions.getSessionList()],
          ['sessions.getSession', () => wrong.sessions.getSession('sess_x')],
          ['sessions.revokeSession', () => wrong.sessions.revokeSession('sess_x')],
          ['invitations.createInvitation', () => wrong.invitations.createInvitation({ emailAddress: uniqueEmail() })],
          ['invitations.getInvitationList', () => wrong.invitations.getInvitationList()],
          ['invitations.revokeInvitation', () => wrong.invitations.revokeInvitation('inv_x')],
          ['waitlistEntries.list', () => wrong.waitlistEntries.list()],
          ['waitlistEntries.invite', () => wrong.waitlistEntries.invite('wle_x')],
          ['jwks.getJwks', () => wrong.jwks.getJwks()],
        ];
        for (const [name, call] of calls) {
          const e = await refused(call(), 401, 'authentication_invalid').catch((x: Error) => assert.fail(`${name}: ${x.message}`));
          assert.match(e.errors[0]!.longMessage!, /secret key/, name);
        }
      });

      test('a call this server does not serve (banUser) is a Clerk 404 the SDK can read', async () => {
        const u = await newUser();
        await refused(clerk.users.banUser(u.id), 404, 'resource_not_found');
      });
    });

    describe('users', () => {
      test('createUser, getUser, getUserList (totalCount, query, emailAddress, orderBy, limit/offset) and getCount', async () => {
        const t = tag();
        const email = `${t}@example.com`;
        const u = await clerk.users.createUser({
          emailAddress: [email],
          username: t,
          password: PASSWORD,
          firstName: 'Ada',
          lastName: 'Byron',
          publicMetadata: { plan: 'pro', nested_key: { camelCase: 1 } },
          privateMetadata: { stripe_id: 'cus_1' },
          unsafeMetadata: { theme: 'dark' },
        });
        assert.match(u.id, /^user_/);
        assert.deepEqual(
          { first: u.firstName, last: u.lastName, full: u.fullName, username: u.username, password: u.passwordEnabled, locked: u.locked, banned: u.banned },
          { first: 'Ada', last: 'Byron', full: 'Ada Byron', username: t, password: true, locked: false, banned: false },
        );
        assert.equal(u.emailAddresses.length, 1);
        assert.equal(u.emailAddresses[0]!.emailAddress, email);
        assert.equal(u.emailAddresses[0]!.verification?.status, 'verified');
        assert.equal(u.primaryEmailAddressId, u.emailAddresses[0]!.id);
        assert.equal(u.primaryEmailAddress?.emailAddress, email);
        assert.deepEqual(u.publicMetadata, { plan: 'pro', nested_key: { camelCase: 1 } }, 'metadata keys are kept as written');
        assert.deepEqual(u.privateMetadata, { stripe_id: 'cus_1' });
        assert.deepEqual(u.unsafeMetadata, { theme: 'dark' });
        assert.equal(typeof u.createdAt, 'number');
        assert.equal(u.createdAt, u.updatedAt);
        assert.equal(u.raw?.object, 'user');

        const got = await clerk.users.getUser(u.id);
        assert.deepEqual(
          { id: got.id, email: got.primaryEmailAddress?.emailAddress, private: got.privateMetadata },
          { id: u.id, email, private: { stripe_id: 'cus_1' } },
        );

        const second = await clerk.users.createUser({ emailAddress: [`${t}-2@example.com`], password: PASSWORD });
        const page = await clerk.users.getUserList({ query: t, limit: 1 });
        assert.equal(page.totalCount, 2);
        assert.deepEqual(
          page.data.map((x) => x.id),
          [second.id],
          'newest first',
        );
        const oldest = await clerk.users.getUserList({ query: t, orderBy: '+created_at' });
        assert.deepEqual(
          oldest.data.map((x) => x.id),
          [u.id, second.id],
        );
        const rest = await clerk.users.getUserList({ query: t, limit: 1, offset: 1 });
        assert.deepEqual(
          rest.data.map((x) => x.id),
          [u.id],
        );
        const byEmail = await clerk.users.getUserList({ emailAddress: [email.toUpperCase(), 'nobody@example.com'] });
        assert.deepEqual({ ids: byEmail.data.map((x) => x.id), total: byEmail.totalCount }, { ids: [u.id], total: 1 });
        assert.equal(await clerk.users.getCount({ query: t }), 2);
        assert.equal(await clerk.users.getCount({ userId: [u.id] }), 1);
      });

      test('createUser and getUserList refuse bad input; getUser 404s an unknown id', async () => {
        const { email } = await signUp(server);
        await refused(clerk.users.createUser({ emailAddress: ['not-an-email'], password: PASSWORD }), 422, 'form_param_format_invalid', 'email_address');
        await refused(clerk.users.createUser({ emailAddress: [email.toUpperCase()], password: PASSWORD }), 422, 'form_identifier_exists', 'email_address');
        await refused(clerk.users.createUser({ emailAddress: [uniqueEmail()] }), 422, 'form_param_missing', 'password');
        await refused(clerk.users.createUser({ emailAddress: [uniqueEmail()], password: 'password123' }), 422, 'form_password_pwned', 'password');
        await refused(
          clerk.users.createUser({ emailAddress: [uniqueEmail()], password: PASSWORD, username: 'x!' }),
          422,
          'form_param_format_invalid',
          'username',
        );
        await refused(
          clerk.users.createUser({ emailAddress: [uniqueEmail()], password: PASSWORD, publicMetadata: bulky(8193) }),
          422,
          'form_param_max_length_exceeded',
          'public_metadata',
        );
        await refused(clerk.users.getUserList({ limit: 501 }), 422, 'form_param_value_invalid', 'limit');
        await refused(clerk.users.getUserList({ orderBy: '-shoe_size' as never }), 422, 'form_param_value_invalid', 'order_by');
        await refused(clerk.users.getUser('user_doesnotexist'), 404, 'resource_not_found');
      });

      test('updateUser changes fields in one request; password with signOutOfOtherSessions revokes sessions', async () => {
        const u = await newUser();
        const username = tag();
        const updated = await clerk.users.updateUser(u.id, { firstName: 'Grace', lastName: 'Hopper', username });
        assert.deepEqual(
          { first: updated.firstName, last: updated.lastName, full: updated.fullName, username: updated.username },
          { first: 'Grace', last: 'Hopper', full: 'Grace Hopper', username },
        );
        assert.ok(updated.updatedAt >= u.updatedAt);
        await userUpdated(u.id, (d) => d.first_name === 'Grace');

        const { browser, userId, sessionId } = await signUp(server);
        const moved = await clerk.users.updateUser(userId, { password: 'new-Granite-sparrow-77', signOutOfOtherSessions: true });
        assert.equal(moved.passwordEnabled, true);
        const sessions = await clerk.sessions.getSessionList({ userId });
        assert.deepEqual(
          sessions.data.map((s) => [s.id, s.status]),
          [[sessionId, 'revoked']],
        );
        assert.equal((await browser.get('/v1/client')).body.response.sessions.length, 0);
        const login = await new Browser(server).post('/v1/client/sign_ins', {
          identifier: moved.primaryEmailAddress!.emailAddress,
          password: 'new-Granite-sparrow-77',
          strategy: 'password',
        });
        assert.equal(login.body.response.status, 'complete');
      });

      test('a refused updateUser changes nothing: every field is checked before anything is written', async () => {
        const u = await newUser();
        const other = await newUser();
        const { userId, sessionId, email } = await signUp(server);
        await refused(clerk.users.updateUser(u.id, { firstName: 'Changed', username: 'x!' }), 422, 'form_param_format_invalid', 'username');
        await refused(clerk.users.updateUser(u.id, { firstName: 'Changed', password: 'password123' }), 422, 'form_password_pwned', 'password');
        await refused(
          clerk.users.updateUser(u.id, { firstName: 'Changed', primaryEmailAddressID: other.primaryEmailAddressId! }),
          422,
          'form_param_value_invalid',
          'primary_email_address_id',
        );
        await refused(
          clerk.users.updateUser(u.id, { firstName: 'Changed', skipPasswordChecks: true }),
          422,
          'form_param_value_invalid',
          'skip_password_checks',
        );
        // A clash found only by the database, while writing: the transaction rolls back the names and the password,
        // and the user's sessions stay.
        await refused(
          clerk.users.updateUser(userId, {
            firstName: 'Changed',
            username: other.username!.toUpperCase(),
            password: 'new-Granite-sparrow-77',
            signOutOfOtherSessions: true,
          }),
          422,
          'form_identifier_exists',
          'username',
        );
        await refused(clerk.users.updateUser('user_doesnotexist', { firstName: 'X' }), 404, 'resource_not_found');
        const after = await clerk.users.getUser(u.id);
        assert.deepEqual(
          { first: after.firstName, username: after.username, updatedAt: after.updatedAt },
          { first: 'Ada', username: u.username, updatedAt: u.updatedAt },
        );
        const clashed = await clerk.users.getUser(userId);
        assert.equal(clashed.firstName, null);
        assert.deepEqual(
          (await clerk.sessions.getSessionList({ userId })).data.map((s) => [s.id, s.status]),
          [[sessionId, 'active']],
        );
        const login = await new Browser(server).post('/v1/client/sign_ins', { identifier: email, password: PASSWORD, strategy: 'password' });
        assert.equal(login.body.response.status, 'complete', 'the old password still works');
        // A later successful update is announced; none of the refused ones was.
        await clerk.users.updateUser(u.id, { lastName: 'Marker' });
        await userUpdated(u.id, (d) => d.last_name === 'Marker');
        const updates = receiver.events().filter((e) => e.type === 'user.updated');
        assert.deepEqual(
          updates.filter((e) => e.data.id === u.id).map((e) => [e.data.first_name, e.data.last_name]),
          [['Ada', 'Marker']],
        );
        assert.deepEqual(
          updates.filter((e) => e.data.id === userId && e.data.first_name === 'Changed'),
          [],
        );
      });

      test('updateUserMetadata deep-merges each field; null deletes a key at any level; a user.updated webhook goes out', async () => {
        const u = await newUser({
          publicMetadata: { plan: 'pro', limits: { seats: 5, storage: { gb: 10, tier: 'basic' } }, tags: ['a', 'b'] },
          privateMetadata: { stripe_id: 'cus_1', flags: { beta: true } },
          unsafeMetadata: { theme: 'dark' },
        });
        const merged = await clerk.users.updateUserMetadata(u.id, {
          publicMetadata: { limits: { seats: 10, storage: { tier: null, region: 'eu' } }, tags: ['c'], added: { deep: { er: 1 } } },
          privateMetadata: { flags: { beta: null, gamma: false }, stripe_id: null },
        });
        assert.deepEqual(merged.publicMetadata, {
          plan: 'pro',
          limits: { seats: 10, storage: { gb: 10, region: 'eu' } },
          tags: ['c'],
          added: { deep: { er: 1 } },
        });
        assert.deepEqual(merged.privateMetadata, { flags: { gamma: false } });
        assert.deepEqual(merged.unsafeMetadata, { theme: 'dark' }, 'a field left out stays as it was');
        assert.equal(merged.firstName, 'Ada');
        assert.ok(merged.updatedAt >= u.updatedAt);
        assert.deepEqual((await clerk.users.getUser(u.id)).publicMetadata, merged.publicMetadata, 'stored as returned');
        const hooked = await userUpdated(u.id, (d) => d.private_metadata?.flags?.gamma === false);
        assert.deepEqual(hooked.public_metadata, merged.publicMetadata);

        const unsafe = await clerk.users.updateUserMetadata(u.id, { unsafeMetadata: { theme: null, lang: 'fr', nested: { gone: null } } });
        assert.deepEqual(unsafe.unsafeMetadata, { lang: 'fr', nested: {} }, 'nulls inside a new object are dropped too (JSON Merge Patch)');
        const cleared = await clerk.users.updateUserMetadata(u.id, { privateMetadata: null as never });
        assert.deepEqual(cleared.privateMetadata, {}, 'a null field clears it');
        assert.deepEqual(cleared.publicMetadata, merged.publicMetadata);
        const same = await clerk.users.updateUserMetadata(u.id, {});
        assert.deepEqual(
          { public: same.publicMetadata, updatedAt: same.updatedAt },
          { public: merged.publicMetadata, updatedAt: cleared.updatedAt },
          'an empty body changes nothing',
        );
      });

      test('updateUserMetadata refuses bad input and writes nothing, not even the valid fields of the request', async () => {
        const u = await newUser({ publicMetadata: { keep: 1 }, privateMetadata: bulky(5000) });
        await refused(clerk.users.updateUserMetadata('user_doesnotexist', { publicMetadata: { a: 1 } }), 404, 'resource_not_found');
        await refused(
          clerk.users.updateUserMetadata(u.id, { publicMetadata: ['not', 'an', 'object'] as never }),
          422,
          'form_param_format_invalid',
          'public_metadata',
        );
        await refused(clerk.users.updateUserMetadata(u.id, { publicMetadata: 'text' as never }), 422, 'form_param_format_invalid', 'public_metadata');
        await refused(clerk.users.updateUserMetadata(u.id, { publicMetadata: { a: 1 }, shoeSize: 44 } as never), 422, 'form_param_unknown', 'shoe_size');
        await refused(clerk.users.updateUserMetadata(u.id, { unsafeMetadata: bulky(8193) }), 422, 'form_param_max_length_exceeded', 'unsafe_metadata');
        // Each half fits; merged they do not. The public change in the same request is not written either.
        await refused(
          clerk.users.updateUserMetadata(u.id, { publicMetadata: { keep: 2 }, privateMetadata: { more: 'y'.repeat(5000) } }),
          422,
          'form_param_max_length_exceeded',
          'private_metadata',
        );
        const after = await clerk.users.getUser(u.id);
        assert.deepEqual(
          { public: after.publicMetadata, private: after.privateMetadata, updatedAt: after.updatedAt },
          { public: { keep: 1 }, private: bulky(5000), updatedAt: u.updatedAt },
        );
      });

      test('updateUserMetadata keeps "__proto__" and "constructor" as plain keys, merged like any other', async () => {
        const u = await newUser();
        const patch = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"bad": 1}}}') as Record<string, unknown>;
        const res = await clerk.users.updateUserMetadata(u.id, { publicMetadata: patch });
        assert.deepEqual(Object.keys(res.publicMetadata).sort(), ['__proto__', 'constructor']);
        const again = await clerk.users.updateUserMetadata(u.id, { publicMetadata: JSON.parse('{"__proto__": {"more": 1}}') as Record<string, unknown> });
        assert.deepEqual(
          JSON.parse(JSON.stringify(again.raw?.public_metadata)),
          JSON.parse('{"__proto__": {"polluted": true, "more": 1}, "constructor": {"prototype": {"bad": 1}}}'),
        );
      });

      test('replaceUserMetadata overwrites each given field whole; {} or null clears it; fields left out stay', async () => {
        const u = await newUser({ publicMetadata: { a: { b: 1, c: 2 }, d: 3 }, privateMetadata: { secret: 1 }, unsafeMetadata: { theme: 'dark' } });
        const replaced = await clerk.users.replaceUserMetadata(u.id, { publicMetadata: { a: { c: 9 } }, unsafeMetadata: {} });
        assert.deepEqual(replaced.publicMetadata, { a: { c: 9 } }, 'no merging at any level');
        assert.deepEqual(replaced.unsafeMetadata, {});
        assert.deepEqual(replaced.privateMetadata, { secret: 1 });
        await userUpdated(u.id, (d) => d.public_metadata?.a?.c === 9);
        const nulled = await clerk.users.replaceUserMetadata(u.id, { privateMetadata: null as never });
        assert.deepEqual({ public: nulled.publicMetadata, private: nulled.privateMetadata }, { public: { a: { c: 9 } }, private: {} });
        const full = await clerk.users.replaceUserMetadata(u.id, { publicMetadata: bulky(8192) });
        assert.deepEqual(full.publicMetadata, bulky(8192), 'exactly the limit fits');
      });

      test('replaceUserMetadata refuses bad input and writes nothing', async () => {
        const u = await newUser({ publicMetadata: { keep: 1 } });
        await refused(clerk.users.replaceUserMetadata('user_doesnotexist', { publicMetadata: {} }), 404, 'resource_not_found');
        await refused(
          clerk.users.replaceUserMetadata(u.id, { publicMetadata: { keep: 2 }, privateMetadata: 7 as never }),
          422,
          'form_param_format_invalid',
          'private_metadata',
        );
        await refused(
          clerk.users.replaceUserMetadata(u.id, { publicMetadata: { keep: 2 }, unsafeMetadata: bulky(8193) }),
          422,
          'form_param_max_length_exceeded',
          'unsafe_metadata',
        );
        await refused(clerk.users.replaceUserMetadata(u.id, { firstName: 'X' } as never), 422, 'form_param_unknown', 'first_name');
        const after = await clerk.users.getUser(u.id);
        assert.deepEqual({ public: after.publicMetadata, updatedAt: after.updatedAt }, { public: { keep: 1 }, updatedAt: u.updatedAt });
      });

      test('the deprecated updateUser(id, { firstName, publicMetadata }) applies both, as two requests (PATCH, then PUT /metadata)', async () => {
        const u = await newUser({ publicMetadata: { old: 1 }, privateMetadata: { secret: 1 } });
        const warn = console.warn;
        console.warn = () => undefined; // the SDK's deprecation notice
        try {
          const updated = await clerk.users.updateUser(u.id, { firstName: 'Augusta', publicMetadata: { role: 'owner' } });
          assert.equal(updated.firstName, 'Augusta');
          assert.deepEqual(updated.publicMetadata, { role: 'owner' }, 'replaced, as updateUser always did');
          assert.deepEqual(updated.privateMetadata, { secret: 1 });
          // The SDK sends that as two requests, so no server can make the pair atomic: a refused PUT comes after
          // the PATCH of the name has been applied. updateUser + updateUserMetadata has the same effect, explicitly.
          await refused(
            clerk.users.updateUser(u.id, { firstName: 'Second', publicMetadata: bulky(8193) }),
            422,
            'form_param_max_length_exceeded',
            'public_metadata',
          );
          const after = await clerk.users.getUser(u.id);
          assert.deepEqual({ first: after.firstName, public: after.publicMetadata }, { first: 'Second', public: { role: 'owner' } });
        } finally {
          console.warn = warn;
        }
      });

      test('updateUserProfileImage (a Blob, sent as multipart) and deleteUserProfileImage; user.updated webhooks; a non-image names file', async () => {
        const u = await newUser();
        assert.equal(u.hasImage, false);
        const updated = await clerk.users.updateUserProfileImage(u.id, { file: new Blob([TINY_PNG], { type: 'image/png' }) });
        assert.equal(updated.hasImage, true);
        assert.match(updated.imageUrl, /\/__clerk-wc\/images\/img_/);
        const image = await fetch(updated.imageUrl);
        assert.equal(image.headers.get('content-type'), 'image/png');
        assert.deepEqual(Buffer.from(await image.arrayBuffer()), TINY_PNG);
        const hook = await userUpdated(u.id, (d) => d.image_url === updated.imageUrl);
        assert.equal(hook.has_image, true);
        // HTML named .png and typed image/png is still HTML.
        const html = new Blob(['<!doctype html><script>alert(1)</script>'], { type: 'image/png' });
        await refused(clerk.users.updateUserProfileImage(u.id, { file: html }), 422, 'form_param_format_invalid', 'file');
        await refused(clerk.users.updateUserProfileImage('user_doesnotexist', { file: new Blob([TINY_PNG]) }), 404, 'resource_not_found');
        const removed = await clerk.users.deleteUserProfileImage(u.id);
        assert.equal(removed.hasImage, false);
        assert.notEqual(removed.imageUrl, updated.imageUrl);
        assert.equal((await fetch(updated.imageUrl)).status, 404, 'the removed image is no longer served');
        await userUpdated(u.id, (d) => d.has_image === false && d.updated_at >= hook.updated_at);
        await refused(clerk.users.deleteUserProfileImage(u.id), 404, 'resource_not_found');
      });

      test('lockUser and unlockUser; deleteUser returns a DeletedObject, then 404s', async () => {
        const u = await newUser();
        const locked = await clerk.users.lockUser(u.id);
        assert.equal(locked.locked, true);
        // The SDK's User class has no lockout field; the raw JSON it keeps does.
        assert.ok(Number(locked.raw?.lockout_expires_in_seconds) > 0);
        const unlocked = await clerk.users.unlockUser(u.id);
        assert.deepEqual({ locked: unlocked.locked, expires: unlocked.raw?.lockout_expires_in_seconds }, { locked: false, expires: null });
        await refused(clerk.users.lockUser('user_doesnotexist'), 404, 'resource_not_found');
        await refused(clerk.users.unlockUser('user_doesnotexist'), 404, 'resource_not_found');
        // Typed as User by the SDK, but what it builds from `{ object, id, deleted }` is a DeletedObject.
        const deleted = (await clerk.users.deleteUser(u.id)) as unknown as { object: string; id: string; deleted: boolean };
        assert.deepEqual({ object: deleted.object, id: deleted.id, deleted: deleted.deleted }, { object: 'user', id: u.id, deleted: true });
        await refused(clerk.users.getUser(u.id), 404, 'resource_not_found');
        await refused(clerk.users.deleteUser(u.id), 404, 'resource_not_found');
      });
    });

    test('sessions: getSessionList (paginated, by user and status), getSession, revokeSession', async () => {
      const { browser, userId, sessionId } = await signUp(server);
      const list = await clerk.sessions.getSessionList({ userId });
      assert.equal(list.totalCount, 1);
      const s = list.data[0]!;
      assert.deepEqual({ id: s.id, userId: s.userId, status: s.status }, { id: sessionId, userId, status: 'active' });
      assert.match(s.clientId, /^client_/);
      for (const t of [s.lastActiveAt, s.expireAt, s.abandonAt, s.createdAt, s.updatedAt]) assert.equal(typeof t, 'number');
      assert.ok(s.expireAt > s.createdAt);
      const active = await clerk.sessions.getSessionList({ userId, status: 'active' });
      assert.deepEqual(
        active.data.map((x) => x.id),
        [sessionId],
      );
      const one = await clerk.sessions.getSession(sessionId);
      assert.deepEqual({ id: one.id, userId: one.userId, clientId: one.clientId }, { id: sessionId, userId, clientId: s.clientId });
      // The harness signs up with Node's fetch (User-Agent `node`): no browser, but the IP.
      assert.deepEqual({ isMobile: one.latestActivity?.isMobile, ipAddress: one.latestActivity?.ipAddress }, { isMobile: false, ipAddress: '127.0.0.1' });
      const revoked = await clerk.sessions.revokeSession(sessionId);
      assert.deepEqual({ id: revoked.id, status: revoked.status }, { id: sessionId, status: 'revoked' });
      assert.equal((await browser.post(`/v1/client/sessions/${sessionId}/tokens`)).status, 401, 'a revoked session mints no token');
      assert.equal((await clerk.sessions.getSessionList({ userId, status: 'active' })).totalCount, 0);
      await refused(clerk.sessions.getSession('sess_doesnotexist'), 404, 'resource_not_found');
      await refused(clerk.sessions.revokeSession('sess_doesnotexist'), 404, 'resource_not_found');
      await refused(clerk.sessions.getSessionList({ status: 'bogus' as never }), 422, 'form_param_value_invalid', 'status');
      await refused(clerk.sessions.getSessionList({ limit: 501 }), 422, 'form_param_value_invalid', 'limit');
    });

    test('invitations: createInvitation, getInvitationList, revokeInvitation, and their errors', async () => {
      const email = uniqueEmail('invited');
      const inv = await clerk.invitations.createInvitation({
        emailAddress: email,
        redirectUrl: 'https://app.example.com/accept',
        publicMetadata: { team: 'blue' },
        notify: false,
      });
      assert.match(inv.id, /^inv_/);
      assert.deepEqual(
        { email: inv.emailAddress, status: inv.status, revoked: inv.revoked, meta: inv.publicMetadata },
        { email, status: 'pending', revoked: false, meta: { team: 'blue' } },
      );
      const link = new URL(inv.url!);
      assert.equal(`${link.origin}${link.pathname}`, 'https://app.example.com/accept');
      assert.ok(link.searchParams.get('__clerk_ticket'));
      assert.equal(typeof inv.createdAt, 'number');
      const list = await clerk.invitations.getInvitationList({ query: email, status: 'pending' });
      assert.deepEqual({ ids: list.data.map((i) => i.id), total: list.totalCount }, { ids: [inv.id], total: 1 });
      assert.equal(list.data[0]!.emailAddress, email);
      await refused(clerk.invitations.createInvitation({ emailAddress: email }), 400, 'duplicate_record');
      await refused(clerk.invitations.createInvitation({ emailAddress: 'not-an-email' }), 422, 'form_param_format_invalid', 'email_address');
      await refused(
        clerk.invitations.createInvitation({ emailAddress: uniqueEmail(), redirectUrl: 'javascript:alert(1)' }),
        422,
        'form_param_format_invalid',
        'redirect_url',
      );
      await refused(clerk.invitations.getInvitationList({ status: 'bogus' as never }), 422, 'form_param_value_invalid', 'status');
      const revoked = await clerk.invitations.revokeInvitation(inv.id);
      assert.deepEqual({ id: revoked.id, status: revoked.status, revoked: revoked.revoked }, { id: inv.id, status: 'revoked', revoked: true });
      await refused(clerk.invitations.revokeInvitation(inv.id), 400, 'invitation_already_revoked');
      await refused(clerk.invitations.revokeInvitation('inv_doesnotexist'), 404, 'resource_not_found');
      assert.equal((await clerk.invitations.getInvitationList({ query: email, status: 'revoked' })).totalCount, 1);
    });

    test('waitlist entries: list, invite, and their errors', async () => {
      const email = uniqueEmail('waiting');
      const joined = await new Browser(server).post('/v1/waitlist', { email_address: email });
      assert.equal(joined.status, 200);
      const list = await clerk.waitlistEntries.list({ query: email });
      assert.equal(list.totalCount, 1);
      const entry = list.data[0]!;
      assert.deepEqual(
        { id: entry.id, email: entry.emailAddress, status: entry.status, invitation: entry.invitation },
        { id: joined.body.id, email, status: 'pending', invitation: null },
      );
      assert.equal(typeof entry.createdAt, 'number');
      const invited = await clerk.waitlistEntries.invite(entry.id);
      assert.deepEqual({ id: invited.id, status: invited.status }, { id: entry.id, status: 'invited' });
      assert.equal(invited.invitation?.status, 'pending');
      assert.equal(invited.invitation?.emailAddress, email);
      assert.deepEqual(
        (await clerk.waitlistEntries.list({ query: email, status: 'invited' })).data.map((e) => e.id),
        [entry.id],
      );
      await refused(clerk.waitlistEntries.invite(entry.id), 400, 'duplicate_record');
      assert.equal((await clerk.waitlistEntries.invite(entry.id, { ignoreExisting: true })).status, 'invited');
      await refused(clerk.waitlistEntries.invite('wle_doesnotexist'), 404, 'resource_not_found');
      await refused(clerk.waitlistEntries.list({ status: 'bogus' as never }), 422, 'form_param_value_invalid', 'status');
    });

    test('jwks.getJwks is the key set the FAPI publishes', async () => {
      const jwks = await clerk.jwks.getJwks();
      const wellKnown = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as { keys: unknown[] };
      assert.deepEqual(jwks, wellKnown);
      assert.ok(jwks.keys && jwks.keys.length >= 1);
      assert.deepEqual({ kty: jwks.keys[0]!.kty, alg: jwks.keys[0]!.alg, use: jwks.keys[0]!.use }, { kty: 'RSA', alg: 'RS256', use: 'sig' });
    });

    test('verifyToken (JWKS from /v1/jwks with the secret key) and authenticateRequest accept our session tokens', async () => {
      const { browser, userId, sessionId } = await signUp(server);
      const token = await mint(browser, sessionId);
      const claims = await verifyToken(token, { secretKey: TEST_SECRET_KEY, apiUrl: server.url, authorizedParties: [ORIGIN] });
      assert.deepEqual({ sub: claims.sub, sid: claims.sid, iss: claims.iss }, { sub: userId, sid: sessionId, iss: server.url });
      await assert.rejects(
        verifyToken(token, { secretKey: TEST_SECRET_KEY, apiUrl: server.url, authorizedParties: ['https://elsewhere.example.com'] }),
        /authorized part/i,
      );
      // With the wrong key the SDK cannot load the JWKS (our 401), so nothing verifies.
      await assert.rejects(
        verifyToken(token, { secretKey: WRONG_KEY, apiUrl: server.url, skipJwksCache: true }),
        (e: { reason?: string }) => e.reason === 'jwk-remote-failed-to-load',
      );

      const signedIn = await clerk.authenticateRequest(new Request(`${ORIGIN}/api`, { headers: { authorization: `Bearer ${token}` } }), {
        authorizedParties: [ORIGIN],
      });
      assert.equal(signedIn.status, 'signed-in');
      const auth = signedIn.toAuth();
      assert.deepEqual({ userId: auth?.userId, sessionId: auth?.sessionId }, { userId, sessionId });
      const forged = `${token.slice(0, token.lastIndexOf('.') + 1)}${'A'.repeat(token.length - token.lastIndexOf('.') - 1)}`;
      const signedOut = await clerk.authenticateRequest(new Request(`${ORIGIN}/api`, { headers: { authorization: `Bearer ${forged}` } }), {
        authorizedParties: [ORIGIN],
      });
      assert.deepEqual({ status: signedOut.status, reason: signedOut.reason }, { status: 'signed-out', reason: 'token-invalid-signature' });
    });
  });
}
