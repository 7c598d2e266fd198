// End-to-end: the Vue 3 demo app (demo/vue, built into demo/apps/vue) driven in headless Chromium against the
// real built server, which serves the app and the FAPI on one origin under the strict CSP.
// Needs `node scripts/build.mjs` and the app built: `cd demo/vue && npm install && npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, uniqueEmail, useDemoSuite } from '../support/e2e-harness.ts';
import type { Locator, Page } from 'playwright-core';

const APP_INDEX = join(ROOT, 'demo/apps/vue/index.html');
const PASSWORD = 'lilac-Harbor-compass-91';

const suite = useDemoSuite('vue', {
  ready: () =>
    assert.ok(existsSync(APP_INDEX), `The Vue demo is not built (${APP_INDEX} is missing): run \`cd demo/vue && npm install && npm run build\` first`),
});
const withBrowser = suite.session;
const outboxCode = suite.outboxCode;

/** The hash route the app shows (`/dashboard`, `/sign-in?redirect=…`). */
const route = (page: Page) => new URL(page.url()).hash.replace(/^#/, '');

async function expectRoute(page: Page, path: string, why: string): Promise<void> {
  await page.waitForURL((url) => url.hash.replace(/^#/, '').split('?')[0] === path, { timeout: 10_000 }).catch(() => undefined);
  assert.equal(route(page).split('?')[0], path, why);
}

const header = (page: Page): Locator => page.locator('header.topbar');
const userButtonTrigger = (page: Page): Locator => header(page).locator('clerk-user-button').getByRole('button', { name: 'Open user menu' });

/** Signs up on #/sign-up; the code comes from the outbox (or is 424242 for a +clerk_test address). Ends on the dashboard. */
async function signUp(page: Page, email: string, code?: string): Promise<void> {
  await page.goto(`${suite.appUrl}#/sign-up`);
  const form = page.locator('clerk-sign-up');
  await form.getByRole('heading', { name: 'Create your account' }).waitFor();
  await form.getByLabel('First name').fill('Evan');
  await form.getByLabel('Last name').fill('You');
  await form.getByLabel('Email address').fill(email);
  await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('heading', { name: 'Verify your email' }).waitFor();
  // Six digits submit the code step by themselves.
  await form.getByLabel('Verification code').fill(code ?? (await outboxCode(page, email)));
  await expectRoute(page, '/dashboard', 'the @clerk-sign-up listener routes to the dashboard');
}

/** Signs out from the user button's menu in the header. */
async function signOutFromMenu(page: Page): Promise<void> {
  const trigger = userButtonTrigger(page);
  await trigger.click();
  const signOut = header(page).getByRole('menuitem', { name: 'Sign out' });
  await signOut.waitFor();
  await signOut.click();
  await trigger.waitFor({ state: 'detached' });
}

/** Fills the two sign-in steps (identifier, then password) of the <clerk-sign-in> inside `scope`. */
async function signInWithPassword(scope: Locator, email: string): Promise<void> {
  await scope.getByLabel('Email address or username').fill(email);
  await scope.getByRole('button', { name: 'Continue' }).click();
  await scope.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await scope.getByRole('button', { name: 'Continue' }).click();
}

// ---------------------------------------------------------------------------------------------
// Tests

test('the Vue app is served under the strict CSP, with no inline script or style', { timeout: 60_000 }, async () => {
  await withBrowser('load', async ({ page, problems }) => {
    const res = await page.goto(suite.appUrl);
    assert.ok(res, `no response for ${suite.appUrl}`);
    assert.equal(res.status(), 200);
    const csp = res.headers()['content-security-policy'] ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'"]) {
      assert.ok(csp.includes(directive), `the app's CSP lacks ${directive}: ${csp}`);
    }
    await page.getByRole('heading', { name: 'Auth elements in a Vue app' }).waitFor();
    // Signed out: the header offers sign-in and sign-up, and no user button renders.
    await header(page).getByRole('link', { name: 'Sign in' }).waitFor();
    await header(page).getByRole('link', { name: 'Sign up' }).waitFor();
    assert.equal(await userButtonTrigger(page).count(), 0, 'no user button while signed out');
    const inline = await page.evaluate(() => ({
      inlineScripts: document.querySelectorAll('script:not([src])').length,
      styleElements: document.querySelectorAll('style').length,
      definedSignIn: customElements.get('clerk-sign-in') !== undefined,
      windowClerk: typeof (window as unknown as { Clerk?: { loaded?: boolean } }).Clerk?.loaded,
    }));
    assert.deepEqual(inline, { inlineScripts: 0, styleElements: 0, definedSignIn: true, windowClerk: 'boolean' });
    // The app's stylesheet applied (a CSP block would leave the header without its border).
    const border = await header(page).evaluate((el) => getComputedStyle(el).borderBottomStyle);
    assert.equal(border, 'solid');

    // Deep links work without a server fallback, and the guard sends signed-out visitors to sign-in.
    await page.goto(`${suite.appUrl}#/dashboard`);
    await expectRoute(page, '/sign-in', 'the guard redirects a signed-out visitor to sign-in');
    assert.equal(new URLSearchParams(route(page).split('?')[1]).get('redirect'), '/dashboard', 'with the page to come back to');
    await page
      .locator('clerk-sign-in')
      .getByRole('heading', { name: /^Sign in to / })
      .waitFor();
    assert.deepEqual(problems, []);
  });
});

test('sign up with an emailed code, sign out from the user button, sign in with the password, protected content, waitlist', { timeout: 120_000 }, async () => {
  await withBrowser('flow', async ({ page, problems }) => {
    const email = uniqueEmail('e2e-vue');

    // Sign up, through the header's link.
    await page.goto(suite.appUrl);
    await header(page).getByRole('link', { name: 'Sign up' }).click();
    await expectRoute(page, '/sign-up', 'the header links to sign-up');
    await signUp(page, email);

    // Signed in: the dashboard reads the email from $userStore; the header shows the user button.
    const dashboard = page.locator('.dashboard');
    await dashboard.getByRole('heading', { name: 'Welcome, Evan You' }).waitFor();
    assert.equal(await dashboard.locator('.user-email').textContent(), email);
    const trigger = userButtonTrigger(page);
    await trigger.waitFor();
    assert.equal(await header(page).getByRole('link', { name: 'Sign in' }).isVisible(), false, 'the signed-out links are hidden');

    // The user button's menu shows the account, then signs out; @clerk-sign-out routes home.
    await trigger.click();
    const menu = header(page).getByRole('menu');
    await menu.waitFor();
    await header(page).locator('clerk-user-button [part~="user-preview"]').getByText(email).waitFor();
    assert.equal(await trigger.getAttribute('aria-expanded'), 'true');
    await header(page).getByRole('menuitem', { name: 'Sign out' }).click();
    await trigger.waitFor({ state: 'detached' });
    await expectRoute(page, '/', 'signing out from the menu routes to the home page');
    await page.getByRole('button', { name: 'Sign in in a modal' }).waitFor();
    await header(page).getByRole('link', { name: 'Sign in' }).waitFor();
    const client = (await (await page.request.get(`${suite.url}/v1/client`)).json()) as { response: { sessions: unknown[] } | null };
    assert.deepEqual(client.response?.sessions ?? [], [], 'the server has no live session for this browser after signing out');

    // The dashboard is guarded again; signing in returns there.
    await page.goto(`${suite.appUrl}#/dashboard`);
    await expectRoute(page, '/sign-in', 'the guard sends the signed-out visitor to sign-in');
    const signIn = page.locator('clerk-sign-in');
    await signIn.getByRole('heading', { name: /^Sign in to / }).waitFor();
    await signInWithPassword(signIn, email);
    await expectRoute(page, '/dashboard', 'the @clerk-sign-in listener routes back to the guarded page');
    assert.equal(await dashboard.locator('.user-email').textContent(), email);

    // <clerk-protect>: the content for a signed-in user, and the fallback slot where the role is missing.
    const protectedContent = page.locator('clerk-protect.protect-signed-in').getByText('Protected content: only signed-in users see this.');
    await protectedContent.waitFor({ state: 'visible' });
    await page
      .locator('clerk-protect.protect-admin')
      .getByText(/Only organization admins see this/)
      .waitFor({ state: 'visible' });
    assert.equal(await page.getByText('Admin tools.').isVisible(), false, 'no admin content without the org:admin role');

    // Waitlist.
    await header(page).getByRole('link', { name: 'Waitlist' }).click();
    await expectRoute(page, '/waitlist', 'the header links to the waitlist');
    const waitlist = page.locator('clerk-waitlist');
    await waitlist.getByRole('heading', { name: 'Join the waitlist' }).waitFor();
    const waitlistEmail = uniqueEmail('e2e-vue-waitlist');
    await waitlist.getByLabel('Email address').fill(waitlistEmail);
    await waitlist.getByRole('button', { name: 'Join the waitlist' }).click();
    await waitlist.getByRole('heading', { name: 'Thanks for joining the waitlist!' }).waitFor();
    // The app's @clerk-waitlist-join listener saw the address.
    await page.locator('.auth-page > .hint').filter({ hasText: waitlistEmail }).waitFor();

    assert.deepEqual(problems, []);
  });
});

test('clerk.openSignIn() shows sign-in in a modal dialog that shows errors and closes once signed in', { timeout: 90_000 }, async () => {
  // The deliberate wrong password below makes Chromium log "Failed to load resource … 422"; nothing else may appear.
  const allowed = [/^Failed to load resource: the server responded with a status of 422/];
  await withBrowser(
    'modal',
    async ({ page, problems }) => {
      // An account first (a +clerk_test address takes the test code), then back to signed out.
      const email = uniqueEmail('e2e-vue-modal', '+clerk_test');
      await signUp(page, email, '424242');
      await signOutFromMenu(page);
      await expectRoute(page, '/', 'signed out on the home page');

      await page.getByRole('button', { name: 'Sign in in a modal' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      // The element is the modal's slotted child: light DOM of <clerk-modal>, drawn inside its <dialog>.
      const signIn = page.locator('clerk-modal > clerk-sign-in');
      await signIn.getByRole('heading', { name: /^Sign in to / }).waitFor();
      // A wrong password first: the server's error shows under the field, the dialog stays open.
      await signIn.getByLabel('Email address or username').fill(email);
      await signIn.getByRole('button', { name: 'Continue' }).click();
      const password = signIn.getByLabel('Password', { exact: true });
      await password.fill('not-the-password-1');
      await signIn.getByRole('button', { name: 'Continue' }).click();
      await signIn.getByText(/Password is incorrect/).waitFor();
      assert.equal(await password.getAttribute('aria-invalid'), 'true');
      await password.fill(PASSWORD);
      await signIn.getByRole('button', { name: 'Continue' }).click();
      await page.locator('clerk-modal').waitFor({ state: 'detached' });
      assert.equal(await dialog.count(), 0, 'the dialog closed');
      await userButtonTrigger(page).waitFor();
      assert.equal(route(page), '/', 'the modal signs in where the visitor is');
      await page.getByRole('link', { name: 'Go to the dashboard' }).click();
      await expectRoute(page, '/dashboard', 'the dashboard opens for the signed-in user');
      assert.equal(await page.locator('.dashboard .user-email').textContent(), email);

      assert.deepEqual(problems, []);
    },
    allowed,
  );
});
