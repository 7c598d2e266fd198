// Webhooks over real HTTP: events from FAPI and Backend API actions reach a node:http receiver, signed in the
// Svix / Standard Webhooks format, from a durable queue with retries; verifyWebhook accepts them and refuses
// replays and altered bodies. On SQLite and PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyWebhook, WebhookVerificationError, type WebhookVerificationReason } from '../../src/backend/webhooks.ts';
import { Browser, DATABASES, PASSWORD, signUp, startTestServer, uniqueEmail, type TestServer } from '../support/server-harness.ts';
import { asRequest, Backend, bapiSpec, freePort, Receiver, TEST_SECRET_KEY, WEBHOOK_SECRET, waitFor, type ReceivedHook } from '../support/bapi-harness.ts';

/** Fast retries for tests: 20 ms, 60 ms, 180 ms… */
const FAST = { WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_POLL_MS: '20', WEBHOOK_MAX_ATTEMPTS: '40' };

async function rejects(
  request: Request,
  reason: WebhookVerificationReason,
  opts: Parameters<typeof verifyWebhook>[2] = {},
  secret = WEBHOOK_SECRET,
): Promise<void> {
  await assert.rejects(verifyWebhook(request, secret, opts), (e: unknown) => e instanceof WebhookVerificationError && e.reason === reason);
}

function sign(secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
    .update(`${id}.${timestamp}.${body}`)
    .digest('base64')}`;
}

function eventOf(receiver: Receiver, type: string, match: (data: any) => boolean) {
  return receiver.events().find((e) => e.type === type && match(e.data));
}

for (const db of DATABASES) {
  describe(`webhooks (${db})`, () => {
    let receiver: Receiver;
    let server: TestServer;
    let api: Backend;
    before(async () => {
      receiver = await new Receiver(3).listen();
      server = await startTestServer(db, { SIGN_UP_MODE: 'public', CLERK_SECRET_KEY: TEST_SECRET_KEY, WEBHOOK_URL: receiver.url, WEBHOOK_SECRET, ...FAST });
      api = new Backend(server, TEST_SECRET_KEY);
    });
    after(async () => {
      await server.stop();
      await receiver.close();
    });

    test('a receiver that fails the first 3 deliveries still gets user.created and session.created of a FAPI sign-up', async () => {
      const { userId, sessionId, email } = await signUp(server);
      const created = await waitFor(() => eventOf(receiver, 'user.created', (d) => d.id === userId), 'user.created');
      const session = await waitFor(() => eventOf(receiver, 'session.created', (d) => d.id === sessionId), 'session.created');
      assert.deepEqual(
        receiver.received.slice(0, 3).map((h) => h.status),
        [500, 500, 500],
      );
      // Retries resend the same message (same svix-id, same body); some message needed more than one try.
      const byId = new Map<string, ReceivedHook[]>();
      for (const h of receiver.received) byId.set(String(h.headers['svix-id']), [...(byId.get(String(h.headers['svix-id'])) ?? []), h]);
      assert.ok([...byId.values()].some((tries) => tries.length > 1));
      for (const tries of byId.values()) assert.equal(new Set(tries.map((t) => t.body)).size, 1);
      // Every accepted delivery verifies with the endpoint's secret.
      for (const hook of receiver.accepted) {
        const event = await verifyWebhook(asRequest(hook), WEBHOOK_SECRET);
        assert.equal(event.object, 'event');
      }
      assert.equal(created.object, 'event');
      assert.match(created.instance_id, /^ins_[A-Za-z0-9]+$/);
      assert.ok(Math.abs(created.timestamp - Date.now()) < 60_000);
      assert.equal(created.data.email_addresses[0].email_address, email);
      assert.deepEqual(bapiSpec.validateResponse('GET', `/v1/users/${userId}`, 200, created.data), [], 'user.* data is the Backend API User');
      assert.equal(session.data.user_id, userId);
      assert.equal(session.data.status, 'active');
      assert.deepEqual(
        bapiSpec.validateResponse('POST', `/v1/sessions/${sessionId}/revoke`, 200, session.data),
        [],
        'session.* data is the Backend API Session',
      );
      assert.equal(session.instance_id, created.instance_id);
    });

    test('Backend API and FAPI actions emit user.updated, user.deleted, session.revoked, session.ended and waitlistEntry.created', async () => {
      const a = await signUp(server);
      const b = await signUp(server);
      await api.patch(`/v1/users/${a.userId}`, { first_name: 'Hooked' });
      await api.post(`/v1/sessions/${a.sessionId}/revoke`);
      await b.browser.post(`/v1/client/sessions/${b.sessionId}/end`);
      const waiting = uniqueEmail('hook-waitlist');
      const entry = await new Browser(server).post('/v1/waitlist', { email_address: waiting });
      await api.del(`/v1/users/${a.userId}`);
      await waitFor(() => eventOf(receiver, 'user.updated', (d) => d.id === a.userId && d.first_name === 'Hooked'), 'user.updated');
      const revoked = await waitFor(() => eventOf(receiver, 'session.revoked', (d) => d.id === a.sessionId), 'session.revoked');
      assert.equal(revoked.data.status, 'revoked');
      const ended = await waitFor(() => eventOf(receiver, 'session.ended', (d) => d.id === b.sessionId), 'session.ended');
      assert.equal(ended.data.status, 'ended');
      const joined = await waitFor(() => eventOf(receiver, 'waitlistEntry.created', (d) => d.id === entry.body.id), 'waitlistEntry.created');
      assert.equal(joined.data.email_address, waiting);
      assert.equal(joined.data.status, 'pending');
      const deleted = await waitFor(() => eventOf(receiver, 'user.deleted', (d) => d.id === a.userId), 'user.deleted');
      assert.deepEqual(deleted.data, { object: 'user', id: a.userId, deleted: true });
      // Joining the waitlist again is the same entry: no second event.
      await new Browser(server).post('/v1/waitlist', { email_address: waiting });
      await api.post('/v1/users', { email_address: [uniqueEmail('marker')], password: PASSWORD });
      await waitFor(() => eventOf(receiver, 'user.created', (d) => d.email_addresses[0].email_address.startsWith('marker')), 'marker user.created');
      assert.equal(receiver.events().filter((e) => e.type === 'waitlistEntry.created' && e.data.id === entry.body.id).length, 1);
    });

    test('verifyWebhook refuses replays, altered bodies, foreign secrets and missing headers', async () => {
      const hook = await waitFor(() => receiver.accepted[0], 'a delivery');
      const id = String(hook.headers['svix-id']);
      const ts = Number(hook.headers['svix-timestamp']);
      await verifyWebhook(asRequest(hook), WEBHOOK_SECRET);
      // The same delivery seen 6 minutes later: a replay.
      await rejects(asRequest(hook), 'timestamp-too-old', { now: (ts + 6 * 60) * 1000 });
      // A correctly signed message with an old timestamp is a replay too.
      const old = ts - 10 * 60;
      await rejects(
        asRequest({ headers: { ...hook.headers, 'svix-timestamp': String(old), 'svix-signature': sign(WEBHOOK_SECRET, id, old, hook.body) }, body: hook.body }),
        'timestamp-too-old',
      );
      // An old delivery with a fresh timestamp but its old signature: the signature no longer matches.
      await rejects(asRequest({ headers: { ...hook.headers, 'svix-timestamp': String(ts + 1) }, body: hook.body }), 'signature-invalid');
      const future = ts + 10 * 60;
      await rejects(
        asRequest({
          headers: { ...hook.headers, 'svix-timestamp': String(future), 'svix-signature': sign(WEBHOOK_SECRET, id, future, hook.body) },
          body: hook.body,
        }),
        'timestamp-too-new',
      );
      const altered = hook.body.replace('"object":"event"', '"object":"evil"');
      assert.notEqual(altered, hook.body);
      await rejects(asRequest({ headers: hook.headers, body: altered }), 'signature-invalid');
      await rejects(asRequest({ headers: { ...hook.headers, 'svix-id': `${id}x` }, body: hook.body }), 'signature-invalid');
      await rejects(asRequest(hook), 'signature-invalid', {}, `whsec_${Buffer.from('another-secret-of-24-byte').toString('base64')}`);
      const { 'svix-signature': _sig, ...unsigned } = hook.headers;
      await rejects(asRequest({ headers: unsigned, body: hook.body }), 'missing-headers');
      // Several signatures (a secret rotation): one valid entry is enough.
      const rotated = { ...hook.headers, 'svix-signature': `v1,${Buffer.alloc(32).toString('base64')} ${String(hook.headers['svix-signature'])}` };
      await verifyWebhook(asRequest({ headers: rotated, body: hook.body }), WEBHOOK_SECRET);
    });
  });

  describe(`webhook queue durability (${db})`, () => {
    const servers: TestServer[] = [];
    const receivers: Receiver[] = [];
    after(async () => {
      for (const s of servers) await s.stop();
      for (const r of receivers) await r.close();
    });

    test('a receiver that is down gets every event once it is back, across a server restart', async () => {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}/webhooks`;
      const server = await startTestServer(db, { CLERK_SECRET_KEY: TEST_SECRET_KEY, WEBHOOK_URL: url, WEBHOOK_SECRET, ...FAST });
      servers.push(server);
      const api = new Backend(server, TEST_SECRET_KEY);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await api.post('/v1/users', { email_address: [uniqueEmail('down')], password: PASSWORD })).body.id);
      await waitFor(() => server.output.filter((l) => l.includes('webhooks: delivery failed')).length >= 6, 'failed attempts');
      // The queue lives in the database: a restart loses nothing.
      await server.restart();
      const receiver = await new Receiver().listen(port);
      receivers.push(receiver);
      await waitFor(() => ids.every((id) => eventOf(receiver, 'user.created', (d) => d.id === id)), 'all three user.created after the receiver came back');
      const msgIds = receiver.accepted.map((h) => String(h.headers['svix-id']));
      assert.equal(new Set(msgIds).size, msgIds.length, 'each message is delivered once');
      for (const hook of receiver.accepted) await verifyWebhook(asRequest(hook), WEBHOOK_SECRET);
    });

    test('several server processes on one database deliver each event exactly once', async () => {
      const receiver = await new Receiver().listen();
      receivers.push(receiver);
      const env = { CLERK_SECRET_KEY: TEST_SECRET_KEY, WEBHOOK_URL: receiver.url, WEBHOOK_SECRET, ...FAST, WEBHOOK_POLL_MS: '10' };
      const a = await startTestServer(db, env);
      servers.push(a);
      const store = db === 'postgres' ? a.databaseUrl! : `${a.dataDir}/clerk-wc.sqlite`;
      const b = await startTestServer('sqlite', { ...env, DATABASE_URL: store });
      servers.push(b);
      const emails: string[] = [];
      await Promise.all(
        Array.from({ length: 24 }, async (_, i) => {
          const email = uniqueEmail(`multi${i}`);
          emails.push(email);
          const res = await new Browser(i % 2 ? a : b).post('/v1/waitlist', { email_address: email });
          assert.equal(res.status, 200);
        }),
      );
      await waitFor(() => emails.every((e) => eventOf(receiver, 'waitlistEntry.created', (d) => d.email_address === e)), 'all 24 waitlistEntry.created');
      // Give a duplicate the time to arrive, if the claim let one through.
      await new Promise((r) => setTimeout(r, 300));
      const msgIds = receiver.received.map((h) => String(h.headers['svix-id']));
      assert.equal(msgIds.length, 24);
      assert.equal(new Set(msgIds).size, 24);
    });
  });

  describe(`webhook endpoints from the config file (${db})`, () => {
    let dir: string;
    let server: TestServer;
    const onlyDeleted = new Receiver();
    const everything = new Receiver();
    before(async () => {
      await onlyDeleted.listen();
      await everything.listen();
      dir = mkdtempSync(join(tmpdir(), 'clerk-wc-hooks-'));
      const file = join(dir, 'clerk-wc.config.json');
      const other = `whsec_${Buffer.from('a-second-endpoint-secret').toString('base64')}`;
      writeFileSync(
        file,
        JSON.stringify({
          webhooks: [
            { url: onlyDeleted.url, secret: WEBHOOK_SECRET, events: ['user.deleted'] },
            { url: everything.url, secret: other },
          ],
          webhookDelivery: { pollIntervalMs: 20 },
        }),
      );
      server = await startTestServer(db, { CLERK_WC_CONFIG: file, CLERK_SECRET_KEY: TEST_SECRET_KEY });
    });
    after(async () => {
      await server.stop();
      await onlyDeleted.close();
      await everything.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('each endpoint gets the events it asked for, signed with its own secret', async () => {
      const api = new Backend(server, TEST_SECRET_KEY);
      const user = await api.post('/v1/users', { email_address: [uniqueEmail('cfg')], password: PASSWORD });
      await api.del(`/v1/users/${user.body.id}`);
      await waitFor(() => eventOf(everything, 'user.deleted', (d) => d.id === user.body.id), 'user.deleted at the second endpoint');
      await waitFor(() => eventOf(onlyDeleted, 'user.deleted', (d) => d.id === user.body.id), 'user.deleted at the filtered endpoint');
      // Deliveries run in parallel, so arrival order is not promised (nor is it by Svix): compare as sets.
      assert.deepEqual(
        everything
          .events()
          .map((e) => e.type)
          .sort(),
        ['user.created', 'user.deleted'],
      );
      assert.deepEqual(
        onlyDeleted.events().map((e) => e.type),
        ['user.deleted'],
      );
      await verifyWebhook(asRequest(onlyDeleted.accepted[0]!), WEBHOOK_SECRET);
      await rejects(asRequest(everything.accepted[0]!), 'signature-invalid');
      // Both endpoints got the same message id for the same event.
      assert.equal(onlyDeleted.events()[0]!.msgId, eventOf(everything, 'user.deleted', () => true)!.msgId);
    });

    test('a malformed webhook configuration stops the server with a readable message', async () => {
      await assert.rejects(
        startTestServer(db, { WEBHOOK_URL: 'http://127.0.0.1:9/hooks', WEBHOOK_SECRET: 'not-a-secret' }),
        /exited with 2[\s\S]*secret must be "whsec_"/,
      );
      await assert.rejects(startTestServer(db, { WEBHOOK_URL: 'http://127.0.0.1:9/hooks' }), /exited with 2[\s\S]*Set WEBHOOK_URL and WEBHOOK_SECRET together/);
    });
  });
}
