// Shared by the end-to-end suites: the real built server serving demo/ next to the FAPI, and Debian's Chromium.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = join(ROOT, 'dist/server/cli.js');
export const RESULTS = join(ROOT, 'test-results');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface DemoServer {
  url: string;
  /** The server's stdout and stderr lines so far. */
  output: string[];
  stop(): Promise<void>;
}

/** Starts `node dist/server/cli.js --static-dir demo` on a free port with a fresh SQLite data folder. */
export function startDemoServer(tag: string): Promise<DemoServer> {
  assert.ok(existsSync(CLI), `${CLI} is missing: build first with \`node scripts/build.mjs\``);
  const dataDir = mkdtempSync(join(tmpdir(), `clerk-wc-e2e-${tag}-`));
  const proc = spawn(process.execPath, [CLI, '--static-dir', 'demo'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CLERK_WC_DATA_DIR: dataDir, MAIL_LOG: '0', CLERK_WC_CONFIG: '', RATE_LIMIT_MAX: '100000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.removeAllListeners('exit');
      await new Promise<void>((r) => {
        const force = setTimeout(() => proc.kill('SIGKILL'), 5_000);
        proc.once('exit', () => {
          clearTimeout(force);
          r();
        });
        proc.kill('SIGTERM');
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 20 s:\n${output.join('\n')}`)), 20_000);
    createInterface({ input: proc.stderr! }).on('line', (line) => output.push(line));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      output.push(line);
      if (!line.startsWith('{"event":"listening"')) return;
      clearTimeout(timer);
      resolvePromise({ url: (JSON.parse(line) as { url: string }).url, output, stop });
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`the server exited with ${code}:\n${output.join('\n')}`));
    });
  });
}
