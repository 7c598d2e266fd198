// examples/node-http.ts, run as its README line says, against the real FAPI server over HTTP.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { signUp, startTestServer, type TestServer } from '../support/server-harness.ts';
import { mint, ORIGIN, tamper } from '../support/backend-harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('examples/node-http.ts', () => {
  let server: TestServer;
  let example: ChildProcess;
  let api: string;

  before(async () => {
    server = await startTestServer('sqlite');
    example = spawn(process.execPath, ['--import', 'tsx', 'examples/node-http.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CLERK_JWKS_URL: `${server.url}/.well-known/jwks.json`, CLERK_AUTHORIZED_PARTIES: ORIGIN },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise<number>((ok, fail) => {
      example.once('exit', (code) => fail(new Error(`the example exited with ${code}`)));
      createInterface({ input: example.stdout! }).on('line', (l) => {
        if (l.startsWith('{"event":"listening"')) ok((JSON.parse(l) as { port: number }).port);
      });
    });
    api = `http://127.0.0.1:${port}/api/me`;
  });
  after(async () => {
    if (example && example.exitCode === null) {
      const exited = new Promise((r) => example.once('exit', r));
      example.kill('SIGTERM');
      await exited;
    }
    await server?.stop();
  });

  test('answers the user id for the __session cookie or a Bearer token, 401 with the reason otherwise', async () => {
    const { browser, sessionId, userId } = await signUp(server);
    const jwt = await mint(browser, sessionId);
    const byCookie = await fetch(api, { headers: { cookie: `__session=${jwt}` } });
    assert.equal(byCookie.status, 200);
    assert.deepEqual(await byCookie.json(), { userId, sessionId });
    const byBearer = await fetch(api, { headers: { authorization: `Bearer ${jwt}` } });
    assert.equal(((await byBearer.json()) as { userId: string }).userId, userId);
    const none = await fetch(api);
    assert.equal(none.status, 401);
    assert.equal(((await none.json()) as { error: string }).error, 'session-token-missing');
    const forged = await fetch(api, { headers: { authorization: `Bearer ${tamper(jwt, { sub: 'user_x' })}` } });
    assert.equal(forged.status, 401);
    assert.equal(((await forged.json()) as { error: string }).error, 'token-invalid-signature');
  });
});
