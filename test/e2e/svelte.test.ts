// End-to-end: the Svelte 5 demo app (demo/svelte, built into demo/apps/svelte) driven in headless Chromium
// against the real built server, which serves the app and the FAPI on one origin under the strict CSP.
// Needs `node scripts/build.mjs` and the app built first: `cd demo/svelte && npm install && npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, uniqueEmail, useDemoSuite } from '../support/e2e-harness.ts';
import type { Locator, Page } from 'playwright-core';

const APP_INDEX = join(ROOT, 'demo/apps/svelte/index.html');
const PASSWORD = 'lilac-Harbor-compass-91';

const suite = useDemoSuite('svelte', {
  ready: () =>
    assert.ok(
      existsSync(APP_INDEX),
      `the Svelte demo is not built (${APP_INDEX} is missing): run \`node scripts/build.mjs\`, then \`cd demo/svelte && npm install && npm run build\``,
    ),
});
const withTab = suite.session;
const outboxCode = suite.outboxCode;

/** Waits until the app's hash route is `route` (`#/dashboard`). */
async function expectRoute(page: Page, route: string): Promise<void> {
  await page.waitForFunction((want) => location.hash === want, route, { timeout: 10_000 }).catch(() => undefined);
  assert.equal(new URL(page.url()).hash, route);
}

const userButton = (page: Page): Locator =>
  page
    .getByRole('banner')
    .locator('clerk-user-button')
    .getByRole('button', { name: /user menu/i });

/** Signs up through #/sign-up with the code from the outbox; ends on the dashboard. */
async function signUp(page: Page, email: string): Promise<void> {
  await page.goto(`${suite.appUrl}#/sign-up`);
  const form = page.locator('clerk-sign-up');
  await form.getByRole('heading', { name: 'Create your account' }).waitFor();
  await form.getByLabel('First name').fill('Ada');
  await form.getByLabel('Last name').fill('Lovelace');
  await form.getByLabel('Email address').fill(email);
  await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Continue' }).click();
  const code = form.getByLabel('Verification code');
  await code.waitFor();
  // Six digits submit the step by themselves.
  await code.fill(await outboxCode(page, email));
  await expectRoute(page, '#/dashboard');
  await page.getByTestId('user-email').filter({ hasText: email }).waitFor();
}

/** Fills a <clerk-sign-in> (identifier, then password). */
async function signInWithPassword(scope: Locator, email: string): Promise<void> {
  await scope.getByLabel('Email address or username').fill(email);
  await scope.getByRole('button', { name: 'Continue' }).click();
  await scope.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await scope.getByRole('button', { name: 'Continue' }).click();
}

// ---------------------------------------------------------------------------------------------
// Tests

test('the built app is served under the strict CSP, with no inline scripts or styles, and passes props the Svelte way', { timeout: 60_000 }, async () => {
  const html = readFileSync(APP_INDEX, 'utf8');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'index.html has no inline <script>');
  assert.doesNotMatch(html, /<style|\sstyle=/, 'index.html has no inline styles');
  await withTab('load', async ({ page, problems }) => {
    const res = await page.goto(suite.appUrl);
    assert.ok(res, `no response for ${suite.appUrl}`);
    assert.equal(res.status(), 200);
    const csp = res.headers()['content-security-policy'] ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'"]) {
      assert.ok(csp.includes(directive), `the page's CSP lacks ${directive}: ${csp}`);
    }
    await page.getByRole('heading', { level: 1, name: /Sign-in for Svelte/ }).waitFor();
    await page.getByTestId('auth-status').getByText('You are signed out.').waitFor();
    // Signed out: the header shows the links, not the user button.
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    assert.equal(await page.getByRole('banner').locator('clerk-user-button').getByRole('button').isVisible(), false);

    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await expectRoute(page, '#/sign-in');
    const signIn = page.locator('clerk-sign-in');
    await signIn.getByRole('heading', { name: /^Sign in to / }).waitFor();
    // routing and the appearance object arrive as properties, sign-up-url as an attribute.
    const passed = await signIn.evaluate((el) => {
      const e = el as HTMLElement & { routing?: string; appearance?: unknown; signUpUrl?: string };
      return {
        routing: e.routing,
        appearanceIsObject: typeof e.appearance === 'object' && e.appearance !== null,
        appearanceAttribute: e.hasAttribute('appearance'),
        signUpUrl: e.signUpUrl,
      };
    });
    assert.deepEqual(passed, { routing: 'virtual', appearanceIsObject: true, appearanceAttribute: false, signUpUrl: '#/sign-up' });
    // Clerk.load({ appearance }) reached the elements: the primary button takes the app's colour.
    const primary = await signIn.getByRole('button', { name: 'Continue' }).evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(primary, 'rgb(194, 65, 12)', 'the primary button uses appearance.variables.colorPrimary (#c2410c)');

    const inline = await page.evaluate(() => ({
      styleAttributes: Array.from(document.querySelectorAll('[style]')).map((e) => e.tagName.toLowerCase()),
      inlineScripts: document.querySelectorAll('script:not([src])').length,
      styleElements: document.querySelectorAll('style').length,
    }));
    assert.deepEqual(inline, { styleAttributes: [], inlineScripts: 0, styleElements: 0 });
    // The app's stylesheet applied (a CSP block would leave the header without its border).
    assert.notEqual(await page.getByRole('banner').evaluate((el) => getComputedStyle(el).borderBottomStyle), 'none');
    assert.deepEqual(problems, []);
  });
});

test('sign up with the emailed code, sign out from the user button, sign in with the password, protected content, waitlist', { timeout: 120_000 }, async () => {
  await withTab('journey', async ({ page, problems }) => {
    const email = uniqueEmail('e2e-svelte');

    // The dashboard's guard sends a signed-out visitor to sign-in.
    await page.goto(`${suite.appUrl}#/dashboard`);
    await expectRoute(page, '#/sign-in');
    await page
      .locator('clerk-sign-in')
      .getByRole('heading', { name: /^Sign in to / })
      .waitFor();

    // Sign up (the code from the outbox): the sign-up event takes the app to the dashboard, with the email from $userStore.
    await signUp(page, email);
    await userButton(page).waitFor();
    await page.getByTestId('protected').waitFor();
    await page.getByTestId('admin-fallback').waitFor();
    assert.equal(await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).isVisible(), false, 'no sign-in link while signed in');

    // The user button menu: the account, then "Sign out".
    await userButton(page).click();
    const menu = page.getByRole('menu');
    await menu.waitFor();
    await page.getByRole('banner').locator('clerk-user-button').getByText(email).waitFor();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();

    // Signed out: home (after-sign-out URL) with the signed-out view, the header links back, no session on the server.
    await expectRoute(page, '#/');
    await page.getByTestId('auth-status').getByText('You are signed out.').waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    await userButton(page).waitFor({ state: 'hidden' });
    const client = (await (await page.request.get(`${suite.url}/v1/client`)).json()) as { response: { sessions: unknown[] } | null };
    assert.deepEqual(client.response?.sessions ?? [], [], 'no live session after signing out');

    // Sign in with the password: the app's clerk-sign-in listener goes to the dashboard, where protected content shows.
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await expectRoute(page, '#/sign-in');
    await signInWithPassword(page.locator('clerk-sign-in'), email);
    await expectRoute(page, '#/dashboard');
    await page.getByTestId('user-email').filter({ hasText: email }).waitFor();
    await page.getByTestId('protected').waitFor();
    await userButton(page).waitFor();
    // The HttpOnly client cookie keeps the person signed in across a reload.
    await page.reload();
    await page.getByTestId('protected').waitFor();

    // The waitlist: join, then the confirmation (and the app heard the event).
    await page.getByRole('banner').getByRole('link', { name: 'Waitlist' }).click();
    await expectRoute(page, '#/waitlist');
    const waitlist = page.locator('clerk-waitlist');
    const waitlistEmail = uniqueEmail('e2e-svelte-waitlist');
    await waitlist.getByLabel('Email address').fill(waitlistEmail);
    await waitlist.getByRole('button', { name: 'Join the waitlist' }).click();
    await waitlist.getByRole('heading', { name: 'Thanks for joining the waitlist!' }).waitFor();
    await page.getByText(`The app heard clerk-waitlist-join for ${waitlistEmail}.`).waitFor();

    assert.deepEqual(problems, []);
  });
});

test('the modal path: the openSignIn() button opens a dialog that signs the person in and closes', { timeout: 90_000 }, async () => {
  await withTab('modal', async ({ page, problems }) => {
    const email = uniqueEmail('e2e-svelte-modal');
    await signUp(page, email);
    await userButton(page).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByTestId('auth-status').getByText('You are signed out.').waitFor();

    await page.getByRole('button', { name: 'Sign in with a modal' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const modalSignIn = page.locator('clerk-modal clerk-sign-in');
    await modalSignIn.getByRole('heading', { name: /^Sign in to / }).waitFor();
    await signInWithPassword(modalSignIn, email);
    await page.locator('clerk-modal').waitFor({ state: 'detached' });
    // Signed in where the person was: home shows the email from $userStore; the header has the user button.
    await expectRoute(page, '#/');
    await page.getByTestId('auth-status').getByText(email).waitFor();
    await userButton(page).waitFor();
    assert.deepEqual(problems, []);
  });
});
