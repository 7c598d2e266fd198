// A throwaway copy of the repository for tests and benches that run the build scripts: they write dist/ and
// demo/apps/ under the copy, never into the real tree (which other tests read while they run).
import { cpSync, existsSync, mkdirSync, readdirSync, realpathSync, symlinkSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Build outputs, installs and caches: never copied. */
const SKIP = new Set(['node_modules', 'dist', 'apps', '.angular', '.clerk-wc', '.git']);

/** Copies `paths` (files or folders, relative to the repository root) into `into`, less outputs and installs. */
export function copyTree(into: string, paths: string[]): void {
  for (const p of paths) {
    cpSync(join(ROOT, p), join(into, p), { recursive: true, filter: (src) => !SKIP.has(basename(src)) });
  }
}

/**
 * Gives the copy the real installs, read-only: node_modules links to the repository's. A demo app copied under demo/
 * gets a real node_modules folder of links to each installed entry (its build tools write temporary files there), its
 * `clerk-wc` link pointing at the copy, as `file:../..` does in the real tree.
 */
export function linkInstalls(into: string): void {
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(into, 'node_modules'));
  const demos = existsSync(join(into, 'demo')) ? readdirSync(join(into, 'demo'), { withFileTypes: true }) : [];
  for (const app of demos) {
    const real = join(ROOT, 'demo', app.name, 'node_modules');
    if (!app.isDirectory() || !existsSync(real)) continue;
    const modules = join(into, 'demo', app.name, 'node_modules');
    mkdirSync(modules);
    for (const entry of readdirSync(real)) {
      if (entry === 'clerk-wc') symlinkSync('../../..', join(modules, entry));
      else if (!entry.startsWith('.vite')) symlinkSync(realpathSync(join(real, entry)), join(modules, entry));
    }
  }
}
