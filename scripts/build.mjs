// Builds dist/. `node scripts/build.mjs server` builds only the Node server (what `npm start` needs).
//   browser  Vite, one build per mode of vite.config.ts: dist/clerk.browser.js (script-tag IIFE, sets window.Clerk),
//            dist/index.js (ESM entry), dist/elements/*.js + dist/chunks/ (one chunk per element), dist/elements.js,
//            dist/pages/account.* (the hosted account pages); then dist/types/*.d.ts with tsc
//   server   esbuild: dist/server/*.js, the FAPI server (Node, dependencies external)
//   backend  esbuild: dist/backend/*.js, the helpers for the user's backend (Node, dependencies external)
// A target whose inputs (src/**, this script, vite.config.ts, package.json, the lockfiles, tsconfig*.json) hash as they did at its last
// successful build, and whose outputs are all still there, is skipped: dist/.build-hash keeps, per target, that hash and
// the outputs' sizes. `--force` rebuilds anyway. Paths are relative to the working directory (the repository root).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TARGETS = ['server', 'backend', 'browser'];
const args = process.argv.slice(2);
const force = args.includes('--force');
const only = args.find((a) => !a.startsWith('-'));
if (only && !TARGETS.includes(only)) {
  console.error(`build: unknown target "${only}" (targets: ${TARGETS.join(', ')})`);
  process.exit(2);
}
const STAMP = 'dist/.build-hash';
/** The modes of vite.config.ts (its BROWSER_MODES), built in this order. */
const BROWSER_MODES = ['iife', 'esm', 'elements', 'all', 'pages'];

/** Every file under `dir`, sorted, as paths relative to the working directory with `/` separators. */
function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative('.', join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

/** One hash over everything a build reads: sources, this script, the package and TypeScript configs, what is installed. */
function inputsHash() {
  const hash = createHash('sha256');
  const add = (name, bytes) => hash.update(`${name}\0${bytes.length}\0`).update(bytes);
  add('scripts/build.mjs', readFileSync(fileURLToPath(import.meta.url)));
  if (existsSync('vite.config.ts')) add('vite.config.ts', readFileSync('vite.config.ts'));
  const configs = readdirSync('.')
    .filter((f) => /^tsconfig.*\.json$/.test(f))
    .sort();
  for (const f of ['package.json', 'package-lock.json', 'node_modules/.package-lock.json', ...configs]) {
    if (existsSync(f)) add(f, readFileSync(f));
  }
  for (const f of files('src')) add(f, readFileSync(f));
  return hash.digest('hex');
}

function readStamp() {
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
    if (stamp && typeof stamp.targets === 'object' && stamp.targets) return stamp;
  } catch {
    // missing or unreadable: nothing is known to be built
  }
  return { targets: {} };
}

function writeStamp(stamp) {
  writeFileSync(`${STAMP}.tmp`, `${JSON.stringify(stamp, null, 1)}\n`);
  renameSync(`${STAMP}.tmp`, STAMP);
}

/** A target is fresh when it was built from these very inputs and every file it wrote is there with its size. */
function fresh(entry, inputs) {
  if (!entry || entry.inputs !== inputs || !entry.outputs || Object.keys(entry.outputs).length === 0) return false;
  return Object.entries(entry.outputs).every(([f, size]) => {
    try {
      return statSync(f).size === size;
    } catch {
      return false;
    }
  });
}

/** One esbuild run; the files it wrote (from its metafile) go into `out`. */
async function bundle(out, options) {
  const { build } = await import('esbuild'); // loaded only when something is built: a no-op run stays quick
  const result = await build({ ...options, metafile: true });
  for (const f of Object.keys(result.metafile.outputs)) out.add(f);
}

async function buildServer(out) {
  await bundle(out, {
    entryPoints: { 'server/cli': 'src/server/cli.ts', 'server/index': 'src/server/index.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

async function buildBackend(out) {
  await bundle(out, {
    entryPoints: {
      'backend/index': 'src/backend/index.ts',
      'backend/express': 'src/backend/middleware/express.ts',
      'backend/hono': 'src/backend/middleware/hono.ts',
      'backend/fastify': 'src/backend/middleware/fastify.ts',
    },
    outdir: 'dist',
    bundle: true,
    splitting: true,
    chunkNames: 'backend/chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

/** The browser side: one Vite build per mode of vite.config.ts (script-tag IIFE, ESM entry, element chunks, all elements, pages). */
async function buildBrowser(out) {
  const { build } = await import('vite'); // loaded only when the browser side is built
  for (const mode of BROWSER_MODES) {
    const results = await build({ configFile: 'vite.config.ts', mode, logLevel: 'warn' });
    for (const result of [results].flat()) for (const item of result.output ?? []) out.add(`dist/${item.fileName}`);
  }
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  for (const f of files('dist/types')) out.add(f);
}

const BUILDERS = { server: buildServer, backend: buildBackend, browser: buildBrowser };
const targets = only ? [only] : TARGETS;
const inputs = inputsHash();
let stamp = readStamp();
if (!force && targets.every((t) => fresh(stamp.targets[t], inputs))) {
  console.log(`dist/ is up to date${only ? ` (${only})` : ''}`);
  process.exit(0);
}
if (only) {
  // Forget this target before touching its files: a build that fails half-way leaves it stale.
  if (stamp.targets[only]) {
    delete stamp.targets[only];
    writeStamp(stamp);
  }
} else {
  await rm('dist', { recursive: true, force: true });
  stamp = { targets: {} };
}
for (const t of targets) {
  const out = new Set();
  await BUILDERS[t](out);
  const outputs = Object.fromEntries([...out].sort().map((f) => [f, statSync(f).size]));
  stamp.targets[t] = { inputs, outputs };
}
writeStamp(stamp);
