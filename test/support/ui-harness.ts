// Shared setup for the element tests: the real built server (FAPI, the /npm/… bundle and element chunks, and a
// static folder of test pages, all on one origin under the strict CSP), and Debian Chromium via playwright-core.
// Pages load the script tag exactly as Clerk's quickstart does; page code lives in .js files (no inline scripts).
// Needs `node scripts/build.mjs` first.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnServer, stopProcess } from './server-process.ts';
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const RESULTS = join(ROOT, 'test-results');

/** Where the screenshots a person looks at go. */
export const SHOTS = '/tmp/shots';
export const PASSWORD = 'lilac-Harbor-compass-91';
/** `+clerk_test` addresses accept this code. */
export const TEST_CODE = '424242';

export interface UiHarness {
  url: string;
  staticDir: string;
  browser: Browser;
  /** The server's stdout and stderr lines so far. */
  output: string[];
}

/** A page under test and what went wrong in it (uncaught errors, console errors such as CSP violations). */
export interface TestPage {
  page: Page;
  problems: string[];
}

/**
 * A private copy of dist/ (the server serves the bundle and chunks from next to itself), so a rebuild running
 * elsewhere cannot pull files out from under these tests; node_modules is linked so the server's imports resolve.
 */
function snapshotDist(): { dir: string; cli: string } {
  const dir = mkdtempSync(join(tmpdir(), 'clerk-wc-ui-dist-'));
  cpSync(DIST, join(dir, 'dist'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const f of ['server/cli.js', 'clerk.browser.js', 'elements/user-button.js', 'elements/control.js']) {
    assert.ok(existsSync(join(dir, 'dist', f)), `dist/${f} is missing: build first with \`node scripts/build.mjs\``);
  }
  return { dir, cli: join(dir, 'dist/server/cli.js') };
}

/** Registers hooks that start the server and Chromium before the file's tests and stop them after. */
export function useUiHarness(): () => UiHarness {
  let harness: UiHarness | undefined;
  let proc: ChildProcess | undefined;
  const dirs: string[] = [];
  before(async () => {
    const dist = snapshotDist();
    const staticDir = mkdtempSync(join(tmpdir(), 'clerk-wc-ui-site-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'clerk-wc-ui-data-'));
    dirs.push(dist.dir, staticDir, dataDir);
    writeFileSync(join(staticDir, 'page.css'), PAGE_CSS);
    const started = await spawnServer({ cli: dist.cli, staticDir, dataDir });
    proc = started.proc;
    const browser = await launchChromium();
    harness = { url: started.url, staticDir, browser, output: started.output };
  });
  after(async () => {
    await harness?.browser.close().catch(() => undefined);
    await stopProcess(proc);
    // The node_modules link goes first, on its own, so nothing could ever delete through it.
    for (const d of dirs) if (existsSync(join(d, 'node_modules'))) unlinkSync(join(d, 'node_modules'));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    assert.ok(harness, 'the harness did not start');
    return harness;
  };
}

/** A header bar with the element at its end, as apps place a user button. */
const PAGE_CSS = `:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; background: Canvas; color: CanvasText; }
header { display: flex; align-items: center; justify-content: space-between; padding: 0.75rem 1.25rem; border-bottom: 1px solid color-mix(in srgb, CanvasText 15%, transparent); }
main { padding: 1.25rem; }
`;

/**
 * Writes `<name>.html` (the script tag, then `<name>.js` when `script` is given, then `body`) and returns its URL.
 */
export function writePage(h: UiHarness, name: string, body: string, script?: string): string {
  const js = script === undefined ? '' : `\n<script src="/${name}.js"></script>`;
  if (script !== undefined) writeFileSync(join(h.staticDir, `${name}.js`), script);
  writeFileSync(
    join(h.staticDir, `${name}.html`),
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>${name}</title>
<link rel="stylesheet" href="/page.css">
<script src="/npm/@clerk/clerk-js@0/dist/clerk.browser.js" data-clerk-proxy-url="/"></script>${js}
</head>
<body>
${body}
</body>
</html>
`,
  );
  return `${h.url}/${name}.html`;
}

/**
 * Opens a fresh context (own cookies and storage) with one page, runs `body`, fails on page errors; on failure
 * saves a screenshot under test-results/.
 */
export async function withPage(h: UiHarness, name: string, body: (t: TestPage) => Promise<void>, options: BrowserContextOptions = {}): Promise<void> {
  const context = await h.browser.newContext({ viewport: { width: 720, height: 480 }, ...options });
  context.setDefaultTimeout(10_000);
  // tsx compiles the tests with keepNames, which may wrap functions inside page.evaluate callbacks in a
  // `__name(...)` helper the page does not have.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
  });
  try {
    await body({ page, problems });
    assert.deepEqual(problems, [], 'the page logged errors');
  } catch (e) {
    mkdirSync(RESULTS, { recursive: true });
    const file = join(RESULTS, `elements-${name}.png`);
    const shot = await page.screenshot({ path: file, fullPage: true }).then(
      () => file,
      () => 'none',
    );
    const err = e instanceof Error ? e : new Error(String(e));
    err.message += `\nscreenshot: ${shot}`;
    if (problems.length) err.message += `\npage problems:\n  ${problems.join('\n  ')}`;
    err.message += `\nserver output (last 10 lines):\n  ${h.output.slice(-10).join('\n  ')}`;
    throw err;
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** Saves a screenshot for a person to look at. */
export async function shoot(page: Page, file: string, clip?: { x: number; y: number; width: number; height: number }): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, file);
  await page.screenshot({ path, ...(clip ? { clip } : {}) });
  return path;
}

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}+clerk_test@example.com`;
}

/** Waits until `window.Clerk` has loaded (the elements call load() themselves; so may the test). */
export async function clerkLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => !!window.Clerk);
  await page.evaluate(() => window.Clerk!.load());
}

/** Signs a new user up with the headless client in the page; the page is signed in afterwards, with no reload. */
export async function signUpInPage(page: Page, user: { email?: string; firstName?: string; lastName?: string } = {}): Promise<{ email: string }> {
  const email = user.email ?? uniqueEmail('ub');
  await clerkLoaded(page);
  const status = await page.evaluate(
    async ({ email, password, code, firstName, lastName }) => {
      const clerk = window.Clerk!;
      const su = await clerk.client!.signUp.create({ emailAddress: email, password, ...(firstName ? { firstName } : {}), ...(lastName ? { lastName } : {}) });
      await su.prepareEmailAddressVerification();
      const done = await su.attemptEmailAddressVerification({ code });
      return { status: done.status, signedIn: !!clerk.user };
    },
    { email, password: PASSWORD, code: TEST_CODE, firstName: user.firstName, lastName: user.lastName },
  );
  assert.deepEqual(status, { status: 'complete', signedIn: true }, 'the sign-up did not finish with a session');
  return { email };
}

/** Signs an existing user in with a password through the headless client in the page. */
export async function signInInPage(page: Page, email: string): Promise<void> {
  await clerkLoaded(page);
  const result = await page.evaluate(
    async ({ email, password }) => {
      const clerk = window.Clerk!;
      const si = await clerk.client!.signIn.create({ identifier: email, password, strategy: 'password' });
      if (si.status === 'complete' && si.createdSessionId) await clerk.setActive({ session: si.createdSessionId });
      return { status: si.status, signedIn: !!clerk.user };
    },
    { email, password: PASSWORD },
  );
  assert.deepEqual(result, { status: 'complete', signedIn: true }, 'the sign-in did not finish with a session');
}

/** Signs out through the headless client in the page. */
export async function signOutInPage(page: Page): Promise<void> {
  await page.evaluate(() => window.Clerk!.signOut());
  assert.equal(await page.evaluate(() => window.Clerk!.user), null);
}
