// `npm test`: typecheck, build, start a throwaway PostgreSQL, run every test file with node's test runner.
// Prints node's summary and a final `N passed, N failed` line.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const COUNT_REPORTER = fileURLToPath(new URL('./count-reporter.mjs', import.meta.url));
const countDir = mkdtempSync(join(tmpdir(), 'clerk-wc-test-count-'));
const countFile = join(countDir, 'count.txt');
const only = process.argv.slice(2);
if ((await run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'])) !== 0) process.exit(1);
// Lint (ESLint: the recommended and typescript-eslint rules, Lit and web-components rules for the elements).
if ((await run('npx', ['eslint', '.'])) !== 0) process.exit(1);
// Formatting (Prettier, .prettierrc.json): `npm run format` fixes what this reports.
if ((await run('npx', ['prettier', '--check', '--log-level', 'warn', '.'])) !== 0) process.exit(1);
if ((await run('node', ['scripts/build.mjs'])) !== 0) process.exit(1);
// The framework demos have end-to-end tests: build them (installing their own dependencies when missing).
const wantsDemos = only.length === 0 || only.some((f) => f.includes('e2e'));
if (wantsDemos && (await run('node', ['scripts/build-demos.mjs', '--strict'])) !== 0) process.exit(1);

const pg = await startPostgres();
let code;
try {
  const files = only.length > 0 ? only : testFiles('test');
  const reporter = [
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${COUNT_REPORTER}`,
    `--test-reporter-destination=${countFile}`,
  ];
  code = await run('node', ['--import', 'tsx', '--test', ...reporter, '--test-concurrency=2', ...files], {
    ...process.env,
    TEST_PG_ADMIN_URL: pg.url,
  });
} finally {
  await pg.stop();
}
// The last line of the run, as CI reads it.
const counted = existsSync(countFile) ? readFileSync(countFile, 'utf8').trim() : '';
rmSync(countDir, { recursive: true, force: true });
console.log(counted || `0 passed, 1 failed (the test runner exited with ${code} before reporting)`);
process.exit(code);
