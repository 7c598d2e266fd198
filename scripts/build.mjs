// Builds dist/. `node scripts/build.mjs server` builds only the Node server (what `npm start` needs).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const only = process.argv[2];

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

if (!only) await rm('dist', { recursive: true, force: true });
if (!only || only === 'server') await buildServer();
