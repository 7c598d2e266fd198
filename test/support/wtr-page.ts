// Shared by the Web Test Runner element tests (web-test-runner.config.mjs runs them in Chromium). The page and the
// real FAPI share one origin (the config proxies /v1/*), so a `Clerk` made here talks to the real server with a
// first-party cookie. Each test file runs in its own browser context: its own cookies, its own signed-in user.
import { expect } from '@open-wc/testing';
import { Clerk, type ClerkOptions, type LoadOptions } from '../../src/index.ts';

// Mocha's globals, as Web Test Runner's mocha defines them in the page (the project has no @types/mocha).
type MochaFn = (this: unknown) => void | Promise<unknown>;
declare global {
  function describe(name: string, body: () => void): void;
  function it(name: string, body: MochaFn): void;
  function before(body: MochaFn): void;
  function after(body: MochaFn): void;
  function beforeEach(body: MochaFn): void;
  function afterEach(body: MochaFn): void;
  interface Window {
    /**
     * Set by the config's testRunnerHtml: the running server's publishable key, which names this origin, and the
     * proxy URL of the second, multi-session server (`SINGLE_SESSION_MODE=false`) on the same origin.
     */
    __clerkWtr: { publishableKey: string; origin: string; multiSessionProxyUrl: string };
  }
}

export const PASSWORD = 'lilac-Harbor-compass-91';
/** `+clerk_test` addresses accept this code in a development instance. */
export const TEST_CODE = '424242';

export function uniqueEmail(tag: string, testAddress = true): string {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  return `wtr-${tag}-${id}${testAddress ? '+clerk_test' : ''}@example.com`;
}

/** A loaded instance against the real server, and every URL it navigated to (through `routerPush`, so the page stays). */
export interface TestClerk {
  clerk: Clerk;
  pushed: string[];
}

/**
 * The options that point an instance at the multi-session server. A test file that uses it uses only it: the two
 * servers' `__client` cookies share this origin (each test file has its own browser context).
 */
export function multiSession(): ClerkOptions {
  return { proxyUrl: window.__clerkWtr.multiSessionProxyUrl };
}

/** A new `Clerk` with the server's publishable key, loaded; navigations are recorded instead of leaving the page. */
export async function loadClerk(options: LoadOptions = {}, clerkOptions: ClerkOptions = {}): Promise<TestClerk> {
  const { publishableKey, origin } = window.__clerkWtr;
  expect(publishableKey, 'the config did not hand over the publishable key').to.match(/^pk_test_/);
  const clerk = new Clerk(publishableKey, clerkOptions);
  expect(clerk.frontendApi, 'the key names the test page origin').to.equal(clerkOptions.proxyUrl ?? origin);
  const pushed: string[] = [];
  await clerk.load({ routerPush: (to) => pushed.push(to), ...options });
  expect(clerk.status).to.equal('ready');
  return { clerk, pushed };
}

/**
 * Creates a verified user with a password (a `+clerk_test` address takes the test code, others the mailed one) through a second, header-transport instance: a client of its own, so
 * this page's cookie (and who is signed in here) does not change.
 */
export async function createUser(
  email = uniqueEmail('user'),
  extra: { firstName?: string; lastName?: string } = {},
  clerkOptions: ClerkOptions = {},
): Promise<{ email: string }> {
  const other = new Clerk(window.__clerkWtr.publishableKey, { ...clerkOptions, transport: 'header' });
  await other.load({ touchSession: false, standardBrowser: false });
  const su = await other.client!.signUp.create({ emailAddress: email, password: PASSWORD, ...extra });
  await su.prepareEmailAddressVerification();
  const code = email.includes('+clerk_test') ? TEST_CODE : await outboxCode(email);
  const done = await su.attemptEmailAddressVerification({ code });
  expect(done.status).to.equal('complete');
  return { email };
}

/** Signs a new user up and in on this page's client (headless, no element); returns the address. */
export async function signUpHere(clerk: Clerk, extra: { firstName?: string; lastName?: string } = {}): Promise<string> {
  const email = uniqueEmail('here');
  const su = await clerk.client!.signUp.create({ emailAddress: email, password: PASSWORD, ...extra });
  await su.prepareEmailAddressVerification();
  const done = await su.attemptEmailAddressVerification({ code: TEST_CODE });
  expect(done.status).to.equal('complete');
  await clerk.setActive({ session: done.createdSessionId! });
  expect(clerk.user, 'signed in').to.not.equal(null);
  return email;
}

/** The newest code the dev outbox holds for `email` (read through the same-origin proxy, as the demo does). */
export async function outboxCode(email: string): Promise<string> {
  const res = await fetch(`/v1/dev/outbox?email_address=${encodeURIComponent(email)}`);
  expect(res.status).to.equal(200);
  const body = (await res.json()) as { data: Array<{ code: string | null }> };
  const code = body.data[0]?.code;
  expect(code, `a code was mailed to ${email}`).to.be.a('string');
  return code!;
}

/** Waits until `check` holds (for state that settles after a request), failing with `what` after `ms`. */
export async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The element's shadow-root node matching `selector` (fails when absent). */
export function shadow<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  expect(found ?? null, `${el.localName} renders ${selector}`).to.not.equal(null);
  return found!;
}

/** The element (in the light DOM or one shadow root down) that has focus. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether a custom state (`:state(name)`) is set on `el`. */
export function hasState(el: Element, name: string): boolean {
  return el.matches(`:state(${name})`);
}

// Every test fails on an uncaught error, an unhandled rejection, a CSP violation or a console.error in the page (Lit's dev-mode
// warnings are console.warn and do not count). Tests that expect one take it out with `takeProblems()`.
const problems: string[] = [];
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  problems.push(`console.error: ${args.map(String).join(' ')}`);
  consoleError(...args);
};
window.addEventListener('error', (e) => problems.push(`error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => problems.push(`unhandled rejection: ${String(e.reason)}`));
// The config serves the page with `style-src 'self'`: an inline style anywhere is a problem too.
document.addEventListener('securitypolicyviolation', (e) => problems.push(`CSP violation: ${e.violatedDirective} (${e.blockedURI || 'inline'})`));

/** Returns the problems so far and forgets them. */
export function takeProblems(): string[] {
  return problems.splice(0);
}

afterEach(() => {
  expect(takeProblems(), 'the page logged errors').to.deep.equal([]);
});
