// The import boundaries of ARCHITECTURE.md: core ↛ elements/server/backend; elements ↛ server/backend;
// server and backend ↛ core/elements; pages (the hosted account pages' script) ↛ server/backend. Shared FAPI
// types live in src/types and anyone may import them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = resolve(import.meta.dirname, '../src');
const FORBIDDEN: Record<string, string[]> = {
  core: ['elements', 'server', 'backend'],
  elements: ['server', 'backend'],
  server: ['core', 'elements', 'backend'],
  backend: ['core', 'elements', 'server'],
  theme: ['server', 'backend'],
  localization: ['server', 'backend'],
  pages: ['server', 'backend'],
};

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(name) ? [p] : [];
  });
}

/** Top-level folder under src/ of a file. */
function area(file: string): string {
  return relative(SRC, file).split(sep)[0]!;
}

test('imports respect the layer boundaries', () => {
  const violations: string[] = [];
  for (const file of files(SRC)) {
    const from = area(file);
    const banned = FORBIDDEN[from] ?? [];
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/(?:import|export)[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2]!;
      const to = area(resolve(dirname(file), spec));
      if (banned.includes(to)) violations.push(`${relative(SRC, file)} imports ${spec} (${from} → ${to})`);
    }
  }
  assert.deepEqual(violations, []);
});

test('browser code never imports node: modules', () => {
  const offenders = ['core', 'elements', 'theme', 'localization', 'pages']
    .flatMap((d) => files(join(SRC, d)))
    .filter((f) => /from\s*['"]node:/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(SRC, f));
  assert.deepEqual(offenders, []);
});

test('the checker sees the server files (it cannot pass by scanning nothing)', () => {
  assert.ok(files(join(SRC, 'server')).length > 10);
});

test('nothing the project runs reads outside the repository (a fresh clone has nothing beside it)', () => {
  const root = resolve(SRC, '..');
  const scanned = ['src', 'test', 'scripts', 'bench', '.ci', 'demo']
    .flatMap((d) => filesMatching(join(root, d), /\.(ts|mjs|js|sh)$|^run$/))
    .filter((f) => !f.includes(`${sep}node_modules${sep}`) && !f.includes(`${sep}demo${sep}apps${sep}`));
  assert.ok(scanned.length > 50, 'the scan sees the project files');
  const offenders = scanned.filter((f) => /shared\/(fapi|seeds|hooks)\/|shared\/(ARCHITECTURE|STYLE|TOOLCHAIN)\.md|'shared', '(fapi|seeds)'|\.library\//.test(readFileSync(f, 'utf8')) && !f.endsWith('architecture.test.ts'));
  assert.deepEqual(offenders.map((f) => relative(root, f)), []);
  assert.ok(existsSync(join(root, 'spec/fapi-2026-05-12.yml')) && existsSync(join(root, 'spec/LICENSE')), 'the vendored spec and its license are in the repository');
});

function filesMatching(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(p).isDirectory() ? filesMatching(p, pattern) : pattern.test(name) ? [p] : [];
  });
}
