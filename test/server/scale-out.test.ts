// Many processes on one PostgreSQL share their protection: the per-IP rate limit and the account lockout hold across
// two real server processes on one database (SQLite keeps its counters in each process's memory). `Forwarded` and
// `X-Forwarded-For` name the caller only when the socket's peer is one of `trustedProxies`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, PASSWORD, queryStore, signUp, startTestServer, type TestServer } from '../support/server-harness.ts';

const APP_ORIGIN = 'http://localhost:5173';

/** One sign-in attempt for an unknown identifier (cheap: no password hash); its status, and the code on an error. */
async function attempt(server: TestServer, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${server.url}/v1/client/sign_ins`, {
    method: 'POST',
    headers: { origin: APP_ORIGIN, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: 'identifier=nobody%40example.com',
  });
  const body = (await res.json()) as { errors?: Array<{ code: string }> };
  return `${res.status}${body.errors ? ` ${body.errors[0]!.code}` : ''}`;
}

describe('two processes on one PostgreSQL', () => {
  let first: TestServer;
  let second: TestServer;
  before(async () => {
    first = await startTestServer('postgres', { RATE_LIMIT_MAX: '120', LOCKOUT_MAX_ATTEMPTS: '3' });
    second = await startTestServer('postgres', { DATABASE_URL: first.databaseUrl!, RATE_LIMIT_MAX: '120', LOCKOUT_MAX_ATTEMPTS: '3' });
  });
  after(async () => {
    await second?.stop();
    await first?.stop();
  });

  test('the per-IP limit is one budget: 120 attempts alternating between the processes pass, the 121st is refused on both', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 120; i++) answers.push(await attempt(i % 2 === 0 ? first : second));
    assert.deepEqual(new Set(answers), new Set(['422 form_identifier_not_found']));
    assert.equal(await attempt(first), '429 too_many_requests');
    assert.equal(await attempt(second), '429 too_many_requests');
    const rows = await queryStore(first, "SELECT points FROM rate_limits WHERE key LIKE '%127.0.0.1'");
    assert.equal(Number(rows[0]?.points), 122, 'both processes counted in the one table');
  });

  test('the lockout holds across both: wrong passwords on either process lock the account on both', async () => {
    // A pair without the rate limit (the previous test spent this IP's budget): the lockout is counted per user.
    const server = await startTestServer('postgres', { RATE_LIMIT_MAX: '0', LOCKOUT_MAX_ATTEMPTS: '3' });
    const other = await startTestServer('postgres', { DATABASE_URL: server.databaseUrl!, RATE_LIMIT_MAX: '0', LOCKOUT_MAX_ATTEMPTS: '3' });
    try {
      const { email } = await signUp(server);
      const tryPassword = async (s: TestServer, password: string) => {
        const res = await new Browser(s).post('/v1/client/sign_ins', { identifier: email, password, strategy: 'password' });
        return res.status === 200 ? `200 ${res.body.response.status}` : `${res.status} ${res.body.errors[0].code}`;
      };
      assert.equal(await tryPassword(server, 'wrong-password-1'), '422 form_password_incorrect');
      assert.equal(await tryPassword(other, 'wrong-password-2'), '422 form_password_incorrect');
      assert.equal(await tryPassword(server, 'wrong-password-3'), '422 form_password_incorrect');
      assert.equal(await tryPassword(other, PASSWORD), '403 user_locked', 'the right password is refused once locked, on the other process too');
      assert.equal(await tryPassword(server, PASSWORD), '403 user_locked');
    } finally {
      await other.stop();
      await server.stop();
    }
  });
});

describe('trustedProxies', () => {
  const XFF = 'x-forwarded-for';
  let open: TestServer;
  let proxied: TestServer;
  before(async () => {
    open = await startTestServer('sqlite', { RATE_LIMIT_MAX: '2' });
    proxied = await startTestServer('sqlite', { RATE_LIMIT_MAX: '2', TRUSTED_PROXIES: '127.0.0.0/8, ::1' });
  });
  after(async () => {
    await open?.stop();
    await proxied?.stop();
  });

  test('by default X-Forwarded-For is not believed: changing it does not buy a new budget', async () => {
    assert.equal(await attempt(open, { [XFF]: '203.0.113.1' }), '422 form_identifier_not_found');
    assert.equal(await attempt(open, { [XFF]: '203.0.113.2' }), '422 form_identifier_not_found');
    assert.equal(await attempt(open, { [XFF]: '203.0.113.3' }), '429 too_many_requests');
    assert.equal(await attempt(open, { forwarded: 'for=198.51.100.7' }), '429 too_many_requests');
  });

  test('from a trusted proxy, the nearest untrusted hop is the caller; each caller has its own budget', async () => {
    for (let i = 0; i < 2; i++) assert.equal(await attempt(proxied, { [XFF]: '203.0.113.10' }), '422 form_identifier_not_found');
    assert.equal(await attempt(proxied, { [XFF]: '203.0.113.10' }), '429 too_many_requests');
    // Another caller behind the same proxy still has its budget.
    assert.equal(await attempt(proxied, { [XFF]: '203.0.113.11' }), '422 form_identifier_not_found');
    // A client cannot pick its address by prepending one: the hop the proxy saw is the rightmost untrusted one.
    assert.equal(await attempt(proxied, { [XFF]: '198.51.100.1, 203.0.113.10' }), '429 too_many_requests');
    // Trusted hops (a second proxy on the chain) are skipped.
    assert.equal(await attempt(proxied, { [XFF]: '203.0.113.10, 127.0.0.1' }), '429 too_many_requests');
    // RFC 7239 Forwarded wins over X-Forwarded-For, with quoting, ports and IPv6 brackets.
    assert.equal(await attempt(proxied, { forwarded: 'for="203.0.113.10:4711";proto=https', [XFF]: '203.0.113.99' }), '429 too_many_requests');
    for (let i = 0; i < 2; i++) assert.equal(await attempt(proxied, { forwarded: 'for="[2001:db8::1]:443"' }), '422 form_identifier_not_found');
    assert.equal(await attempt(proxied, { forwarded: 'For="[2001:db8::1]"' }), '429 too_many_requests');
  });

  test('a malformed hop or none at all leaves the proxy itself as the caller', async () => {
    const server = await startTestServer('sqlite', { RATE_LIMIT_MAX: '2', TRUSTED_PROXIES: '127.0.0.1' });
    try {
      assert.equal(await attempt(server, { [XFF]: 'not-an-ip' }), '422 form_identifier_not_found');
      assert.equal(await attempt(server), '422 form_identifier_not_found');
      assert.equal(await attempt(server, { [XFF]: '<script>' }), '429 too_many_requests', 'all three were counted against 127.0.0.1');
    } finally {
      await server.stop();
    }
  });

  test('a malformed trustedProxies entry stops the server at start with the entry named', async () => {
    await assert.rejects(startTestServer('sqlite', { TRUSTED_PROXIES: '10.0.0.0/33' }), /trustedProxies entry "10.0.0.0\/33"/);
    await assert.rejects(startTestServer('sqlite', { TRUSTED_PROXIES: 'proxy.internal' }), /trustedProxies entry "proxy.internal"/);
  });
});
