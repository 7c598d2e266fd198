// The elements on another site than the FAPI: a page on http://localhost:<port> (as a Vite app would be) loads our
// clerk.browser.js from the server at http://127.0.0.1:<port> with the printed key, then signs up with
// <clerk-sign-up> and signs in with <clerk-sign-in>. The client travels in the dev-browser token, never a cookie.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outboxCode, PASSWORD, uniqueEmail, useHarness, withTab } from '../support/browser-harness.ts';
import type { Page } from 'playwright-core';
import { serveSite, type StaticSite } from '../support/static-site.ts';

describe('elements on another site than the FAPI', () => {
  const harness = useHarness();
  let site: StaticSite;
  let dir: string;

  before(async () => {
    const h = harness();
    dir = mkdtempSync(join(tmpdir(), 'clerk-wc-app-site-'));
    const page = (body: string) =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>app</title>` +
      `<script src="${h.url}/npm/@clerk/clerk-js@5/dist/clerk.browser.js" crossorigin="anonymous" data-clerk-publishable-key="${h.publishableKey}"></script>` +
      `</head><body><main>${body}</main></body></html>`;
    const signedIn = '<clerk-signed-in><p id="hello">signed in</p><clerk-user-button></clerk-user-button></clerk-signed-in>';
    writeFileSync(join(dir, 'sign-up.html'), page(`<clerk-signed-out><clerk-sign-up routing="virtual"></clerk-sign-up></clerk-signed-out>${signedIn}`));
    writeFileSync(join(dir, 'sign-in.html'), page(`<clerk-signed-out><clerk-sign-in routing="virtual"></clerk-sign-in></clerk-signed-out>${signedIn}`));
    site = await serveSite(dir);
    // A page on the FAPI's own site, as the hosted sign-in page is.
    writeFileSync(join(h.staticDir, 'fapi-site.html'), page(signedIn).replace(`data-clerk-publishable-key="${h.publishableKey}"`, 'data-clerk-proxy-url="/"'));
  });
  /** Signs up through <clerk-sign-up> on the app's site, with the code from the outbox. */
  async function signUpOnApp(p: Page, h: ReturnType<typeof harness>, email: string): Promise<void> {
    await p.goto(`${site.url}/sign-up.html`);
    await p.getByLabel('Email address').fill(email);
    await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await p.getByRole('button', { name: 'Continue' }).click();
    const code = p.getByLabel('Verification code');
    await code.waitFor();
    await code.fill(await outboxCode(h, email));
    assert.equal(await signedInAs(p), email);
  }

  after(async () => {
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('<clerk-sign-up> with an emailed code, then <clerk-sign-in> with a password, from http://localhost against 127.0.0.1', async () => {
    const h = harness();
    const email = uniqueEmail('cross-elements');
    const carriers: string[] = [];
    await withTab(h, 'cross-site-elements', async ({ context, page: p, problems }) => {
      context.on('request', (req) => {
        const u = new URL(req.url());
        if (u.origin === new URL(h.url).origin && u.pathname.startsWith('/v1/') && u.pathname !== '/v1/dev_browser')
          carriers.push(u.searchParams.has('__clerk_db_jwt') ? 'dev-browser' : `none: ${u.pathname}`);
      });
      await signUpOnApp(p, h, email);

      // Another page of the same app: the dev browser (kept in localStorage) still holds the session.
      await p.goto(`${site.url}/sign-in.html`);
      assert.equal(await signedInAs(p), email);
      await p.evaluate(() => (window as unknown as { Clerk: { signOut(): Promise<void> } }).Clerk.signOut());
      await p.getByLabel('Email address or username').fill(email);
      await p.keyboard.press('Enter');
      const password = p.getByLabel('Password', { exact: true });
      await password.waitFor();
      await password.fill(PASSWORD);
      await p.keyboard.press('Enter');
      assert.equal(await signedInAs(p), email);
      assert.ok(await p.locator('#hello').isVisible());
      assert.deepEqual(problems, []);
      assert.equal(await context.cookies(h.url).then((c) => c.filter((x) => x.name === '__client').length), 0, 'no client cookie was needed');
    });
    assert.ok(carriers.length > 8);
    assert.deepEqual([...new Set(carriers)], ['dev-browser']);
  });

  test('links to the hosted pages hand the dev browser over, and a page on the FAPI site adopts it', async () => {
    const h = harness();
    const email = uniqueEmail('cross-handoff');
    await withTab(h, 'cross-site-handoff', async ({ page: p }) => {
      await signUpOnApp(p, h, email);
      const link = new URL(await p.evaluate(() => (window as unknown as { Clerk: { buildSignInUrl(): string } }).Clerk.buildSignInUrl()));
      assert.equal(link.origin, new URL(h.url).origin, 'the hosted sign-in page is on the FAPI origin');
      assert.equal(link.searchParams.get('redirect_url'), `${site.url}/sign-up.html`);
      const token = link.searchParams.get('__clerk_db_jwt');
      assert.ok(token, 'the link carries the dev browser');
      // The FAPI-site page adopts the handed-over token: the same client, so the same signed-in user.
      await p.goto(`${h.url}/fapi-site.html?__clerk_db_jwt=${encodeURIComponent(token)}&keep=1`);
      assert.equal(await signedInAs(p), email);
      assert.equal(new URL(p.url()).search, '?keep=1', 'the token is taken out of the address bar');
    });
  });
});

/** Waits until the page's Clerk has a user; returns the primary email address. */
async function signedInAs(p: Page): Promise<string> {
  type W = Window & { Clerk?: { user?: { primaryEmailAddress?: { emailAddress: string } } | null } };
  await p.waitForFunction(() => !!(window as W).Clerk?.user);
  return p.evaluate(() => (window as W).Clerk!.user!.primaryEmailAddress!.emailAddress);
}
