// Builds the framework demo apps (demo/vue, demo/svelte, demo/angular) into demo/apps/<name>, installing each
// app's own dependencies first when they are missing. The apps import the built package, so run
// `node scripts/build.mjs` before this. `--strict` fails on the first app that does not build (tests, CI);
// without it a failure is reported and the other demos still start.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const strict = process.argv.includes('--strict');
const apps = ['vue', 'svelte', 'angular'].filter((name) => existsSync(join('demo', name, 'package.json')));
let failed = 0;

function run(cwd, args) {
  const res = spawnSync('npm', args, { cwd, stdio: 'inherit', env: process.env });
  return res.status === 0;
}

for (const name of apps) {
  const dir = join('demo', name);
  const started = Date.now();
  const lock = join(dir, 'package-lock.json');
  const installed = join(dir, 'node_modules', '.package-lock.json');
  const needsInstall = !existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs);
  const ok = (!needsInstall || run(dir, ['ci', '--no-audit', '--no-fund', '--loglevel=error'])) && run(dir, ['run', 'build', '--silent']);
  console.log(`demo/${name}: ${ok ? 'built' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) {
    failed += 1;
    if (strict) process.exit(1);
  }
}
if (failed) console.warn(`${failed} demo app(s) did not build; the other demos still work.`);
