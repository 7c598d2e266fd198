// The headless client (dist/clerk.browser.js) in Chromium against the real server: the script-tag quickstart,
// sign-up and sign-in flows, errors, tokens, network failures, redirects, stores and account calls.
// Each test uses its own browser context (cookie jar) and its own user.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createUser,
  jwtPayload,
  openApp,
  outboxCode,
  PASSWORD,
  sessionCookie,
  sleep,
  type TestWindow,
  uniqueEmail,
  useHarness,
  withTab,
} from '../support/browser-harness.ts';
import type { Page } from 'playwright-core';

const harness = useHarness();

/** Signs in with a password through the client; returns the ids the page ends with. */
async function signInWithPassword(
  page: Page,
  identifier: string,
  password = PASSWORD,
): Promise<{ status: string | null; userId: string | undefined; sessionId: string | undefined }> {
  return page.evaluate(
    async ([identifier, password]) => {
      const signIn = await window.Clerk!.client!.signIn.create({ identifier, password, strategy: 'password' });
      return { status: signIn.status, userId: window.Clerk!.user?.id, sessionId: window.Clerk!.session?.id };
    },
    [identifier, password] as const,
  );
}

const load = (page: Page) => page.evaluate(() => window.Clerk!.load());

test('the seed quickstart page works unchanged: Clerk.load() makes two requests and leaves a signed-out ready instance', async () => {
  const h = harness();
  for (const file of ['quickstart.html', 'quickstart-proxy.html']) {
    await withTab(h, `quickstart-${file}`, async ({ page, since, problems }) => {
      await page.goto(`${h.url}/${file}`);
      await page.locator('#app[data-ready="true"]').waitFor();
      assert.equal(await page.locator('#app').textContent(), 'Signed out', file);
      assert.deepEqual(
        await page.evaluate(() => (window as unknown as TestWindow).quickstart),
        { loaded: true, status: 'ready', userIsNull: true, signedIn: false },
        file,
      );
      const state = await page.evaluate(() => {
        const c = window.Clerk!;
        return {
          isClass: c instanceof window.ClerkWC!.Clerk,
          loaded: c.loaded,
          status: c.status,
          user: c.user,
          session: c.session,
          frontendApi: c.frontendApi,
          proxyUrl: c.proxyUrl ?? null,
          key: c.publishableKey,
          hasClient: !!c.client,
          hasEnvironment: !!c.environment,
        };
      });
      assert.deepEqual(
        state,
        {
          isClass: true,
          loaded: true,
          status: 'ready',
          user: null,
          session: null,
          frontendApi: h.url,
          proxyUrl: file === 'quickstart.html' ? null : h.url,
          key: file === 'quickstart.html' ? h.publishableKey : '',
          hasClient: true,
          hasEnvironment: true,
        },
        file,
      );
      await sleep(300); // nothing else trails the load
      assert.deepEqual(since().sort(), ['GET /v1/client', 'GET /v1/environment'], `${file}: load makes exactly these requests`);
      assert.deepEqual(problems, []);
    });
  }
});

test('sign-up with an emailed code completes, sets the session and its __session cookie, and tells listeners', async () => {
  const h = harness();
  await withTab(h, 'sign-up', async ({ page, context, since, problems }) => {
    const email = uniqueEmail('core-signup');
    await openApp(h, page);
    await load(page);
    await page.evaluate(() => {
      const w = window as unknown as TestWindow;
      w.Clerk!.addListener(({ user, session }) =>
        w.calls.push({ userId: user?.id ?? null, email: user?.primaryEmailAddress?.emailAddress ?? null, sessionId: session?.id ?? null }),
      );
    });
    const from = since().length;
    const created = await page.evaluate(
      async ([emailAddress, password]) => {
        const signUp = await window.Clerk!.client!.signUp.create({ emailAddress, password });
        const prepared = await signUp.prepareEmailAddressVerification();
        return { status: signUp.status, id: signUp.id, unverified: prepared.unverifiedFields, next: prepared.verifications.emailAddress?.status ?? null };
      },
      [email, PASSWORD] as const,
    );
    assert.equal(created.status, 'missing_requirements');
    assert.deepEqual(created.unverified, ['email_address']);
    assert.equal(created.next, 'unverified');
    const code = await outboxCode(h, email);
    assert.match(code, /^\d{6}$/);
    const done = await page.evaluate(async (code) => {
      const c = window.Clerk!;
      const signUp = await c.client!.signUp.attemptEmailAddressVerification({ code });
      return {
        status: signUp.status,
        createdSessionId: signUp.createdSessionId,
        createdUserId: signUp.createdUserId,
        userId: c.user?.id ?? null,
        email: c.user?.primaryEmailAddress?.emailAddress ?? null,
        sessionId: c.session?.id ?? null,
        isSignedIn: c.isSignedIn,
        documentCookie: document.cookie,
      };
    }, code);
    assert.equal(done.status, 'complete');
    assert.equal(done.email, email);
    assert.equal(done.isSignedIn, true);
    assert.match(done.sessionId ?? '', /^sess_/);
    assert.equal(done.sessionId, done.createdSessionId);
    assert.equal(done.userId, done.createdUserId);
    const base = `/v1/client/sign_ups`;
    assert.deepEqual(
      since(from),
      [`POST ${base}`, `POST ${base}/${created.id}/prepare_verification`, `POST ${base}/${created.id}/attempt_verification`],
      'the sign-up flow makes three requests',
    );

    const cookie = await sessionCookie(h, context);
    assert.ok(cookie, '__session cookie is set on the page origin');
    assert.ok(done.documentCookie.includes(`__session=${cookie}`), 'and readable by the page');
    const claims = jwtPayload(cookie);
    assert.equal(claims.sid, done.sessionId);
    assert.equal(claims.sub, done.userId);

    const calls = (await page.evaluate(() => (window as unknown as TestWindow).calls)) as Array<{
      userId: string | null;
      email: string | null;
      sessionId: string | null;
    }>;
    assert.deepEqual(calls[0], { userId: null, email: null, sessionId: null }, 'a listener added after load hears the current state at once');
    assert.deepEqual(calls.at(-1), { userId: done.userId, email, sessionId: done.sessionId }, 'and then the signed-in user');
    assert.deepEqual(problems, []);
  });
});

test('sign-in with a password in one call signs in; signOut() clears the user and the __session cookie', async () => {
  const h = harness();
  const user = await createUser(h);
  await withTab(h, 'sign-in-sign-out', async ({ page, context, since, problems }) => {
    await openApp(h, page);
    await load(page);
    let from = since().length;
    const signedIn = await signInWithPassword(page, user.email);
    assert.deepEqual(signedIn, { status: 'complete', userId: user.userId, sessionId: signedIn.sessionId });
    assert.match(signedIn.sessionId ?? '', /^sess_/);
    assert.deepEqual(since(from), ['POST /v1/client/sign_ins'], 'password sign-in is one request');
    assert.equal(jwtPayload((await sessionCookie(h, context)) ?? 'x.e30.x').sid, signedIn.sessionId, '__session holds the new session');

    from = since().length;
    const after = await page.evaluate(async () => {
      const c = window.Clerk!;
      await c.signOut();
      return {
        user: c.user,
        session: c.session,
        isSignedIn: c.isSignedIn,
        sessions: c.client?.activeSessions.length ?? -1,
        documentCookie: document.cookie,
        href: location.href,
      };
    });
    assert.deepEqual(after, { user: null, session: null, isSignedIn: false, sessions: 0, documentCookie: '', href: `${h.url}/app.html` });
    assert.deepEqual(since(from), ['DELETE /v1/client/sessions'], 'sign-out is one request');
    assert.equal(await sessionCookie(h, context), undefined, '__session cookie is gone');
    assert.deepEqual(problems, []);
  });
});

test('a wrong password rejects with ClerkAPIResponseError form_password_incorrect (422, paramName password)', async () => {
  const h = harness();
  const user = await createUser(h);
  await withTab(h, 'wrong-password', async ({ page, since, problems }) => {
    await openApp(h, page);
    await load(page);
    const from = since().length;
    const caught = await page.evaluate(async (identifier) => {
      try {
        await window.Clerk!.client!.signIn.create({ identifier, password: 'not-the-Password-77', strategy: 'password' });
        return { threw: false };
      } catch (e) {
        const err = e as {
          name: string;
          status: number;
          errors: Array<{ code: string; longMessage?: string; meta?: { paramName?: string } }>;
          message: string;
          clerkError?: boolean;
        };
        return {
          threw: true,
          isError: e instanceof Error,
          name: err.name,
          clerkError: err.clerkError,
          status: err.status,
          code: err.errors[0]?.code,
          paramName: err.errors[0]?.meta?.paramName,
          longMessage: err.errors[0]?.longMessage,
          message: err.message,
          user: window.Clerk!.user,
        };
      }
    }, user.email);
    assert.equal(caught.threw, true, 'signIn.create rejects');
    assert.equal(caught.isError, true);
    assert.equal(caught.name, 'ClerkAPIResponseError');
    assert.equal(caught.clerkError, true);
    assert.equal(caught.status, 422);
    assert.equal(caught.code, 'form_password_incorrect');
    assert.equal(caught.paramName, 'password');
    assert.ok(caught.longMessage && caught.longMessage.length > 0, 'errors[0].longMessage is a sentence');
    assert.equal(caught.message, caught.longMessage, 'the error message is the long message');
    assert.equal(caught.user, null);
    assert.deepEqual(since(from), ['POST /v1/client/sign_ins'], 'a refused sign-in is not retried');
    // Chromium logs the 422 itself; nothing else may appear.
    assert.deepEqual(
      problems.filter((p) => !/status of 422/.test(p)),
      [],
    );
  });
});

test('getToken: a plain call after sign-in is served from last_active_token; five concurrent skipCache calls share one POST /tokens', async () => {
  const h = harness();
  const user = await createUser(h);
  await withTab(h, 'get-token', async ({ page, since, problems }) => {
    await openApp(h, page);
    await load(page);
    const { sessionId } = await signInWithPassword(page, user.email);
    let from = since().length;
    const cached = await page.evaluate(async () => {
      const s = window.Clerk!.session!;
      return { token: await s.getToken(), last: s.lastActiveToken?.jwt ?? null };
    });
    assert.equal(cached.token, cached.last, 'getToken() returns the token the sign-in response carried');
    assert.equal(jwtPayload(cached.token!).sid, sessionId);
    assert.deepEqual(since(from), [], 'and makes no request');

    from = since().length;
    const tokens = await page.evaluate(() => Promise.all(Array.from({ length: 5 }, () => window.Clerk!.session!.getToken({ skipCache: true }))));
    assert.deepEqual(since(from), [`POST /v1/client/sessions/${sessionId}/tokens`], 'one request for five concurrent calls');
    assert.equal(new Set(tokens).size, 1, 'all five get the same JWT');
    assert.equal(jwtPayload(tokens[0]!).sid, sessionId);

    from = since().length;
    assert.equal(await page.evaluate(() => window.Clerk!.session!.getToken()), tokens[0], 'the minted token is cached');
    assert.deepEqual(since(from), []);
    assert.deepEqual(problems, []);
  });
});

test('network failures: load() resolves degraded or error without unhandled rejections; reads are retried, a mutation is sent once and rejects with network_error', async () => {
  const h = harness();
  const user = await createUser(h);
  const isPath = (path: string) => (url: URL) => url.pathname === path;

  // /v1/client unreachable: degraded.
  await withTab(h, 'offline-client', async ({ page, since, problems }) => {
    await page.route(isPath('/v1/client'), (r) => r.abort('internetdisconnected'));
    await openApp(h, page);
    const result = await page.evaluate(async () => {
      const c = window.Clerk!;
      const outcome = await c.load().then(
        () => 'resolved',
        (e: Error) => `rejected: ${e.message}`,
      );
      const err = c.loadError as { name?: string; code?: string } | undefined;
      return { outcome, status: c.status, loaded: c.loaded, user: c.user, hasEnvironment: !!c.environment, loadError: { name: err?.name, code: err?.code } };
    });
    assert.deepEqual(result, {
      outcome: 'resolved',
      status: 'degraded',
      loaded: true,
      user: null,
      hasEnvironment: true,
      loadError: { name: 'ClerkRuntimeError', code: 'network_error' },
    });
    const attempts = since().filter((c) => c === 'GET /v1/client').length;
    assert.ok(attempts > 1, `GET /v1/client is retried (attempted ${attempts} times)`);
    assert.equal(since().filter((c) => c === 'GET /v1/environment').length, 1);
    await sleep(100);
    assert.deepEqual(await page.evaluate(() => (window as unknown as TestWindow).rejections), [], 'no unhandled rejection');
    assert.deepEqual(
      problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)),
      [],
    );
  });

  // Both unreachable: error, still no rejection.
  await withTab(h, 'offline-all', async ({ page, since, problems }) => {
    await page.route(
      (url) => url.pathname === '/v1/client' || url.pathname === '/v1/environment',
      (r) => r.abort('internetdisconnected'),
    );
    await openApp(h, page);
    const result = await page.evaluate(async () => {
      const c = window.Clerk!;
      const outcome = await c.load().then(
        () => 'resolved',
        (e: Error) => `rejected: ${e.message}`,
      );
      return { outcome, status: c.status, loaded: c.loaded, user: c.user, environment: c.environment };
    });
    assert.deepEqual(result, { outcome: 'resolved', status: 'error', loaded: false, user: null, environment: null });
    assert.ok(since().filter((c) => c === 'GET /v1/environment').length > 1, 'GET /v1/environment is retried');
    await sleep(100);
    assert.deepEqual(await page.evaluate(() => (window as unknown as TestWindow).rejections), []);
    assert.deepEqual(
      problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)),
      [],
    );
  });

  // A mutation that fails on the network is not repeated: it may have reached the server.
  await withTab(h, 'offline-mutation', async ({ page, since, problems }) => {
    await openApp(h, page);
    await load(page);
    await page.route(isPath('/v1/client/sign_ins'), (r) => r.abort('internetdisconnected'));
    const from = since().length;
    const caught = await page.evaluate(async (identifier) => {
      try {
        await window.Clerk!.client!.signIn.create({ identifier, password: 'whatever-Password-1', strategy: 'password' });
        return { threw: false };
      } catch (e) {
        const err = e as { name: string; code?: string };
        return { threw: true, name: err.name, code: err.code, user: window.Clerk!.user, status: window.Clerk!.status };
      }
    }, user.email);
    await sleep(600); // longer than the first read back-off (250 ms): a retry would have shown by now
    assert.deepEqual(caught, { threw: true, name: 'ClerkRuntimeError', code: 'network_error', user: null, status: 'ready' });
    assert.deepEqual(since(from), ['POST /v1/client/sign_ins'], 'the mutation is attempted exactly once');
    assert.deepEqual(await page.evaluate(() => (window as unknown as TestWindow).rejections), []);
    assert.deepEqual(
      problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)),
      [],
    );
  });
});

test('open redirects are refused: checkRedirect, navigate and buildAfterSignInUrl keep to the page origin and allowedRedirectOrigins; routerPush handles same-origin navigation', async () => {
  const h = harness();
  await withTab(h, 'redirects', async ({ page, problems }) => {
    await openApp(h, page, '?redirect_url=https://evil.example/steal');
    const pageUrl = page.url();
    const result = await page.evaluate(async () => {
      const c = window.Clerk!;
      const w = window as unknown as TestWindow;
      await c.load({ allowedRedirectOrigins: ['https://ok.example'], routerPush: (to) => void w.pushed.push(to) });
      return {
        evil: c.checkRedirect('https://evil.example/x'),
        evilProtocolRelative: c.checkRedirect('//evil.example/x'),
        javascript: c.checkRedirect('javascript:alert(1)'),
        data: c.checkRedirect('data:text/html,<script>alert(1)</script>'),
        relative: c.checkRedirect('/dashboard'),
        allowed: c.checkRedirect('https://ok.example/a'),
        navigateEvil: await c.navigate('https://evil.example'),
        navigateJs: await c.navigate('javascript:alert(1)'),
        afterSignIn: c.buildAfterSignInUrl(),
        navigateSame: await c.navigate('/dashboard?tab=1#top'),
        pushed: w.pushed,
      };
    });
    assert.equal(result.evil, null);
    assert.equal(result.evilProtocolRelative, null);
    assert.equal(result.javascript, null);
    assert.equal(result.data, null);
    assert.equal(result.relative, `${h.url}/dashboard`);
    assert.equal(result.allowed, 'https://ok.example/a');
    assert.equal(result.navigateEvil, false);
    assert.equal(result.navigateJs, false);
    assert.ok(!result.afterSignIn.includes('evil.example'), `buildAfterSignInUrl ignores the foreign redirect_url (got ${result.afterSignIn})`);
    assert.equal(new URL(result.afterSignIn).origin, h.url, 'and falls back to a URL on the page origin');
    assert.equal(result.navigateSame, true);
    assert.deepEqual(result.pushed, ['/dashboard?tab=1#top'], 'routerPush gets the same-origin path');
    await sleep(300);
    assert.equal(page.url(), pageUrl, 'the page did not navigate');
    assert.deepEqual(problems, []);
  });

  // An allowed redirect_url, and a same-origin path, are honoured; a fallback comes next when the query is foreign.
  await withTab(h, 'redirects-allowed', async ({ page }) => {
    await openApp(h, page, `?redirect_url=${encodeURIComponent('https://ok.example/next')}`);
    assert.equal(
      await page.evaluate(async () => (await window.Clerk!.load({ allowedRedirectOrigins: ['https://ok.example'] }), window.Clerk!.buildAfterSignInUrl())),
      'https://ok.example/next',
    );
    await openApp(h, page, '?redirect_url=https://evil.example/x');
    assert.equal(
      await page.evaluate(async () => (await window.Clerk!.load({ signInFallbackRedirectUrl: '/home' }), window.Clerk!.buildAfterSignInUrl())),
      `${h.url}/home`,
    );
  });
});

test('$authStore calls a subscriber at once, on load, on sign-in and on sign-out, and never after unsubscribe', async () => {
  const h = harness();
  const user = await createUser(h);
  await withTab(h, 'stores', async ({ page, problems }) => {
    await openApp(h, page);
    const record = () =>
      page.evaluate(() =>
        (window as unknown as TestWindow).authCalls.map(
          (s) => `${s.isLoaded}/${s.isSignedIn}/${s.userId}/${s.sessionId === undefined ? 'undefined' : s.sessionId === null ? 'null' : 'sess'}`,
        ),
      );
    await page.evaluate(() => {
      const w = window as unknown as TestWindow;
      w.unsubscribe = w
        .ClerkWC!.createStores(w.Clerk!)
        .$authStore.subscribe((s) => void w.authCalls.push({ isLoaded: s.isLoaded, isSignedIn: s.isSignedIn, userId: s.userId, sessionId: s.sessionId }));
    });
    assert.deepEqual(await record(), ['false/undefined/undefined/undefined'], 'called at once, before load');
    await load(page);
    assert.deepEqual(await record(), ['false/undefined/undefined/undefined', 'true/false/null/null']);
    await signInWithPassword(page, user.email);
    await page.evaluate(() => window.Clerk!.session!.getToken({ skipCache: true })); // a token alone is no auth change
    await page.evaluate(() => window.Clerk!.signOut());
    assert.deepEqual(
      await record(),
      ['false/undefined/undefined/undefined', 'true/false/null/null', `true/true/${user.userId}/sess`, 'true/false/null/null'],
      'one call per change',
    );
    await page.evaluate(() => (window as unknown as TestWindow).unsubscribe!());
    await signInWithPassword(page, user.email);
    assert.equal((await record()).length, 4, 'no calls after unsubscribe');
    assert.deepEqual(problems, []);
  });
});

test('setActive touches the session, user.update refreshes Clerk.user from the piggybacked client, joinWaitlist returns an entry id', async () => {
  const h = harness();
  const user = await createUser(h);
  await withTab(h, 'account', async ({ page, since, problems }) => {
    await openApp(h, page);
    await load(page);
    const { sessionId } = await signInWithPassword(page, user.email);
    let from = since().length;
    const active = await page.evaluate(async (id) => {
      const c = window.Clerk!;
      await c.setActive({ session: id! });
      return c.session?.id;
    }, sessionId);
    assert.equal(active, sessionId);
    assert.deepEqual(since(from), [`POST /v1/client/sessions/${sessionId}/touch`]);

    const missing = await page.evaluate(() =>
      window.Clerk!.setActive({ session: 'sess_does_not_exist' }).then(
        () => 'resolved',
        (e: { code?: string }) => e.code,
      ),
    );
    assert.equal(missing, 'session_not_found', 'setActive refuses a session the client does not have');

    from = since().length;
    const updated = await page.evaluate(async () => {
      const c = window.Clerk!;
      const before = c.user!;
      const returned = await before.update({ firstName: 'Ada', lastName: 'Lovelace' });
      return { returned: returned.firstName, current: c.user?.firstName, fullName: c.user?.fullName, sameSession: c.session?.id };
    });
    assert.deepEqual(updated, { returned: 'Ada', current: 'Ada', fullName: 'Ada Lovelace', sameSession: sessionId });
    assert.deepEqual(since(from), ['PATCH /v1/me'], 'one request; the client comes piggybacked');

    from = since().length;
    const entry = await page.evaluate((emailAddress) => window.Clerk!.joinWaitlist({ emailAddress }), uniqueEmail('waitlist'));
    assert.equal(typeof entry.id, 'string');
    assert.ok(entry.id.length > 0);
    assert.deepEqual(since(from), ['POST /v1/waitlist']);
    assert.deepEqual(problems, []);
  });
});
