// First-use defects found walking through the demo apps, each pinned in Chromium against the real server: no second
// submit while one is in flight (Enter pressed again, a code that submitted itself, a double click), "Use another
// method" as a list, the resend countdown, the lockout's duration, the name row with a long error, field labels in
// server messages, input limits, the password rule shown once, and the modal (close button, name, focus, switching).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Request } from 'playwright-core';
import { createUser, outboxCode, PASSWORD, uniqueEmail, useHarness, withTab, type Harness } from '../support/browser-harness.ts';
import { defined, writePage } from '../support/ui-page.ts';

/** Every FAPI write the page sends from now on, as "VERB /path" with its form body. */
function recordWrites(p: Page): Array<{ call: string; body: URLSearchParams }> {
  const writes: Array<{ call: string; body: URLSearchParams }> = [];
  p.on('request', (r: Request) => {
    const u = new URL(r.url());
    if (!u.pathname.startsWith('/v1/') || u.pathname.startsWith('/v1/dev/') || r.method() === 'GET') return;
    const verb = u.searchParams.get('_method') ?? r.method();
    if (verb === 'GET') return;
    writes.push({ call: `${verb} ${u.pathname.replace(/\/(sia|sua|sess)_\w+/, '/$1_…')}`, body: new URLSearchParams(r.postData() ?? '') });
  });
  return writes;
}

const count = (writes: Array<{ call: string }>, suffix: string) => writes.filter((w) => w.call.endsWith(suffix)).length;

/** Lets every request the page started reach the server and come back (the UI settles on its answer). */
async function settle(p: Page): Promise<void> {
  await p.waitForFunction(() => !document.querySelector('clerk-sign-in:state(loading), clerk-sign-up:state(loading)'));
  await p.evaluate(() => new Promise((r) => setTimeout(r, 150)));
}

async function toPasswordStep(p: Page, url: string, email: string): Promise<void> {
  await p.goto(url);
  await p.getByLabel('Email address or username').fill(email);
  await p.keyboard.press('Enter');
  await p.getByLabel('Password', { exact: true }).waitFor();
}

describe('no second submit while one is in flight', () => {
  const harness = useHarness();

  test('Enter pressed several times fast, again right after the answer, and a double click each send one attempt', async () => {
    const h = harness();
    const user = await createUser(h);
    const url = writePage(h, 'twice-password', '<main><clerk-sign-in routing="virtual"></clerk-sign-in></main>');
    await withTab(h, 'twice-password', async ({ page: p }) => {
      await toPasswordStep(p, url, user.email);
      const writes = recordWrites(p);
      await p.getByLabel('Password', { exact: true }).fill('not-the-password');
      await Promise.all([p.keyboard.press('Enter'), p.keyboard.press('Enter'), p.keyboard.press('Enter'), p.keyboard.press('Enter')]);
      await p.locator('clerk-sign-in .cl-error').waitFor();
      // Pressed as the error appears: still the same wrong password, so nothing is sent.
      await p.keyboard.press('Enter');
      await p.keyboard.press('Enter');
      await settle(p);
      assert.equal(count(writes, '/attempt_first_factor'), 1, writes.map((w) => w.call).join(', '));
      assert.match((await p.locator('clerk-sign-in .cl-error').textContent()) ?? '', /Password is incorrect/);
      // An edit makes Enter submit again; a double click on the button submits once.
      await p.getByLabel('Password', { exact: true }).fill('still-not-it');
      await p.keyboard.press('Enter');
      await settle(p);
      assert.equal(count(writes, '/attempt_first_factor'), 2);
      await p.getByLabel('Password', { exact: true }).fill('wrong-once-more');
      await p.getByRole('button', { name: 'Continue' }).dblclick();
      await settle(p);
      assert.equal(count(writes, '/attempt_first_factor'), 3, writes.map((w) => w.call).join(', '));
    });
  });

  test('forgot password: the code submits itself, an Enter with it and one on the new step send no empty reset_password', async () => {
    const h = harness();
    const email = uniqueEmail('twice-reset');
    await createUser(h, email, PASSWORD);
    const url = writePage(h, 'twice-reset', '<main><clerk-sign-in routing="virtual"></clerk-sign-in></main>');
    await withTab(h, 'twice-reset', async ({ page: p }) => {
      await toPasswordStep(p, url, email);
      await p.getByRole('button', { name: 'Forgot password?' }).click();
      const code = p.getByLabel('Reset password code');
      await code.waitFor();
      const writes = recordWrites(p);
      await code.fill(await outboxCode(h, email));
      await p.keyboard.press('Enter');
      await p.getByLabel('New password').waitFor();
      // The Enter meant for the code lands on the new step, whose fields are still empty.
      await p.keyboard.press('Enter');
      await p.keyboard.press('Enter');
      await settle(p);
      assert.equal(count(writes, '/attempt_first_factor'), 1, writes.map((w) => w.call).join(', '));
      assert.equal(count(writes, '/reset_password'), 0, 'no reset_password without a password');
      assert.equal(await p.locator('clerk-sign-in .cl-error, clerk-sign-in .cl-form-error').count(), 0);
      await p.getByLabel('New password').fill('a-Brand-new-pass-55');
      await p.getByLabel('Confirm password').fill('a-Brand-new-pass-55');
      await p.keyboard.press('Enter');
      await p.waitForFunction(() => !!window.Clerk?.user);
      const resets = writes.filter((w) => w.call.endsWith('/reset_password'));
      assert.equal(resets.length, 1);
      assert.equal(resets[0]!.body.get('password'), 'a-Brand-new-pass-55');
    });
  });

  test('sign-up: a wrong code that submitted itself, then Enter, is one attempt and keeps "Incorrect code"', async () => {
    const h = harness();
    const url = writePage(h, 'twice-sign-up', '<main><clerk-sign-up routing="virtual"></clerk-sign-up></main>');
    await withTab(h, 'twice-sign-up', async ({ page: p }) => {
      await p.goto(url);
      await p.getByLabel('Email address').fill(uniqueEmail('twice-su'));
      await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await p.keyboard.press('Enter');
      const code = p.getByLabel('Verification code');
      await code.waitFor();
      const writes = recordWrites(p);
      await code.fill('000000');
      await p.keyboard.press('Enter');
      await p.locator('clerk-sign-up .cl-error').waitFor();
      await p.keyboard.press('Enter');
      await settle(p);
      assert.equal(count(writes, '/attempt_verification'), 1, writes.map((w) => w.call).join(', '));
      assert.match((await p.locator('clerk-sign-up .cl-error').textContent()) ?? '', /Incorrect code/);
      assert.doesNotMatch((await p.locator('clerk-sign-up').textContent()) ?? '', /This field is required/);
    });
  });
});

describe('sign-in: other methods, resend countdown', () => {
  const harness = useHarness();

  test('"Use another method" lists the other first factors; each one can be picked', async () => {
    const h = harness();
    const user = await createUser(h);
    const url = writePage(h, 'methods', '<main><clerk-sign-in routing="virtual"></clerk-sign-in></main>');
    await withTab(h, 'methods', async ({ page: p }) => {
      await toPasswordStep(p, url, user.email);
      const writes = recordWrites(p);
      await p.getByRole('button', { name: 'Use another method' }).click();
      await p.getByRole('heading', { name: 'Use another method' }).waitFor();
      const methods = p.locator('clerk-sign-in .cl-methods button');
      assert.deepEqual(await methods.allTextContents().then((t) => t.map((s) => s.trim())), [`Email code to ${user.email}`]);
      assert.equal(writes.length, 0, 'showing the list sends nothing');
      assert.equal(await p.evaluate(() => document.activeElement?.classList.contains('cl-method')), true, 'focus is on the first method');
      // Back returns to the password; the list again, then the email code.
      await p.getByRole('button', { name: 'Back' }).click();
      await p.getByLabel('Password', { exact: true }).waitFor();
      await p.getByRole('button', { name: 'Use another method' }).click();
      await p.getByRole('button', { name: `Email code to ${user.email}` }).click();
      await p.getByLabel('Verification code').waitFor();
      assert.equal(count(writes, '/prepare_first_factor'), 1);
      // From the code step, the password is the other method.
      await p.getByRole('button', { name: 'Use another method' }).click();
      await p.getByRole('button', { name: 'Sign in with your password' }).click();
      await p.getByLabel('Password', { exact: true }).fill(user.password);
      await p.keyboard.press('Enter');
      await p.waitForFunction(() => !!window.Clerk?.user);
    });
  });

  test('"Resend" counts down from 30, disabled, on the email code, reset-code and sign-up steps; at 0 it sends again', async () => {
    const h = harness();
    const user = await createUser(h);
    const url = writePage(h, 'resend', '<main><clerk-sign-in routing="virtual"></clerk-sign-in></main>');
    const signUpUrl = writePage(h, 'resend-sign-up', '<main><clerk-sign-up routing="virtual"></clerk-sign-up></main>');
    await withTab(h, 'resend', async ({ page: p }) => {
      await p.clock.install();
      await toPasswordStep(p, url, user.email);
      await p.getByRole('button', { name: 'Forgot password?' }).click();
      await p.getByLabel('Reset password code').waitFor();
      const resend = p.locator('clerk-sign-in .cl-resend');
      assert.match((await resend.textContent()) ?? '', /^\s*Didn't receive a code\? Resend \((30|29)\)\s*$/);
      assert.equal(await resend.isDisabled(), true);
      await p.getByRole('button', { name: 'Back' }).click();
      await toPasswordStep(p, url, user.email);
      await p.getByRole('button', { name: 'Use another method' }).click();
      await p.getByRole('button', { name: `Email code to ${user.email}` }).click();
      await p.getByLabel('Verification code').waitFor();
      assert.match((await resend.textContent()) ?? '', /Resend \((30|29)\)/);
      assert.equal(await resend.isDisabled(), true);
      const writes = recordWrites(p);
      await p.clock.fastForward(12_000);
      await p.waitForFunction(() => /Resend \(1[78]\)/.test(document.querySelector('clerk-sign-in .cl-resend')?.textContent ?? ''));
      await p.clock.fastForward(20_000);
      await p.waitForFunction(() => /Resend\s*$/.test(document.querySelector('clerk-sign-in .cl-resend')?.textContent ?? ''));
      assert.equal(await resend.isDisabled(), false);
      await resend.click();
      await p.waitForFunction(() => /Resend \((30|29)\)/.test(document.querySelector('clerk-sign-in .cl-resend')?.textContent ?? ''));
      assert.equal(count(writes, '/prepare_first_factor'), 1, 'one new code');
      // The sign-up's verification step has the same countdown.
      await p.goto(signUpUrl);
      await p.getByLabel('Email address').fill(uniqueEmail('resend-su'));
      await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await p.keyboard.press('Enter');
      await p.getByLabel('Verification code').waitFor();
      const again = p.locator('clerk-sign-up .cl-resend');
      assert.match((await again.textContent()) ?? '', /Didn't receive a code\? Resend \((30|29)\)/);
      assert.equal(await again.isDisabled(), true);
    });
  });
});

describe('sign-in: a locked account says for how long', () => {
  const harness = useHarness({ LOCKOUT_MAX_ATTEMPTS: '2', LOCKOUT_DURATION_MINUTES: '15' });

  test('the lockout message names the minutes from meta.lockout_expires_in_seconds', async () => {
    const h = harness();
    const user = await createUser(h);
    const url = writePage(h, 'locked', '<main><clerk-sign-in routing="virtual"></clerk-sign-in></main>');
    await withTab(h, 'locked', async ({ page: p }) => {
      await toPasswordStep(p, url, user.email);
      for (const wrong of ['wrong-one-1', 'wrong-two-2', 'wrong-three-3']) {
        await p.getByLabel('Password', { exact: true }).fill(wrong);
        await p.keyboard.press('Enter');
        await settle(p);
      }
      const alert = p.locator('clerk-sign-in .cl-form-error');
      await alert.waitFor();
      assert.equal((await alert.textContent())?.trim(), 'Your account is locked. Try again in 15 minutes.');
    });
  });
});

async function signUpPage(h: Harness, name: string, values: Record<string, string> = {}): Promise<string> {
  return writePage(
    h,
    name,
    '<main class="narrow"><clerk-sign-up routing="virtual"></clerk-sign-up></main>',
    `document.addEventListener('DOMContentLoaded', () => { document.querySelector('clerk-sign-up').initialValues = ${JSON.stringify(values)}; });`,
  );
}

describe('sign-up: name row, field labels in messages, limits, the password rule once', () => {
  const harness = useHarness();

  test('a long error under Last name wraps in its column; the message names the label; inputs carry the server limits', async () => {
    const h = harness();
    const url = await signUpPage(h, 'long-name', { firstName: 'Ada', lastName: 'L'.repeat(300) });
    await withTab(h, 'long-name', async ({ page: p }) => {
      await p.setViewportSize({ width: 720, height: 900 });
      await p.goto(url);
      const first = p.getByLabel('First name');
      await first.waitFor();
      const limits = await p.evaluate(() =>
        Object.fromEntries([...document.querySelectorAll<HTMLInputElement>('clerk-sign-up input')].map((i) => [i.name, i.maxLength])),
      );
      assert.deepEqual(limits, { firstName: 256, lastName: 256, username: 256, emailAddress: 320, password: 1024 });
      const before = await first.boundingBox();
      await p.getByLabel('Email address').fill(uniqueEmail('long-name'));
      await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await p.getByRole('button', { name: 'Continue' }).click();
      const error = p.locator('clerk-sign-up .cl-field:has(input[name=lastName]) .cl-error');
      await error.waitFor();
      assert.equal((await error.textContent())?.trim(), 'Last name must be at most 256 characters long.');
      const [after, last, errBox] = await Promise.all([first.boundingBox(), p.getByLabel('Last name').boundingBox(), error.boundingBox()]);
      assert.ok(before && after && last && errBox);
      assert.deepEqual(after, before, 'the First name input keeps its size and place');
      assert.ok(Math.abs(after.width - last.width) < 1, `two equal columns: ${after.width} vs ${last.width}`);
      assert.ok(errBox.x >= last.x - 0.5 && errBox.x + errBox.width <= last.x + last.width + 0.5, 'the error stays under its own field');
    });
  });

  test("a 5-character password shows its rule once: the error takes the hint's place", async () => {
    const h = harness();
    const url = await signUpPage(h, 'short-password');
    await withTab(h, 'short-password', async ({ page: p }) => {
      await p.goto(url);
      const password = p.getByLabel('Password', { exact: true });
      await password.waitFor();
      const field = p.locator('clerk-sign-up .cl-field:has(input[name=password])');
      assert.match((await field.locator('.cl-hint').textContent()) ?? '', /8 or more characters/);
      await p.getByLabel('Email address').fill(uniqueEmail('short'));
      await password.fill('abcde');
      await p.keyboard.press('Enter');
      await field.locator('.cl-error').waitFor();
      assert.equal(await field.locator('.cl-hint').count(), 0);
      const text = (await field.textContent()) ?? '';
      assert.equal(text.match(/8 (or more )?characters/g)?.length, 1, text);
      assert.equal(await password.getAttribute('aria-describedby'), await field.locator('.cl-error').getAttribute('id'));
      // An error that does not state the rule keeps it: an emptied password is "required", and the rule stays.
      await password.fill('');
      await p.keyboard.press('Enter');
      await p.waitForFunction(() => /required/.test(document.querySelector('clerk-sign-up .cl-field:has(input[name=password]) .cl-error')?.textContent ?? ''));
      assert.match((await field.locator('.cl-hint').textContent()) ?? '', /8 or more characters/);
    });
  });
});

describe('modal: close button, name, focus, sign-in ⇄ sign-up', () => {
  const harness = useHarness();

  test('Clerk.openSignIn(): labelled by the title, focus on the first field, a localized close button, switching flows in place', async () => {
    const h = harness();
    const url = writePage(h, 'modal-first-use', '<main><button id="open" type="button">Open</button></main>');
    await withTab(h, 'modal-first-use', async ({ page: p }) => {
      await p.goto(url);
      await p.evaluate(() => window.Clerk!.load());
      await p.click('#open');
      // A fresh page: the modal and sign-in chunks load only now, as in the Vue app.
      await p.evaluate(() => window.Clerk!.openSignIn());
      await p.getByRole('dialog', { name: 'Sign in to clerk-wc' }).waitFor();
      await p.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'identifier');
      const close = p.getByRole('button', { name: 'Close modal' });
      assert.equal(await close.count(), 1);
      const before = p.url();
      await p.locator('clerk-modal clerk-sign-in').getByRole('link', { name: 'Sign up' }).click();
      await p.getByRole('dialog', { name: 'Create your account' }).waitFor();
      // The close button sits in the card's corner, inside it.
      const [cardBox, closeBox] = await Promise.all([p.locator('clerk-modal clerk-sign-up').boundingBox(), close.boundingBox()]);
      assert.ok(cardBox && closeBox && closeBox.x + closeBox.width <= cardBox.x + cardBox.width && closeBox.y >= cardBox.y, 'the close button is on the card');
      await p.waitForFunction(() => document.activeElement?.closest('clerk-sign-up') !== null && document.activeElement?.localName === 'input');
      assert.equal(p.url(), before, 'the page stays where it is');
      assert.equal(await p.locator('clerk-modal').getAttribute('data-component'), 'clerk-sign-up');
      await p.locator('clerk-modal clerk-sign-up').getByRole('link', { name: 'Sign in' }).click();
      await p.getByRole('dialog', { name: 'Sign in to clerk-wc' }).waitFor();
      await close.click();
      await p.locator('clerk-modal').waitFor({ state: 'detached' });
      assert.equal(await p.evaluate(() => document.activeElement?.id), 'open', 'focus returns');
      // The close button's label comes from the localization.
      await p.evaluate(() => window.Clerk!.load({ localization: { modalCloseButton: 'Fermer' } } as never));
      await p.evaluate(() => window.Clerk!.openSignUp());
      await defined(p, 'clerk-modal', 'clerk-sign-up');
      await p.getByRole('button', { name: 'Fermer' }).click();
      await p.locator('clerk-modal').waitFor({ state: 'detached' });
    });
  });
});
