// Two tabs of one browser share a session: one token refresh serves both (navigator.locks + BroadcastChannel),
// and signing out in one tab signs the other out without a reload. Session tokens live 15 s here, so the
// client's refresh (about 11 s before expiry) comes within seconds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createUser, type Harness, jwtPayload, openApp, sleep, type TestWindow, useHarness, withTab } from '../support/browser-harness.ts';

const harness = useHarness({ SESSION_TOKEN_LIFETIME: '15' });
/** The client serves a cached token while it has more than this left (TOKEN_LEEWAY_MS in src/core/tokens.ts). */
const LEEWAY_MS = 10_000;

/** Loads both tabs, signs in in tab A and makes the session active, as a custom flow does; tab B follows. */
async function signInBothTabs(h: Harness, a: Page, b: Page, user: { email: string; password: string; userId: string }): Promise<string> {
  await openApp(h, a);
  await openApp(h, b);
  await Promise.all([a.evaluate(() => window.Clerk!.load()), b.evaluate(() => window.Clerk!.load())]);
  await b.evaluate(() => void ((window as unknown as TestWindow).marker = 'no reload'));
  const sessionId = await a.evaluate(
    async ([identifier, password]) => {
      const c = window.Clerk!;
      const signIn = await c.client!.signIn.create({ identifier, password, strategy: 'password' });
      await c.setActive({ session: signIn.createdSessionId });
      return c.session!.id;
    },
    [user.email, user.password] as const,
  );
  await b.waitForFunction((id) => window.Clerk!.session?.id === id, sessionId, { timeout: 5_000 });
  assert.equal(await b.evaluate(() => window.Clerk!.user?.id), user.userId, 'tab B is signed in as the same user');
  return sessionId;
}

test(
  'two tabs: one POST /tokens per refresh cycle, made before the cached token runs out, gives both tabs the same new token',
  { timeout: 60_000 },
  async () => {
    const h = harness();
    const user = await createUser(h);
    await withTab(h, 'two-tabs-refresh', async ({ page: a, newTab, calls, since, problems }) => {
      const b = await newTab();
      const sessionId = await signInBothTabs(h, a, b, user);
      const tokensPath = `/v1/client/sessions/${sessionId}/tokens`;
      const from = calls.length;
      const [tokA, tokB] = await Promise.all([a.evaluate(() => window.Clerk!.session!.getToken()), b.evaluate(() => window.Clerk!.session!.getToken())]);
      // The earlier of the two tabs' tokens reaches its refresh point within ~5 s.
      const firstExpMs = Math.min(jwtPayload(tokA!).exp as number, jwtPayload(tokB!).exp as number) * 1000;
      const deadline = Date.now() + 10_000;
      while (!calls.slice(from).some((c) => c.path === tokensPath) && Date.now() < deadline) await sleep(50);
      const refresh = calls.slice(from).find((c) => c.path === tokensPath);
      assert.ok(refresh, 'a tab refreshed the token on its own');
      // Give the other tab time to mint too, if it were going to (it waits 1.5 s for the broadcast).
      await sleep(2_500);
      assert.deepEqual(since(from), [`POST ${tokensPath}`], 'exactly one request across both tabs: tab B took the token from the broadcast');

      const [newA, newB] = await Promise.all([a.evaluate(() => window.Clerk!.session!.getToken()), b.evaluate(() => window.Clerk!.session!.getToken())]);
      assert.equal(newA, newB, 'both tabs hold the same new token');
      assert.ok((jwtPayload(newA!).exp as number) * 1000 > firstExpMs, 'and it is newer than the ones they had');
      assert.equal(jwtPayload(newA!).sid, sessionId);
      assert.deepEqual(since(from), [`POST ${tokensPath}`], 'reading it made no request');
      assert.ok((await b.evaluate(() => document.cookie)).includes(`__session=${newA}`), '__session holds the new token');
      assert.deepEqual(problems, []);

      // Refreshing ahead of the cache's cut-off is what lets the other tabs keep serving getToken() from cache while
      // the one tab mints (tokens.ts schedules it 1 s ahead): a refresh only at the cut-off leaves a window in which
      // a getToken() call in any tab mints its own token.
      const lead = firstExpMs - LEEWAY_MS - refresh.at;
      assert.ok(lead >= 400, `the refresh comes ahead of the moment the cached token stops being served (it came ${lead} ms ahead; expected ~1000)`);
    });
  },
);

test('two tabs: signOut() in one tab signs the other tab out too, without a reload', { timeout: 30_000 }, async () => {
  const h = harness();
  const user = await createUser(h);
  await withTab(h, 'two-tabs-sign-out', async ({ page: a, newTab, calls, since, problems }) => {
    const b = await newTab();
    await signInBothTabs(h, a, b, user);
    const from = calls.length;
    await a.evaluate(() => window.Clerk!.signOut());
    assert.equal(await a.evaluate(() => window.Clerk!.user), null);
    await b.waitForFunction(() => window.Clerk!.user === null && window.Clerk!.session === null, undefined, { timeout: 5_000 });
    assert.equal(await b.evaluate(() => (window as unknown as TestWindow).marker), 'no reload', 'tab B was not reloaded');
    assert.equal(await b.evaluate(() => document.cookie.includes('__session=')), false, 'the __session cookie is gone');
    assert.deepEqual(since(from, a), ['DELETE /v1/client/sessions']);
    assert.deepEqual(since(from, b), ['GET /v1/client'], 'tab B re-reads the client once');
    assert.deepEqual(problems, []);
  });
});
