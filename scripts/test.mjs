// `npm test`: typecheck, build, start a throwaway PostgreSQL, run every test file with node's test runner.
// Prints node's summary and a final `N passed, N failed` line.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

const only = process.argv.slice(2);
if ((await run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'])) !== 0) process.exit(1);
if ((await run('node', ['scripts/build.mjs'])) !== 0) process.exit(1);
// The framework demos have end-to-end tests: build them (installing their own dependencies when missing).
const wantsDemos = only.length === 0 || only.some((f) => f.includes('e2e'));
if (wantsDemos && (await run('node', ['scripts/build-demos.mjs', '--strict'])) !== 0) process.exit(1);

const pg = await startPostgres();
let code = 1;
try {
  const files = only.length > 0 ? only : testFiles('test');
  code = await run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files], {
    ...process.env,
    TEST_PG_ADMIN_URL: pg.url,
  });
} finally {
  await pg.stop();
}
process.exit(code);
