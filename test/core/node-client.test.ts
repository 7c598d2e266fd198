// The headless client outside a browser: a Node 20 process imports the built `clerk-wc` (dist/index.js), keeps its
// client token in a file (`fileClientStorage` from clerk-wc/backend) and speaks the header transport. One process
// signs up and gets a token; a second process on the same file is still signed in, gets a token and signs out; a
// third finds itself signed out. Needs `node scripts/build.mjs` first (npm test does it).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, spawnServer, stopProcess, type ServerProcess } from '../support/server-process.ts';

const run = promisify(execFile);

/** What each step of the script prints: its state after the step. */
interface StepResult {
  /** The user when the step began (after load). */
  before: string | null;
  userId: string | null;
  sessionId: string | null;
  token: string | null;
  email?: string;
}

describe('the headless client in Node (header transport, file storage)', () => {
  let server: ServerProcess;
  let dir: string;
  let script: string;
  let storage: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clerk-wc-node-client-'));
    server = await spawnServer({ staticDir: undefined, dataDir: join(dir, 'data') });
    storage = join(dir, 'client.json');
    script = join(dir, 'step.mjs');
    // The app code a user would write: one step per process, chosen by argv.
    writeFileSync(
      script,
      `import { Clerk } from ${JSON.stringify(join(ROOT, 'dist/index.js'))};
import { fileClientStorage } from ${JSON.stringify(join(ROOT, 'dist/backend/index.js'))};
const [step, key, file, email] = process.argv.slice(2);
const clerk = new Clerk(key, { storage: fileClientStorage(file) });
await clerk.load();
if (step === 'sign-up') {
  const su = await clerk.client.signUp.create({ emailAddress: email, password: 'lilac-Harbor-compass-91' });
  await su.prepareEmailAddressVerification({ strategy: 'email_code' });
  const done = await su.attemptEmailAddressVerification({ code: '424242' });
  await clerk.setActive({ session: done.createdSessionId });
}
const token = clerk.session ? await clerk.session.getToken() : null;
const before = clerk.user?.id ?? null;
if (step === 'sign-out') await clerk.signOut();
console.log(JSON.stringify({ before, userId: clerk.user?.id ?? null, sessionId: clerk.session?.id ?? null, token, email: clerk.user?.primaryEmailAddress?.emailAddress }));
`,
    );
  });
  after(async () => {
    await stopProcess(server?.proc);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function step(name: string, email = ''): Promise<StepResult> {
    // The process must exit by itself: no timer or channel of the client may keep it alive.
    const { stdout } = await run(process.execPath, [script, name, server.publishableKey, storage, email], { timeout: 20_000 });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as StepResult;
  }

  const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as { sub: string; sid: string };

  test('sign-up and a token in one process, the same session after a restart, then sign-out', async () => {
    const email = `node-${Date.now().toString(36)}+clerk_test@example.com`;
    const first = await step('sign-up', email);
    assert.ok(first.userId && first.sessionId && first.token, JSON.stringify(first));
    assert.equal(first.email, email);
    assert.deepEqual(claims(first.token), { ...claims(first.token), sub: first.userId, sid: first.sessionId });
    // The token file holds the client token only, for its owner only.
    assert.equal(statSync(storage).mode & 0o077, 0, 'the storage file is private to its owner');
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(storage, 'utf8'))), [`clerk-wc:client:${server.url}`]);

    const restarted = await step('sign-out');
    assert.equal(restarted.before, first.userId, 'the second process starts signed in');
    assert.equal(restarted.userId, null, 'and ends signed out');
    const third = await step('load');
    assert.deepEqual(third, { before: null, userId: null, sessionId: null, token: null });
  });

  test('a restarted process is still signed in and gets its own token', async () => {
    const email = `node2-${Date.now().toString(36)}+clerk_test@example.com`;
    const first = await step('sign-up', email);
    const again = await step('load');
    assert.equal(again.userId, first.userId);
    assert.equal(again.sessionId, first.sessionId);
    assert.ok(again.token, 'a token after the restart');
    assert.equal(claims(again.token).sid, first.sessionId);
    await step('sign-out');
  });
});
