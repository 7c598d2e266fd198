// Prometheus metrics (src/server/metrics.ts) from a real server process: off by default, behind a bearer token on
// the FAPI's port or open on a port of their own, and the counters move with the traffic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { Browser, PASSWORD, signUp, startTestServer } from '../support/server-harness.ts';

const TOKEN = 'metrics-token-0123456789';

/** `name{labels} value` lines of a scrape, as a map from the series to its value. */
function series(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

async function scrape(url: string, token = TOKEN): Promise<Map<string, number>> {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  return series(await res.text());
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

test('off by default: /metrics is not served', async () => {
  const server = await startTestServer('sqlite');
  try {
    assert.equal((await fetch(`${server.url}/metrics`)).status, 404);
  } finally {
    await server.stop();
  }
});

test('behind the bearer token, the counters follow requests, mints, sign-ins, lockouts and rate limits', { timeout: 60_000 }, async () => {
  const server = await startTestServer('sqlite', { METRICS_TOKEN: TOKEN, RATE_LIMIT_MAX: '8', LOCKOUT_MAX_ATTEMPTS: '2' });
  try {
    assert.equal((await fetch(`${server.url}/metrics`)).status, 401);
    assert.equal((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status, 401);
    const before = await scrape(server.url);

    const { browser, email, sessionId } = await signUp(server);
    for (let i = 0; i < 3; i++) assert.equal((await browser.post(`/v1/client/sessions/${sessionId}/tokens`)).status, 200);
    const other = new Browser(server);
    const attempt = (password: string) => other.post('/v1/client/sign_ins', { identifier: email, password, strategy: 'password' }, { unchecked: true });
    assert.equal((await attempt('Wrong-password-1')).body.errors[0].code, 'form_password_incorrect');
    assert.equal((await attempt('Wrong-password-2')).body.errors[0].code, 'form_password_incorrect');
    assert.equal((await attempt(PASSWORD)).body.errors[0].code, 'user_locked');
    let limited = 0;
    while (limited === 0) if ((await other.post('/v1/client/sign_ins', { identifier: 'nobody@example.com' }, { unchecked: true })).status === 429) limited++;

    const after = await scrape(server.url);
    const delta = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
    assert.ok(delta('clerk_wc_token_mints_total') >= 3, 'token mints (the three and the sign-up session’s first)');
    assert.equal(delta('clerk_wc_sign_ins_total{outcome="form_password_incorrect"}'), 2);
    assert.equal(delta('clerk_wc_sign_ins_total{outcome="user_locked"}'), 1);
    assert.equal(delta('clerk_wc_lockout_refusals_total'), 1);
    assert.equal(delta('clerk_wc_rate_limit_refusals_total{api="fapi"}'), 1);
    assert.ok(delta('clerk_wc_http_requests_total{method="POST",route="/v1/client/sessions/:id/tokens",status="200"}') >= 3, 'the hot path by pattern');
    assert.equal(delta('clerk_wc_http_requests_total{method="POST",route="/v1/client/sign_ins",status="429"}'), 1);
    assert.ok((after.get('clerk_wc_http_request_duration_seconds_count{method="POST",route="/v1/client/sign_ins"}') ?? 0) >= 4);
    assert.equal(after.get('clerk_wc_webhook_queue_depth'), 0);
    assert.ok((after.get('clerk_wc_process_resident_memory_bytes') ?? 0) > 0, "Node's process metrics");
    // Ids and unknown paths never become labels of their own.
    await fetch(`${server.url}/v1/no/such/${'x'.repeat(30)}`);
    const last = await scrape(server.url);
    assert.ok(
      [...last.keys()].every((k) => !/(sess|user)_[A-Za-z0-9]{10,}|x{30}/.test(k)),
      'no id or raw path in a label',
    );
    assert.ok((last.get('clerk_wc_http_requests_total{method="GET",route="unmatched",status="404"}') ?? 0) >= 1);
  } finally {
    await server.stop();
  }
});

test('metrics.port: the metrics on a port of their own, without a token; the FAPI port does not serve them', async () => {
  const port = await freePort();
  const server = await startTestServer('sqlite', { METRICS_PORT: String(port) });
  try {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /^# HELP clerk_wc_/m);
    assert.equal((await fetch(`http://127.0.0.1:${port}/other`)).status, 404);
    assert.equal((await fetch(`${server.url}/metrics`)).status, 404);
  } finally {
    await server.stop();
  }
});
