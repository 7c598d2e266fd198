// verifyToken and authenticateRequest on tokens this test signs itself, so every claim can be bent: clock skew,
// nbf/iat, issuer, jwtKey, token sources (Bearer, cookie, Fetch and Node requests), and a JWKS endpoint
// (real HTTP) that is down, broken or slow.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import { authenticateRequest, tokenFromRequest } from '../../src/backend/authenticate-request.ts';
import { JwksCache } from '../../src/backend/jwks.ts';
import { jwksUrlFromPublishableKey, TokenVerificationError, verifyToken, type VerifyTokenOptions } from '../../src/backend/verify-token.ts';
import { listen } from '../support/backend-harness.ts';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KID = 'kid_local_test';
const ISS = 'http://127.0.0.1:4000';

function signToken(claims: Record<string, unknown>, header: Record<string, unknown> = {}, key: KeyObject = privateKey): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const body = `${b64({ alg: 'RS256', kid: KID, typ: 'JWT', ...header })}.${b64(claims)}`;
  return `${body}.${sign('RSA-SHA256', Buffer.from(body), key).toString('base64url')}`;
}

function claims(change: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: ISS, sub: 'user_1', sid: 'sess_1', azp: 'http://localhost:5173', iat: now, nbf: now - 10, exp: now + 60, v: 2, fva: [0, -1], ...change };
}

async function reasonOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'verified';
  } catch (e) {
    assert.ok(e instanceof TokenVerificationError, `not a TokenVerificationError: ${String(e)}`);
    assert.ok(e.message.length > 20, 'the message says what happened');
    return e.reason;
  }
}

const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('verifyToken with jwtKey (no network)', () => {
  const opts: VerifyTokenOptions = { jwtKey: pem };
  const now = () => Math.floor(Date.now() / 1000);

  test('returns the claims of a valid token; a KeyObject or JWK works as jwtKey too', async () => {
    const token = signToken(claims());
    assert.equal((await verifyToken(token, opts)).sub, 'user_1');
    assert.equal((await verifyToken(token, { jwtKey: publicKey })).sid, 'sess_1');
    assert.equal((await verifyToken(token, { jwtKey: publicKey.export({ format: 'jwk' }) })).sid, 'sess_1');
  });

  test('exp within clockSkewInMs (default 5 s) passes; past it → token-expired', async () => {
    const recent = signToken(claims({ exp: now() - 2 }));
    assert.equal(await reasonOf(verifyToken(recent, opts)), 'verified');
    assert.equal(await reasonOf(verifyToken(recent, { ...opts, clockSkewInMs: 0 })), 'token-expired');
    assert.equal(await reasonOf(verifyToken(signToken(claims({ exp: now() - 10 })), opts)), 'token-expired');
  });

  test('nbf and iat in the future beyond the skew are refused', async () => {
    assert.equal(await reasonOf(verifyToken(signToken(claims({ nbf: now() + 3 })), opts)), 'verified');
    assert.equal(await reasonOf(verifyToken(signToken(claims({ nbf: now() + 30 })), opts)), 'token-not-active-yet');
    assert.equal(await reasonOf(verifyToken(signToken(claims({ iat: now() + 30, nbf: now() - 1 })), opts)), 'token-iat-in-the-future');
  });

  test('authorizedParties and issuer', async () => {
    const token = signToken(claims());
    assert.equal(await reasonOf(verifyToken(token, { ...opts, authorizedParties: ['http://localhost:5173'], issuer: ISS })), 'verified');
    assert.equal(await reasonOf(verifyToken(token, { ...opts, authorizedParties: ['https://example.com'] })), 'token-invalid-authorized-parties');
    assert.equal(await reasonOf(verifyToken(token, { ...opts, issuer: 'https://other.example.com' })), 'token-invalid-issuer');
    // A token minted without an Origin has no azp: as in @clerk/backend, authorizedParties does not apply.
    assert.equal(await reasonOf(verifyToken(signToken(claims({ azp: undefined })), { ...opts, authorizedParties: ['https://example.com'] })), 'verified');
  });

  test('only RS256: none, HS256, RS512 and crit headers are refused; signatures by another key too', async () => {
    assert.equal(await reasonOf(verifyToken(signToken(claims(), { alg: 'none' }), opts)), 'token-invalid-algorithm');
    assert.equal(await reasonOf(verifyToken(signToken(claims(), { alg: 'HS256' }), opts)), 'token-invalid-algorithm');
    assert.equal(await reasonOf(verifyToken(signToken(claims(), { alg: 'RS512' }), opts)), 'token-invalid-algorithm');
    assert.equal(await reasonOf(verifyToken(signToken(claims(), { crit: ['exp'] }), opts)), 'token-invalid');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    assert.equal(await reasonOf(verifyToken(signToken(claims(), {}, other), opts)), 'token-invalid-signature');
  });

  test('malformed tokens → token-invalid', async () => {
    for (const bad of ['', 'abc', 'a.b', 'a.b.c.d', 'a b.c.d', `${Buffer.from('[1]').toString('base64url')}.e30.x`]) {
      assert.equal(await reasonOf(verifyToken(bad, opts)), 'token-invalid', JSON.stringify(bad));
    }
    assert.equal(await reasonOf(verifyToken(signToken({ sub: 'user_1' }), opts)), 'token-invalid', 'no exp');
  });

  test('without jwksUrl, jwks, publishableKey or jwtKey it throws a configuration error, not a verification result', async () => {
    await assert.rejects(verifyToken(signToken(claims()), {}), (e: Error) => !(e instanceof TokenVerificationError) && /jwksUrl/.test(e.message));
  });
});

describe('jwksUrlFromPublishableKey', () => {
  test('decodes the FAPI host: http for localhost, https elsewhere; rejects other strings', () => {
    const pk = (host: string) => `pk_test_${Buffer.from(`${host}$`).toString('base64')}`;
    assert.equal(jwksUrlFromPublishableKey(pk('127.0.0.1:4000')), 'http://127.0.0.1:4000/.well-known/jwks.json');
    assert.equal(jwksUrlFromPublishableKey(pk('localhost:4000')), 'http://localhost:4000/.well-known/jwks.json');
    assert.equal(
      jwksUrlFromPublishableKey(`pk_live_${Buffer.from('clerk.example.com$').toString('base64')}`),
      'https://clerk.example.com/.well-known/jwks.json',
    );
    assert.throws(() => jwksUrlFromPublishableKey('sk_test_abc'), /publishable key/);
  });
});

describe('JWKS over HTTP: down, broken, slow', () => {
  let mode: 'ok' | 'html' | 'down' | 'slow' = 'ok';
  let requests = 0;
  let jwks: { url: string; close(): Promise<void> };
  before(async () => {
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: KID, alg: 'RS256', use: 'sig' };
    jwks = await listen(
      createServer((_req, res) => {
        requests++;
        if (mode === 'down') return res.writeHead(503).end('unavailable');
        if (mode === 'html') return res.writeHead(200, { 'content-type': 'text/html' }).end('{"not":"a jwks"}');
        const send = () =>
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [{ kty: 'oct', kid: 'sym', k: 'AAAA' }, jwk] }));
        if (mode === 'slow') setTimeout(send, 400);
        else send();
      }),
    );
  });
  after(() => jwks.close());

  test('an unreachable JWKS → jwk-remote-failed-to-load, then fails fast for a moment instead of hammering it', async () => {
    mode = 'down';
    requests = 0;
    const cache = new JwksCache(jwks.url);
    assert.equal(await reasonOf(verifyToken(signToken(claims()), { jwks: cache })), 'jwk-remote-failed-to-load');
    assert.equal(await reasonOf(verifyToken(signToken(claims()), { jwks: cache })), 'jwk-remote-failed-to-load');
    assert.equal(requests, 1);
    mode = 'ok';
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal(await reasonOf(verifyToken(signToken(claims()), { jwks: cache })), 'verified', 'recovers once the JWKS is back');
  });

  test('a body that is not a JWKS → jwk-remote-invalid; non-RSA keys in a JWKS are skipped', async () => {
    mode = 'html';
    assert.equal(await reasonOf(verifyToken(signToken(claims()), { jwks: new JwksCache(jwks.url) })), 'jwk-remote-invalid');
    mode = 'ok';
    assert.equal(await reasonOf(verifyToken(signToken(claims()), { jwks: new JwksCache(jwks.url) })), 'verified');
    assert.equal(await reasonOf(verifyToken(signToken(claims(), { kid: 'sym' }), { jwks: new JwksCache(jwks.url) })), 'jwk-kid-mismatch');
  });

  test('concurrent first verifications share one request', async () => {
    mode = 'slow';
    requests = 0;
    const cache = new JwksCache(jwks.url);
    const token = signToken(claims());
    const results = await Promise.all(Array.from({ length: 50 }, () => reasonOf(verifyToken(token, { jwks: cache }))));
    assert.deepEqual(new Set(results), new Set(['verified']));
    assert.equal(requests, 1);
  });

  test('after maxAgeMs the key set is refreshed in the background while lookups keep answering from memory', async () => {
    mode = 'ok';
    requests = 0;
    const cache = new JwksCache(jwks.url, { maxAgeMs: 100 });
    const token = signToken(claims());
    await verifyToken(token, { jwks: cache });
    await verifyToken(token, { jwks: cache });
    assert.equal(requests, 1);
    await new Promise((r) => setTimeout(r, 150));
    mode = 'slow';
    const t0 = performance.now();
    await verifyToken(token, { jwks: cache });
    assert.ok(performance.now() - t0 < 200, 'the stale lookup did not wait for the slow refresh');
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(requests, 2, 'one background refresh');
    await verifyToken(token, { jwks: cache });
    assert.equal(requests, 2);
  });
});

describe('authenticateRequest: where the token comes from', () => {
  const options = { jwtKey: pem };
  const token = signToken(claims());

  test('Bearer header first, else the __session cookie; Fetch Request and Node header objects alike', async () => {
    assert.equal(tokenFromRequest(new Request('http://x/', { headers: { authorization: `Bearer ${token}` } })), token);
    assert.equal(tokenFromRequest(new Request('http://x/', { headers: { cookie: `a=1; __session=${token}` } })), token);
    assert.equal(tokenFromRequest({ headers: { authorization: `bearer ${token}`, cookie: '__session=other' } }), token);
    assert.equal(tokenFromRequest({ headers: { cookie: `__session_abc=x; __session=${token}` } }), token);
    assert.equal(
      tokenFromRequest({ headers: { authorization: 'Basic dXNlcjpwYXNz', cookie: `__session=${token}` } }),
      token,
      'a non-Bearer Authorization is not a session token',
    );
    assert.equal(tokenFromRequest({ headers: { cookie: '__session_abc=x' } }), undefined);
    assert.equal(tokenFromRequest({ headers: {} }), undefined);
  });

  test('signed in: userId, sessionId, orgId null, claims and toAuth()', async () => {
    const state = await authenticateRequest(new Request('http://x/', { headers: { authorization: `Bearer ${token}` } }), options);
    assert.equal(state.isSignedIn, true);
    if (!state.isSignedIn) return;
    assert.deepEqual([state.userId, state.sessionId, state.orgId, state.claims.sub], ['user_1', 'sess_1', null, 'user_1']);
    const auth = state.toAuth();
    assert.deepEqual([auth.isSignedIn, auth.userId, auth.sessionId, auth.orgId], [true, 'user_1', 'sess_1', null]);
    assert.equal(await auth.getToken(), token);
  });

  test('signed out: a reason and a message, never a throw', async () => {
    const missing = await authenticateRequest({ headers: {} }, options);
    assert.deepEqual([missing.isSignedIn, !missing.isSignedIn && missing.reason], [false, 'session-token-missing']);
    const expired = await authenticateRequest({ headers: { cookie: `__session=${signToken(claims({ exp: 1 }))}` } }, options);
    assert.equal(!expired.isSignedIn && expired.reason, 'token-expired');
    assert.match(!expired.isSignedIn ? expired.message : '', /expired/);
    const notSession = await authenticateRequest({ headers: { authorization: `Bearer ${signToken(claims({ sid: undefined }))}` } }, options);
    assert.equal(!notSession.isSignedIn && notSession.reason, 'token-invalid');
  });

  test('a misconfiguration throws even when the request has no token', async () => {
    await assert.rejects(authenticateRequest({ headers: {} }, {}), /jwksUrl/);
  });
});
