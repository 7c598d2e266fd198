// Builds dist/. `node scripts/build.mjs server` builds only the Node server (what `npm start` needs).
//   dist/clerk.browser.js   script-tag bundle (IIFE, minified): sets window.Clerk
//   dist/index.js           ESM entry (+ dist/types/*.d.ts)
//   dist/server/*.js        the FAPI server (Node, dependencies external)
//   dist/pages/account.*    script and stylesheet of the hosted account pages (/sign-in, /sign-up, /waitlist)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';

const only = process.argv[2];
/** Element folders under src/elements with a `<name>/<name>.ts` entry: each becomes dist/elements/<name>.js. */
const ELEMENTS = readdirSync('src/elements', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`src/elements/${d.name}/${d.name}.ts`))
  .map((d) => d.name);
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const define = { __CLERK_WC_VERSION__: JSON.stringify(version) };

async function buildServer() {
  await build({
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

async function buildBackend() {
  await build({
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

async function buildBrowser() {
  const common = { bundle: true, platform: 'browser', target: 'es2022', define, sourcemap: true, logLevel: 'warning', legalComments: 'none' };
  await build({ ...common, entryPoints: ['src/browser.ts'], outfile: 'dist/clerk.browser.js', format: 'iife', minify: true });
  await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', format: 'esm', minify: false });
  // One chunk per element, Lit and shared code split out: what the autoloader imports on first use.
  await build({
    ...common,
    entryPoints: Object.fromEntries(ELEMENTS.map((name) => [`elements/${name}`, `src/elements/${name}/${name}.ts`])),
    outdir: 'dist',
    format: 'esm',
    splitting: true,
    minify: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
  // For apps that bundle: every element in one module (its own build, so the chunks above stay per element).
  await build({ ...common, entryPoints: ['src/elements/all.ts'], outfile: 'dist/elements.js', format: 'esm', minify: true });
  // The hosted account pages' own files (the server serves them under /__clerk-wc/pages/; no inline code there).
  await build({ ...common, entryPoints: { 'pages/account': 'src/pages/account.ts' }, outdir: 'dist', format: 'iife', minify: true });
  await build({ ...common, entryPoints: { 'pages/account': 'src/pages/account.css' }, outdir: 'dist', minify: true, sourcemap: false });
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}

if (!only) await rm('dist', { recursive: true, force: true });
if (!only || only === 'server') await buildServer();
if (!only || only === 'backend') await buildBackend();
if (!only || only === 'browser') await buildBrowser();
