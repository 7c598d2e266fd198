// The import boundaries of ARCHITECTURE.md: core ↛ elements/server/backend; elements ↛ server/backend;
// server and backend ↛ core/elements; pages (the hosted account pages' script) ↛ server/backend. Shared FAPI
// types live in src/types and anyone may import them; types imports nothing at all. Inside the server, services
// ↛ http/serialize and only store/ queries the database; elements never read window.Clerk (the last three with an
// allow-list of today's offenders, each empty now).
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
const AREAS = ['backend', 'core', 'elements', 'localization', 'pages', 'server', 'theme', 'types'];

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

/** Every module a file names: static and type-only imports, re-exports, side-effect and dynamic imports,
 *  `import('…')` types, require() and triple-slash references. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/\bfrom\s*['"]([^'"]+)['"]|\bimport\s*(?:\(\s*)?['"]([^'"]+)['"]|\brequire\s*\(\s*['"]([^'"]+)['"]/g)) {
    found.push(m[1] ?? m[2] ?? m[3]!);
  }
  for (const m of source.matchAll(/^\s*\/\/\/\s*<reference\s+(?:types|path|lib)\s*=\s*['"]([^'"]+)['"]/gm)) found.push(m[1]!);
  return found;
}

/** The source without comments (so a comment that mentions `window.Clerk` is not a read of it). */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/**
 * Checks today's offenders of a rule that is not met yet: `found` must equal `allowed`. A new violation fails
 * (the list never grows); an allowed entry that no longer violates fails too (delete it: the list only shrinks).
 */
function allowListed(found: string[], allowed: readonly string[], rule: string): void {
  const unlisted = found.filter((v) => !allowed.includes(v));
  const stale = allowed.filter((v) => !found.includes(v));
  assert.deepEqual(unlisted, [], `${rule}: new violations (fix them; never add them to the allow-list)`);
  assert.deepEqual(stale, [], `${rule}: these allow-list entries no longer violate; delete them from the list`);
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

test('the checker knows every folder of src/ (a new one gets its boundaries here first)', () => {
  assert.deepEqual(
    readdirSync(SRC, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort(),
    AREAS,
  );
});

test('types imports nothing: no other src/ folder, no node: module, no package, not even a type', () => {
  const typeFiles = files(join(SRC, 'types'));
  assert.ok(typeFiles.some((f) => f.endsWith(`types${sep}session-claims.ts`)) && typeFiles.some((f) => f.endsWith(`types${sep}index.ts`)));
  const violations = typeFiles.flatMap((file) =>
    specifiers(readFileSync(file, 'utf8'))
      .filter((spec) => !spec.startsWith('.') || area(resolve(dirname(file), spec)) !== 'types')
      .map((spec) => `${relative(SRC, file)} imports ${spec}`),
  );
  assert.deepEqual(violations, []);
});

test('the specifier scan sees every kind of import (it cannot pass by matching nothing)', () => {
  const sample = [
    "import { a } from './a.js';",
    "import type { B } from 'pkg';",
    "export * from '../c.js';",
    "import 'node:fs';",
    "const d = await import('./d.js');",
    "type E = import('node:crypto').KeyObject;",
    "const f = require('f');",
    '/// <reference types="node" />',
  ].join('\n');
  assert.deepEqual(specifiers(sample), ['./a.js', 'pkg', '../c.js', 'node:fs', './d.js', 'node:crypto', 'f', 'node']);
});

/** A declaration of a src/types name (not an `import { type X }`), or an `errors[]` item typed by hand. */
const WIRE_DECLARATION = /\b(?:interface|type)\s+(?:SessionClaims|ClerkErrorJSON|ClerkErrorsJSON|PublicJwk)\b(?!\s*[,}])|long_message\??\s*:\s*string/;

test('everyone may import types, and core, server and backend do (one SessionClaims, one errors[] item)', () => {
  for (const banned of Object.values(FORBIDDEN)) assert.ok(!banned.includes('types'));
  const importers = new Set(
    files(SRC)
      .filter((f) => area(f) !== 'types')
      .filter((f) => specifiers(readFileSync(f, 'utf8')).some((s) => s.startsWith('.') && area(resolve(dirname(f), s)) === 'types'))
      .map(area),
  );
  for (const a of ['core', 'server', 'backend']) assert.ok(importers.has(a), `${a} imports src/types`);
  const redeclared = files(SRC)
    .filter((f) => area(f) !== 'types')
    .filter((f) => WIRE_DECLARATION.test(code(readFileSync(f, 'utf8'))))
    .map((f) => relative(SRC, f));
  assert.deepEqual(redeclared, [], 'wire types are declared in src/types only');
});

// Services hold the flows; HTTP (errors, params, the client transport) and the JSON shapes belong to the routes.
// Today's offenders, each as `<service> → <module it imports>`. Only ever delete entries.
const SERVICES_IMPORTING_HTTP_OR_SERIALIZE: readonly string[] = [];

test("server services never import http/ or serialize/ (allow-list of today's offenders only shrinks)", () => {
  const server = join(SRC, 'server');
  const serviceFiles = files(join(server, 'services'));
  assert.ok(serviceFiles.length > 5, 'the check sees the services');
  const found = new Set<string>();
  for (const file of serviceFiles) {
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = relative(server, resolve(dirname(file), spec));
      if (/^(http|serialize)(\/|\\|$)/.test(target)) found.add(`${relative(server, file)} → ${target.split(sep).join('/')}`);
    }
  }
  allowListed([...found].sort(), SERVICES_IMPORTING_HTTP_OR_SERIALIZE, 'services → http/serialize');
});

// The store (src/server/store/) is the only place that speaks SQL: every query is a named function there.
// Today's offenders, each as `<file> → <method>`. Only ever delete entries.
const QUERIES_OUTSIDE_STORE: readonly string[] = [];

/** A Kysely query builder started on a Db or a transaction: `.selectFrom(`, `.insertInto(`, `.updateTable(`, `.deleteFrom(`. */
const QUERY_BUILDER = /\.\s*(selectFrom|insertInto|updateTable|deleteFrom)\s*\(/g;

test('the query check recognises each query builder, and not a comment or a store function name', () => {
  const sample = "db.selectFrom('a'); tx\n  .insertInto('b'); db.updateTable('c'); trx.deleteFrom ('d');";
  assert.deepEqual(
    [...code(sample).matchAll(QUERY_BUILDER)].map((m) => m[1]),
    ['selectFrom', 'insertInto', 'updateTable', 'deleteFrom'],
  );
  for (const quiet of ['// db.selectFrom(x)', '/* tx.deleteFrom(y) */', 'await updateTableRow(db, id)', 'insertIntoOutbox(db)']) {
    assert.equal([...code(quiet).matchAll(QUERY_BUILDER)].length, 0, quiet);
  }
});

test("server queries live in store/ only (allow-list of today's offenders only shrinks)", () => {
  const server = join(SRC, 'server');
  const store = join(server, 'store');
  const serverFiles = files(server);
  const storeFiles = serverFiles.filter((f) => f.startsWith(store + sep));
  const querying = storeFiles.filter((f) => [...code(readFileSync(f, 'utf8')).matchAll(QUERY_BUILDER)].length > 0);
  assert.ok(querying.length > 10, 'the check sees the store queries');
  const found = new Set<string>();
  for (const file of serverFiles.filter((f) => !storeFiles.includes(f))) {
    for (const m of code(readFileSync(file, 'utf8')).matchAll(QUERY_BUILDER)) found.add(`${relative(server, file).split(sep).join('/')} → ${m[1]}`);
  }
  allowListed([...found].sort(), QUERIES_OUTSIDE_STORE, 'queries outside store/');
});

test('only the store imports kysely', () => {
  const server = join(SRC, 'server');
  const offenders = files(server)
    .filter((f) => !f.startsWith(join(server, 'store') + sep))
    .filter((f) => specifiers(readFileSync(f, 'utf8')).some((s) => s === 'kysely' || s.startsWith('kysely/')))
    .map((f) => relative(SRC, f).split(sep).join('/'));
  assert.deepEqual(offenders, []);
});

// Elements get the Clerk instance from their `clerk` property (or a provider), never from the global.
// Today's offenders, by file. Only ever delete entries.
const ELEMENTS_READING_WINDOW_CLERK: readonly string[] = [];

/** A read of the global Clerk: `window.Clerk`, `globalThis?.Clerk`, `self['Clerk']`, `(window as X).Clerk`, `{ Clerk } = window`. */
const GLOBAL = String.raw`\b(?:window|globalThis|self)`;
const READS_WINDOW_CLERK = new RegExp(
  [
    String.raw`${GLOBAL}\s*\??\.\s*Clerk\b`,
    String.raw`${GLOBAL}\s*(?:\?\.)?\[\s*['"\x60]Clerk['"\x60]\s*\]`,
    String.raw`\(\s*${GLOBAL}\s+as\s+[^)]+\)\s*\??\.\s*Clerk\b`,
    String.raw`\{[^}]*\bClerk\b[^}]*\}\s*=\s*${GLOBAL}\b`,
  ].join('|'),
);

test('the window.Clerk check recognises each way of reading it, and not a comment or a type', () => {
  for (const read of ['x = window.Clerk;', 'x = globalThis?.Clerk', "x = self['Clerk']", 'x = (window as unknown as W).Clerk', 'const { Clerk } = window;']) {
    assert.ok(READS_WINDOW_CLERK.test(code(read)), read);
  }
  const quietOnes = ['/** `window.Clerk` when not set. */', '// falls back to window.Clerk', 'interface Window { Clerk?: Clerk }', 'x = window.ClerkElement'];
  for (const quiet of quietOnes) {
    assert.ok(!READS_WINDOW_CLERK.test(code(quiet)), quiet);
  }
});

test("elements never read window.Clerk (allow-list of today's offenders only shrinks)", () => {
  const elementFiles = files(join(SRC, 'elements'));
  assert.ok(elementFiles.length > 10, 'the check sees the elements');
  const found = elementFiles.filter((f) => READS_WINDOW_CLERK.test(code(readFileSync(f, 'utf8')))).map((f) => relative(SRC, f).split(sep).join('/'));
  allowListed(found.sort(), ELEMENTS_READING_WINDOW_CLERK, 'elements → window.Clerk');
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
  const offenders = scanned.filter(
    (f) =>
      /shared\/(fapi|seeds|hooks)\/|shared\/(ARCHITECTURE|STYLE|TOOLCHAIN)\.md|'shared', '(fapi|seeds)'|\.library\//.test(readFileSync(f, 'utf8')) &&
      !f.endsWith('architecture.test.ts'),
  );
  assert.deepEqual(
    offenders.map((f) => relative(root, f)),
    [],
  );
  assert.ok(
    existsSync(join(root, 'spec/fapi-2026-05-12.yml')) && existsSync(join(root, 'spec/LICENSE')),
    'the vendored spec and its license are in the repository',
  );
});

function filesMatching(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(p).isDirectory() ? filesMatching(p, pattern) : pattern.test(name) ? [p] : [];
  });
}
