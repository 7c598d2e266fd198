// <clerk-sign-in> in Chromium against the real server: defaults, accessibility, flows, keyboard, mount API,
// localization, appearance. Pages load the bundle the way a site does (from the FAPI's /npm/ path).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createUser, outboxCode, PASSWORD, uniqueEmail, useHarness, withTab } from '../support/browser-harness.ts';
import { BUNDLE_TAG, writePage as page } from '../support/ui-page.ts';

async function signedIn(p: Page): Promise<string | null> {
  return p.evaluate(() => window.Clerk?.user?.primaryEmailAddress?.emailAddress ?? null);
}

describe('<clerk-sign-in>', () => {
  const harness = useHarness();
  let url: string;
  before(() => {
    url = page(harness(), 'sign-in', '<main><clerk-sign-in routing="virtual"></clerk-sign-in></main>');
  });

  test('defaults: a labelled identifier field with autocomplete=username in the light DOM, a sign-up link', async () => {
    await withTab(harness(), 'sign-in-defaults', async ({ page: p }) => {
      await p.goto(url);
      const input = p.locator('clerk-sign-in input[name=identifier]');
      await input.waitFor();
      assert.equal(await input.getAttribute('autocomplete'), 'username');
      // Light DOM: the input is a child of the element itself, where autofill looks.
      assert.equal(await p.evaluate(() => document.querySelector('clerk-sign-in input')?.getRootNode() === document), true);
      await p.getByLabel('Email address or username').waitFor();
      assert.equal(await p.getByRole('heading', { name: 'Sign in to clerk-wc' }).count(), 1);
      assert.equal(await p.getByRole('link', { name: 'Sign up' }).count(), 1);
    });
  });

  test('password flow with the keyboard: Enter submits each step, then the user is signed in and clerk-sign-in fires', async () => {
    const h = harness();
    const user = await createUser(h);
    await withTab(h, 'sign-in-password', async ({ page: p, since, problems }) => {
      await p.goto(url);
      await p.evaluate(() => document.addEventListener('clerk-sign-in', (e) => ((window as unknown as { fired: unknown }).fired = (e as CustomEvent).detail)));
      const from = since().length;
      await p.getByLabel('Email address or username').fill(user.email);
      await p.keyboard.press('Enter');
      const password = p.getByLabel('Password', { exact: true });
      await password.waitFor();
      assert.equal(await password.getAttribute('autocomplete'), 'current-password');
      await p.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'password'); // focus moves to the password
      await password.fill(user.password);
      await p.keyboard.press('Enter');
      await p.waitForFunction(() => !!(window as unknown as { fired?: unknown }).fired);
      assert.equal(await signedIn(p), user.email);
      // Three requests: create the sign-in, attempt the password, make the new session active.
      const writes = since(from).filter((c) => !c.startsWith('GET'));
      assert.equal(writes.length, 3, writes.join(', '));
      assert.equal(writes[0], 'POST /v1/client/sign_ins');
      assert.match(writes[1]!, /^POST \/v1\/client\/sign_ins\/sia_\w+\/attempt_first_factor$/);
      assert.match(writes[2]!, /^POST \/v1\/client\/sessions\/sess_\w+\/touch$/);
      assert.deepEqual(problems, []);
    });
  });

  test('errors land on their field: unknown account under the identifier, wrong password under the password, focused', async () => {
    const h = harness();
    const user = await createUser(h);
    await withTab(h, 'sign-in-errors', async ({ page: p }) => {
      await p.goto(url);
      await p.getByLabel('Email address or username').fill(uniqueEmail('nobody'));
      await p.keyboard.press('Enter');
      const idError = p.locator('clerk-sign-in .cl-error');
      await idError.waitFor();
      assert.match((await idError.textContent()) ?? '', /Couldn't find your account/);
      const describedBy = await p.getByLabel('Email address or username').getAttribute('aria-describedby');
      assert.equal(describedBy, await idError.getAttribute('id'));
      assert.equal(await p.evaluate(() => document.activeElement?.getAttribute('aria-invalid')), 'true');
      await p.getByLabel('Email address or username').fill(user.email);
      await p.keyboard.press('Enter');
      await p.getByLabel('Password', { exact: true }).fill('not-the-password');
      await p.keyboard.press('Enter');
      await p.locator('clerk-sign-in .cl-error').waitFor();
      assert.match((await p.locator('clerk-sign-in .cl-error').textContent()) ?? '', /Password is incorrect/);
      assert.equal(await p.getByLabel('Password', { exact: true }).getAttribute('aria-invalid'), 'true');
      assert.equal(await signedIn(p), null);
    });
  });

  test('forgot password: reset code from the outbox (pasted whole), new password, signed in', async () => {
    const h = harness();
    const email = uniqueEmail('forgot');
    await createUser(h, email, PASSWORD);
    await withTab(h, 'sign-in-forgot', async ({ page: p }) => {
      await p.goto(url);
      await p.getByLabel('Email address or username').fill(email);
      await p.keyboard.press('Enter');
      await p.getByRole('button', { name: 'Forgot password?' }).click();
      const code = p.getByLabel('Reset password code');
      await code.waitFor();
      assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
      // Paste of the whole code, with a space in it, as mail clients copy it.
      const digits = await outboxCode(h, email);
      await code.fill(`${digits.slice(0, 3)} ${digits.slice(3)}`);
      await p.getByLabel('New password').waitFor();
      await p.getByLabel('New password').fill('a-Brand-new-pass-55');
      await p.getByLabel('Confirm password').fill('a-Brand-new-pass-55');
      await p.getByRole('button', { name: 'Reset Password' }).click();
      await p.waitForFunction(() => !!window.Clerk?.user);
      assert.equal(await signedIn(p), email);
    });
  });

  test('email code sign-in ("Use another method", then the email code from the list)', async () => {
    const h = harness();
    const email = uniqueEmail('code');
    await createUser(h, email, PASSWORD);
    await withTab(h, 'sign-in-code', async ({ page: p }) => {
      await p.goto(url);
      await p.getByLabel('Email address or username').fill(email);
      await p.keyboard.press('Enter');
      await p.getByRole('button', { name: 'Use another method' }).click();
      await p.getByRole('button', { name: `Email code to ${email}` }).click();
      const code = p.getByLabel('Verification code');
      await code.waitFor();
      await code.fill(await outboxCode(h, email));
      await p.waitForFunction(() => !!window.Clerk?.user);
      assert.equal(await signedIn(p), email);
    });
  });

  test("the seed quickstart: Clerk.mountSignIn(div) renders the element, and a fresh page loads only sign-in's chunk", async () => {
    const h = harness();
    const quick = page(
      h,
      'mount',
      '<div id="app"></div>',
      `window.addEventListener('load', async function () {
  await Clerk.load();
  const app = document.getElementById('app');
  const div = document.createElement('div');
  div.id = Clerk.user ? 'user-button' : 'sign-in';
  app.append(div);
  if (Clerk.user) Clerk.mountUserButton(div); else Clerk.mountSignIn(div);
});`,
    );
    await withTab(h, 'sign-in-mount', async ({ page: p }) => {
      const scripts: string[] = [];
      p.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
      await p.goto(quick);
      await p.locator('#sign-in clerk-sign-in input[name=identifier]').waitFor();
      assert.ok(scripts.some((s) => s.endsWith('/elements/sign-in.js')));
      assert.ok(!scripts.some((s) => /user-button|sign-up/.test(s)), `only sign-in's code: ${scripts.join(', ')}`);
      await p.evaluate(() => window.Clerk!.unmountSignIn(document.getElementById('sign-in')!));
      assert.equal(await p.locator('clerk-sign-in').count(), 0);
    });
  });

  test('localization and appearance: overrides render; variables.colorPrimary colours the button; elements style light and shadow parts', async () => {
    const h = harness();
    const fr = page(
      h,
      'fr',
      '<clerk-sign-in routing="virtual"></clerk-sign-in>',
      `window.addEventListener('load', () => Clerk.load({
  localization: { signIn: { start: { title: 'Connectez-vous à {{applicationName}}' } }, formButtonPrimary: 'Continuer' },
  appearance: { variables: { colorPrimary: 'rgb(0, 128, 0)' }, elements: { formButtonPrimary: { textTransform: 'uppercase' }, card: { borderWidth: '3px' } } },
}));`,
    );
    await withTab(h, 'sign-in-fr', async ({ page: p }) => {
      await p.goto(fr);
      await p.getByRole('heading', { name: 'Connectez-vous à clerk-wc' }).waitFor();
      const button = p.getByRole('button', { name: 'Continuer' });
      await button.waitFor();
      assert.equal(await button.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(0, 128, 0)');
      // appearance.elements: a light-DOM part (the form's button) and a shadow part (the card).
      assert.equal(await button.evaluate((b) => getComputedStyle(b).textTransform), 'uppercase');
      assert.equal(
        await p.evaluate(() => getComputedStyle(document.querySelector('clerk-sign-in')!.shadowRoot!.querySelector('[part~=card]')!).borderTopWidth),
        '3px',
      );
    });
  });

  test('routing="hash": each step is a history entry; the back button returns to the identifier', async () => {
    const h = harness();
    const user = await createUser(h);
    const hashed = page(h, 'hash', '<clerk-sign-in routing="hash"></clerk-sign-in>');
    await withTab(h, 'sign-in-hash', async ({ page: p }) => {
      await p.goto(hashed);
      await p.getByLabel('Email address or username').fill(user.email);
      await p.keyboard.press('Enter');
      await p.getByLabel('Password', { exact: true }).waitFor();
      assert.equal(new URL(p.url()).hash, '#/password');
      await p.goBack();
      await p.getByLabel('Email address or username').waitFor();
      assert.equal(new URL(p.url()).hash, '');
      await p.goForward();
      await p.getByLabel('Password', { exact: true }).waitFor();
    });
  });

  test('two copies of the bundle on one page do not throw and keep one instance', async () => {
    const h = harness();
    const twice = page(h, 'twice', `<clerk-sign-in routing="virtual"></clerk-sign-in>${BUNDLE_TAG}`);
    await withTab(h, 'sign-in-twice', async ({ page: p, problems }) => {
      await p.goto(twice);
      await p.locator('clerk-sign-in input[name=identifier]').waitFor();
      assert.deepEqual(problems, []);
    });
  });
});
