// The built server as a child process, for every browser suite: start it on a free port, wait for its
// `listening` line, stop it (SIGTERM, then SIGKILL after 5 s).
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = join(ROOT, 'dist/server/cli.js');

export interface ServerProcess {
  proc: ChildProcess;
  url: string;
  publishableKey: string;
  /** stdout and stderr lines so far. */
  output: string[];
}

/**
 * `node <cli> --static-dir <staticDir>` (no static site when `staticDir` is undefined) with test defaults (port 0,
 * fresh data folder, no mail log); `env` on top.
 */
export function spawnServer(opts: { staticDir: string | undefined; dataDir: string; env?: Record<string, string>; cli?: string }): Promise<ServerProcess> {
  const proc = spawn(process.execPath, [opts.cli ?? CLI, ...(opts.staticDir !== undefined ? ['--static-dir', opts.staticDir] : [])], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CLERK_WC_DATA_DIR: opts.dataDir,
      MAIL_LOG: '0',
      CLERK_WC_CONFIG: '',
      RATE_LIMIT_MAX: '100000',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 20 s:\n${output.join('\n')}`)), 20_000);
    createInterface({ input: proc.stderr! }).on('line', (line) => output.push(line));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      output.push(line);
      if (!line.startsWith('{"event":"listening"')) return;
      clearTimeout(timer);
      const ev = JSON.parse(line) as { url: string; publishableKey: string };
      resolvePromise({ proc, url: ev.url, publishableKey: ev.publishableKey, output });
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output.join('\n')}`));
    });
  });
}

/** Stops a server process that is still running. */
export async function stopProcess(proc: ChildProcess | undefined): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
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
