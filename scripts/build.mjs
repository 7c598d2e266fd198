// Builds dist/. `node scripts/build.mjs server` builds only the Node server (what `npm start` needs).
//   dist/clerk.browser.js   script-tag bundle (IIFE, minified): sets window.Clerk
//   dist/index.js           ESM entry (+ dist/types/*.d.ts)
//   dist/server/*.js        the FAPI server (Node, dependencies external)
//   dist/pages/account.*    script and stylesheet of the hosted account pages (/sign-in, /sign-up, /waitlist)
// A target whose inputs (src/**, this script, package.json, the lockfiles, tsconfig*.json) hash as they did at its last
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
/** Element folders under src/elements with a `<name>/<name>.ts` entry: each becomes dist/elements/<name>.js. */
const ELEMENTS = readdirSync('src/elements', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`src/elements/${d.name}/${d.name}.ts`))
  .map((d) => d.name);
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const define = { __CLERK_WC_VERSION__: JSON.stringify(version) };

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
  const configs = readdirSync('.').filter((f) => /^tsconfig.*\.json$/.test(f)).sort();
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

async function buildBrowser(out) {
  const common = { bundle: true, platform: 'browser', target: 'es2022', define, sourcemap: true, logLevel: 'warning', legalComments: 'none' };
  await bundle(out, { ...common, entryPoints: ['src/browser.ts'], outfile: 'dist/clerk.browser.js', format: 'iife', minify: true });
  await bundle(out, { ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', format: 'esm', minify: false });
  // One chunk per element, Lit and shared code split out: what the autoloader imports on first use.
  await bundle(out, {
    ...common,
    entryPoints: Object.fromEntries(ELEMENTS.map((name) => [`elements/${name}`, `src/elements/${name}/${name}.ts`])),
    outdir: 'dist',
    format: 'esm',
    splitting: true,
    minify: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
  // For apps that bundle: every element in one module (its own build, so the chunks above stay per element).
  await bundle(out, { ...common, entryPoints: ['src/elements/all.ts'], outfile: 'dist/elements.js', format: 'esm', minify: true });
  // The hosted account pages' own files (the server serves them under /__clerk-wc/pages/; no inline code there).
  await bundle(out, { ...common, entryPoints: { 'pages/account': 'src/pages/account.ts' }, outdir: 'dist', format: 'iife', minify: true });
  await bundle(out, { ...common, entryPoints: { 'pages/account': 'src/pages/account.css' }, outdir: 'dist', minify: true, sourcemap: false });
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
