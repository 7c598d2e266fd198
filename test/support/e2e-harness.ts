// Shared by the end-to-end suites: the real built server serving demo/ next to the FAPI, and Debian's Chromium.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, spawnServer, stopProcess } from './server-process.ts';
import { after, before } from 'node:test';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';

export { CLI, ROOT };
export const RESULTS = join(ROOT, 'test-results');

export interface DemoServer {
  url: string;
  /** The server's stdout and stderr lines so far. */
  output: string[];
  stop(): Promise<void>;
}

/** Starts `node dist/server/cli.js --static-dir demo` on a free port with a fresh SQLite data folder. */
export async function startDemoServer(tag: string): Promise<DemoServer> {
  assert.ok(existsSync(CLI), `${CLI} is missing: build first with \`node scripts/build.mjs\``);
  const dataDir = mkdtempSync(join(tmpdir(), `clerk-wc-e2e-${tag}-`));
  try {
    const { proc, url, output } = await spawnServer({ staticDir: 'demo', dataDir });
    return {
      url,
      output,
      async stop() {
        await stopProcess(proc);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and CSP violations seen so far, minus the allowed ones. */
  problems: string[];
}

/**
 * Opens a fresh browser context (its own cookie jar), records console errors, uncaught page errors and CSP
 * violations on every page in it (minus `allowed`), runs `body`, and on failure saves a screenshot to
 * test-results/<prefix>-<name>.png and adds the problems and the server's last lines to the error.
 */
export async function withSession(
  browser: Browser | undefined,
  where: { prefix: string; serverOutput: () => string[] },
  name: string,
  body: (s: BrowserSession) => Promise<void>,
  allowed: RegExp[] = [],
): Promise<void> {
  assert.ok(browser, 'the browser did not start');
  const context = await browser.newContext({ viewport: { width: 1100, height: 860 } });
  context.setDefaultTimeout(10_000);
  // Init scripts run outside the page's CSP; this one reports any violation the page causes.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const problems: string[] = [];
  context.on('page', (page) => {
    page.on('console', (msg) => {
      if (msg.type() !== 'error' && !/Content Security Policy/i.test(msg.text())) return;
      if (allowed.some((re) => re.test(msg.text()))) return;
      problems.push(`console.${msg.type()}: ${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  });
  const page = await context.newPage();
  try {
    await body({ context, page, problems });
  } catch (e) {
    mkdirSync(RESULTS, { recursive: true });
    const file = join(RESULTS, `${where.prefix}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    const extra = problems.length > 0 ? `\nconsole problems:\n  ${problems.join('\n  ')}` : '';
    (e as Error).message += `\nscreenshot: ${file}\nURL: ${page.url()}${extra}\nserver output:\n  ${where.serverOutput().slice(-20).join('\n  ')}`;
    throw e;
  } finally {
    await context.close().catch(() => undefined);
  }
}

export function uniqueEmail(tag: string, suffix = ''): string {
  return `${tag}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}${suffix}@example.com`;
}

/** The newest code mailed to `email`, read from the dev outbox endpoint. */
export async function outboxCode(page: Page, baseUrl: string, email: string): Promise<string> {
  const res = await page.request.get(`${baseUrl}/v1/dev/outbox?email_address=${encodeURIComponent(email)}`);
  assert.equal(res.status(), 200);
  const body = (await res.json()) as { data: Array<{ code: string | null }> };
  const code = body.data[0]?.code;
  assert.ok(code, `no code was mailed to ${email}`);
  return code;
}

export interface DemoSuite {
  /** The server's origin. */
  readonly url: string;
  /** `<url>/apps/<app>/` when the suite drives a framework app. */
  readonly appUrl: string;
  /** A fresh browser context for one test (see withSession). */
  session(name: string, body: (s: BrowserSession) => Promise<void>, allowed?: RegExp[]): Promise<void>;
  /** The newest code mailed to `email`. */
  outboxCode(page: Page, email: string): Promise<string>;
}

/**
 * Registers before/after hooks for one e2e file: `ready` checks what the suite needs (a built app), then the
 * demo server and Chromium start; both stop after the file.
 */
export function useDemoSuite(prefix: string, opts: { app?: string; ready?: () => void } = {}): DemoSuite {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    opts.ready?.();
    server = await startDemoServer(prefix);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  });
  const url = () => {
    assert.ok(server, 'the demo server did not start');
    return server.url;
  };
  return {
    get url() {
      return url();
    },
    get appUrl() {
      return `${url()}/apps/${opts.app ?? prefix}/`;
    },
    session: (name, body, allowed = []) => withSession(browser, { prefix, serverOutput: () => server?.output ?? [] }, name, body, allowed),
    outboxCode: (page, email) => outboxCode(page, url(), email),
  };
}
