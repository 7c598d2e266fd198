// The demo site as a newcomer meets it: the landing page, and Clerk's JavaScript quickstart page (script tag
// with the publishable key, Clerk.load(), mountSignIn / mountUserButton) working end to end in Chromium.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { createUser, useHarness, withTab } from '../support/browser-harness.ts';

describe('demo site', () => {
  const harness = useHarness({}, { site: resolve(import.meta.dirname, '../../demo') });

  test('the landing page links every demo', async () => {
    await withTab(harness(), 'landing', async ({ page: p, problems }) => {
      await p.goto(`${harness().url}/`);
      for (const name of ['Plain HTML', 'Element gallery', 'Vue 3', 'Svelte 5', 'Angular', 'Dev outbox'])
        await p
          .getByRole('link', { name: new RegExp(name) })
          .first()
          .waitFor();
      assert.deepEqual(problems, []);
    });
  });

  test('the quickstart page: the script tag carries the real key; mountSignIn signs a person in, the user button manages the account and signs them out', async () => {
    const h = harness();
    const user = await createUser(h);
    await withTab(h, 'quickstart-demo', async ({ page: p, problems }) => {
      await p.goto(`${h.url}/quickstart.html`);
      assert.equal(await p.locator('script[data-clerk-publishable-key]').getAttribute('data-clerk-publishable-key'), h.publishableKey);
      await p.getByLabel('Email address or username').fill(user.email);
      await p.keyboard.press('Enter');
      await p.getByLabel('Password', { exact: true }).fill(user.password);
      await p.keyboard.press('Enter');
      // Signed in, the element goes to its fallback URL (this page), where the quickstart mounts the user button.
      const trigger = p.locator('#user-button clerk-user-button').getByRole('button', { name: /user menu/i });
      // "Manage account" opens the account page in a modal; Escape closes it.
      await trigger.click();
      await p.getByRole('menuitem', { name: 'Manage account' }).click();
      const profile = p.locator('clerk-modal clerk-user-profile');
      await profile.getByRole('heading', { name: 'Profile details' }).waitFor();
      await profile.getByText(user.email).first().waitFor();
      await p.keyboard.press('Escape');
      await profile.waitFor({ state: 'hidden' });
      await trigger.click();
      await p.getByRole('menuitem', { name: 'Sign out' }).click();
      // After sign-out the user button follows its after-sign-out URL (this page): the sign-in form is back.
      await p.locator('#sign-in clerk-sign-in input[name=identifier]').waitFor();
      assert.deepEqual(problems, []);
    });
  });
});
