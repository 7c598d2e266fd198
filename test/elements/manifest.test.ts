// custom-elements.json is generated from the element classes: it must match what the analyzer says today.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

test('custom-elements.json is fresh (run `npm run manifest` after changing an element)', () => {
  // The analyzer resolves --outdir inside the working directory, so the scratch copy lives under node_modules.
  const rel = `node_modules/.cache/cem-check-${process.pid}`;
  const out = join(ROOT, rel);
  try {
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
        'analyze',
        '--config',
        'custom-elements-manifest.config.mjs',
        '--outdir',
        rel,
        '--quiet',
      ],
      { cwd: ROOT, stdio: 'pipe' },
    );
    // The analyzer lists modules in whatever order its file walk finished: compare them by path.
    const byPath = (file: string) => {
      const m = JSON.parse(readFileSync(file, 'utf8')) as { modules: Array<{ path: string }> };
      return { ...m, modules: [...m.modules].sort((a, b) => a.path.localeCompare(b.path)) };
    };
    assert.deepEqual(byPath(join(ROOT, 'custom-elements.json')), byPath(join(out, 'custom-elements.json')));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('every element the loader knows has a tag in the manifest', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as { modules: Array<{ declarations?: Array<{ tagName?: string }> }> };
  const tags = new Set(manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName)).filter(Boolean));
  const loader = readFileSync(join(ROOT, 'src/elements/loader.ts'), 'utf8');
  const known = [...loader.matchAll(/'(clerk-[a-z-]+)':/g)].map((m) => m[1]!);
  assert.ok(known.length > 5);
  assert.deepEqual(
    known.filter((t) => !tags.has(t)),
    [],
  );
});
