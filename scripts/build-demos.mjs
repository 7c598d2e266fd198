// Builds the framework demo apps (demo/vue, demo/svelte, demo/angular) into demo/apps/<name>, installing each
// app's own dependencies first when they are missing. The apps import the built package, so run
// `node scripts/build.mjs` before this. `--strict` fails on the first app that does not build (tests, CI);
// without it a failure is reported and the other demos still start.
// An app is rebuilt only when its inputs changed: its own files (src, configs, package.json, lockfile), what is installed
// for it, the package's dist/ it imports (browser files and types) and this script. The hash of those is kept in
// demo/apps/<name>/.build-hash after a successful build (the app's build empties that folder first). `--force` rebuilds.
// Dependencies are reinstalled (`npm ci`) only when the lockfile's content no longer matches what is installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const strict = process.argv.includes('--strict');
const force = process.argv.includes('--force');
const apps = ['vue', 'svelte', 'angular'].filter((name) => existsSync(join('demo', name, 'package.json')));
/** Written next to an install that this script made: the sha256 of the lockfile it was installed from. */
const LOCK_STAMP = '.clerk-wc-lock.sha256';
/** Not inputs of an app's build: its dependencies (hashed through the installed lockfile), caches, notes. */
const SKIP = new Set(['node_modules', '.angular', 'out-tsc', 'dist', 'README.md']);
let failed = 0;

function run(cwd, args) {
  const res = spawnSync('npm', args, { cwd, stdio: 'inherit', env: process.env });
  return res.status === 0;
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Every file under `dir` (skipping the names in `skip` at any depth), sorted, relative to `dir`, `/`-separated. */
function files(dir, skip = new Set()) {
  const out = [];
  const walk = (sub) => {
    for (const d of readdirSync(join(dir, sub), { withFileTypes: true })) {
      if (skip.has(d.name)) continue;
      const rel = sub ? `${sub}/${d.name}` : d.name;
      if (d.isDirectory()) walk(rel);
      else if (d.isFile()) out.push(rel);
    }
  };
  if (existsSync(dir)) walk('');
  return out.sort();
}

/**
 * Whether node_modules holds what package-lock.json describes, by content: the lockfile hash this script wrote after
 * its last `npm ci`, or else npm's own record of the install (node_modules/.package-lock.json) agreeing with the
 * lockfile package by package. Read-only: an install made by hand (or shared through a symlink) is recognised as is.
 */
function installed(dir) {
  const modules = join(dir, 'node_modules');
  const lockText = existsSync(join(dir, 'package-lock.json')) ? readFileSync(join(dir, 'package-lock.json')) : undefined;
  const lock = lockText && readJson(join(dir, 'package-lock.json'));
  if (!lock?.packages || !existsSync(join(modules, '.package-lock.json'))) return false;
  const root = lock.packages[''] ?? {};
  const direct = Object.keys({ ...root.dependencies, ...root.devDependencies });
  if (!direct.every((name) => existsSync(join(modules, name)))) return false;
  if (readJson(join(modules, LOCK_STAMP)) === sha256(lockText)) return true;
  const have = readJson(join(modules, '.package-lock.json'))?.packages;
  if (!have) return false;
  const same = (a, b) => ['version', 'resolved', 'integrity', 'link'].every((k) => a[k] === b[k]);
  for (const [key, want] of Object.entries(lock.packages)) {
    if (!key.startsWith('node_modules/')) continue; // the app itself and link targets
    const got = have[key];
    if (got ? !same(want, got) : !want.optional) return false;
  }
  return Object.keys(have).every((key) => !key.startsWith('node_modules/') || key in lock.packages);
}

/** The hash of everything the app's build reads (see the top of this file). */
function inputsHash(dir) {
  const hash = createHash('sha256');
  const add = (name, bytes) => hash.update(`${name}\0${bytes.length}\0`).update(bytes);
  add('scripts/build-demos.mjs', readFileSync(fileURLToPath(import.meta.url)));
  for (const f of files(dir, SKIP)) add(f, readFileSync(join(dir, f)));
  add('node_modules/.package-lock.json', readFileSync(join(dir, 'node_modules', '.package-lock.json')));
  // `clerk-wc` is linked (file:../..): hash the dist/ it really resolves to, less the Node-only server and backend.
  const pkg = join(dir, 'node_modules', 'clerk-wc');
  const dist = join(existsSync(pkg) ? realpathSync(pkg) : '.', 'dist');
  const nodeOnly = /^(server|backend)\/|^\.build-hash/;
  for (const f of files(dist).filter((f) => !nodeOnly.test(f))) add(`clerk-wc/dist/${f}`, readFileSync(join(dist, f)));
  return hash.digest('hex');
}

for (const name of apps) {
  const dir = join('demo', name);
  const started = Date.now();
  const out = join('demo', 'apps', name); // outDir / outputPath in the app's vite.config / angular.json
  const stamp = join(out, '.build-hash');
  if (!installed(dir)) {
    if (!run(dir, ['ci', '--no-audit', '--no-fund', '--loglevel=error'])) {
      failed += 1;
      console.log(`demo/${name}: FAILED (npm ci)`);
      if (strict) process.exit(1);
      continue;
    }
    writeFileSync(join(dir, 'node_modules', LOCK_STAMP), JSON.stringify(sha256(readFileSync(join(dir, 'package-lock.json')))));
  }
  const inputs = inputsHash(dir);
  if (!force && existsSync(join(out, 'index.html')) && readJson(stamp) === inputs) {
    console.log(`demo/${name}: up to date`);
    continue;
  }
  rmSync(stamp, { force: true });
  const ok = run(dir, ['run', 'build', '--silent']);
  if (ok && existsSync(out)) writeFileSync(stamp, JSON.stringify(inputs));
  console.log(`demo/${name}: ${ok ? 'built' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) {
    failed += 1;
    if (strict) process.exit(1);
  }
}
if (failed) console.warn(`${failed} demo app(s) did not build; the other demos still work.`);
