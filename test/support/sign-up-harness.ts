// What the <clerk-sign-up> tests share: the real built server (a static folder of test pages next to the FAPI,
// the bundle from its /npm/ path), Debian Chromium via playwright-core, a recorded tab per test, the dev outbox.
// Needs `node scripts/build.mjs` first.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/server/cli.js');
const CHUNK = join(ROOT, 'dist/elements/sign-up.js');
const RESULTS = join(ROOT, 'test-results');

/** Not a common password, long enough for the default rules. */
export const PASSWORD = 'lilac-Harbor-compass-91';
export const SCRIPT = '<script src="/npm/@clerk/clerk-js@0/dist/clerk.browser.js" data-clerk-proxy-url="/"></script>';

export interface Server {
  url: string;
  staticDir: string;
  output: string[];
  stop(): Promise<void>;
}

/** Starts `node dist/server/cli.js` on a free port with its own data folder and static folder; `env` goes on top of the test defaults. */
export async function startServer(env: Record<string, string> = {}): Promise<Server> {
  assert.ok(existsSync(CLI) && existsSync(CHUNK), `${CLI} or ${CHUNK} is missing: build first with \`node scripts/build.mjs\``);
  const staticDir = mkdtempSync(join(tmpdir(), 'clerk-wc-sign-up-site-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'clerk-wc-sign-up-data-'));
  writeFileSync(
    join(staticDir, 'page.css'),
    ':root { color-scheme: light dark; } body { margin: 0; font-family: system-ui; } main { display: grid; place-items: center; padding: 2rem; }\n',
  );
  const proc: ChildProcess = spawn(process.execPath, [CLI, '--static-dir', staticDir], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CLERK_WC_DATA_DIR: dataDir, MAIL_LOG: '0', CLERK_WC_CONFIG: '', RATE_LIMIT_MAX: '100000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start in 20 s:\n${output.join('\n')}`)), 20_000);
    createInterface({ input: proc.stderr! }).on('line', (line) => output.push(line));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      output.push(line);
      if (!line.startsWith('{"event":"listening"')) return;
      clearTimeout(timer);
      ok((JSON.parse(line) as { url: string }).url);
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited with ${code}:\n${output.join('\n')}`));
    });
  });
  return {
    url,
    staticDir,
    output,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.removeAllListeners('exit');
        await new Promise<void>((done) => {
          const force = setTimeout(() => proc.kill('SIGKILL'), 5_000);
          proc.once('exit', () => {
            clearTimeout(force);
            done();
          });
          proc.kill('SIGTERM');
        });
      }
      rmSync(staticDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/**
 * Writes `<name>.html` (the bundle, page.css, `body`) and, when given, `<name>.js` loaded by it: the server's
 * strict CSP forbids inline scripts. Returns the page's URL.
 */
export function writePage(s: Server, name: string, body: string, js = ''): string {
  if (js) writeFileSync(join(s.staticDir, `${name}.js`), js);
  const head = `<meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,"><link rel="stylesheet" href="/page.css"><title>${name}</title>${SCRIPT}${js ? `<script src="/${name}.js"></script>` : ''}`;
  writeFileSync(join(s.staticDir, `${name}.html`), `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`);
  return `${s.url}/${name}.html`;
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Every FAPI request ("VERB /path", `_method` applied; the dev outbox left out), in order. */
  calls: string[];
  /** Bodies of the FAPI writes, parsed, in order. */
  bodies: Array<{ call: string; body: URLSearchParams }>;
  /** Page errors, console errors, CSP violations. */
  problems: string[];
}

/** A fresh context (own cookies) with one recorded page; on failure a screenshot goes to test-results/. */
export async function withTab(
  browser: Browser,
  s: Server,
  name: string,
  body: (t: Tab) => Promise<void>,
  options: { colorScheme?: 'light' | 'dark'; permissions?: string[] } = {},
): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 720, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
  context.setDefaultTimeout(10_000);
  if (options.permissions) await context.grantPermissions(options.permissions, { origin: s.url });
  // tsx's keepNames can wrap functions in page.evaluate callbacks with a `__name` helper the page lacks.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
  });
  const tab: Tab = { context, page: await context.newPage(), calls: [], bodies: [], problems: [] };
  context.on('request', (req) => {
    const u = new URL(req.url());
    if (!u.pathname.startsWith('/v1/') || u.pathname.startsWith('/v1/dev/')) return;
    const call = `${u.searchParams.get('_method') ?? req.method()} ${u.pathname}`;
    tab.calls.push(call);
    if (req.method() !== 'GET') tab.bodies.push({ call, body: new URLSearchParams(req.postData() ?? '') });
  });
  tab.page.on('pageerror', (e) => tab.problems.push(`pageerror: ${e.message}`));
  tab.page.on('console', (m) => {
    // A 4xx answer is logged by Chromium as a failed resource load: that is the error path under test, not a problem.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) tab.problems.push(`console.error: ${m.text()}`);
  });
  try {
    await body(tab);
  } catch (e) {
    mkdirSync(RESULTS, { recursive: true });
    const file = join(RESULTS, `sign-up-${name}.png`);
    const saved = await tab.page.screenshot({ path: file, fullPage: true }).then(
      () => true,
      () => false,
    );
    const err = e instanceof Error ? e : new Error(String(e));
    err.message += `\nscreenshot: ${saved ? file : 'none'}\nFAPI requests:\n  ${tab.calls.join('\n  ')}`;
    if (tab.problems.length) err.message += `\npage problems:\n  ${tab.problems.join('\n  ')}`;
    err.message += `\nserver output (last 10 lines):\n  ${s.output.slice(-10).join('\n  ')}`;
    throw err;
  } finally {
    await context.close().catch(() => undefined);
  }
}

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}@example.com`;
}

/** The newest code mailed to `email`, read from the dev outbox by Node (not a page request). */
export async function outboxCode(s: Server, email: string): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`${s.url}/v1/dev/outbox?email_address=${encodeURIComponent(email)}`);
    assert.equal(res.status, 200, `the dev outbox answered ${res.status}`);
    const code = ((await res.json()) as { data: Array<{ code: string | null }> }).data[0]?.code;
    if (code) return code;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`no code was mailed to ${email}`);
}

/** Creates a verified user from Node with a plain FAPI client (the sign-up API, outbox code). */
export async function createUser(s: Server, email = uniqueEmail('taken')): Promise<string> {
  let cookie = '';
  const post = async (path: string, body: Record<string, string>) => {
    const res = await fetch(`${s.url}/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: s.url, ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(body).toString(),
    });
    const m = /__client=([^;]*)/.exec(res.headers.get('set-cookie') ?? '');
    if (m) cookie = `__client=${m[1]}`;
    const json = (await res.json()) as { response: Record<string, unknown> };
    assert.equal(res.status, 200, `POST ${path}: ${JSON.stringify(json)}`);
    return json.response;
  };
  const su = await post('/client/sign_ups', { email_address: email, password: PASSWORD });
  await post(`/client/sign_ups/${String(su.id)}/prepare_verification`, { strategy: 'email_code' });
  const done = await post(`/client/sign_ups/${String(su.id)}/attempt_verification`, { strategy: 'email_code', code: await outboxCode(s, email) });
  assert.equal(done.status, 'complete');
  return email;
}
