// <clerk-sign-up> in Chromium against the real built server: fields from the environment, accessibility, the
// email-code flow, errors on their fields, keyboard, paste, the mount API, redirects, waitlist and restricted
// modes, and screenshots in light and dark. Pages load the bundle as a site does, from the FAPI's /npm/ path.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createUser, launchBrowser, outboxCode, PASSWORD, startServer, uniqueEmail, withTab, writePage, type Server } from '../support/sign-up-harness.ts';
import { useHarness as useCoreHarness, withTab as coreWithTab } from '../support/browser-harness.ts';

const SHOTS = '/tmp/shots';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 AA and best-practice violations (injected through the DevTools protocol, which the CSP does not block). */
async function axeViolations(p: Page): Promise<string[]> {
  await p.evaluate(AXE);
  return p.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }> };
      }
    ).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] } });
    return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

type TestWindow = Window & { signUps: Array<{ sessionId: string; userId: string }>; clerkErrors: string[] };

/** Records `clerk-sign-up` (cancelled unless the page says `?redirect`) and `clerk-error`; sets unsafeMetadata before the element upgrades. */
const PAGE_JS = `window.signUps = [];
window.clerkErrors = [];
document.addEventListener('clerk-sign-up', (e) => {
  window.signUps.push(e.detail);
  if (!location.search.includes('redirect')) e.preventDefault();
});
document.addEventListener('clerk-error', (e) => window.clerkErrors.push(e.detail.error.errors?.[0]?.code ?? String(e.detail.error)));
document.addEventListener('DOMContentLoaded', () => {
  document.querySelector('clerk-sign-up').unsafeMetadata = { plan: 'pro' };
});
`;

interface FieldInfo {
  name: string;
  type: string;
  autocomplete: string | null;
  label: string;
  optional: string | null;
  required: boolean;
  inLightDom: boolean;
}

/** The inputs the element drew, in order, with their label and "Optional" marker. */
function fields(p: Page): Promise<FieldInfo[]> {
  return p.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('clerk-sign-up input')].map((i) => ({
      name: i.name,
      type: i.type,
      autocomplete: i.getAttribute('autocomplete'),
      label: [...(i.labels ?? [])].map((l) => l.textContent?.trim() ?? '').join('|'),
      optional: i.closest('.cl-field')?.querySelector('.cl-optional')?.textContent?.trim() ?? null,
      required: i.required,
      inLightDom: i.getRootNode() === document,
    })),
  );
}

/** The texts an input's aria-describedby points at. */
function describedBy(p: Page, label: string, exact = false): Promise<string[]> {
  return p.getByLabel(label, { exact }).evaluate((i) =>
    (i.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? `missing #${id}`),
  );
}

function focused(p: Page): Promise<string | null> {
  return p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? null);
}

function signUps(p: Page): Promise<TestWindow['signUps']> {
  return p.evaluate(() => (window as unknown as TestWindow).signUps);
}

async function fillStart(p: Page, v: { firstName?: string; email?: string; password?: string }): Promise<void> {
  if (v.firstName) await p.getByLabel('First name').fill(v.firstName);
  if (v.email) await p.getByLabel('Email address').fill(v.email);
  if (v.password) await p.getByLabel('Password', { exact: true }).fill(v.password);
}

/** Fills the start step with a fresh address and submits it; returns at the code step with the address. */
async function toCodeStep(p: Page, tag: string): Promise<string> {
  const email = uniqueEmail(tag);
  await fillStart(p, { email, password: PASSWORD });
  await p.getByRole('button', { name: 'Continue' }).click();
  await p.getByLabel('Verification code').waitFor();
  return email;
}

function wrongCode(code: string): string {
  return `${(Number(code[0]) + 1) % 10}${code.slice(1)}`;
}

describe('<clerk-sign-up>', () => {
  let s: Server;
  let browser: Browser;
  let url: string;
  const extra: Server[] = [];

  before(async () => {
    [s, browser] = await Promise.all([startServer(), launchBrowser()]);
    url = writePage(s, 'sign-up', '<main><clerk-sign-up routing="virtual"></clerk-sign-up></main>', PAGE_JS);
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await Promise.all([s, ...extra].map((x) => x?.stop()));
  });

  /** Another server (own data and static folder) with `env`; stopped with the suite. */
  async function otherServer(env: Record<string, string>): Promise<Server> {
    const other = await startServer(env);
    extra.push(other);
    return other;
  }

  describe('defaults', () => {
    test('the default instance: names, username, email, password in the light DOM, with their autocomplete tokens, optional ones marked', async () => {
      await withTab(browser, s, 'defaults', async ({ page: p, problems }) => {
        await p.goto(url);
        await p.getByLabel('Email address').waitFor();
        assert.deepEqual(await fields(p), [
          { name: 'firstName', type: 'text', autocomplete: 'given-name', label: 'First name', optional: 'Optional', required: false, inLightDom: true },
          { name: 'lastName', type: 'text', autocomplete: 'family-name', label: 'Last name', optional: 'Optional', required: false, inLightDom: true },
          { name: 'username', type: 'text', autocomplete: 'username', label: 'Username', optional: 'Optional', required: false, inLightDom: true },
          { name: 'emailAddress', type: 'email', autocomplete: 'email', label: 'Email address', optional: null, required: true, inLightDom: true },
          { name: 'password', type: 'password', autocomplete: 'new-password', label: 'Password', optional: null, required: true, inLightDom: true },
        ]);
        assert.equal(await p.getByRole('heading', { name: 'Create your account' }).count(), 1);
        assert.deepEqual(await describedBy(p, 'Password', true), ['Your password must contain 8 or more characters.']);
        const signIn = p.getByRole('link', { name: 'Sign in' });
        assert.match((await signIn.getAttribute('href')) ?? '', /\/sign-in\?redirect_url=/);
        assert.equal(
          await p.locator('clerk-sign-up').evaluate((el) => el.shadowRoot?.querySelector('footer')?.textContent?.replace(/\s+/g, ' ').trim()),
          'Already have an account? Sign in',
        );
        assert.deepEqual(
          await p.locator('clerk-sign-up button[type=submit]').evaluate((b) => b.getAttribute('part')),
          'button button-primary formButtonPrimary',
        );
        assert.equal(await p.locator('clerk-sign-up [style]').count(), 0, 'no inline style attributes');
        assert.deepEqual(problems, []);
      });
    });

    test('fields follow the environment: username required, names off, email optional, a 12-character password rule; no email means no code step', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'clerk-wc-sign-up-config-'));
      const config = join(dir, 'config.json');
      writeFileSync(
        config,
        JSON.stringify({ attributes: { username: 'required', first_name: 'off', last_name: 'off', email_address: 'on' }, password: { minLength: 12 } }),
      );
      try {
        const custom = await otherServer({ CLERK_WC_CONFIG: config });
        const page = writePage(custom, 'custom', '<main><clerk-sign-up routing="virtual"></clerk-sign-up></main>', PAGE_JS);
        await withTab(browser, custom, 'environment', async ({ page: p, calls }) => {
          await p.goto(page);
          await p.getByLabel('Username').waitFor();
          const got = await fields(p);
          assert.deepEqual(
            got.map((f) => [f.name, f.autocomplete, f.optional, f.required]),
            [
              ['username', 'username', null, true],
              ['emailAddress', 'email', 'Optional', false],
              ['password', 'new-password', null, true],
            ],
          );
          assert.deepEqual(await describedBy(p, 'Password', true), ['Your password must contain 12 or more characters.']);
          const username = `grace_${Date.now().toString(36)}`;
          await p.getByLabel('Username').fill(username);
          await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
          const from = calls.length;
          await p.getByRole('button', { name: 'Continue' }).click();
          await p.waitForFunction(() => (window as unknown as TestWindow).signUps.length > 0);
          assert.equal(await p.evaluate(() => window.Clerk?.user?.username), username);
          assert.deepEqual(
            calls.slice(from).map((c) => c.replace(/sess_\w+/, 'sess_…')),
            ['POST /v1/client/sign_ups', 'POST /v1/client/sessions/sess_…/touch'],
          );
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('initialValues prefill the fields', async () => {
      const page = writePage(
        s,
        'initial',
        '<main><clerk-sign-up routing="virtual"></clerk-sign-up></main>',
        `document.addEventListener('DOMContentLoaded', () => {
  document.querySelector('clerk-sign-up').initialValues = { emailAddress: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', username: 'ada_l' };
});`,
      );
      await withTab(browser, s, 'initial', async ({ page: p }) => {
        await p.goto(page);
        await p.getByLabel('Email address').waitFor();
        assert.equal(await p.getByLabel('Email address').inputValue(), 'ada@example.com');
        assert.equal(await p.getByLabel('First name').inputValue(), 'Ada');
        assert.equal(await p.getByLabel('Last name').inputValue(), 'Lovelace');
        assert.equal(await p.getByLabel('Username').inputValue(), 'ada_l');
      });
    });
  });

  describe('accessibility', () => {
    test('every input has exactly one label with text; the password rule is its description', async () => {
      await withTab(browser, s, 'a11y-labels', async ({ page: p }) => {
        await p.goto(url);
        await p.getByLabel('Email address').waitFor();
        const unlabelled = await p.evaluate(() =>
          [...document.querySelectorAll<HTMLInputElement>('clerk-sign-up input')]
            .filter((i) => i.labels?.length !== 1 || !i.labels[0]!.textContent?.trim())
            .map((i) => i.name),
        );
        assert.deepEqual(unlabelled, []);
        await toCodeStep(p, 'a11y');
        const code = p.getByLabel('Verification code');
        assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
        assert.equal(await code.getAttribute('inputmode'), 'numeric');
      });
    });

    test('an error is tied to its input (aria-invalid, aria-describedby) and focus moves to it, past the fields before it', async () => {
      const taken = await createUser(s);
      await withTab(browser, s, 'a11y-errors', async ({ page: p }) => {
        await p.goto(url);
        await fillStart(p, { firstName: 'Ada', email: taken, password: PASSWORD });
        await p.getByRole('button', { name: 'Continue' }).click();
        await p.waitForFunction(() => document.querySelector('clerk-sign-up input[name=emailAddress]')?.getAttribute('aria-invalid') === 'true');
        assert.deepEqual(await describedBy(p, 'Email address'), ['This email address is taken. Please try another.']);
        assert.equal(await focused(p), 'emailAddress', 'focus is on the field in error, not on the first field');
        const invalid = await p.evaluate(() => [...document.querySelectorAll('clerk-sign-up [aria-invalid=true]')].map((i) => (i as HTMLInputElement).name));
        assert.deepEqual(invalid, ['emailAddress']);
      });
    });

    test('focus moves to the code input when the code step opens, and back to the first field on "Back"', async () => {
      await withTab(browser, s, 'a11y-focus', async ({ page: p }) => {
        await p.goto(url);
        const email = await toCodeStep(p, 'focus');
        assert.equal(await focused(p), 'code');
        assert.equal(await p.getByRole('heading', { name: 'Verify your email' }).count(), 1);
        assert.match((await p.locator('clerk-sign-up .cl-identity').textContent()) ?? '', new RegExp(email.replace(/[.+]/g, '\\$&')));
        await p.getByRole('button', { name: 'Back' }).click();
        await p.getByLabel('First name').waitFor();
        assert.equal(await focused(p), 'firstName');
        assert.equal(await p.getByLabel('Email address').inputValue(), email, 'the values are kept');
      });
    });
  });

  describe('flow', () => {
    test('sign up with an address, the emailed code, then signed in: Clerk.user set, clerk-sign-up fired, four writes', async () => {
      await withTab(browser, s, 'flow', async ({ page: p, calls, bodies, problems }) => {
        await p.goto(url);
        await p.getByLabel('Email address').waitFor();
        const email = uniqueEmail('flow');
        await fillStart(p, { firstName: 'Ada', email, password: PASSWORD });
        const from = calls.length;
        await p.getByRole('button', { name: 'Continue' }).click();
        await p.getByLabel('Verification code').fill(await outboxCode(s, email));
        await p.waitForFunction(() => (window as unknown as TestWindow).signUps.length > 0);
        const state = await p.evaluate(() => ({
          userId: window.Clerk?.user?.id,
          sessionId: window.Clerk?.session?.id,
          email: window.Clerk?.user?.primaryEmailAddress?.emailAddress,
          firstName: window.Clerk?.user?.firstName,
          lastName: window.Clerk?.user?.lastName,
          unsafeMetadata: window.Clerk?.user?.unsafeMetadata,
        }));
        assert.equal(state.email, email);
        assert.equal(state.firstName, 'Ada');
        assert.equal(state.lastName, null);
        assert.deepEqual(state.unsafeMetadata, { plan: 'pro' });
        assert.deepEqual(await signUps(p), [{ sessionId: state.sessionId, userId: state.userId }]);
        assert.deepEqual(
          calls.slice(from).map((c) => c.replace(/sua_\w+/, 'sua_…').replace(/sess_\w+/, 'sess_…')),
          [
            'POST /v1/client/sign_ups',
            'POST /v1/client/sign_ups/sua_…/prepare_verification',
            'POST /v1/client/sign_ups/sua_…/attempt_verification',
            'POST /v1/client/sessions/sess_…/touch',
          ],
        );
        // Only the filled fields (and the metadata) are sent.
        const create = bodies.find((b) => b.call === 'POST /v1/client/sign_ups')!.body;
        assert.deepEqual([...create.keys()].sort(), ['email_address', 'first_name', 'password', 'unsafe_metadata']);
        assert.deepEqual(problems, []);
      });
    });

    test('without cancelling clerk-sign-up the element goes to fallback-redirect-url, signed in', async () => {
      writePage(s, 'done', '<main id="done">done</main>');
      const page = writePage(s, 'redirect', '<main><clerk-sign-up fallback-redirect-url="/done.html"></clerk-sign-up></main>', PAGE_JS);
      await withTab(browser, s, 'redirect', async ({ page: p, context }) => {
        await p.goto(`${page}?redirect`);
        const email = await toCodeStep(p, 'redirect');
        await p.getByLabel('Verification code').fill(await outboxCode(s, email));
        await p.waitForURL(/\/done\.html$/);
        // The done page has no element: it loads the client itself.
        await p.waitForFunction(() => !!window.Clerk);
        await p.evaluate(() => window.Clerk!.load());
        assert.equal(await p.evaluate(() => window.Clerk?.user?.primaryEmailAddress?.emailAddress), email);
        assert.ok((await context.cookies(s.url)).some((c) => c.name === '__session' && c.value));
      });
    });

    test('"Resend" mails a new code that works', async () => {
      await withTab(browser, s, 'resend', async ({ page: p }) => {
        await p.clock.install();
        await p.goto(url);
        const email = await toCodeStep(p, 'resend');
        const first = await outboxCode(s, email);
        // "Resend" waits 30 s after a code was sent (counted down on the button).
        await p.clock.fastForward(31_000);
        await p.getByRole('button', { name: "Didn't receive a code? Resend", exact: true }).click();
        let second = first;
        for (let i = 0; i < 50 && second === first; i++) {
          await p.waitForTimeout(100);
          second = await outboxCode(s, email);
        }
        assert.notEqual(second, first, 'a new code was mailed');
        assert.equal(await focused(p), 'code');
        await p.getByLabel('Verification code').fill(second);
        await p.waitForFunction(() => (window as unknown as TestWindow).signUps.length > 0);
        assert.equal(await p.evaluate(() => window.Clerk?.user?.primaryEmailAddress?.emailAddress), email);
      });
    });
  });

  describe('errors', () => {
    test('a taken address: the error sits under the email field and clerk-error fires', async () => {
      const taken = await createUser(s);
      await withTab(browser, s, 'taken', async ({ page: p }) => {
        await p.goto(url);
        await fillStart(p, { email: taken, password: PASSWORD });
        await p.getByRole('button', { name: 'Continue' }).click();
        const error = p.locator('clerk-sign-up .cl-error');
        await error.waitFor();
        assert.equal(await error.textContent(), 'This email address is taken. Please try another.');
        assert.equal(await error.evaluate((e) => e.closest('.cl-field')?.querySelector('input')?.name), 'emailAddress');
        assert.deepEqual(await p.evaluate(() => (window as unknown as TestWindow).clerkErrors), ['form_identifier_exists']);
        assert.equal(await p.getByLabel('Verification code').count(), 0);
      });
    });

    test("a short password: the error sits under the password and takes the rule's place (said once)", async () => {
      await withTab(browser, s, 'short', async ({ page: p }) => {
        await p.goto(url);
        await fillStart(p, { email: uniqueEmail('short'), password: 'Ab1-xy' });
        await p.getByRole('button', { name: 'Continue' }).click();
        await p.waitForFunction(() => document.querySelector('clerk-sign-up input[name=password]')?.getAttribute('aria-invalid') === 'true');
        assert.deepEqual(await describedBy(p, 'Password', true), ['Passwords must be 8 characters or more.']);
        assert.equal(await p.locator('clerk-sign-up .cl-hint').count(), 0);
        assert.equal(await p.getByLabel('Email address').getAttribute('aria-invalid'), 'false');
        assert.equal(await focused(p), 'password');
      });
    });

    test('empty required fields: "This field is required." under each, focus on the first, no request sent', async () => {
      await withTab(browser, s, 'empty', async ({ page: p, calls }) => {
        await p.goto(url);
        await p.getByLabel('Email address').waitFor();
        const before = calls.length;
        await p.getByLabel('First name').fill('Ada');
        await p.getByRole('button', { name: 'Continue' }).click();
        await p.waitForFunction(() => document.querySelector('clerk-sign-up input[name=emailAddress]')?.getAttribute('aria-invalid') === 'true');
        assert.deepEqual(await describedBy(p, 'Email address'), ['This field is required.']);
        assert.deepEqual(await describedBy(p, 'Password', true), ['This field is required.', 'Your password must contain 8 or more characters.']);
        assert.equal(await p.getByLabel('First name').getAttribute('aria-invalid'), 'false');
        assert.equal(await focused(p), 'emailAddress');
        assert.deepEqual(calls.slice(before), []);
      });
    });

    test('a malformed address: the server format error sits under the email field', async () => {
      await withTab(browser, s, 'malformed', async ({ page: p }) => {
        await p.goto(url);
        await fillStart(p, { email: 'not-an-address', password: PASSWORD });
        await p.getByRole('button', { name: 'Continue' }).click();
        await p.waitForFunction(() => document.querySelector('clerk-sign-up input[name=emailAddress]')?.getAttribute('aria-invalid') === 'true');
        assert.deepEqual(await describedBy(p, 'Email address'), ['The value entered is in an invalid format. Please check and correct it.']);
      });
    });

    test('a wrong code: "Incorrect code" under the code input, emptied and focused; the right one then works', async () => {
      await withTab(browser, s, 'wrong-code', async ({ page: p }) => {
        await p.goto(url);
        const email = await toCodeStep(p, 'wrong');
        const code = await outboxCode(s, email);
        const input = p.getByLabel('Verification code');
        await input.fill(wrongCode(code));
        await p.waitForFunction(() => document.querySelector('clerk-sign-up input[name=code]')?.getAttribute('aria-invalid') === 'true');
        assert.deepEqual(await describedBy(p, 'Verification code'), ['Incorrect code']);
        assert.equal(await input.inputValue(), '');
        assert.equal(await focused(p), 'code');
        assert.equal(await p.evaluate(() => window.Clerk?.user ?? null), null);
        await input.fill(code);
        await p.waitForFunction(() => (window as unknown as TestWindow).signUps.length > 0);
        assert.equal(await p.evaluate(() => window.Clerk?.user?.primaryEmailAddress?.emailAddress), email);
      });
    });
  });

  describe('keyboard', () => {
    test('Tab through the fields, Enter submits, typing six digits submits the code', async () => {
      await withTab(browser, s, 'keyboard', async ({ page: p }) => {
        await p.goto(url);
        const email = uniqueEmail('keys');
        const username = `kb_${Date.now().toString(36)}`;
        await p.getByLabel('First name').focus();
        for (const [i, text] of ['Grace', 'Hopper', username, email, PASSWORD].entries()) {
          if (i) await p.keyboard.press('Tab');
          await p.keyboard.type(text);
        }
        assert.equal(await focused(p), 'password');
        await p.keyboard.press('Enter');
        await p.getByLabel('Verification code').waitFor();
        assert.equal(await focused(p), 'code');
        await p.keyboard.type(await outboxCode(s, email));
        await p.waitForFunction(() => (window as unknown as TestWindow).signUps.length > 0);
        const user = await p.evaluate(() => ({
          first: window.Clerk?.user?.firstName,
          last: window.Clerk?.user?.lastName,
          username: window.Clerk?.user?.username,
        }));
        assert.deepEqual(user, { first: 'Grace', last: 'Hopper', username });
      });
    });
  });

  describe('paste', () => {
    test('pasting a whole code with text around it ("Your code: 123 456") fills the six digits and submits', async () => {
      await withTab(
        browser,
        s,
        'paste',
        async ({ page: p }) => {
          await p.goto(url);
          const email = await toCodeStep(p, 'paste');
          const code = await outboxCode(s, email);
          await p.evaluate((text) => navigator.clipboard.writeText(text), `Your code: ${code.slice(0, 3)} ${code.slice(3)}`);
          await p.getByLabel('Verification code').focus();
          await p.keyboard.press('ControlOrMeta+V');
          await p.waitForFunction(() => (window as unknown as TestWindow).signUps.length > 0);
          assert.equal(await p.evaluate(() => window.Clerk?.user?.primaryEmailAddress?.emailAddress), email);
        },
        { permissions: ['clipboard-read', 'clipboard-write'] },
      );
    });
  });

  describe('mount API', () => {
    test('Clerk.mountSignUp(div, props) renders the element with its props and loads only the sign-up chunk; unmountSignUp removes it', async () => {
      const page = writePage(
        s,
        'mount',
        '<main id="app"></main>',
        `window.addEventListener('load', async () => {
  await Clerk.load();
  const div = document.createElement('div');
  div.id = 'sign-up';
  document.getElementById('app').append(div);
  Clerk.mountSignUp(div, { routing: 'virtual', initialValues: { emailAddress: 'mounted@example.com' } });
});`,
      );
      await withTab(browser, s, 'mount', async ({ page: p, problems }) => {
        const scripts: string[] = [];
        p.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
        await p.goto(page);
        const email = p.locator('#sign-up clerk-sign-up input[name=emailAddress]');
        await email.waitFor();
        assert.equal(await email.inputValue(), 'mounted@example.com');
        assert.ok(
          scripts.some((x) => x.endsWith('/elements/sign-up.js')),
          scripts.join(', '),
        );
        assert.ok(!scripts.some((x) => /elements\/(sign-in|user-button)/.test(x)), `only sign-up's code: ${scripts.join(', ')}`);
        await p.evaluate(() => window.Clerk!.unmountSignUp(document.getElementById('sign-up')!));
        assert.equal(await p.locator('clerk-sign-up').count(), 0);
        assert.deepEqual(problems, []);
      });
    });
  });

  describe('waitlist and restricted modes', () => {
    test('waitlist mode: no form, the waitlist message, a link to the waitlist URL, the sign-in link', async () => {
      const w = await otherServer({ SIGN_UP_MODE: 'waitlist' });
      const page = writePage(w, 'waitlist', '<main><clerk-sign-up routing="virtual"></clerk-sign-up></main>');
      for (const scheme of ['light', 'dark'] as const) {
        await withTab(
          browser,
          w,
          `waitlist-${scheme}`,
          async ({ page: p }) => {
            await p.goto(page);
            await p.getByRole('heading', { name: 'Access restricted' }).waitFor();
            assert.equal(await p.locator('clerk-sign-up input, clerk-sign-up form').count(), 0);
            const subtitle = await p.locator('clerk-sign-up').evaluate((el) => el.shadowRoot?.querySelector('.subtitle')?.textContent);
            assert.equal(subtitle, 'Sign ups are currently disabled. To be the first to know when we launch, join the waitlist.');
            assert.equal(await p.getByRole('link', { name: 'Join waitlist' }).getAttribute('href'), `${w.url}/waitlist`);
            assert.equal(await p.getByRole('link', { name: 'Sign in' }).count(), 1);
            await p.locator('clerk-sign-up').screenshot({ path: `${SHOTS}/sign-up-waitlist-${scheme}.png` });
            assert.deepEqual(await axeViolations(p), []);
          },
          { colorScheme: scheme },
        );
      }
    });

    test('restricted mode: no form, the restricted message, no waitlist link', async () => {
      const r = await otherServer({ SIGN_UP_MODE: 'restricted' });
      const page = writePage(r, 'restricted', '<main><clerk-sign-up routing="virtual"></clerk-sign-up></main>');
      await withTab(browser, r, 'restricted', async ({ page: p }) => {
        await p.goto(page);
        await p.getByRole('heading', { name: 'Access restricted' }).waitFor();
        assert.equal(await p.locator('clerk-sign-up input').count(), 0);
        const subtitle = await p.locator('clerk-sign-up').evaluate((el) => el.shadowRoot?.querySelector('.subtitle')?.textContent);
        assert.match(subtitle ?? '', /Sign ups are currently disabled\. If you believe you should have access/);
        assert.equal(await p.getByRole('link', { name: 'Join waitlist' }).count(), 0);
      });
    });
  });

  describe('screenshots', () => {
    for (const scheme of ['light', 'dark'] as const) {
      test(`start, error and code steps have no axe violations in ${scheme} (screenshots: ${SHOTS}/sign-up-*-${scheme}.png)`, async () => {
        const taken = await createUser(s);
        await withTab(
          browser,
          s,
          `shots-${scheme}`,
          async ({ page: p }) => {
            await p.goto(url);
            await p.getByLabel('Email address').waitFor();
            const el = p.locator('clerk-sign-up');
            await el.screenshot({ path: `${SHOTS}/sign-up-start-${scheme}.png` });
            assert.deepEqual(await axeViolations(p), [], 'start step');
            await fillStart(p, { firstName: 'Ada', email: taken, password: PASSWORD });
            await p.getByRole('button', { name: 'Continue' }).click();
            await p.locator('clerk-sign-up .cl-error').waitFor();
            await el.screenshot({ path: `${SHOTS}/sign-up-error-${scheme}.png` });
            assert.deepEqual(await axeViolations(p), [], 'error');
            await p.getByLabel('Email address').fill(uniqueEmail('shot'));
            await p.getByRole('button', { name: 'Continue' }).click();
            await p.getByLabel('Verification code').waitFor();
            await el.screenshot({ path: `${SHOTS}/sign-up-code-${scheme}.png` });
            assert.deepEqual(await axeViolations(p), [], 'code step');
          },
          { colorScheme: scheme },
        );
      });
    }
  });
});

describe('<clerk-sign-up> with an invitation', () => {
  const SECRET = 'sk_test_clerkwcInvitationElementTest0123456789';
  const harness = useCoreHarness({ SIGN_UP_MODE: 'restricted', CLERK_SECRET_KEY: SECRET });

  test('a __clerk_ticket link opens sign-up in restricted mode, without an email field, and signs the invitee in', async () => {
    const h = harness();
    const email = `invitee-${Date.now()}@example.com`;
    const res = await fetch(`${h.url}/v1/invitations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email_address: email, redirect_url: `${h.url}/invite.html`, notify: false }),
    });
    assert.equal(res.status, 200, await res.clone().text());
    const invitation = (await res.json()) as { url: string };
    const ticket = new URL(invitation.url).searchParams.get('__clerk_ticket');
    assert.ok(ticket, `the invitation URL carries a ticket: ${invitation.url}`);
    writeInvitePage(h);
    await coreWithTab(h, 'sign-up-ticket', async ({ page: p }) => {
      await p.goto(`${h.url}/invite.html?__clerk_ticket=${encodeURIComponent(ticket)}`);
      const password = p.getByLabel('Password');
      await password.waitFor();
      assert.equal(await p.locator('clerk-sign-up input[name=emailAddress]').count(), 0, 'the invited address needs no field');
      await password.fill('violet-Quartz-harbor-42');
      await p.keyboard.press('Enter');
      await p.waitForFunction(() => !!window.Clerk?.user);
      assert.equal(await p.evaluate(() => window.Clerk!.user!.primaryEmailAddress?.emailAddress), email);
    });
  });
});

function writeInvitePage(h: { staticDir: string }): void {
  writeFileSync(
    join(h.staticDir, 'invite.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>invite</title><script src="/npm/@clerk/clerk-js@5/dist/clerk.browser.js" data-clerk-proxy-url="/"></script></head><body><clerk-sign-up routing="virtual"></clerk-sign-up></body></html>',
  );
}
