// Multi-session in Chromium against a real server with SINGLE_SESSION_MODE=false: one browser signs in to two
// accounts, `$sessionListStore` lists both, `setActive` switches (each session its own token, the `__session`
// cookie follows), a second tab follows the switch without a reload, `signOut({ sessionId })` ends one account
// (the other becomes active) and `signOut()` ends the rest; then the same through <clerk-user-button>'s menu in a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createUser, jwtPayload, openApp, sessionCookie, type TestWindow, useHarness, withTab } from '../support/browser-harness.ts';

const harness = useHarness({ SINGLE_SESSION_MODE: 'false' });

type StoreWindow = TestWindow & { sessionLists: string[][] };

/** Signs the page's client in to `email` and makes that session active; returns its id. */
function signIn(page: Page, email: string, password: string): Promise<string> {
  return page.evaluate(
    async ([identifier, pw]) => {
      const c = window.Clerk!;
      const si = await c.client!.signIn.create({ identifier, password: pw, strategy: 'password' });
      await c.setActive({ session: si.createdSessionId });
      return c.session!.id;
    },
    [email, password] as const,
  );
}

const activeUser = (page: Page) => page.evaluate(() => window.Clerk!.user?.id ?? null);

test('two accounts in one browser: switch, a second tab follows, sign out of one, then of all', { timeout: 60_000 }, async () => {
  const h = harness();
  const [ada, grace] = await Promise.all([createUser(h), createUser(h)]);
  await withTab(h, 'multi-session', async ({ page: a, newTab, context, calls, since, problems }) => {
    await openApp(h, a);
    await a.evaluate(async () => {
      await window.Clerk!.load();
      const w = window as unknown as StoreWindow;
      w.sessionLists = [];
      const { $sessionListStore } = window.ClerkWC!.createStores(window.Clerk! as never);
      $sessionListStore.subscribe((list) => {
        if (list) w.sessionLists.push(list.map((s) => s.id));
      });
    });
    assert.equal(await a.evaluate(() => window.Clerk!.environment!.authConfig.singleSessionMode), false);

    const sessAda = await signIn(a, ada.email, ada.password);
    const sessGrace = await signIn(a, grace.email, grace.password);
    assert.notEqual(sessAda, sessGrace);
    assert.equal(await activeUser(a), grace.userId, 'the newest sign-in is active');
    assert.deepEqual(await a.evaluate(() => window.Clerk!.client!.signedInSessions.map((s) => s.id)), [sessAda, sessGrace]);
    assert.deepEqual(
      await a.evaluate(() => (window as unknown as StoreWindow).sessionLists.at(-1)),
      [sessAda, sessGrace],
      '$sessionListStore holds both sessions',
    );

    // Each session mints its own token; the cookie holds the active one's.
    const tokGrace = (await a.evaluate(() => window.Clerk!.session!.getToken()))!;
    assert.equal(jwtPayload(tokGrace).sid, sessGrace);
    assert.equal(await sessionCookie(h, context), tokGrace);

    // A second tab of the same browser: it loads the client, and is signed in as the last active account.
    const b = await newTab();
    await openApp(h, b);
    await b.evaluate(() => window.Clerk!.load());
    await b.evaluate(() => void ((window as unknown as TestWindow).marker = 'no reload'));
    assert.equal(await activeUser(b), grace.userId);

    // Switch tab A to Ada: one touch; the token and the cookie are Ada's, never Grace's.
    let from = calls.length;
    await a.evaluate((id) => window.Clerk!.setActive({ session: id }), sessAda);
    assert.equal(await activeUser(a), ada.userId);
    assert.deepEqual(since(from, a), [`POST /v1/client/sessions/${sessAda}/touch`]);
    const tokAda = (await a.evaluate(() => window.Clerk!.session!.getToken()))!;
    assert.equal(jwtPayload(tokAda).sid, sessAda);
    assert.equal(jwtPayload(tokAda).sub, ada.userId);
    // (Tab B, following the switch, may write a token of Ada's of its own: the cookie is the browser's, shared by the tabs.)
    assert.equal(jwtPayload((await sessionCookie(h, context))!).sid, sessAda, 'the __session cookie follows the active session');
    // Asking for the other session's token by id still gives that session's own token.
    const other = await a.evaluate((id) => window.Clerk!.client!.sessions.find((s) => s.id === id)!.getToken(), sessGrace);
    assert.equal(jwtPayload(other!).sid, sessGrace);
    assert.equal(jwtPayload((await sessionCookie(h, context))!).sid, sessAda, "a non-active session's token does not touch the cookie");

    // Tab B follows the switch without a reload.
    await b.waitForFunction((uid) => window.Clerk!.user?.id === uid, ada.userId, { timeout: 5_000 });
    assert.equal(await b.evaluate(() => (window as unknown as TestWindow).marker), 'no reload');
    const tokB = (await b.evaluate(() => window.Clerk!.session!.getToken()))!;
    assert.equal(jwtPayload(tokB).sid, sessAda);

    // Sign out of Grace (not the active one): Ada stays active, nothing navigates.
    from = calls.length;
    await a.evaluate((id) => window.Clerk!.signOut({ sessionId: id }), sessGrace);
    assert.deepEqual(since(from, a), [`POST /v1/client/sessions/${sessGrace}/remove`]);
    assert.equal(await activeUser(a), ada.userId);
    assert.deepEqual(await a.evaluate(() => window.Clerk!.client!.signedInSessions.map((s) => s.id)), [sessAda]);
    assert.deepEqual(await a.evaluate(() => (window as unknown as StoreWindow).sessionLists.at(-1)), [sessAda]);
    await b.waitForFunction(() => window.Clerk!.client!.signedInSessions.length === 1, undefined, { timeout: 5_000 });
    assert.equal(await activeUser(b), ada.userId);

    // Back to two accounts; sign out of the active one: the other becomes active, in both tabs.
    const sessGrace2 = await signIn(a, grace.email, grace.password);
    await b.waitForFunction((uid) => window.Clerk!.user?.id === uid, grace.userId, { timeout: 5_000 });
    await a.evaluate((id) => window.Clerk!.signOut({ sessionId: id, redirectUrl: '/app.html#after-single' }), sessGrace2);
    await a.waitForURL(/#after-single$/);
    assert.equal(await activeUser(a), ada.userId, 'the remaining session became active');
    assert.equal(jwtPayload((await sessionCookie(h, context))!).sid, sessAda, 'and the cookie is its token');
    await b.waitForFunction((uid) => window.Clerk!.user?.id === uid, ada.userId, { timeout: 5_000 });

    // Sign out of all.
    from = calls.length;
    await a.evaluate(() => window.Clerk!.signOut());
    assert.deepEqual(since(from, a), ['DELETE /v1/client/sessions']);
    assert.equal(await activeUser(a), null);
    await b.waitForFunction(() => window.Clerk!.user === null, undefined, { timeout: 5_000 });
    assert.equal(await sessionCookie(h, context), undefined);
    assert.deepEqual(await a.evaluate(() => (window as unknown as StoreWindow).sessionLists.at(-1)), []);
    assert.deepEqual(problems, []);
  });
});

test(
  '<clerk-user-button> in a page: "Add account" through the hosted sign-in, the switcher, a second tab following it, "Sign out", "Sign out of all accounts"',
  { timeout: 60_000 },
  async () => {
    const h = harness();
    const [ada, grace] = await Promise.all([createUser(h), createUser(h)]);
    // The bundle as the server serves it (the element chunks load from next to it), under the server's strict CSP.
    writeFileSync(join(h.staticDir, 'ub.js'), "window.addEventListener('load', () => window.Clerk.load());\n");
    writeFileSync(
      join(h.staticDir, 'ub.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>user button</title>` +
        `<script src="/npm/@clerk/clerk-js@5/dist/clerk.browser.js" data-clerk-publishable-key="${h.publishableKey}"></script>` +
        `<script src="/ub.js"></script></head><body><header><clerk-user-button></clerk-user-button></header></body></html>`,
    );
    await withTab(h, 'multi-session-user-button', async ({ page: a, newTab, problems }) => {
      const open = async (p: Page) => {
        await p.goto(`${h.url}/ub.html`);
        await p.waitForFunction(() => window.Clerk?.loaded === true);
      };
      await open(a);
      await signIn(a, ada.email, ada.password);
      const menu = (p: Page) => p.locator('clerk-user-button').getByRole('menu');
      const openMenu = async (p: Page) => {
        // The front tab gets animation frames (a background one waits for them: Playwright's "stable" check).
        await p.bringToFront();
        await p.locator('clerk-user-button').getByRole('button', { name: 'Open user menu' }).click();
        await menu(p).waitFor();
      };

      // "Add account" goes to the hosted /sign-in, which shows its form to a signed-in visitor of a multi-session
      // instance; signing in there adds Grace and comes back.
      await openMenu(a);
      await menu(a).getByRole('menuitem', { name: 'Add account' }).click();
      await a.waitForURL((u) => u.pathname === '/sign-in' && u.searchParams.get('redirect_url') === `${h.url}/ub.html`);
      const form = a.locator('clerk-sign-in');
      await form.getByLabel('Email address or username').fill(grace.email);
      await a.keyboard.press('Enter');
      await form.getByLabel('Password', { exact: true }).fill(grace.password);
      await a.keyboard.press('Enter');
      await a.waitForURL(`${h.url}/ub.html`);
      await a.waitForFunction(() => window.Clerk?.loaded === true);
      assert.equal(await activeUser(a), grace.userId, 'the added account is active');
      assert.equal(await a.evaluate(() => window.Clerk!.client!.signedInSessions.length), 2);
      const b = await newTab();
      await open(b);
      assert.equal(await activeUser(b), grace.userId);

      // Tab A switches to Ada from the menu; tab B follows.
      await openMenu(a);
      await menu(a).getByRole('menuitem', { name: ada.email }).click();
      await a.waitForFunction((uid) => window.Clerk!.user?.id === uid, ada.userId);
      await b.waitForFunction((uid) => window.Clerk!.user?.id === uid, ada.userId, { timeout: 5_000 });
      await openMenu(b);
      assert.equal(await b.locator('clerk-user-button').locator('[part~=user-preview-name]').textContent(), ada.email);
      await menu(b).getByRole('menuitem', { name: grace.email }).waitFor();
      await b.keyboard.press('Escape');

      // "Sign out" in tab A ends Ada's session only: Grace is active in both tabs.
      await openMenu(a);
      await menu(a).getByRole('menuitem', { name: 'Sign out', exact: true }).click();
      await a.waitForFunction((uid) => window.Clerk!.user?.id === uid, grace.userId);
      await b.waitForFunction((uid) => window.Clerk!.user?.id === uid, grace.userId, { timeout: 5_000 });
      await openMenu(a);
      assert.equal(await menu(a).getByRole('menuitem', { name: 'Sign out of all accounts' }).count(), 0, 'one account left');
      await a.keyboard.press('Escape');

      // Ada again, then "Sign out of all accounts": both tabs are signed out and the button goes away.
      await signIn(a, ada.email, ada.password);
      await openMenu(a);
      await menu(a).getByRole('menuitem', { name: 'Sign out of all accounts' }).click();
      await a.waitForFunction(() => window.Clerk!.user === null);
      await b.waitForFunction(() => window.Clerk!.user === null, undefined, { timeout: 5_000 });
      await b.locator('clerk-user-button').getByRole('button', { name: 'Open user menu' }).waitFor({ state: 'detached' });
      assert.deepEqual(problems, []);
    });
  },
);
