// `npm test`: typecheck, build, start a throwaway PostgreSQL, run every test file with node's test runner, then the
// element component tests (test/elements/wtr/*.wtr.ts) on Web Test Runner (web-test-runner.config.mjs).
// Prints both runners' output, the seconds each phase took, and a final `N passed, N failed` line over both.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { startPostgres } from './pg.mjs';

function run(cmd, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function testFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...testFiles(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

/** Seconds per phase, printed before the final line (CI's budget is read off them). */
const timings = [];
async function timed(name, step) {
  const start = performance.now();
  try {
    return await step();
  } finally {
    timings.push([name, (performance.now() - start) / 1000]);
  }
}
/** Runs one preparation step; a failure ends `npm test` there. */
async function prepare(name, cmd, args) {
  if ((await timed(name, () => run(cmd, args))) !== 0) process.exit(1);
}

const COUNT_REPORTER = fileURLToPath(new URL('./count-reporter.mjs', import.meta.url));
const countDir = mkdtempSync(join(tmpdir(), 'clerk-wc-test-count-'));
const countFile = join(countDir, 'count.txt');
const only = process.argv.slice(2);
await prepare('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
// Lint (ESLint: the recommended and typescript-eslint rules, Lit and web-components rules for the elements).
await prepare('eslint', 'npx', ['eslint', '.']);
// Formatting (Prettier, .prettierrc.json): `npm run format` fixes what this reports.
await prepare('prettier', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']);
await prepare('build', 'node', ['scripts/build.mjs']);
// The framework demos have end-to-end tests: build them (installing their own dependencies when missing).
const wantsDemos = only.length === 0 || only.some((f) => f.includes('e2e'));
if (wantsDemos) await prepare('build demos', 'node', ['scripts/build-demos.mjs', '--strict']);

// A file list picks the runner per file: *.wtr.ts files go to Web Test Runner, the rest to node's.
const isWtr = (f) => f.endsWith('.wtr.ts') || f.split(/[\\/]/).join('/').includes('test/elements/wtr');
const nodeFiles = only.length > 0 ? only.filter((f) => !isWtr(f)) : testFiles('test');
const wtrFiles = only.filter(isWtr);
const wantsWtr = only.length === 0 || wtrFiles.length > 0;

/** Reads an `N passed, N failed` line; undefined when the runner wrote none. */
function readCount(file) {
  const m = existsSync(file) ? /^(\d+) passed, (\d+) failed/.exec(readFileSync(file, 'utf8').trim()) : null;
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined;
}

const totals = { passed: 0, failed: 0 };
let code = 0;
if (nodeFiles.length > 0) {
  const pg = await startPostgres();
  try {
    const reporter = [
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${COUNT_REPORTER}`,
      `--test-reporter-destination=${countFile}`,
    ];
    code = await timed('node:test suites', () =>
      run('node', ['--import', 'tsx', '--test', ...reporter, '--test-concurrency=2', ...nodeFiles], {
        ...process.env,
        TEST_PG_ADMIN_URL: pg.url,
      }),
    );
  } finally {
    await pg.stop();
  }
  const counted = readCount(countFile);
  // A runner that exits before reporting counts as one failure.
  if (!counted && code !== 0) console.log(`node's test runner exited with ${code} before reporting`);
  totals.passed += counted?.passed ?? 0;
  totals.failed += counted?.failed ?? (code === 0 ? 0 : 1);
}
if (wantsWtr) {
  // Chromium against the real built server (the config starts it); only the given files when a list was given.
  const wtrCount = join(countDir, 'wtr-count.txt');
  const wtrCode = await timed('Web Test Runner', () => run('npx', ['web-test-runner', ...wtrFiles], { ...process.env, WTR_COUNT_FILE: wtrCount }));
  const counted = readCount(wtrCount);
  if (!counted && wtrCode !== 0) console.log(`Web Test Runner exited with ${wtrCode} before reporting`);
  totals.passed += counted?.passed ?? 0;
  totals.failed += counted?.failed ?? (wtrCode === 0 ? 0 : 1);
  if (code === 0) code = wtrCode;
}
rmSync(countDir, { recursive: true, force: true });
if (code === 0 && totals.failed > 0) code = 1;
console.log(`timings: ${timings.map(([name, secs]) => `${name} ${secs.toFixed(1)}s`).join(', ')}`);
// The last line of the run, as CI reads it: both runners' tests.
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(code);
