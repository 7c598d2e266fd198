// Active devices across two browsers, in Chromium against the real built server: one account signed in on two
// browser contexts (two devices) through the hosted pages; the first sees every device on its account page's Security
// section, "This device" marked, and signs the others out; the second becomes signed out within one token refresh
// (tokens live 15 s here) and its account page sends it to sign-in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createUser, useHarness, withTab } from '../support/browser-harness.ts';

const TOKEN_LIFETIME_S = 15;
const harness = useHarness({ SESSION_TOKEN_LIFETIME: String(TOKEN_LIFETIME_S) });

/** Signs in on the hosted /sign-in page on the way to /user/security, and waits for the Security page. */
async function signInToSecurity(page: Page, url: string, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${url}/user/security`);
  await page.waitForURL((u) => u.pathname === '/sign-in');
  const form = page.locator('clerk-sign-in');
  await form.getByLabel('Email address or username').fill(user.email);
  await page.keyboard.press('Enter');
  await form.getByLabel('Password', { exact: true }).fill(user.password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${url}/user/security`);
  await page.locator('clerk-user-profile').getByRole('heading', { name: 'Security', level: 1 }).waitFor();
}

test('two devices: the first lists both and signs the second out, which is signed out within one token refresh', { timeout: 90_000 }, async () => {
  const h = harness();
  const user = await createUser(h);
  await withTab(h, 'device-b', async (b) => {
    await signInToSecurity(b.page, h.url, user);
    await withTab(h, 'device-a', async (a) => {
      await signInToSecurity(a.page, h.url, user);
      const profile = a.page.locator('clerk-user-profile');
      const rows = profile.locator('li.cl-device');
      // Three devices: the sign-up that made the account (a script), B and this one.
      await rows.nth(2).waitFor();
      assert.equal(await rows.count(), 3, 'every device is listed');
      const mine = rows.filter({ hasText: 'This device' });
      assert.equal(await mine.count(), 1, '"This device" marks one of them');
      assert.equal(await mine.getByRole('button').count(), 0, 'this device has no sign-out button');
      assert.ok((await rows.filter({ hasText: /Chrom/ }).count()) >= 2, 'the browsers are named');

      // Sign out every other device, B among them.
      for (let left = 3; left > 1; left--) {
        const revoked = a.page.waitForResponse((r) => /\/v1\/me\/sessions\/[^/]+\/revoke/.test(r.url()));
        await rows
          .filter({ hasNotText: 'This device' })
          .first()
          .getByRole('button', { name: /^Sign out of device/ })
          .click();
        assert.equal((await revoked).status(), 200);
        await rows.nth(left - 1).waitFor({ state: 'detached' });
      }
      assert.equal(await rows.count(), 1, 'the signed-out devices left the list');
      assert.deepEqual(a.problems, []);

      // Device B learns it at its next token refresh at the latest: its page goes to sign-in.
      const began = Date.now();
      await b.page.waitForURL((u) => u.pathname === '/sign-in', { timeout: (TOKEN_LIFETIME_S + 5) * 1000 });
      assert.ok(Date.now() - began <= TOKEN_LIFETIME_S * 1000, `signed out within one token lifetime (${Date.now() - began} ms)`);
      assert.equal(await b.page.evaluate(() => window.Clerk?.user ?? null), null);
      // Problems of B: the refused token refresh (401) is expected; nothing else.
      assert.deepEqual(
        b.problems.filter((p) => !/401|Unauthorized/.test(p)),
        [],
      );
    });
  });
});
