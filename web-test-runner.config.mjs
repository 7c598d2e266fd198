// Web Test Runner: the element component tests (test/elements/wtr/*.wtr.ts) in Debian's Chromium, against the real
// built server (dist/server/cli.js: build first, `node scripts/build.mjs`). The server starts in a plugin's
// serverStart on a temporary SQLite file and stops in serverStop. Test pages and the FAPI share one origin: this
// dev server proxies /v1/* to it, and the server's PUBLIC_URL is this dev server's origin, so the publishable key
// it prints names this origin and its `__client` cookie is a first-party one. Tests read the key from
// `window.__clerkWtr` (set by testRunnerHtml). A second server, in multi-session mode (SINGLE_SESSION_MODE=false),
// answers under /multi/v1/* for the tests that need several accounts in one browser (`proxyUrl: <origin>/multi`).
// No mocked fetch anywhere.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { tsImport } from 'tsx/esm/api';
import { CHROMIUM, CHROMIUM_ARGS } from './test/support/chromium-flags.mjs';

/** The server-process helpers every browser suite uses (TypeScript, loaded through tsx). */
const { CLI, spawnServer, stopProcess } = await tsImport('./test/support/server-process.ts', import.meta.url);

/** A free port for the dev server, known before it starts: the FAPI's PUBLIC_URL names it. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const HOST = '127.0.0.1';
const PORT = Number(process.env.WTR_PORT) || (await freePort());
const ORIGIN = `http://${HOST}:${PORT}`;

/** The running FAPIs: set in serverStart. `multi` is the multi-session one, behind /multi. */
const fapi = { url: '', publishableKey: '', proc: undefined, dataDir: '' };
const multi = { url: '', publishableKey: '', proc: undefined, dataDir: '' };
const MULTI_PREFIX = '/multi';

/** Starts one real server with the test defaults (development instance, public sign-up, this origin allowed). */
async function startFapi(into, extraEnv) {
  into.dataDir = mkdtempSync(join(tmpdir(), 'clerk-wc-wtr-data-'));
  // Its own port (the proxy's target); the URL it prints is PUBLIC_URL, this dev server's origin.
  const port = await freePort();
  const started = await spawnServer({
    staticDir: undefined,
    dataDir: into.dataDir,
    env: { PORT: String(port), INSTANCE_TYPE: 'development', SIGN_UP_MODE: 'public', PUBLIC_URL: ORIGIN, ALLOWED_ORIGINS: ORIGIN, ...extraEnv },
  });
  if (started.url !== ORIGIN) throw new Error(`the server names ${started.url}, not ${ORIGIN}`);
  Object.assign(into, { url: `http://${HOST}:${port}`, publishableKey: started.publishableKey, proc: started.proc });
}

function realServer() {
  return {
    name: 'clerk-wc-server',
    async serverStart() {
      if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first with \`node scripts/build.mjs\``);
      await Promise.all([startFapi(fapi, {}), startFapi(multi, { SINGLE_SESSION_MODE: 'false' })]);
    },
    async serverStop() {
      await Promise.all([stopProcess(fapi.proc), stopProcess(multi.proc)]);
      for (const f of [fapi, multi]) if (f.dataDir) rmSync(f.dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Koa middleware: `/v1/*` (the FAPI and the dev outbox) goes to the real server as it came, `/multi/v1/*` to the
 * multi-session one (without the prefix); the answer is streamed back.
 */
async function proxyFapi(ctx, next) {
  const toMulti = ctx.path.startsWith(`${MULTI_PREFIX}/v1/`);
  if (!toMulti && !ctx.path.startsWith('/v1/')) return next();
  const target = toMulti ? new URL(ctx.originalUrl.slice(MULTI_PREFIX.length), multi.url) : new URL(ctx.originalUrl, fapi.url);
  ctx.respond = false;
  await new Promise((resolve) => {
    const upstream = request(target, { method: ctx.method, headers: ctx.req.headers }, (res) => {
      ctx.res.writeHead(res.statusCode ?? 502, res.rawHeaders);
      res.pipe(ctx.res);
      res.once('end', resolve);
      res.once('error', resolve);
    });
    upstream.once('error', (e) => {
      if (!ctx.res.headersSent) ctx.res.writeHead(502, { 'content-type': 'text/plain' });
      ctx.res.end(`FAPI proxy: ${e.message}`);
      resolve();
    });
    ctx.req.pipe(upstream);
  });
}

/**
 * Koa middleware: test pages are served with a style policy as strict as a real app's (no inline `<style>` and no
 * `style=` attributes; constructable stylesheets and CSSOM are allowed). Scripts stay open: the runner injects inline
 * ones. Violations fail the test (test/support/wtr-page.ts listens for them).
 */
async function strictStyles(ctx, next) {
  await next();
  if (ctx.response.is('html')) ctx.set('Content-Security-Policy', "style-src 'self'");
}

/**
 * Writes `N passed, N failed` (tests, skipped ones left out) to WTR_COUNT_FILE for scripts/test.mjs's total line. A
 * test file that failed without a failing test (it did not load, a hook failed) counts as one failed test.
 */
function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      if (!process.env.WTR_COUNT_FILE) return;
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const t of suite.tests) {
          if (t.skipped) continue;
          if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites) walk(s);
      };
      for (const session of sessions) {
        const before = failed;
        if (session.testResults) walk(session.testResults);
        if (!session.passed && failed === before) failed++;
      }
      writeFileSync(process.env.WTR_COUNT_FILE, `${passed} passed, ${failed} failed\n`);
    },
  };
}

/** Browser log lines that are expected noise (Lit's dev-mode notice), not problems. */
const QUIET = [/Lit is in dev mode/];

export default {
  files: ['test/elements/wtr/**/*.wtr.ts'],
  hostname: HOST,
  port: PORT,
  nodeResolve: true,
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 120_000,
  testFramework: { config: { timeout: 15_000 } },
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS } })],
  reporters: [defaultReporter(), countReporter()],
  middleware: [proxyFapi, strictStyles],
  plugins: [realServer(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  filterBrowserLogs: ({ args }) => !args.some((a) => typeof a === 'string' && QUIET.some((re) => re.test(a))),
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>clerk-wc element tests</title>
<script>window.__clerkWtr = ${JSON.stringify({ publishableKey: fapi.publishableKey, origin: ORIGIN, multiSessionProxyUrl: ORIGIN + MULTI_PREFIX })};</script>
</head>
<body>
<script type="module" src="${testFramework}"></script>
</body>
</html>`,
};
