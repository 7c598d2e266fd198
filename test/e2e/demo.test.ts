// End-to-end: the plain-fetch FAPI demo page (demo/fapi.html) driven in headless Chromium against the real built server,
// served on one origin under the strict CSP. Needs `node scripts/build.mjs` first (npm test does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uniqueEmail, useDemoSuite } from '../support/e2e-harness.ts';
import type { Locator, Page } from 'playwright-core';

const PASSWORD = 'lilac-Harbor-compass-91';

const suite = useDemoSuite('demo');
const withBrowser = suite.session;
const outboxCode = suite.outboxCode;

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function expectFocus(page: Page, id: string, why: string): Promise<void> {
  await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 5_000 }).catch(() => undefined);
  assert.equal(await activeId(page), id, why);
}

const view = (page: Page, id: string): Locator => page.locator(`#${id}`);

/** Signs a new account up through the page; the code comes from the outbox endpoint. Ends signed in. */
async function signUpInPage(page: Page, fields: { email: string; first?: string; last?: string; username?: string }): Promise<void> {
  await page.goto(`${suite.url}/fapi.html#sign-up`);
  const form = view(page, 'view-sign-up');
  await form.getByRole('heading', { name: 'Create your account' }).waitFor();
  if (fields.first) await form.getByLabel('First name').fill(fields.first);
  if (fields.last) await form.getByLabel('Last name').fill(fields.last);
  if (fields.username) await form.getByLabel('Username').fill(fields.username);
  await form.getByLabel('Email address').fill(fields.email);
  await form.getByLabel('Password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Continue' }).click();
  const code = view(page, 'view-code');
  await code.getByLabel('Verification code').waitFor();
  await code.getByLabel('Verification code').fill(await outboxCode(page, fields.email));
  await code.getByRole('button', { name: 'Verify' }).click();
  await page.locator('#user-button-trigger').waitFor();
}

// ---------------------------------------------------------------------------------------------
// Tests

test('the demo page is served under the strict CSP and renders without inline styles or scripts', { timeout: 60_000 }, async () => {
  await withBrowser('load', async ({ page, problems }) => {
    const res = await page.goto(`${suite.url}/fapi.html`);
    assert.ok(res, 'no response for /');
    assert.equal(res.status(), 200);
    const csp = res.headers()['content-security-policy'] ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'"]) {
      assert.ok(csp.includes(directive), `the page's CSP lacks ${directive}: ${csp}`);
    }
    await view(page, 'view-sign-in')
      .getByRole('heading', { name: /^Sign in to / })
      .waitFor();
    const note = (await page.locator('#about-note').textContent()) ?? '';
    assert.match(note, /plain-fetch FAPI demo/);
    assert.doesNotMatch(note, /interim|come next/);
    const inline = await page.evaluate(() => ({
      styleAttributes: document.querySelectorAll('[style]').length,
      inlineScripts: document.querySelectorAll('script:not([src])').length,
      styleElements: document.querySelectorAll('style').length,
      unlabelled: Array.from(document.querySelectorAll('input'))
        .filter((i) => i.labels === null || i.labels.length === 0)
        .map((i) => i.id),
    }));
    assert.deepEqual(inline, { styleAttributes: 0, inlineScripts: 0, styleElements: 0, unlabelled: [] });
    // The stylesheet really applied (a CSP block would leave the default transparent background).
    const cardBackground = await view(page, 'view-sign-in').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(cardBackground, 'rgba(0, 0, 0, 0)');
    assert.deepEqual(problems, []);
  });
});

test('a person signs up with an emailed code, uses the user button from the keyboard, signs out and signs in again', { timeout: 90_000 }, async () => {
  await withBrowser('sign-up-sign-out-sign-in', async ({ context, page, problems }) => {
    const email = uniqueEmail('e2e-demo');
    await page.goto(`${suite.url}/fapi.html`);
    await view(page, 'view-sign-in')
      .getByRole('heading', { name: /^Sign in to / })
      .waitFor();
    assert.equal(await page.locator('#user-button').isVisible(), false, 'no user button while signed out');

    // Sign up.
    await view(page, 'view-sign-in').getByRole('link', { name: 'Sign up' }).click();
    const signUp = view(page, 'view-sign-up');
    await signUp.getByRole('heading', { name: 'Create your account' }).waitFor();
    assert.equal(await signUp.getByLabel('Email address').getAttribute('autocomplete'), 'email');
    assert.equal(await signUp.getByLabel('Password').getAttribute('autocomplete'), 'new-password');
    await signUp.getByLabel('First name').fill('Grace');
    await signUp.getByLabel('Last name').fill('Hopper');
    await signUp.getByLabel('Email address').fill(email);
    await signUp.getByLabel('Password').fill(PASSWORD);
    await signUp.getByRole('button', { name: 'Continue' }).click();

    // The code step, with the code read from the dev outbox page the hint links to.
    const codeStep = view(page, 'view-code');
    await codeStep.getByRole('heading', { name: 'Verify your email' }).waitFor();
    assert.equal(await page.locator('#code-email').textContent(), email);
    assert.equal(await codeStep.getByLabel('Verification code').getAttribute('autocomplete'), 'one-time-code');
    const [outbox] = await Promise.all([context.waitForEvent('page'), codeStep.getByRole('link', { name: /dev outbox/ }).click()]);
    await outbox.waitForLoadState();
    assert.equal(new URL(outbox.url()).pathname, '/outbox.html');
    const message = outbox.locator('.message').first();
    await message.waitFor();
    assert.match((await message.locator('.message-subject').textContent()) ?? '', /verification code/);
    assert.match((await message.locator('.message-meta').textContent()) ?? '', new RegExp(`To ${email.replace(/[.+]/g, '\\$&')}`));
    const code = ((await message.locator('.outbox-code').textContent()) ?? '').trim();
    assert.match(code, /^\d{6}$/, 'the outbox page shows a six-digit code');
    await outbox.close();
    await codeStep.getByLabel('Verification code').fill(code);
    await codeStep.getByRole('button', { name: 'Verify' }).click();

    // Signed in: the user button and the session token's claims.
    const trigger = page.locator('#user-button-trigger');
    await trigger.waitFor();
    const signedIn = view(page, 'view-signed-in');
    await signedIn.getByRole('heading', { name: 'Welcome, Grace Hopper' }).waitFor();
    assert.equal(((await trigger.textContent()) ?? '').replace(/\s+/g, ' ').includes('GH'), true, 'the avatar shows the initials');
    assert.equal(await trigger.getAttribute('aria-expanded'), 'false');
    const userId = (await page.locator('#fact-user-id').textContent()) ?? '';
    const sessionId = (await page.locator('#fact-session-id').textContent()) ?? '';
    assert.match(userId, /^user_/);
    assert.match(sessionId, /^sess_/);
    assert.equal(await page.locator('#claim-sub').textContent(), userId, 'the token sub is the user');
    assert.equal(await page.locator('#claim-sid').textContent(), sessionId, 'the token sid is the session');
    assert.match((await page.locator('#claim-exp').textContent()) ?? '', /^\d{10} \(/);

    // A fresh token from POST /v1/client/sessions/{id}/tokens.
    const [tokenResponse] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${suite.url}/v1/client/sessions/${sessionId}/tokens` && r.request().method() === 'POST'),
      signedIn.getByRole('button', { name: 'Get fresh token' }).click(),
    ]);
    assert.equal(tokenResponse.status(), 200);
    await page.locator('#token-status').filter({ hasText: 'Fresh token received' }).waitFor();
    assert.equal(await page.locator('#claim-sid').textContent(), sessionId);

    // The user button from the keyboard: Enter opens and focuses the first item, Escape closes and returns focus.
    const menu = page.locator('#user-menu');
    await trigger.focus();
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'visible' });
    assert.equal(await trigger.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('#user-menu-name').textContent(), 'Grace Hopper');
    assert.equal(await page.locator('#user-menu-email').textContent(), email);
    await expectFocus(page, 'sign-out', 'Enter on the user button moves focus into the menu');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    assert.equal(await trigger.getAttribute('aria-expanded'), 'false');
    await expectFocus(page, 'user-button-trigger', 'Escape returns focus to the user button');
    await page.keyboard.press('Space');
    await menu.waitFor({ state: 'visible' });
    await expectFocus(page, 'sign-out', 'Space on the user button opens the menu too');

    // Sign out with the keyboard.
    const [endResponse] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${suite.url}/v1/client/sessions/${sessionId}/end`),
      page.keyboard.press('Enter'),
    ]);
    assert.equal(endResponse.status(), 200);
    await view(page, 'view-sign-in')
      .getByRole('heading', { name: /^Sign in to / })
      .waitFor();
    await page.locator('#user-button').waitFor({ state: 'hidden' });
    const client = (await (await page.request.get(`${suite.url}/v1/client`)).json()) as { response: { sessions: unknown[] } | null };
    assert.deepEqual(client.response?.sessions, [], 'the server has no live session for this browser after signing out');

    // Sign in with the password.
    const signIn = view(page, 'view-sign-in');
    assert.equal(await signIn.getByLabel('Password').getAttribute('autocomplete'), 'current-password');
    await signIn.getByLabel('Email address or username').fill(email);
    await signIn.getByLabel('Password').fill(PASSWORD);
    await signIn.getByRole('button', { name: 'Continue' }).click();
    await trigger.waitFor();
    await signedIn.getByRole('heading', { name: 'Welcome, Grace Hopper' }).waitFor();
    assert.equal(await page.locator('#fact-user-id').textContent(), userId, 'the same user signed in again');
    assert.notEqual(await page.locator('#fact-session-id').textContent(), sessionId, 'with a new session');

    // The HttpOnly cookie keeps the person signed in across a reload.
    await page.reload();
    await signedIn.getByRole('heading', { name: 'Welcome, Grace Hopper' }).waitFor();
    assert.equal(await trigger.isVisible(), true);

    assert.deepEqual(problems, []);
  });
});

test('sign-in shows field errors, and an emailed code signs a person in', { timeout: 90_000 }, async () => {
  // The deliberate 422 answers below make Chromium log "Failed to load resource"; nothing else may appear.
  const allowed = [/Failed to load resource: the server responded with a status of 422/];
  await withBrowser(
    'sign-in-code',
    async ({ page, problems }) => {
      const email = uniqueEmail('e2e-code');
      const username = `ada${Date.now().toString(36)}`;
      await signUpInPage(page, { email, username });
      // No first or last name: the avatar falls back to the email's first letter.
      assert.equal(((await page.locator('#user-button-initials').textContent()) ?? '').trim(), email[0]!.toUpperCase());
      // Sign out with the mouse this time.
      await page.locator('#user-button-trigger').click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      const signIn = view(page, 'view-sign-in');
      await signIn.getByRole('heading', { name: /^Sign in to / }).waitFor();

      // A wrong password: the server's message goes under the password field.
      await signIn.getByLabel('Email address or username').fill(username);
      await signIn.getByLabel('Password').fill('not-the-password-1');
      await signIn.getByRole('button', { name: 'Continue' }).click();
      const passwordError = page.locator('#sign-in-password-error');
      await passwordError.waitFor();
      assert.match((await passwordError.textContent()) ?? '', /Password is incorrect/);
      assert.equal(await signIn.getByLabel('Password').getAttribute('aria-invalid'), 'true');

      // An unknown account: under the identifier field.
      await signIn.getByLabel('Email address or username').fill(uniqueEmail('nobody'));
      await signIn.getByRole('button', { name: 'Continue' }).click();
      const identifierError = page.locator('#sign-in-identifier-error');
      await identifierError.waitFor();
      assert.match((await identifierError.textContent()) ?? '', /Couldn.t find your account/);
      assert.equal(await passwordError.isVisible(), false, 'the earlier error is cleared');

      // "Email me a sign-in code": a wrong code first, then the right one.
      await signIn.getByLabel('Email address or username').fill(email);
      await signIn.getByRole('button', { name: 'Email me a sign-in code' }).click();
      const codeStep = view(page, 'view-code');
      await codeStep.getByRole('heading', { name: 'Check your email' }).waitFor();
      assert.equal(await page.locator('#code-email').textContent(), email);
      const code = await outboxCode(page, email);
      const wrong = code === '000000' ? '111111' : '000000';
      await codeStep.getByLabel('Verification code').fill(wrong);
      await codeStep.getByRole('button', { name: 'Verify' }).click();
      const codeError = page.locator('#code-input-error');
      await codeError.waitFor();
      assert.match((await codeError.textContent()) ?? '', /incorrect/);
      await codeStep.getByLabel('Verification code').fill(code);
      await codeStep.getByRole('button', { name: 'Verify' }).click();
      await page.locator('#user-button-trigger').waitFor();
      await view(page, 'view-signed-in')
        .getByRole('heading', { name: `Welcome, ${username}` })
        .waitFor();

      assert.deepEqual(problems, []);
    },
    allowed,
  );
});
