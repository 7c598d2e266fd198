// Express, Hono and Fastify backends protected by clerk-wc's middleware, called over real HTTP with tokens
// minted by the real FAPI server (SQLite and PostgreSQL): who gets in, who gets 401, and why.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { createServer } from 'node:http';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { getRequestListener } from '@hono/node-server';
import type { AuthenticateRequestOptions } from '../../src/backend/authenticate-request.ts';
import * as forExpress from '../../src/backend/middleware/express.ts';
import * as forFastify from '../../src/backend/middleware/fastify.ts';
import * as forHono from '../../src/backend/middleware/hono.ts';
import { Browser, DATABASES, PASSWORD, signUp, startTestServer, type TestServer } from '../support/server-harness.ts';
import { algNone, hs256, listen, mint, ORIGIN, signedByOtherKey, tamper, waitPastExpiry, jwtHeader } from '../support/backend-harness.ts';

/** The routes every test backend serves, each protected with other options. */
interface Routes {
  /** Tokens of the main server, from the demo's origin. */
  api: AuthenticateRequestOptions;
  /** The same server, but only another origin may hold tokens. */
  strict: AuthenticateRequestOptions;
  /** The short-lived-token server, no clock skew. */
  short: AuthenticateRequestOptions;
}

type Backend = { url: string; close(): Promise<void> };

async function expressBackend(routes: Routes): Promise<Backend> {
  const app = express();
  for (const [prefix, options] of Object.entries(routes)) {
    app.get(`/${prefix}/me`, forExpress.clerkMiddleware(options), forExpress.requireAuth(), (req, res) => {
      const auth = forExpress.getAuth(req);
      res.json({ userId: auth.userId, sessionId: auth.sessionId });
    });
  }
  app.get('/open/me', forExpress.clerkMiddleware(routes.api), (req, res) => {
    const auth = req.auth!;
    res.json({ isSignedIn: auth.isSignedIn, reason: auth.isSignedIn ? null : auth.reason });
  });
  return listen(createServer(app));
}

async function honoBackend(routes: Routes): Promise<Backend> {
  const app = new Hono();
  for (const [prefix, options] of Object.entries(routes)) {
    app.use(`/${prefix}/*`, forHono.clerkMiddleware(options), forHono.requireAuth());
    app.get(`/${prefix}/me`, (c) => c.json({ userId: c.get('auth').userId, sessionId: forHono.getAuth(c).sessionId }));
  }
  app.use('/open/*', forHono.clerkMiddleware(routes.api));
  app.get('/open/me', (c) => {
    const auth = c.get('auth');
    return c.json({ isSignedIn: auth.isSignedIn, reason: auth.isSignedIn ? null : auth.reason });
  });
  return listen(createServer(getRequestListener(app.fetch)));
}

async function fastifyBackend(routes: Routes): Promise<Backend> {
  const app = Fastify();
  for (const [prefix, options] of Object.entries(routes)) {
    await app.register(
      async (child) => {
        await child.register(forFastify.clerkPlugin, options);
        child.addHook('preHandler', forFastify.requireAuth());
        child.get('/me', async (request) => {
          const auth = forFastify.getAuth(request);
          return { userId: auth.userId, sessionId: auth.sessionId };
        });
      },
      { prefix: `/${prefix}` },
    );
  }
  await app.register(
    async (child) => {
      await child.register(forFastify.clerkPlugin, routes.api);
      child.get('/me', async (request) => {
        const auth = forFastify.getAuth(request);
        return { isSignedIn: auth.isSignedIn, reason: auth.isSignedIn ? null : auth.reason };
      });
    },
    { prefix: '/open' },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, close: () => app.close() };
}

const FRAMEWORKS = { express: expressBackend, hono: honoBackend, fastify: fastifyBackend } as const;

async function call(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, { headers });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });

for (const db of DATABASES) {
  describe(`backend middleware (${db})`, () => {
    let main: TestServer;
    let short: TestServer;
    let routes: Routes;
    const t = {} as {
      userId: string;
      sessionId: string;
      valid: string;
      publicPem: string;
      expired: string;
      revokedExpired: string;
    };

    before(async () => {
      [main, short] = await Promise.all([startTestServer(db), startTestServer(db, { SESSION_TOKEN_LIFETIME: '1' })]);
      const jwksUrl = (s: TestServer) => `${s.url}/.well-known/jwks.json`;
      routes = {
        api: { jwksUrl: jwksUrl(main), authorizedParties: [ORIGIN], issuer: main.url },
        strict: { jwksUrl: jwksUrl(main), authorizedParties: ['https://app.example.com'] },
        short: { jwksUrl: jwksUrl(short), clockSkewInMs: 0 },
      };
      const user = await signUp(main);
      t.userId = user.userId;
      t.sessionId = user.sessionId;
      t.valid = await mint(user.browser, user.sessionId);
      const jwks = (await (await fetch(jwksUrl(main))).json()) as { keys: Array<{ kid: string }> };
      const jwk = jwks.keys.find((k) => k.kid === jwtHeader(t.valid).kid)!;
      t.publicPem = createPublicKey({ key: jwk as never, format: 'jwk' })
        .export({ type: 'spki', format: 'pem' })
        .toString();

      // On the short-lived server: one plain expired token, and the token of a session revoked from another device.
      const shortUser = await signUp(short);
      t.expired = await mint(shortUser.browser, shortUser.sessionId);
      const laptop = new Browser(short);
      const signIn = await laptop.post('/v1/client/sign_ins', { identifier: shortUser.email, password: PASSWORD, strategy: 'password' });
      const laptopSession = signIn.body.response.created_session_id as string;
      t.revokedExpired = await mint(laptop, laptopSession);
      const revoked = await shortUser.browser.post(`/v1/me/sessions/${laptopSession}/revoke`);
      assert.equal(revoked.body.response.status, 'revoked');
      assert.equal((await laptop.post(`/v1/client/sessions/${laptopSession}/tokens`)).status, 401, 'a revoked session mints no more tokens');
      await Promise.all([waitPastExpiry(t.expired), waitPastExpiry(t.revokedExpired)]);
    });

    after(async () => {
      await Promise.all([main?.stop(), short?.stop()]);
    });

    for (const [framework, create] of Object.entries(FRAMEWORKS)) {
      describe(framework, () => {
        let backend: Backend;
        before(async () => {
          backend = await create(routes);
        });
        after(async () => {
          await backend?.close();
        });

        const refused = async (path: string, headers: Record<string, string>, reason: string) => {
          const res = await call(backend.url + path, headers);
          assert.equal(res.status, 401, JSON.stringify(res.body));
          assert.equal(res.body.errors[0].code, 'authentication_invalid');
          assert.equal(res.body.errors[0].meta.reason, reason, res.body.errors[0].long_message);
          assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer /);
        };

        test('a valid token as Bearer → 200 with the user id', async () => {
          const res = await call(`${backend.url}/api/me`, bearer(t.valid));
          assert.equal(res.status, 200);
          assert.deepEqual(res.body, { userId: t.userId, sessionId: t.sessionId });
        });

        test('a valid token in the __session cookie → 200 (a __session_<suffix> cookie is not it)', async () => {
          const res = await call(`${backend.url}/api/me`, { cookie: `__session_x=garbage; __session=${t.valid}; theme=dark` });
          assert.equal(res.status, 200);
          assert.equal(res.body.userId, t.userId);
        });

        test('no token → 401 session-token-missing; clerkMiddleware alone lets the request through signed out', async () => {
          await refused('/api/me', {}, 'session-token-missing');
          const open = await call(`${backend.url}/open/me`);
          assert.equal(open.status, 200);
          assert.deepEqual(open.body, { isSignedIn: false, reason: 'session-token-missing' });
        });

        test('a tampered payload (another sub) → 401 token-invalid-signature', async () => {
          await refused('/api/me', bearer(tamper(t.valid, { sub: 'user_someone_else' })), 'token-invalid-signature');
        });

        test('alg: none and HS256 keyed with the public key → 401 token-invalid-algorithm', async () => {
          await refused('/api/me', bearer(algNone(t.valid)), 'token-invalid-algorithm');
          await refused('/api/me', bearer(hs256(t.valid, t.publicPem)), 'token-invalid-algorithm');
        });

        test('a kid the server never had → 401 jwk-kid-mismatch; the right kid with another key → token-invalid-signature', async () => {
          await refused('/api/me', bearer(signedByOtherKey(t.valid, `kid_forged_${framework}`)), 'jwk-kid-mismatch');
          await refused('/api/me', bearer(signedByOtherKey(t.valid, jwtHeader(t.valid).kid)), 'token-invalid-signature');
        });

        test('an azp not in authorizedParties → 401 token-invalid-authorized-parties', async () => {
          await refused('/strict/me', bearer(t.valid), 'token-invalid-authorized-parties');
        });

        test('an expired token → 401 token-expired', async () => {
          await refused('/short/me', bearer(t.expired), 'token-expired');
        });

        test('the token of a revoked session, after its expiry → 401 token-expired', async () => {
          await refused('/short/me', bearer(t.revokedExpired), 'token-expired');
        });

        test('not a JWT → 401 token-invalid', async () => {
          await refused('/api/me', bearer('not-a-jwt'), 'token-invalid');
          await refused('/api/me', { cookie: '__session=a.b.c' }, 'token-invalid');
        });
      });
    }
  });
}
