// Graceful shutdown of the real server process: on SIGTERM under load every request on an accepted connection gets
// its answer (even one still unparsed in the connection's buffer), new connections are refused, a webhook delivery in flight is finished rather than dropped, a request that outlives
// `shutdownTimeoutSeconds` is cut, and the process exits 0. Also the readiness check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request as httpRequest, createServer } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PASSWORD, signUp } from '../support/server-harness.ts';
import { spawnServer, stopProcess, type ServerProcess } from '../support/server-process.ts';
import { WEBHOOK_SECRET } from '../support/bapi-harness.ts';

const ORIGIN = 'http://localhost:5173';

async function withServer(env: Record<string, string>, fn: (s: ServerProcess, dataDir: string) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clerk-wc-shutdown-'));
  const server = await spawnServer({ staticDir: undefined, dataDir, env: { SIGN_UP_MODE: 'public', ...env } });
  try {
    await fn(server, dataDir);
  } finally {
    await stopProcess(server.proc);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function exited(s: ServerProcess): Promise<number | null> {
  if (s.proc.exitCode !== null) return Promise.resolve(s.proc.exitCode);
  return new Promise((resolve) => s.proc.once('exit', (code) => resolve(code)));
}

interface Outcome {
  status?: number;
  connection?: string | undefined;
  error?: string;
  at: number;
}

/**
 * A password sign-in on a keep-alive connection that has already been served (GET /v1/environment), so the server has
 * accepted it for certain; `sent` resolves once the sign-in is on the wire.
 */
async function signInOnOpenConnection(url: string, email: string): Promise<{ sent: Promise<void>; done: Promise<Outcome> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  await new Promise<void>((resolve, reject) => {
    httpRequest(`${url}/v1/environment`, { agent }, (res) => res.resume().on('end', resolve))
      .on('error', reject)
      .end();
  });
  const body = new URLSearchParams({ identifier: email, password: PASSWORD, strategy: 'password' }).toString();
  let markSent: () => void = () => undefined;
  const sent = new Promise<void>((r) => (markSent = r));
  const done = new Promise<Outcome>((resolve) => {
    const req = httpRequest(`${url}/v1/client/sign_ins`, {
      method: 'POST',
      agent,
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
    });
    req.on('finish', markSent);
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => {
        resolve({ status: res.statusCode!, connection: res.headers.connection, at: performance.now() });
        agent.destroy();
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message, at: performance.now() }));
    req.end(body);
  });
  return { sent, done };
}

test('/v1/ready answers 200 with the database and the signing key once the process takes traffic', async () => {
  await withServer({}, async (s) => {
    const res = await fetch(`${s.url}/v1/ready`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { status: string; database: string; kid: string };
    assert.equal(body.status, 'ready');
    assert.equal(body.database, 'sqlite');
    assert.ok(body.kid.length > 0, 'the signing key is loaded');
  });
});

test('SIGTERM under load: every request in flight is answered, new connections are refused, exit code 0', { timeout: 60_000 }, async () => {
  // Concurrent sign-ins of one user each reserve a lockout attempt: allow them all.
  await withServer({ LOCKOUT_MAX_ATTEMPTS: '1000' }, async (s) => {
    const { email } = await signUp({ url: s.url });
    const requests = await Promise.all(Array.from({ length: 40 }, () => signInOnOpenConnection(s.url, email)));
    await Promise.all(requests.map((r) => r.sent));
    // SIGTERM at once: some sign-ins may still sit unparsed in their connection's buffer; they are answered too.
    const sigterm = performance.now();
    s.proc.kill('SIGTERM');
    const outcomes = await Promise.all(requests.map((r) => r.done));
    assert.deepEqual(
      outcomes.map((o) => o.status ?? o.error),
      outcomes.map(() => 200),
      'every sign-in in flight completed',
    );
    const late = outcomes.filter((o) => o.at > sigterm);
    assert.ok(late.length > 0, 'some answers came after SIGTERM (they were in flight)');
    // Answers written once the drain began ask the client to close (earlier ones were on the wire already).
    assert.ok(
      late.some((o) => o.connection === 'close'),
      'answers during the drain close their connection',
    );
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(s.url).port), '127.0.0.1');
      socket.once('connect', () => resolve('connected'));
      socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    assert.equal(refused, 'ECONNREFUSED', 'a new connection is refused once shutdown began');
    assert.equal(await exited(s), 0);
    assert.ok(s.output.some((l) => l.startsWith('{"event":"stopped"')));
  });
});

test('a request that outlives shutdownTimeoutSeconds is cut, and the process still exits 0', { timeout: 30_000 }, async () => {
  await withServer({ SHUTDOWN_TIMEOUT_SECONDS: '1' }, async (s) => {
    // A body that never arrives: the request stays in flight until the server gives up on it.
    const socket = connect(Number(new URL(s.url).port), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.on('error', () => undefined);
    socket.write(
      `POST /v1/client/sign_ins HTTP/1.1\r\nhost: x\r\norigin: ${ORIGIN}\r\ncontent-type: application/x-www-form-urlencoded\r\ncontent-length: 100\r\n\r\nidentifier=`,
    );
    await new Promise((r) => setTimeout(r, 100));
    const began = performance.now();
    s.proc.kill('SIGTERM');
    assert.equal(await exited(s), 0);
    await closed;
    const took = performance.now() - began;
    assert.ok(took >= 900 && took < 4000, `it waited for the grace period, then stopped (${Math.round(took)} ms)`);
  });
});

test('a webhook delivery in flight at SIGTERM is finished, not dropped', { timeout: 30_000 }, async () => {
  let received!: () => void;
  const arrived = new Promise<void>((r) => (received = r));
  const receiver = createServer((req, res) => {
    req.resume();
    received();
    // The endpoint takes its time: the shutdown must wait for it.
    setTimeout(() => res.writeHead(200).end('ok'), 800);
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const hook = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
  try {
    await withServer({ WEBHOOK_URL: hook, WEBHOOK_SECRET, WEBHOOK_POLL_MS: '20', WEBHOOK_EVENTS: 'user.created' }, async (s, dataDir) => {
      await signUp({ url: s.url });
      await arrived;
      s.proc.kill('SIGTERM');
      assert.equal(await exited(s), 0);
      const db = new Database(join(dataDir, 'clerk-wc.sqlite'), { readonly: true });
      try {
        const rows = db.prepare('SELECT status, attempts FROM webhook_deliveries').all() as Array<{ status: string; attempts: number }>;
        assert.deepEqual(rows, [{ status: 'delivered', attempts: 1 }]);
      } finally {
        db.close();
      }
    });
  } finally {
    receiver.close();
  }
});
