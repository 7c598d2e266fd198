// End-to-end: the Angular demo app (demo/angular, built into demo/apps/angular) driven in headless Chromium
// against the real built server, which serves the app and the FAPI on one origin under the strict CSP.
// Needs `node scripts/build.mjs` and the app's build first:
//   cd demo/angular && npm install && npx ng build
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, uniqueEmail, useDemoSuite } from '../support/e2e-harness.ts';
import type { Locator, Page } from 'playwright-core';

const APP_DIR = join(ROOT, 'demo/apps/angular');
const PASSWORD = 'juniper-Lantern-quartz-58';

const suite = useDemoSuite('angular', {
  ready: () =>
    assert.ok(
      existsSync(join(APP_DIR, 'index.html')) && readdirSync(APP_DIR).some((f) => /^main-.*\.js$/.test(f)),
      `the Angular app is not built into ${APP_DIR}: run \`npm install && npx ng build\` in demo/angular first`,
    ),
});
const withBrowser = suite.session;
const outboxCode = suite.outboxCode;

/** The app's route from the URL's hash: `#/dashboard` → `/dashboard`. */
const route = (page: Page) => new URL(page.url()).hash.replace(/^#/, '');

async function waitForRoute(page: Page, path: string): Promise<void> {
  await page.waitForURL((u) => u.hash.replace(/^#/, '').split('?')[0] === path, { timeout: 10_000 });
}

const header = (page: Page): Locator => page.locator('header.topbar');
const userButton = (page: Page): Locator => header(page).locator('clerk-user-button');
const userTrigger = (page: Page): Locator => userButton(page).getByRole('button', { name: /^Open user menu/ });

/** Signs a new account up on `#/sign-up`; `code` reads the emailed code. Ends on the dashboard. */
async function signUp(page: Page, email: string, code: () => Promise<string>, names: { first?: string; last?: string } = {}): Promise<void> {
  await page.goto(`${suite.appUrl}#/sign-up`);
  const form = page.locator('clerk-sign-up');
  await form.getByRole('heading', { name: 'Create your account' }).waitFor();
  if (names.first) await form.getByLabel('First name').fill(names.first);
  if (names.last) await form.getByLabel('Last name').fill(names.last);
  await form.getByLabel('Email address').fill(email);
  await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('heading', { name: 'Verify your email' }).waitFor();
  // Six digits submit the code by themselves.
  await form.getByLabel('Verification code').fill(await code());
  await waitForRoute(page, '/dashboard');
  await page.locator('.user-email').filter({ hasText: email }).waitFor();
}

async function signOutWithUserButton(page: Page): Promise<void> {
  await userTrigger(page).click();
  const menu = userButton(page).getByRole('menu');
  await menu.waitFor();
  await menu.getByRole('menuitem', { name: 'Sign out' }).click();
  await header(page).getByRole('link', { name: 'Sign in', exact: true }).waitFor();
  await userButton(page).getByRole('button').waitFor({ state: 'detached' });
}

// ---------------------------------------------------------------------------------------------
// Tests

test('the Angular app loads under the strict CSP, defines the elements and guards the dashboard', { timeout: 60_000 }, async () => {
  await withBrowser('load', async ({ page, problems }) => {
    const res = await page.goto(suite.appUrl);
    assert.ok(res, `no response for ${suite.appUrl}`);
    assert.equal(res.status(), 200);
    const csp = res.headers()['content-security-policy'] ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'"]) {
      assert.ok(csp.includes(directive), `the app's CSP lacks ${directive}: ${csp}`);
    }
    await page.getByRole('heading', { name: /Auth UI as Web Components/ }).waitFor();
    // Signed out: the header offers sign-in and sign-up, and shows no user button.
    await header(page).getByRole('link', { name: 'Sign up', exact: true }).waitFor();
    assert.equal(await userButton(page).getByRole('button').count(), 0, 'no user button while signed out');
    // A way back to the landing page with every demo, as the Vue and Svelte apps have.
    assert.equal(await page.locator('footer').getByRole('link', { name: 'All demos' }).getAttribute('href'), '/');

    const facts = await page.evaluate(() => ({
      angular: document.querySelector('app-root')?.getAttribute('ng-version')?.split('.')[0],
      defined: [
        'clerk-sign-in',
        'clerk-sign-up',
        'clerk-user-button',
        'clerk-waitlist',
        'clerk-protect',
        'clerk-signed-in',
        'clerk-signed-out',
        'clerk-modal',
      ].filter((tag) => !customElements.get(tag)),
      windowClerk: typeof (window as unknown as { Clerk?: { loaded?: boolean } }).Clerk?.loaded,
      inlineScripts: document.querySelectorAll('script:not([src])').length,
      styleElements: document.querySelectorAll('style').length,
      styleAttributes: document.querySelectorAll('[style]').length,
      inlineHandlers: Array.from(document.querySelectorAll('*')).filter((el) => Array.from(el.attributes).some((a) => a.name.startsWith('on'))).length,
    }));
    assert.deepEqual(facts, { angular: '21', defined: [], windowClerk: 'boolean', inlineScripts: 0, styleElements: 0, styleAttributes: 0, inlineHandlers: 0 });

    // The route guard: the dashboard sends a signed-out visitor to sign-in, remembering where they were going.
    await page.goto(`${suite.appUrl}#/dashboard`);
    await waitForRoute(page, '/sign-in');
    assert.equal(route(page), '/sign-in?redirect=%2Fdashboard');
    const signIn = page.locator('clerk-sign-in');
    await signIn.getByRole('heading', { name: /^Sign in to / }).waitFor();
    assert.equal(await signIn.getAttribute('routing'), 'virtual');
    // `[appearance]` is a property binding: its borderRadius (0.75rem; the card rounds 1.5 times that) reached the
    // card in the element's shadow root, where the default is 0.5rem.
    const radius = await signIn.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('[part~=card]')!).borderTopLeftRadius);
    assert.equal(radius, '18px', 'appearance.variables.borderRadius applies to the card');
    // The element's "Sign up" link stays inside the app's hash routes.
    await signIn.getByRole('link', { name: 'Sign up' }).click();
    await waitForRoute(page, '/sign-up');
    await page.locator('clerk-sign-up').getByRole('heading', { name: 'Create your account' }).waitFor();
    assert.deepEqual(problems, []);
  });
});

test('sign up with an emailed code, user button, sign out, sign in with the password, protected content, waitlist', { timeout: 120_000 }, async () => {
  await withBrowser('flow', async ({ page, problems }) => {
    const email = uniqueEmail('e2e-angular');

    // Sign up: the code comes from the dev outbox; (clerk-sign-up) routes to the dashboard.
    await signUp(page, email, () => outboxCode(page, email), { first: 'Grace', last: 'Hopper' });
    assert.equal(route(page), '/dashboard');
    const dashboard = page.locator('section.page');
    await dashboard.getByRole('heading', { name: 'Dashboard' }).waitFor();
    assert.match((await dashboard.locator('.facts').textContent()) ?? '', /Grace Hopper[\s\S]*user_[\s\S]*sess_/);

    // The user button shows the name (show-name) and opens its menu with the account.
    const trigger = userTrigger(page);
    await trigger.waitFor();
    assert.match((await trigger.textContent()) ?? '', /Grace Hopper/);
    assert.equal(await header(page).getByRole('link', { name: 'Sign in', exact: true }).count(), 0, 'no sign-in link while signed in');
    await trigger.click();
    const menu = userButton(page).getByRole('menu');
    await menu.waitFor();
    assert.equal(await trigger.getAttribute('aria-expanded'), 'true');
    assert.match((await userButton(page).locator('[part~=user-preview]').textContent()) ?? '', new RegExp(email.replace(/[.+]/g, '\\$&')));
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    // Sign out from the menu: Clerk navigates through the app's router to the signed-out home page.
    await signOutWithUserButton(page);
    await waitForRoute(page, '/');
    await page.getByRole('button', { name: 'Sign in in a modal' }).waitFor();
    const client = (await (await page.request.get(`${suite.url}/v1/client`)).json()) as { response: { sessions: unknown[] } | null };
    assert.deepEqual(client.response?.sessions ?? [], [], 'the server has no live session for this browser after signing out');

    // The guard sends the dashboard to sign-in; the password signs in and (clerk-sign-in) routes back.
    await page.goto(`${suite.appUrl}#/dashboard`);
    await waitForRoute(page, '/sign-in');
    const signIn = page.locator('clerk-sign-in');
    await signIn.getByLabel('Email address or username').fill(email);
    await signIn.getByRole('button', { name: 'Continue' }).click();
    await signIn.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await signIn.getByRole('button', { name: 'Continue' }).click();
    await waitForRoute(page, '/dashboard');
    await page.locator('.user-email').filter({ hasText: email }).waitFor();

    // <clerk-protect>: the content for a signed-in user, the fallback slot for a role the user lacks.
    const [signedInOnly, adminsOnly] = [page.locator('clerk-protect').nth(0), page.locator('clerk-protect').nth(1)];
    await signedInOnly.getByText('Only signed-in users see this').waitFor();
    assert.equal(await signedInOnly.getByText('Sign in to see this.').isVisible(), false);
    await adminsOnly.getByText(/You are not an org:admin/).waitFor();
    assert.equal(await adminsOnly.getByText('Admin tools would go here.').isVisible(), false);

    // The HttpOnly client cookie and the app initializer keep the user on the guarded page across a reload.
    await page.reload();
    await page.locator('.user-email').filter({ hasText: email }).waitFor();
    assert.equal(route(page), '/dashboard');

    // The waitlist.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Waitlist' }).click();
    await waitForRoute(page, '/waitlist');
    const waitlist = page.locator('clerk-waitlist');
    await waitlist.getByLabel('Email address').fill(uniqueEmail('e2e-angular-waitlist'));
    await waitlist.getByRole('button', { name: 'Join the waitlist' }).click();
    await waitlist.getByRole('heading', { name: 'Thanks for joining the waitlist!' }).waitFor();
    await waitlist.getByRole('status').filter({ hasText: "You're on the list" }).waitFor();

    // "Manage account" in the user button opens <clerk-user-profile> in a modal, with the account's email.
    await userTrigger(page).click();
    await userButton(page).getByRole('menuitem', { name: 'Manage account' }).click();
    const profile = page.locator('clerk-modal clerk-user-profile');
    await profile.getByRole('heading', { name: 'Profile details' }).waitFor();
    await profile.getByText(email).first().waitFor();
    await page.keyboard.press('Escape');
    await profile.waitFor({ state: 'hidden' });

    assert.deepEqual(problems, []);
  });
});

test('clerk.openSignIn() opens sign-in in a modal dialog that closes once the user is signed in', { timeout: 90_000 }, async () => {
  await withBrowser('modal', async ({ page, problems }) => {
    // An account to sign in with: a +clerk_test address takes the fixed test code.
    const email = uniqueEmail('e2e-angular-modal', '+clerk_test');
    await signUp(page, email, async () => '424242');
    await signOutWithUserButton(page);

    // The modal's "Sign up" link switches the modal to sign-up, and "Sign in" back, without leaving the page.
    await page.getByRole('button', { name: 'Sign in in a modal' }).click();
    await page.locator('clerk-modal > clerk-sign-in').getByRole('link', { name: 'Sign up' }).click();
    await page.getByRole('dialog', { name: 'Create your account' }).waitFor();
    assert.equal(route(page), '/', 'the modal stays on the page');
    await page.locator('clerk-modal > clerk-sign-up').getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('dialog', { name: /^Sign in to / }).waitFor();
    // The element is the modal's light-DOM child, slotted into the <dialog> in its shadow root.
    const modalSignIn = page.locator('clerk-modal > clerk-sign-in');
    await modalSignIn.getByRole('heading', { name: /^Sign in to / }).waitFor();
    assert.equal(await page.locator('clerk-modal').count(), 1);
    await modalSignIn.getByLabel('Email address or username').fill(email);
    await modalSignIn.getByRole('button', { name: 'Continue' }).click();
    await modalSignIn.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await modalSignIn.getByRole('button', { name: 'Continue' }).click();

    // Signed in: the modal is gone, the header has the user button and the home page greets the user.
    await page.locator('clerk-modal').waitFor({ state: 'detached' });
    await userTrigger(page).waitFor();
    await page.getByText('Welcome back,').waitFor();
    assert.equal(route(page), '/', 'the modal sign-in leaves the page where it was');

    // Esc closes a modal too, and the app's routes stay usable.
    await page.evaluate(() => (window as unknown as { Clerk: { openWaitlist(): void } }).Clerk.openWaitlist());
    await page.locator('clerk-modal > clerk-waitlist').getByRole('heading', { name: 'Join the waitlist' }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('clerk-modal').waitFor({ state: 'detached' });

    assert.deepEqual(problems, []);
  });
});
