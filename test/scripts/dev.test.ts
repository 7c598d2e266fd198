// `npm run dev` (scripts/dev.mjs): the FAPI server plus a Vite dev server for the demo pages. The pages come with
// Vite's hot-reload client and the server's publishable key, and the FAPI paths answer through the dev server.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from '../support/server-process.ts';

let proc: ChildProcess | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'clerk-wc-dev-'));
after(() => {
  proc?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

test('npm run dev serves the demo pages with hot reload and proxies the FAPI', { timeout: 90_000 }, async () => {
  proc = spawn(process.execPath, ['scripts/dev.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DEV_PORT: '0', CLERK_WC_DATA_DIR: dataDir, MAIL_LOG: '0', CLERK_WC_CONFIG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  createInterface({ input: proc.stderr! }).on('line', (l) => output.push(l));
  const devUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run dev did not start:\n${output.join('\n')}`)), 80_000);
    createInterface({ input: proc!.stdout! }).on('line', (line) => {
      output.push(line);
      const m = /^clerk-wc dev: demo pages with hot reload on (\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc!.once('exit', (code) => reject(new Error(`npm run dev exited with ${code}:\n${output.join('\n')}`)));
  });
  const page = await (await fetch(new URL('quickstart.html', devUrl))).text();
  assert.match(page, /\/@vite\/client/, 'the page carries the hot-reload client');
  assert.match(page, /data-clerk-publishable-key="pk_test_[A-Za-z0-9=]+"/, 'the publishable key is filled in');
  assert.doesNotMatch(page, /%CLERK_PUBLISHABLE_KEY%/);
  const env = await fetch(new URL('v1/environment', devUrl));
  assert.equal(env.status, 200);
  assert.ok(((await env.json()) as { display_config?: unknown }).display_config, 'the environment, from the FAPI server');
  const bundle = await fetch(new URL('npm/@clerk/clerk-js@5/dist/clerk.browser.js', devUrl));
  assert.equal(bundle.status, 200);
});
