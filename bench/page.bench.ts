// Page benchmark (`npm run bench:page`): the plain-HTML quickstart page (demo/quickstart.html: script tag,
// Clerk.load(), Clerk.mountSignIn(div)) in headless Chromium against the real server on loopback. Prints the
// requests and gzip bytes of JavaScript until the sign-in form is interactive, and the time from navigation to
// an interactive form (median of 10 cold loads, each in a fresh browser context with an empty cache).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../test/support/chromium.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = 10;

const data = mkdtempSync(join(tmpdir(), 'clerk-wc-page-bench-'));
const server = spawn(process.execPath, [join(ROOT, 'dist/server/cli.js'), '--static-dir', join(ROOT, 'demo')], {
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CLERK_WC_DATA_DIR: data, MAIL_LOG: '0', CLERK_WC_CONFIG: '', RATE_LIMIT_MAX: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url: string = await new Promise((ok) =>
  createInterface({ input: server.stdout! }).on('line', (l) => l.startsWith('{"event":"listening"') && ok(JSON.parse(l).url)),
);
const browser = await launchChromium();

interface Run {
  ms: number;
  requests: string[];
  jsGzip: number;
}

async function once(): Promise<Run> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  const bodies: Promise<number>[] = [];
  page.on('response', (res) => {
    const u = new URL(res.url());
    requests.push(`${res.request().method()} ${u.pathname}`);
    if (res.request().resourceType() === 'script')
      bodies.push(
        res.body().then(
          (b) => gzipSync(b, { level: 9 }).length,
          () => 0,
        ),
      );
  });
  const start = performance.now();
  await page.goto(`${url}/quickstart.html`);
  // Interactive: the identifier input exists in the upgraded element and accepts typing.
  const input = page.locator('clerk-sign-in input[name=identifier]');
  await input.waitFor();
  await input.fill('a');
  const ms = performance.now() - start;
  const jsGzip = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
  await context.close();
  return { ms, requests, jsGzip };
}

try {
  await once(); // warm the server (first SQLite reads, JIT)
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const median = (times[4]! + times[5]!) / 2;
  const first = runs[0]!;
  const fapi = first.requests.filter((r) => r.includes('/v1/'));
  console.log(`Quickstart page until the sign-in form is interactive (${url}/quickstart.html)`);
  console.log(`  requests:           ${first.requests.length} (${fapi.length} to the FAPI: ${fapi.join(', ')})`);
  console.log(`  all requests:       ${first.requests.join(', ')}`);
  console.log(`  JavaScript (gzip):  ${first.jsGzip} B`);
  console.log(`  navigation → interactive form, median of ${RUNS}: ${median.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)})`);
  console.log(
    JSON.stringify({
      event: 'bench:page',
      requests: first.requests.length,
      fapiRequests: fapi.length,
      jsGzipBytes: first.jsGzip,
      medianMs: Math.round(median),
      runsMs: times.map(Math.round),
    }),
  );
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(data, { recursive: true, force: true });
}
