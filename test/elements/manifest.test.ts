// custom-elements.json is generated from the element classes: it must match what the analyzer says today.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CLERK_ELEMENTS } from '../../src/elements/registry.ts';

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

test('the manifest documents exactly the elements of the registry (what the loader knows)', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as { modules: Array<{ declarations?: Array<{ tagName?: string }> }> };
  const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName)).filter((t): t is string => !!t);
  const known = CLERK_ELEMENTS.map((e) => e.tag);
  assert.ok(known.length > 5);
  assert.deepEqual([...tags].sort(), [...known].sort());
});
