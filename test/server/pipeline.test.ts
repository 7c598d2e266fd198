// The FAPI middleware chain (app.ts, http/*): the exact CORS and preflight headers, `_method` from the query, a form
// or a JSON body choosing the route, and a client token issued on any answer reaching the caller, whatever CORS
// granted. One SQLite server: nothing here depends on the database.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../support/server-harness.ts';

const APP_ORIGIN = 'http://localhost:5173';
const EVIL_ORIGIN = 'https://evil.example';
const FORM = 'application/x-www-form-urlencoded';

async function send(server: TestServer, method: string, path: string, opts: { headers?: Record<string, string>; body?: string } = {}) {
  const res = await fetch(server.url + path, { method, headers: opts.headers, body: opts.body });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: text && res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : undefined,
  };
}

describe('the FAPI middleware chain', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer('sqlite');
  });
  after(() => server.stop());

  test('a preflight from an allowed page: 204 with exactly these headers', async () => {
    const named = await send(server, 'OPTIONS', '/v1/client/sign_ins', {
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-custom' },
    });
    assert.equal(named.status, 204);
    assert.equal(named.headers.get('access-control-allow-origin'), APP_ORIGIN);
    assert.equal(named.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(named.headers.get('access-control-allow-methods'), 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
    assert.equal(named.headers.get('access-control-allow-headers'), 'content-type, x-custom', 'the requested headers, as sent');
    assert.equal(named.headers.get('access-control-expose-headers'), 'Authorization, Retry-After, Clerk-Db-Jwt');
    assert.equal(named.headers.get('access-control-max-age'), '600');
    assert.equal(named.headers.get('vary'), 'Origin');
    const unnamed = await send(server, 'OPTIONS', '/v1/client/sign_ins', { headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST' } });
    assert.equal(unnamed.headers.get('access-control-allow-headers'), 'Content-Type, Authorization');
    assert.equal(unnamed.headers.get('vary'), 'Origin');
  });

  test('a preflight from any other page, or none, is origin_invalid with Vary: Origin and no CORS grant', async () => {
    for (const headers of [{ origin: EVIL_ORIGIN }, { origin: 'null' }, {}] as Array<Record<string, string>>) {
      const res = await send(server, 'OPTIONS', '/v1/client/sign_ins', { headers: { ...headers, 'access-control-request-method': 'POST' } });
      assert.equal(res.status, 403, JSON.stringify(headers));
      assert.equal(res.body.errors[0].code, 'origin_invalid');
      assert.equal(res.body.errors[0].meta.param_name, 'origin');
      assert.equal(res.headers.get('vary'), 'Origin');
      for (const h of ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-expose-headers'])
        assert.equal(res.headers.get(h), null, h);
    }
  });

  test('answers say Vary: Origin exactly once; only allowed pages get the CORS grant, also on errors and HEAD', async () => {
    for (const [method, path] of [
      ['GET', '/v1/environment'],
      ['HEAD', '/v1/environment'],
      ['GET', '/v1/nothing-here'],
      ['POST', '/v1/client?_method=TRACE'],
    ] as const) {
      const granted = await send(server, method, path, { headers: { origin: APP_ORIGIN } });
      assert.equal(granted.headers.get('vary'), 'Origin', `${method} ${path}`);
      assert.equal(granted.headers.get('access-control-allow-origin'), APP_ORIGIN, `${method} ${path}`);
      assert.equal(granted.headers.get('access-control-allow-credentials'), 'true');
      assert.equal(granted.headers.get('access-control-expose-headers'), 'Authorization, Retry-After, Clerk-Db-Jwt');
      for (const headers of [{ origin: EVIL_ORIGIN }, {}] as Array<Record<string, string>>) {
        const other = await send(server, method, path, { headers });
        assert.equal(other.status, granted.status, `${method} ${path} ${JSON.stringify(headers)}`);
        assert.equal(other.headers.get('vary'), 'Origin', `${method} ${path} ${JSON.stringify(headers)}`);
        for (const h of ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-expose-headers']) {
          assert.equal(other.headers.get(h), null, `${method} ${path} ${JSON.stringify(headers)}: ${h}`);
        }
      }
    }
  });

  test('_method from the query, a form body or a JSON body picks the route; only a POST can name one', async () => {
    const asDelete = [
      await send(server, 'POST', '/v1/client?_method=DELETE', { headers: { origin: APP_ORIGIN } }),
      await send(server, 'POST', '/v1/client', { headers: { origin: APP_ORIGIN, 'content-type': FORM }, body: '_method=delete' }),
      await send(server, 'POST', '/v1/client', { headers: { origin: APP_ORIGIN, 'content-type': 'application/json' }, body: '{"_method":"DELETE"}' }),
    ];
    // DELETE /v1/client without a client: that route's own 404 (client), not the router's (route).
    for (const res of asDelete) assert.deepEqual([res.status, res.body.errors[0].long_message], [404, 'No client was found with that id.']);
    const asGet = await send(server, 'POST', '/v1/environment?_method=GET', { headers: { origin: APP_ORIGIN } });
    assert.equal(asGet.status, 200);
    assert.equal(asGet.body.auth_config.object, 'auth_config');
    // A POST route does not answer a POST that names another method, and a GET cannot name one.
    const notPost = await send(server, 'POST', '/v1/client/sign_ins?_method=PATCH', { headers: { origin: APP_ORIGIN } });
    assert.deepEqual([notPost.status, notPost.body.errors[0].message], [404, 'route not found']);
    const get = await send(server, 'GET', '/v1/client?_method=DELETE', { headers: { origin: APP_ORIGIN } });
    assert.equal(get.status, 200);
    const bad = await send(server, 'POST', '/v1/client?_method=TRACE', { headers: { origin: APP_ORIGIN } });
    assert.deepEqual([bad.status, bad.body.errors[0].code, bad.body.errors[0].meta.param_name], [422, 'form_param_value_invalid', '_method']);
  });

  test('a client token issued before a route fails reaches the caller, from pages CORS does not grant too', async () => {
    // A native sign-in creates the client first, then fails on the unknown identifier: the token still goes back.
    for (const headers of [{ origin: APP_ORIGIN }, { origin: EVIL_ORIGIN }, {}] as Array<Record<string, string>>) {
      const res = await send(server, 'POST', '/v1/client/sign_ins?_is_native=1', {
        headers: { ...headers, 'content-type': FORM },
        body: 'identifier=nobody%2Bclerk_test%40example.com',
      });
      assert.equal(res.status, 422, JSON.stringify(headers));
      assert.equal(res.body.errors[0].code, 'form_identifier_not_found');
      assert.match(res.headers.get('authorization') ?? '', /^[\w-]{20,}$/, JSON.stringify(headers));
      assert.equal(res.headers.get('vary'), 'Origin');
      const client = await send(server, 'GET', '/v1/client?_is_native=1', { headers: { authorization: res.headers.get('authorization')! } });
      assert.equal(client.body.response?.object, 'client', 'the token names the client that was created');
    }
    // The cookie transport likewise, for a page without an Origin header (a top-level navigation, a curl).
    const cookie = await send(server, 'POST', '/v1/client/sign_ins', {
      headers: { 'content-type': FORM },
      body: 'identifier=nobody%2Bclerk_test%40example.com',
    });
    assert.equal(cookie.status, 422);
    assert.match(cookie.headers.get('set-cookie') ?? '', /^__client=[\w-]+; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/);
  });
});
