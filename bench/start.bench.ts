// Start-up benchmark (`npm run bench:start`): how long `npm start` takes to answer, cold and again on an unchanged
// tree. Runs in a throwaway copy of the repository (sources, scripts, demo apps; the installs linked, read-only), so
// the real dist/ and demo/apps/ are left alone. Each run spawns `npm start` with PORT=0, reads the `listening` line,
// then times the first 200 from GET /v1/environment, and stops the server. Also times `node scripts/build.mjs` as a
// no-op and with --force. Prints one line per figure and a JSON summary.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { copyTree, linkInstalls } from '../test/support/tree-copy.ts';

const tree = mkdtempSync(join(tmpdir(), 'clerk-wc-start-bench-'));
copyTree(tree, ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'vite.config.ts', 'src', 'scripts', 'demo', 'spec']);
linkInstalls(tree);

/** `npm start` in the copy until GET /v1/environment answers 200; milliseconds from spawn. */
async function start(label: string): Promise<number> {
  const data = mkdtempSync(join(tmpdir(), 'clerk-wc-start-bench-data-'));
  const began = performance.now();
  // Its own process group (npm → sh → node), so stopping it stops the server too.
  const child = spawn('npm', ['start', '--silent'], {
    cwd: tree,
    detached: true,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CLERK_WC_DATA_DIR: data, MAIL_LOG: '0', CLERK_WC_CONFIG: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const log: string[] = [];
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        log.push(line);
        if (line.startsWith('{"event":"listening"')) resolve((JSON.parse(line) as { url: string }).url);
      });
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${log.join('\n')}`)));
    });
    for (;;) {
      const res = await fetch(`${url}/v1/environment`).catch(() => undefined);
      if (res?.status === 200) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const ms = performance.now() - began;
    console.log(`${label}: ${(ms / 1000).toFixed(2)} s to the first 200 from /v1/environment`);
    for (const line of log.filter((l) => /^(dist|demo)\//.test(l))) console.log(`  ${line}`);
    return ms;
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      process.kill(-child.pid!, 'SIGTERM');
    });
    rmSync(data, { recursive: true, force: true });
  }
}

function build(args: string[]): number {
  const began = performance.now();
  const res = spawnSync(process.execPath, ['scripts/build.mjs', ...args], { cwd: tree, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`node scripts/build.mjs ${args.join(' ')} failed:\n${res.stdout}`);
  return performance.now() - began;
}

try {
  const cold = await start('npm start, cold (no dist/, no demo builds)');
  const warm = await start('npm start, unchanged tree');
  const noop = build([]);
  const full = build(['--force']);
  console.log(`node scripts/build.mjs: ${(noop / 1000).toFixed(2)} s as a no-op, ${(full / 1000).toFixed(2)} s with --force`);
  const s = (ms: number) => Math.round(ms) / 1000;
  console.log(JSON.stringify({ startColdS: s(cold), startWarmS: s(warm), buildNoopS: s(noop), buildFullS: s(full) }));
} finally {
  rmSync(tree, { recursive: true, force: true });
}
