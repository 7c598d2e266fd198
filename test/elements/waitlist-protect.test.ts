// <clerk-waitlist>, <clerk-protect>, the button wrappers and the modal API, in Chromium against the real server.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createUser, uniqueEmail, useHarness, withTab } from '../support/browser-harness.ts';
import { defined, writePage } from '../support/ui-page.ts';

describe('<clerk-waitlist>', () => {
  const harness = useHarness();

  test('an address joins; the confirmation replaces the form; joining twice is fine', async () => {
    const h = harness();
    const url = writePage(h, 'waitlist', '<clerk-waitlist></clerk-waitlist>');
    await withTab(h, 'waitlist-join', async ({ page: p, since }) => {
      await p.goto(url);
      const email = p.getByLabel('Email address');
      await email.waitFor();
      assert.equal(await email.getAttribute('autocomplete'), 'email');
      await email.fill('not-an-email');
      await p.keyboard.press('Enter');
      await p.locator('clerk-waitlist .cl-error').waitFor();
      assert.equal(await email.getAttribute('aria-invalid'), 'true');
      const address = uniqueEmail('wait');
      await email.fill(address);
      await p.keyboard.press('Enter');
      await p.getByRole('status').waitFor();
      assert.equal(await p.getByRole('heading', { name: 'Thanks for joining the waitlist!' }).count(), 1);
      assert.ok(since().includes('POST /v1/waitlist'));
    });
  });
});

describe('<clerk-protect> and <clerk-sign-out-button>', () => {
  const harness = useHarness();

  test('content shows only when signed in, roles it lacks show the fallback, and it switches without a reload', async () => {
    const h = harness();
    const user = await createUser(h);
    const url = writePage(
      h,
      'protect',
      `<clerk-protect><p id="secret">secret</p><p slot="fallback" id="fallback">please sign in</p></clerk-protect>
       <clerk-protect role="org:admin"><p id="admin">admin</p><p slot="fallback" id="not-admin">admins only</p></clerk-protect>
       <clerk-protect id="cond"><p id="cond-yes">condition true</p></clerk-protect>
       <clerk-sign-out-button><button id="out">Log out</button></clerk-sign-out-button>`,
      `document.getElementById('cond').condition = (has) => !has({ permission: 'org:invoices:create' });`,
    );
    await withTab(h, 'protect', async ({ page: p }) => {
      await p.goto(url);
      await p.evaluate(() => window.Clerk!.load());
      await defined(p, 'clerk-protect', 'clerk-sign-out-button');
      await p.locator('#fallback').waitFor({ state: 'visible' });
      assert.equal(await p.locator('#secret').isVisible(), false);
      await p.evaluate(
        async ({ email, password }) => {
          await window.Clerk!.client!.signIn.create({ identifier: email, password, strategy: 'password' });
        },
        { email: user.email, password: user.password },
      );
      await p.locator('#secret').waitFor({ state: 'visible' });
      assert.equal(await p.locator('#fallback').isVisible(), false);
      assert.equal(await p.locator('#not-admin').isVisible(), true, 'no organization, so no role');
      assert.equal(await p.locator('#admin').isVisible(), false);
      assert.equal(await p.locator('#cond-yes').isVisible(), true);
      await p.click('#out');
      await p.locator('#fallback').waitFor({ state: 'visible' });
      assert.equal(await p.evaluate(() => window.Clerk!.user), null);
    });
  });
});

describe('modals: Clerk.openSignIn() and <clerk-sign-in-button mode="modal">', () => {
  const harness = useHarness();

  test('opens a dialog with the sign-in form, locks scroll, Esc closes it and focus returns to the button', async () => {
    const h = harness();
    const url = writePage(h, 'modal', '<clerk-sign-in-button mode="modal"><button id="open">Sign in</button></clerk-sign-in-button>');
    await withTab(h, 'modal', async ({ page: p }) => {
      await p.goto(url);
      await p.evaluate(() => window.Clerk!.load());
      await defined(p, 'clerk-sign-in-button');
      await p.click('#open');
      const dialog = p.getByRole('dialog');
      await dialog.waitFor();
      await p.locator('clerk-modal clerk-sign-in input[name=identifier]').waitFor();
      assert.equal(await p.evaluate(() => getComputedStyle(document.documentElement).overflow), 'hidden');
      await p.keyboard.press('Escape');
      await p.locator('clerk-modal').waitFor({ state: 'detached' });
      assert.equal(await p.evaluate(() => document.activeElement?.id), 'open');
      assert.notEqual(await p.evaluate(() => getComputedStyle(document.documentElement).overflow), 'hidden');
    });
  });

  test('signing in inside the modal closes it', async () => {
    const h = harness();
    const user = await createUser(h);
    const url = writePage(h, 'modal-sign-in', '<main>app</main>');
    await withTab(h, 'modal-sign-in', async ({ page: p }) => {
      await p.goto(url);
      await p.evaluate(() => window.Clerk!.load().then(() => window.Clerk!.openSignIn()));
      await p.getByLabel('Email address or username').fill(user.email);
      await p.keyboard.press('Enter');
      await p.getByLabel('Password', { exact: true }).fill(user.password);
      await p.keyboard.press('Enter');
      await p.locator('clerk-modal').waitFor({ state: 'detached' });
      assert.equal(await p.evaluate(() => window.Clerk!.user?.primaryEmailAddress?.emailAddress), user.email);
    });
  });
});
