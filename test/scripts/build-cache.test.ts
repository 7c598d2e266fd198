// scripts/build.mjs skips a target whose inputs are unchanged since its last successful build (dist/.build-hash), and
// rebuilds when a source changes, an output is missing, a build failed or --force is given. Runs the real script in a
// throwaway copy of the sources, so the real dist/ (which other tests read) is never touched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyTree, linkInstalls, ROOT } from '../support/tree-copy.ts';

const BUILD = join(ROOT, 'scripts/build.mjs');

function build(cwd: string, ...args: string[]): { code: number | null; out: string } {
  const res = spawnSync(process.execPath, [BUILD, ...args], { cwd, encoding: 'utf8' });
  return { code: res.status, out: `${res.stdout}${res.stderr}`.trim() };
}

/** Every file under dist/ with its modification time. */
function mtimes(dist: string): Record<string, number> {
  const entries = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  return Object.fromEntries(entries.map((d) => [join(d.parentPath, d.name), statSync(join(d.parentPath, d.name)).mtimeMs]));
}

test('build.mjs: a second run is a no-op; a changed source, a missing output, a failed build or --force rebuild', async (t) => {
  const tree = mkdtempSync(join(tmpdir(), 'clerk-wc-build-cache-'));
  t.after(() => rmSync(tree, { recursive: true, force: true }));
  copyTree(tree, ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'vite.config.ts', 'src']);
  linkInstalls(tree);
  const dist = join(tree, 'dist');

  const first = build(tree);
  assert.equal(first.code, 0, first.out);
  assert.doesNotMatch(first.out, /up to date/);
  assert.ok(statSync(join(dist, 'server/cli.js')).isFile() && statSync(join(dist, 'elements.js')).isFile() && statSync(join(dist, 'types')).isDirectory());
  const built = mtimes(dist);
  assert.ok(Object.keys(built).length > 50, 'the build wrote dist/');

  const again = build(tree);
  assert.equal(again.code, 0, again.out);
  assert.equal(again.out, 'dist/ is up to date');
  assert.deepEqual(mtimes(dist), built, 'nothing in dist/ was rewritten');
  assert.equal(build(tree, 'server').out, 'dist/ is up to date (server)');
  assert.deepEqual(mtimes(dist), built);

  await t.test('a changed source rebuilds the target, and only that one when a target is named', () => {
    appendFileSync(join(tree, 'src/server/cli.ts'), '\n// changed by the build-cache test\n');
    const res = build(tree, 'server');
    assert.equal(res.code, 0, res.out);
    assert.doesNotMatch(res.out, /up to date/);
    const now = mtimes(dist);
    assert.notEqual(now[join(dist, 'server/cli.js')], built[join(dist, 'server/cli.js')], 'dist/server/cli.js was rebuilt');
    assert.equal(now[join(dist, 'elements.js')], built[join(dist, 'elements.js')], 'the browser files were left alone');
    assert.equal(build(tree, 'server').out, 'dist/ is up to date (server)');
    // The other targets were built from the old sources: a full build is due.
    assert.doesNotMatch(build(tree, 'backend').out, /up to date/);
  });

  await t.test('a missing output rebuilds', () => {
    unlinkSync(join(dist, 'server/index.js.map'));
    const res = build(tree, 'server');
    assert.equal(res.code, 0, res.out);
    assert.doesNotMatch(res.out, /up to date/);
    assert.ok(statSync(join(dist, 'server/index.js.map')).isFile());
  });

  await t.test('a failed build is not recorded: the same sources rebuild next time', () => {
    const file = join(tree, 'src/server/cli.ts');
    const source = readFileSync(file, 'utf8');
    writeFileSync(file, `${source}\nconst = ;\n`);
    assert.notEqual(build(tree, 'server').code, 0);
    writeFileSync(file, source);
    const res = build(tree, 'server');
    assert.equal(res.code, 0, res.out);
    assert.doesNotMatch(res.out, /up to date/);
  });

  await t.test('--force rebuilds an up-to-date target', () => {
    assert.equal(build(tree, 'server').out, 'dist/ is up to date (server)');
    const before = statSync(join(dist, 'server/cli.js')).mtimeMs;
    const res = build(tree, 'server', '--force');
    assert.equal(res.code, 0, res.out);
    assert.doesNotMatch(res.out, /up to date/);
    assert.notEqual(statSync(join(dist, 'server/cli.js')).mtimeMs, before);
  });

  await t.test('an unknown target is refused', () => {
    const res = build(tree, 'nonsense');
    assert.equal(res.code, 2);
    assert.match(res.out, /unknown target "nonsense"/);
  });
});
