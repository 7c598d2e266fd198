// A session revoked elsewhere (a password reset that signs out other devices, or a revoke from another device)
// must not keep looking signed in: the next token refresh answers 401, the client re-reads itself, becomes signed
// out, tells its listeners and the control elements, and every tab of that browser follows, without a retry storm.
// Session tokens live 15 s here, so a refresh cycle is 15 s (the refresh comes ~11 s before expiry).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createUser, type Harness, PASSWORD, TEST_CODE, type TestWindow, useHarness, withTab } from '../support/browser-harness.ts';

const TOKEN_LIFETIME_S = 15;
const harness = useHarness({ SESSION_TOKEN_LIFETIME: String(TOKEN_LIFETIME_S) });

type Watched = TestWindow & { signedOutAt?: number; emits: number };

/** Token requests of this context that failed, as "status path". */
function failingTokenRequests(context: BrowserContext): string[] {
  const failed: string[] = [];
  context.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    if (/^\/v1\/client\/sessions\/[^/]+\/tokens/.test(path) && res.status() >= 400) failed.push(`${res.status()} ${path}`);
  });
  return failed;
}

/**
 * A page with the bundle from the server's clerk-js path (the control elements' chunks sit next to it there),
 * which the harness's app.html lacks.
 */
async function openApp(h: Harness, page: Page): Promise<void> {
  const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>revoked</title>
<script src="/npm/@clerk/clerk-js@5/dist/clerk.browser.js" data-clerk-publishable-key="${h.publishableKey}"></script></head><body></body></html>\n`;
  writeFileSync(join(h.staticDir, 'revoked.html'), html);
  await page.goto(`${h.url}/revoked.html`);
  await page.waitForFunction(() => !!window.Clerk);
}

/** Loads the page, signs in with a password (unless the client is already signed in), shows a signed-in block. */
async function signedInPage(h: Harness, page: Page, user: { email: string; password: string }): Promise<string> {
  await openApp(h, page);
  const sessionId = await page.evaluate(
    async ([identifier, password]) => {
      const c = window.Clerk!;
      await c.load();
      if (!c.session) {
        const signIn = await c.client!.signIn.create({ identifier, password, strategy: 'password' });
        await c.setActive({ session: signIn.createdSessionId });
      }
      const w = window as unknown as Watched;
      w.emits = 0;
      w.marker = 'no reload';
      c.addListener(({ user }) => {
        w.emits++;
        if (!user && w.signedOutAt === undefined) w.signedOutAt = Date.now();
      });
      const inBlock = document.createElement('clerk-signed-in');
      inBlock.innerHTML = '<p id="secret">Signed-in content</p>';
      const outBlock = document.createElement('clerk-signed-out');
      outBlock.innerHTML = '<p id="out">Signed out</p>';
      document.body.append(inBlock, outBlock);
      return c.session!.id;
    },
    [user.email, user.password] as const,
  );
  await page.locator('#secret').waitFor({ state: 'visible' });
  await page.locator('#out').waitFor({ state: 'hidden' });
  return sessionId;
}

/** Waits until the page shows itself signed out; returns when that happened (page clock, ms since the epoch). */
async function expectSignedOut(page: Page, withinMs: number): Promise<number> {
  await page.waitForFunction(() => window.Clerk!.user === null && window.Clerk!.session === null, undefined, { timeout: withinMs });
  await page.locator('#secret').waitFor({ state: 'hidden', timeout: 2_000 });
  await page.locator('#out').waitFor({ state: 'visible', timeout: 2_000 });
  const w = await page.evaluate(() => {
    const x = window as unknown as Watched;
    return { signedOutAt: x.signedOutAt, emits: x.emits, marker: x.marker, cookie: document.cookie };
  });
  assert.ok(w.signedOutAt, 'a listener was told about the sign-out');
  assert.equal(w.marker, 'no reload', 'the page was not reloaded');
  assert.equal(w.cookie.includes('__session='), false, 'the __session cookie is gone');
  return w.signedOutAt;
}

test('a password reset that signs out other devices signs the other browser out within one refresh cycle', { timeout: 60_000 }, async () => {
  const h = harness();
  const user = await createUser(h);
  await withTab(h, 'revoked-reset-b', async ({ page: b, context: contextB, problems }) => {
    const failed = failingTokenRequests(contextB);
    const sessionB = await signedInPage(h, b, user);
    await withTab(h, 'revoked-reset-a', async ({ page: a }) => {
      await openApp(h, a);
      const resetAt = await a.evaluate(
        async ([identifier, code, password]) => {
          const c = window.Clerk!;
          await c.load();
          let signIn = await c.client!.signIn.create({ identifier, strategy: 'reset_password_email_code' });
          signIn = await signIn.attemptFirstFactor({ strategy: 'reset_password_email_code', code });
          signIn = await signIn.resetPassword({ password, signOutOfOtherSessions: true });
          if (signIn.status !== 'complete') throw new Error(`reset ended as ${signIn.status}`);
          await c.setActive({ session: signIn.createdSessionId });
          return Date.now();
        },
        [user.email, TEST_CODE, `${PASSWORD}-new`] as const,
      );
      const signedOutAt = await expectSignedOut(b, (TOKEN_LIFETIME_S + 5) * 1000);
      const took = signedOutAt - resetAt;
      assert.ok(took <= TOKEN_LIFETIME_S * 1000, `signed out ${took} ms after the reset (one refresh cycle is ${TOKEN_LIFETIME_S} s)`);
      assert.equal(await a.evaluate(() => window.Clerk!.user?.primaryEmailAddress?.emailAddress), user.email, 'the device that reset is signed in');
    });
    // Longer than the old 5 s retry: no further attempts, and getToken() answers null without a request.
    await new Promise((r) => setTimeout(r, 6_000));
    const stillActive = await b.evaluate((id) => window.Clerk!.client!.activeSessions.some((s) => s.id === id), sessionB);
    assert.equal(stillActive, false, 'the re-read client has no active session');
    assert.equal(await b.evaluate(() => window.Clerk!.session?.getToken() ?? null), null);
    assert.ok(failed.length >= 1 && failed.length <= 2, `failing token requests: ${failed.length} (${failed.join(', ')})`);
    assert.deepEqual(
      problems.filter((p) => !/status of 401/.test(p)),
      [],
    );
  });
});

test('a session revoked from another device: both tabs of that browser follow, with one or two failing token requests', { timeout: 60_000 }, async () => {
  const h = harness();
  const user = await createUser(h);
  await withTab(h, 'revoked-tabs-b', async ({ page: b1, context: contextB, newTab, since, problems }) => {
    const failed = failingTokenRequests(contextB);
    const sessionB = await signedInPage(h, b1, user);
    const b2 = await newTab();
    assert.equal(await signedInPage(h, b2, user), sessionB, 'the second tab shares the session');
    await withTab(h, 'revoked-tabs-a', async ({ page: a }) => {
      await signedInPage(h, a, user);
      const revokedAt = await a.evaluate(async (id) => {
        await window.Clerk!.fapi.request({ method: 'POST', path: `/me/sessions/${id}/revoke` });
        return Date.now();
      }, sessionB);
      const [out1, out2] = await Promise.all([expectSignedOut(b1, (TOKEN_LIFETIME_S + 5) * 1000), expectSignedOut(b2, (TOKEN_LIFETIME_S + 5) * 1000)]);
      for (const at of [out1, out2]) assert.ok(at - revokedAt <= TOKEN_LIFETIME_S * 1000, `signed out ${at - revokedAt} ms after the revoke`);
      assert.ok(await a.evaluate(() => window.Clerk!.user !== null), 'the revoking device stays signed in');
    });
    await new Promise((r) => setTimeout(r, 6_000));
    assert.ok(failed.length >= 1 && failed.length <= 2, `failing token requests across both tabs: ${failed.length} (${failed.join(', ')})`);
    const reads = since().filter((c) => c === 'GET /v1/client').length;
    assert.ok(reads <= 6, `GET /v1/client ${reads} times in all (two loads, then about one re-read per tab)`);
    assert.deepEqual(
      problems.filter((p) => !/status of 401/.test(p)),
      [],
    );
  });
});

test('a tab that becomes visible again touches its session; a refused touch signs it out at once', { timeout: 60_000 }, async () => {
  const h = harness();
  const user = await createUser(h);
  await withTab(h, 'revoked-visible-b', async ({ page: b, context: contextB, problems }) => {
    const failed = failingTokenRequests(contextB);
    const sessionB = await signedInPage(h, b, user);
    await withTab(h, 'revoked-visible-a', async ({ page: a }) => {
      await signedInPage(h, a, user);
      // A fresh token in B first: its next refresh is seconds away, so only the touch can sign it out in time.
      await b.evaluate(() => window.Clerk!.session!.getToken({ skipCache: true }));
      await a.evaluate((id) => window.Clerk!.fapi.request({ method: 'POST', path: `/me/sessions/${id}/revoke` }), sessionB);
    });
    // The tab comes back to the front (headless pages are always visible, so the event is all that changes).
    const shownAt = await b.evaluate(() => (document.dispatchEvent(new Event('visibilitychange')), Date.now()));
    const signedOutAt = await expectSignedOut(b, 2_000);
    assert.ok(signedOutAt - shownAt < 2_000, `signed out ${signedOutAt - shownAt} ms after the tab was shown`);
    assert.deepEqual(failed, [], 'the touch, not a token refresh, found the revoked session');
    assert.deepEqual(
      problems.filter((p) => !/status of 40[14]/.test(p)),
      [],
    );
  });
});
