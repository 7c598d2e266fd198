// Shared setup for the headless client's browser tests: the real built server (FAPI and a static folder on one
// origin), a copy of dist/clerk.browser.js with test pages next to it, and Debian Chromium via playwright-core.
// Needs `node scripts/build.mjs` first (npm test does it).
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnServer, stopProcess } from './server-process.ts';
import { type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import type { AuthState } from '../../src/core/stores.ts';
import { launchChromium } from './chromium.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/server/cli.js');
const BUNDLE = join(ROOT, 'dist/clerk.browser.js');
const RESULTS = join(ROOT, 'test-results');

export const PASSWORD = 'lilac-Harbor-compass-91';
/** Addresses with this tag accept the fixed test code. */
export const TEST_CODE = '424242';

/** What the test pages and `page.evaluate` callbacks keep on `window`, besides `Clerk` and `ClerkWC`. */
export type TestWindow = Window & {
  quickstart?: { loaded: boolean; status: string; userIsNull: boolean; signedIn: boolean };
  rejections: string[];
  calls: Array<unknown>;
  authCalls: Array<Pick<AuthState, 'isLoaded' | 'isSignedIn' | 'userId' | 'sessionId'>>;
  unsubscribe?: () => void;
  pushed: string[];
  marker?: string;
};

export interface Harness {
  url: string;
  publishableKey: string;
  staticDir: string;
  browser: Browser;
  /** The server's stdout and stderr lines so far. */
  output: string[];
}

/** One FAPI request as the page sent it: the effective verb (`_method` applied) and the path. */
export interface FapiCall {
  verb: string;
  path: string;
  page: Page | undefined;
  /** When the page sent it (ms since the epoch, this process's clock). */
  at: number;
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Every FAPI request of every page in the context (the dev outbox excluded), in order. */
  calls: FapiCall[];
  /** Uncaught page errors and console errors. */
  problems: string[];
  /** `calls` from index `from` on, as "VERB /path" strings. */
  since(from?: number, page?: Page): string[];
  /** Opens another page (tab) in the same context, with the same recording. */
  newTab(): Promise<Page>;
}

function pages(h: { publishableKey: string; url: string; staticDir: string }): void {
  const script = (attrs: string) => `<script async crossorigin="anonymous" ${attrs} src="/clerk.browser.js" type="text/javascript"></script>`;
  const html = (title: string, head: string) =>
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<link rel="icon" href="data:,">\n<title>${title}</title>\n${head}\n</head>\n<body>\n<main id="app">loading…</main>\n</body>\n</html>\n`;
  // Clerk's JavaScript quickstart, as a page would write it. The server's strict CSP forbids inline scripts,
  // so the quickstart's inline block lives in quickstart.js; it is otherwise the seed's code.
  const quickstart = `window.addEventListener('load', async function () {
  await Clerk.load();
  const app = document.getElementById('app');
  window.quickstart = { loaded: Clerk.loaded, status: Clerk.status, userIsNull: Clerk.user === null, signedIn: !!Clerk.user };
  app.textContent = Clerk.user ? 'Hello, ' + Clerk.user.primaryEmailAddress.emailAddress : 'Signed out';
  app.dataset.ready = 'true';
});
`;
  writeFileSync(join(h.staticDir, 'quickstart.js'), quickstart);
  writeFileSync(
    join(h.staticDir, 'quickstart.html'),
    html('quickstart', `${script(`data-clerk-publishable-key="${h.publishableKey}"`)}\n<script src="/quickstart.js"></script>`),
  );
  writeFileSync(
    join(h.staticDir, 'quickstart-proxy.html'),
    html('quickstart via proxy', `${script(`data-clerk-proxy-url="${h.url}"`)}\n<script src="/quickstart.js"></script>`),
  );
  // The bundle and nothing else: tests call Clerk.load() themselves.
  writeFileSync(join(h.staticDir, 'app.html'), html('app', script(`data-clerk-publishable-key="${h.publishableKey}"`)));
}

/**
 * Registers `before`/`after` hooks that start a server (with `env` on top of the test defaults) and Chromium,
 * and stop both. Returns a getter for the running harness.
 */
export function useHarness(env: Record<string, string> = {}, opts: { site?: string } = {}): () => Harness {
  let harness: Harness | undefined;
  let proc: ChildProcess | undefined;
  let browser: Browser | undefined;
  const dirs: string[] = [];
  before(async () => {
    assert.ok(existsSync(CLI) && existsSync(BUNDLE), `${CLI} or ${BUNDLE} is missing: build first with \`node scripts/build.mjs\``);
    // `site`: serve an existing folder (the demo) as it is; otherwise a scratch folder with the test pages.
    const staticDir = opts.site ?? mkdtempSync(join(tmpdir(), 'clerk-wc-core-site-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'clerk-wc-core-data-'));
    dirs.push(dataDir);
    if (!opts.site) {
      dirs.push(staticDir);
      // A copy, so a concurrent rebuild of dist/ cannot pull the bundle out from under a running test.
      copyFileSync(BUNDLE, join(staticDir, 'clerk.browser.js'));
      if (existsSync(`${BUNDLE}.map`)) copyFileSync(`${BUNDLE}.map`, join(staticDir, 'clerk.browser.js.map'));
    }
    const started = await spawnServer({ staticDir, dataDir, env });
    proc = started.proc;
    if (!opts.site) pages({ publishableKey: started.publishableKey, url: started.url, staticDir });
    browser = await launchChromium();
    harness = { url: started.url, publishableKey: started.publishableKey, staticDir, browser, output: started.output };
  });
  after(async () => {
    await browser?.close().catch(() => undefined);
    await stopProcess(proc);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    assert.ok(harness, 'the harness did not start');
    return harness;
  };
}

function fapiCall(req: Request): FapiCall | undefined {
  const u = new URL(req.url());
  if (!u.pathname.startsWith('/v1/') || u.pathname.startsWith('/v1/dev/')) return undefined;
  let page: Page | undefined;
  try {
    page = req.frame().page();
  } catch {
    page = undefined;
  }
  return { verb: u.searchParams.get('_method') ?? req.method(), path: u.pathname, page, at: Date.now() };
}

/**
 * Opens a fresh browser context (its own cookie jar and storage) with one page, records its FAPI requests and
 * problems, runs `body`, and on failure saves a screenshot of every page under test-results/.
 */
export async function withTab(h: Harness, name: string, body: (t: Tab) => Promise<void>): Promise<void> {
  const context = await h.browser.newContext();
  context.setDefaultTimeout(10_000);
  // tsx compiles these tests with keepNames, which can wrap functions inside page.evaluate callbacks in a
  // `__name(...)` helper that does not exist in the page. Init scripts run before the page's own scripts.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  await context.addInitScript(() => {
    const w = window as unknown as TestWindow;
    w.rejections = [];
    w.calls = [];
    w.authCalls = [];
    w.pushed = [];
    window.addEventListener('unhandledrejection', (e) => w.rejections.push(String((e.reason as Error)?.stack ?? e.reason)));
  });
  const calls: FapiCall[] = [];
  const problems: string[] = [];
  context.on('request', (req) => {
    const call = fapiCall(req);
    if (call) calls.push(call);
  });
  const watch = (page: Page) => {
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console.error: ${msg.text()} (${msg.location().url})`);
    });
  };
  context.on('page', watch);
  const page = await context.newPage();
  const tab: Tab = {
    context,
    page,
    calls,
    problems,
    since: (from = 0, only) =>
      calls
        .slice(from)
        .filter((c) => !only || c.page === only)
        .map((c) => `${c.verb} ${c.path}`),
    newTab: () => context.newPage(),
  };
  try {
    await body(tab);
  } catch (e) {
    mkdirSync(RESULTS, { recursive: true });
    const shots: string[] = [];
    for (const [i, p] of context.pages().entries()) {
      const file = join(RESULTS, `core-${name}${i ? `-tab${i + 1}` : ''}.png`);
      if (
        await p.screenshot({ path: file, fullPage: true }).then(
          () => true,
          () => false,
        )
      )
        shots.push(file);
    }
    const err = e instanceof Error ? e : new Error(String(e));
    let extra = `\nscreenshots: ${shots.join(', ') || 'none'}\nFAPI requests:\n  ${tab.since().join('\n  ')}`;
    if (problems.length) extra += `\npage problems:\n  ${problems.join('\n  ')}`;
    extra += `\nserver output (last 10 lines):\n  ${h.output.slice(-10).join('\n  ')}`;
    // The reporter prints the stack, which was captured with the original message.
    const original = err.message;
    err.message += extra;
    if (err.stack?.includes(original)) err.stack = err.stack.replace(original, err.message);
    throw err;
  } finally {
    await context.close().catch(() => undefined);
  }
}

export function uniqueEmail(tag: string, testCode = false): string {
  return `${tag}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}${testCode ? '+clerk_test' : ''}@example.com`;
}

/** The newest code mailed to `email`, read from the dev outbox (from Node, so it is not counted as a page request). */
export async function outboxCode(h: Pick<Harness, 'url'>, email: string): Promise<string> {
  const res = await fetch(`${h.url}/v1/dev/outbox?email_address=${encodeURIComponent(email)}`);
  assert.equal(res.status, 200, `the dev outbox answered ${res.status}`);
  const body = (await res.json()) as { data: Array<{ code: string | null }> };
  const code = body.data[0]?.code;
  assert.ok(code, `no code was mailed to ${email}`);
  return code;
}

/** Creates a verified user with a password from Node (a plain FAPI client, outside any browser). */
export async function createUser(
  h: Pick<Harness, 'url'>,
  email = uniqueEmail('user', true),
  password = PASSWORD,
): Promise<{ email: string; password: string; userId: string }> {
  let cookie = '';
  const post = async (path: string, body: Record<string, string>) => {
    const res = await fetch(`${h.url}/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(body).toString(),
    });
    const m = /__client=([^;]*)/.exec(res.headers.get('set-cookie') ?? '');
    if (m) cookie = `__client=${m[1]}`;
    const json = (await res.json()) as { response: Record<string, any> };
    assert.equal(res.status, 200, `POST ${path}: ${JSON.stringify(json)}`);
    return json.response;
  };
  const signUp = await post('/client/sign_ups', { email_address: email, password });
  await post(`/client/sign_ups/${signUp.id}/prepare_verification`, { strategy: 'email_code' });
  const code = email.includes('+clerk_test') ? TEST_CODE : await outboxCode(h, email);
  const done = await post(`/client/sign_ups/${signUp.id}/attempt_verification`, { strategy: 'email_code', code });
  assert.equal(done.status, 'complete');
  return { email, password, userId: done.created_user_id as string };
}

/** Opens the bare app page (the bundle, no page script) and waits until `window.Clerk` exists. */
export async function openApp(h: Harness, page: Page, query = ''): Promise<void> {
  await page.goto(`${h.url}/app.html${query}`);
  await page.waitForFunction(() => !!window.Clerk);
}

/** Decodes a JWT's payload without verifying it. */
export function jwtPayload(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, any>;
}

/** The `__session` cookie the page's origin holds, if any. */
export async function sessionCookie(h: Harness, context: BrowserContext): Promise<string | undefined> {
  const cookies = await context.cookies(h.url);
  const c = cookies.find((x) => x.name === '__session');
  return c && c.value !== '' ? c.value : undefined;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
