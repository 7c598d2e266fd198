// Key rotation end to end (SQLite and PostgreSQL): `rotate-key` against a running server's store, the server
// switching keys on SIGHUP or its refresh timer, and verifyToken's JWKS cache counting its requests through a
// proxy — old tokens keep verifying, new ones verify after exactly one refetch, a warm cache never fetches.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { JwksCache } from '../../src/backend/jwks.ts';
import { TokenVerificationError, verifyToken } from '../../src/backend/verify-token.ts';
import { Browser, DATABASES, latestCode, signUp, startTestServer, uniqueEmail, PASSWORD, type TestServer } from '../support/server-harness.ts';
import {
  countingJwksProxy,
  jwtHeader,
  mint,
  mintWithKid,
  ORIGIN,
  rotateKey,
  serverPid,
  signedByOtherKey,
  type CountingProxy,
} from '../support/backend-harness.ts';

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof TokenVerificationError, String(e));
    return e.reason;
  }
  return 'verified';
}

for (const db of DATABASES) {
  describe(`key rotation and the JWKS cache (${db})`, () => {
    let server: TestServer;
    let proxy: CountingProxy;

    before(async () => {
      // Refresh timer off: only SIGHUP makes this server switch keys, so the test controls when.
      server = await startTestServer(db, { KEY_REFRESH_SECONDS: '0' });
      proxy = await countingJwksProxy(server);
    });
    after(async () => {
      await proxy?.close();
      await server?.stop();
    });

    test('a warm cache verifies 1000 tokens with zero network requests; forged kids refetch at most once per cooldown', async () => {
      const { browser, sessionId, userId } = await signUp(server);
      const jwt = await mint(browser, sessionId);
      const jwks = new JwksCache(proxy.jwksUrl);
      const options = { jwks, authorizedParties: [ORIGIN] };
      assert.equal((await verifyToken(jwt, options)).sub, userId);
      const before = proxy.count;
      assert.equal(jwks.fetchCount, 1);
      for (let i = 0; i < 1000; i++) await verifyToken(jwt, options);
      assert.equal(proxy.count, before, 'no request per verification');
      assert.equal(jwks.fetchCount, 1);

      // 200 tokens with forged kids: one refetch (the first unknown kid), then the cooldown holds.
      const results = await Promise.all(Array.from({ length: 200 }, (_, i) => reason(verifyToken(signedByOtherKey(jwt, `kid_forged_${i}`), options))));
      assert.deepEqual(new Set(results), new Set(['jwk-kid-mismatch']));
      assert.equal(proxy.count, before + 1, 'a flood of unknown kids costs the JWKS one request');
      assert.equal(jwks.fetchCount, 2);
    });

    test('rotate-key + SIGHUP: old tokens still verify, new tokens verify after exactly one JWKS refetch', async () => {
      const { browser, sessionId, userId } = await signUp(server);
      const tokenA = await mint(browser, sessionId);
      const kidA = jwtHeader(tokenA).kid as string;
      // A short cooldown: the rotation below happens a few hundred ms after the first fetch.
      const jwks = new JwksCache(proxy.jwksUrl, { cooldownMs: 0 });
      const options = { jwks, authorizedParties: [ORIGIN], issuer: server.url };
      const start = proxy.count;
      assert.equal((await verifyToken(tokenA, options)).sub, userId);
      assert.equal(proxy.count, start + 1, 'the first verification fetches the JWKS');

      const kidB = await rotateKey(server);
      assert.notEqual(kidB, kidA);
      // Rotated in the store, but this server only re-reads its key on SIGHUP (KEY_REFRESH_SECONDS=0).
      assert.equal(jwtHeader(await mint(browser, sessionId)).kid, kidA, 'no switch before SIGHUP');
      process.kill(serverPid(server), 'SIGHUP');
      const tokenB = await mintWithKid(browser, sessionId, kidB);

      const listed = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> };
      assert.deepEqual(listed.keys.map((k) => k.kid).slice(0, 2), [kidB, kidA], 'the JWKS lists the new key first and keeps the old one');

      assert.equal((await verifyToken(tokenA, options)).sub, userId, 'a token signed before the rotation still verifies');
      assert.equal(proxy.count, start + 1, 'the old kid is answered from the cache');
      assert.equal((await verifyToken(tokenB, options)).sub, userId, 'a token signed with the new key verifies');
      assert.equal(proxy.count, start + 2, 'exactly one refetch for the new kid');
      for (let i = 0; i < 100; i++) {
        await verifyToken(tokenA, options);
        await verifyToken(tokenB, options);
      }
      assert.equal(proxy.count, start + 2, 'both kids are then served from memory');
    });

    test('a code mailed before a rotation still works after the server restarts with the new key', async () => {
      const browser = new Browser(server);
      const email = uniqueEmail('rotate');
      const created = await browser.post('/v1/client/sign_ups', { email_address: email, password: PASSWORD });
      const id = created.body.response.id as string;
      assert.equal((await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })).status, 200);
      const code = await latestCode(server, email);
      const kid = await rotateKey(server);
      await server.restart();
      const done = await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal(done.body.response.status, 'complete');
      assert.equal(jwtHeader(await mint(browser, done.body.response.created_session_id)).kid, kid, 'the restarted server signs with the rotated key');
    });
  });

  describe(`KEY_REFRESH_SECONDS (${db})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(db, { KEY_REFRESH_SECONDS: '1' });
    });
    after(async () => {
      await server?.stop();
    });

    test('a running server picks up a rotated key by itself within the refresh interval', async () => {
      const { browser, sessionId } = await signUp(server);
      const kid = await rotateKey(server);
      const rotatedAt = Date.now();
      await mintWithKid(browser, sessionId, kid, 5000);
      assert.ok(Date.now() - rotatedAt < 3000, 'switched within about one refresh interval');
      assert.ok(
        server.output.some((l) => l === JSON.stringify({ event: 'signing-key', kid })),
        'the server logs the switch',
      );
    });
  });
}
