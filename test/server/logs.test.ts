// The server's log (src/server/log.ts, http/request-log.ts): one JSON line per request with its id, route, status
// and duration, and never a secret. A whole sign-up → sign-in → token → Backend API flow, with a wrong password, a
// dev browser and an `Authorization` header on the way, runs against a real process with the mail log on; then no
// password, code, token, cookie, secret key or Authorization value may appear anywhere in what it printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, latestCode, PASSWORD, startTestServer, uniqueEmail } from '../support/server-harness.ts';
import { Backend, TEST_SECRET_KEY } from '../support/bapi-harness.ts';

interface RequestLine {
  req_id: string;
  method: string;
  route: string;
  status: number;
  ms: number;
  msg: string;
}

test('request lines carry id, route, status and duration; no secret of a full flow reaches the log', { timeout: 60_000 }, async () => {
  const server = await startTestServer('sqlite', { LOG_FORMAT: 'json', MAIL_LOG: '1', CLERK_SECRET_KEY: TEST_SECRET_KEY, SIGN_UP_MODE: 'public' });
  const secrets = new Map<string, string>([
    ['password', PASSWORD],
    ['secret key', TEST_SECRET_KEY],
  ]);
  try {
    const browser = new Browser(server);
    const email = uniqueEmail('logs');
    const created = await browser.post('/v1/client/sign_ups', { email_address: email, password: PASSWORD });
    const id = created.body.response.id as string;
    await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
    const code = await latestCode(server, email);
    secrets.set('email code', code);
    const done = await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code });
    const sessionId = done.body.response.created_session_id as string;
    secrets.set('client cookie', browser.cookie!);
    const token = await browser.post(`/v1/client/sessions/${sessionId}/tokens`);
    secrets.set('session token', token.body.jwt);

    // A wrong password, a right one, a native client's Authorization header and a dev browser token in the query.
    const other = new Browser(server);
    await other.post('/v1/client/sign_ins', { identifier: email, password: 'Wrong-password-42!', strategy: 'password' });
    secrets.set('wrong password', 'Wrong-password-42!');
    await other.post('/v1/client/sign_ins', { identifier: email, password: PASSWORD, strategy: 'password' });
    secrets.set('second cookie', other.cookie!);
    const native = await fetch(`${server.url}/v1/client?_is_native=1`, { headers: { authorization: `Bearer ${browser.cookie}` } });
    assert.equal(native.status, 200);
    const dev = await new Browser(server).post('/v1/dev_browser', {}, { unchecked: true });
    const devToken = dev.body.id as string;
    secrets.set('dev browser token', devToken);
    await fetch(`${server.url}/v1/environment?__clerk_db_jwt=${devToken}`);
    // The Backend API with the secret key.
    assert.equal((await new Backend(server, TEST_SECRET_KEY).get('/v1/users')).status, 200);
    // A caller's own request id is kept (and echoed) when it is a plain token.
    const traced = await fetch(`${server.url}/v1/environment`, { headers: { 'x-request-id': 'trace-42' } });
    assert.equal(traced.headers.get('x-request-id'), 'trace-42');
    const fresh = await fetch(`${server.url}/v1/environment`, { headers: { 'x-request-id': 'bad id <script>' } });
    assert.match(fresh.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/, 'a malformed id is replaced');
    await new Promise((r) => setTimeout(r, 200)); // the last lines reach the pipe
  } finally {
    await server.stop();
  }

  const printed = server.output.join('\n');
  for (const [what, value] of secrets) {
    assert.ok(value && value.length >= 6, `${what} was captured`);
    assert.ok(!printed.includes(value), `the ${what} appears in the log`);
  }
  const lines = server.output
    .filter((l) => l.startsWith('{"level"'))
    .map((l) => JSON.parse(l) as RequestLine)
    .filter((l) => l.route !== undefined);
  const byRoute = (route: string) => lines.filter((l) => l.route === route);
  for (const route of [
    '/v1/client/sign_ups',
    '/v1/client/sign_ups/:id/attempt_verification',
    '/v1/client/sessions/:id/tokens',
    '/v1/users',
    '/v1/environment',
  ]) {
    assert.ok(byRoute(route).length > 0, `a line for ${route}`);
  }
  for (const l of lines) {
    assert.ok(l.req_id && typeof l.ms === 'number' && l.ms >= 0 && l.status >= 200, JSON.stringify(l));
    assert.ok(!l.route.includes('?'), 'no query string');
  }
  assert.ok(lines.some((l) => l.req_id === 'trace-42'));
  assert.ok(
    byRoute('/v1/client/sign_ins').some((l) => l.status === 422),
    'the wrong password is a 422 line',
  );
  assert.ok(
    server.output.some((l) => l.includes('"mail: queued in the outbox"')),
    'the mail log says a message was sent, without its text',
  );
});
