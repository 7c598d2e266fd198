// Clerk's own browser SDK, unchanged, against this server: the official @clerk/clerk-js `clerk.browser.js` drives every
// flow the server implements, and our own `clerk.browser.js` drives the same script, in three layouts:
//   - same site: the page on the FAPI server's own origin (http://127.0.0.1:<port>);
//   - cross site: the page on http://localhost:<other port>, the FAPI on http://127.0.0.1:<port> (a Vite app against the
//     printed key). clerk-js keeps its client in the `__client` cookie, which the server sets partitioned (CHIPS) for
//     cross-site development requests; our client uses the dev browser;
//   - dev browser: as cross site, with a key that names a Clerk development host, so clerk-js itself switches to the
//     dev-browser protocol (`POST /v1/dev_browser`, `__clerk_db_jwt` on every request, the `Clerk-Db-Jwt` header).
// Every FAPI request is recorded: the tests fail on any unexpected 4xx/5xx, and print the request count per flow.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createUser, jwtPayload, outboxCode, PASSWORD, uniqueEmail, useHarness } from '../support/browser-harness.ts';
import { serveSite, type StaticSite } from '../support/static-site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OFFICIAL_DIST = join(ROOT, 'node_modules/@clerk/clerk-js/dist');
const OFFICIAL_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules/@clerk/clerk-js/package.json'), 'utf8')) as { version: string }).version;
const NEW_PASSWORD = 'quartz-Meadow-lantern-58';
const RESET_PASSWORD = 'copper-Willow-harbor-73';
/** The second device of the sessions flow. */
const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
/** A 2×2 red PNG (built with zlib and CRC-32 like test/server/profile-images.test.ts does), as bytes. */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGO4o6FxR0ODAUIBACOuBLGNQbmyAAAAAElFTkSuQmCC', 'base64');

let getHarness: ReturnType<typeof useHarness>;
let site: StaticSite;
const dirs: string[] = [];
/** flow → layout/client → FAPI requests, for the summary printed at the end. */
const counts = new Map<string, Map<string, number>>();

function setUp(): void {
  getHarness = useHarness();
  before(async () => {
    const h = getHarness();
    // The official bundle and its chunks next to our pages, in the server's static folder and on the other site.
    const other = mkdtempSync(join(tmpdir(), 'clerk-wc-other-site-'));
    dirs.push(other);
    for (const dir of [join(h.staticDir, 'official'), join(other, 'official')]) {
      mkdirSync(dir, { recursive: true });
      for (const f of readdirSync(OFFICIAL_DIST))
        if (f === 'clerk.browser.js' || f.includes('_clerk.browser_')) copyFileSync(join(OFFICIAL_DIST, f), join(dir, f));
    }
    site = await serveSite(other);
    for (const layout of LAYOUTS) {
      for (const client of CLIENTS) writePage(layout.kind === 'same' ? h.staticDir : other, layout, client, h.url, h.publishableKey);
    }
  });
  after(async () => {
    await site?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    const layouts = [...new Set([...counts.values()].flatMap((m) => [...m.keys()]))];
    const rows = [...counts.entries()].map(([flow, m]) => `${flow.padEnd(28)} ${layouts.map((l) => String(m.get(l) ?? '-').padStart(l.length)).join('  ')}`);
    console.log(`\nFAPI requests per flow (official clerk-js ${OFFICIAL_VERSION} vs clerk-wc)\n${''.padEnd(28)} ${layouts.join('  ')}\n${rows.join('\n')}\n`);
  });
}

type LayoutKind = 'same' | 'cross' | 'dev-browser';
interface Layout {
  kind: LayoutKind;
  name: string;
}
const LAYOUTS: Layout[] = [
  { kind: 'same', name: 'same site' },
  { kind: 'cross', name: 'cross site' },
  { kind: 'dev-browser', name: 'cross site, dev-host key' },
];
type ClientKind = 'official' | 'clerk-wc';
const CLIENTS: ClientKind[] = ['official', 'clerk-wc'];

/** A publishable key naming a Clerk development host: clerk-js turns on its dev browser for such hosts. */
const DEV_HOST_KEY = `pk_test_${Buffer.from('clerk-wc-test.accounts.dev$').toString('base64')}`;

function pageName(layout: Layout, client: ClientKind): string {
  return `sdk-${layout.kind}-${client}.html`;
}

function writePage(dir: string, layout: Layout, client: ClientKind, fapi: string, publishableKey: string): void {
  const key = layout.kind === 'dev-browser' && client === 'official' ? DEV_HOST_KEY : publishableKey;
  // Official clerk-js needs proxyUrl for a plain-http FAPI (it builds https://<host> from the key otherwise).
  const src = client === 'official' ? '/official/clerk.browser.js' : `${fapi}/npm/@clerk/clerk-js@5/dist/clerk.browser.js`;
  const proxy = client === 'official' ? ` data-clerk-proxy-url="${fapi}"` : '';
  writeFileSync(
    join(dir, pageName(layout, client)),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>sdk</title>` +
      `<script src="${src}" crossorigin="anonymous" data-clerk-publishable-key="${key}"${proxy}></script></head><body><main>sdk</main></body></html>`,
  );
}

interface Recorded {
  verb: string;
  path: string;
  status: number;
  params: string[];
  body: string;
}

interface Run {
  context: BrowserContext;
  page: Page;
  requests: Recorded[];
  problems: string[];
  email: string;
  userId?: string;
  sessionId?: string;
}

async function openRun(layout: Layout, client: ClientKind): Promise<Run> {
  const h = getHarness();
  const context = await h.browser.newContext();
  context.setDefaultTimeout(15_000);
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  const requests: Recorded[] = [];
  const problems: string[] = [];
  const fapiOrigin = new URL(h.url).origin;
  // Recorded when sent (so each flow counts its own requests), completed when the response arrives.
  const pending = new Map<unknown, Recorded>();
  context.on('request', (req) => {
    const u = new URL(req.url());
    if (u.origin !== fapiOrigin || !u.pathname.startsWith('/v1/') || u.pathname.startsWith('/v1/dev/')) return;
    const body = req.postData() ?? '';
    const params = [...new Set([...u.searchParams.keys(), ...new URLSearchParams(body).keys()])].sort();
    const record: Recorded = { verb: u.searchParams.get('_method') ?? req.method(), path: u.pathname, status: 0, params, body: '' };
    requests.push(record);
    pending.set(req, record);
  });
  context.on('requestfinished', async (req) => {
    const record = pending.get(req);
    const res = await req.response();
    if (!record || !res) return;
    if (res.status() >= 400) record.body = (await res.text()).slice(0, 300);
    record.status = res.status();
  });
  context.on('requestfailed', (req) => {
    const record = pending.get(req);
    if (record) record.status = -1;
    if (new URL(req.url()).origin === fapiOrigin) problems.push(`request failed: ${req.method()} ${req.url()} ${req.failure()?.errorText}`);
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const base = layout.kind === 'same' ? h.url : site.url;
  await page.goto(`${base}/${pageName(layout, client)}`);
  await page.waitForFunction(() => !!(window as unknown as { Clerk?: unknown }).Clerk);
  return { context, page, requests, problems, email: uniqueEmail(`sdk-${layout.kind}-${client}`) };
}

/** Runs `fn` as one flow: no FAPI request may fail unless `allow` says so; records the request count. */
async function flow<T>(run: Run, label: string, column: string, fn: () => Promise<T>, allow: (r: Recorded) => boolean = () => false): Promise<T> {
  const from = run.requests.length;
  const result = await fn();
  // Settled: every request answered, and none new for 300 ms (clerk-js touches the session after setActive).
  for (let seen = -1; seen !== run.requests.length || run.requests.some((r) => r.status === 0);) {
    seen = run.requests.length;
    await new Promise((r) => setTimeout(r, 300));
  }
  const mine = run.requests.slice(from);
  const failed = mine.filter((r) => r.status >= 400 && !allow(r));
  assert.deepEqual(
    failed.map((r) => `${r.status} ${r.verb} ${r.path} ${r.body}`),
    [],
    `${label}: FAPI requests failed`,
  );
  assert.deepEqual(run.problems, [], `${label}: page problems`);
  if (!counts.has(label)) counts.set(label, new Map());
  counts.get(label)!.set(column, mine.length);
  return result;
}

type ClerkWindow = Window & { Clerk: any };

describe('Clerk browser SDKs against the server', () => {
  setUp();
  for (const layout of LAYOUTS) {
    for (const client of CLIENTS) {
      // The dev-host key only changes what official clerk-js does; ours behaves as in the cross-site layout.
      if (layout.kind === 'dev-browser' && client === 'clerk-wc') continue;
      const column = `${client === 'official' ? 'clerk-js' : 'clerk-wc'}/${layout.kind}`;
      describe(`${client === 'official' ? `official @clerk/clerk-js ${OFFICIAL_VERSION}` : 'clerk-wc clerk.browser.js'}, ${layout.name}`, () => {
        let run: Run;
        const step = <T>(label: string, fn: () => Promise<T>, allow?: (r: Recorded) => boolean) => flow(run, label, column, fn, allow);
        const evaluate = <A, R>(fn: (arg: A) => Promise<R>, arg: A) => run.page.evaluate(fn as never, arg) as Promise<R>;

        before(async () => {
          run = await openRun(layout, client);
        });
        after(async () => {
          if (process.env.SDK_TRACE) console.log(column, run.requests.map((r) => `${r.status} ${r.verb} ${r.path} ${r.params.join(',')}`).join('\n'));
          await run?.context.close().catch(() => undefined);
        });

        test('load', async () => {
          const state = await step('load', () =>
            evaluate(async () => {
              const c = (window as unknown as ClerkWindow).Clerk;
              // No navigation away from the test page: signOut() and setActive() go through these.
              await c.load({ routerPush: () => undefined, routerReplace: () => undefined });
              return { loaded: c.loaded, user: c.user, app: c.environment?.displayConfig?.applicationName };
            }, null),
          );
          assert.equal(state.loaded, true);
          assert.equal(state.user, null);
          assert.equal(typeof state.app, 'string');
          // How the browser's client travels: the dev-browser token on every request, or the `__client` cookie.
          const devBrowser = client === 'clerk-wc' ? layout.kind !== 'same' : layout.kind === 'dev-browser';
          const carrying = run.requests.filter((r) => r.params.includes('__clerk_db_jwt')).map((r) => r.path);
          const expected = run.requests.filter((r) => devBrowser && r.path !== '/v1/dev_browser').map((r) => r.path);
          assert.deepEqual(carrying, expected, devBrowser ? 'every request carries __clerk_db_jwt' : 'no request carries __clerk_db_jwt');
          assert.equal(
            run.requests.some((r) => r.path === '/v1/dev_browser'),
            devBrowser,
          );
        });

        test('sign-up with an email code, then setActive', async () => {
          const h = getHarness();
          const signUp = await step('sign-up (code) + setActive', async () => {
            const created = await evaluate(
              async ({ email, password }) => {
                const su = await (window as unknown as ClerkWindow).Clerk.client.signUp.create({ emailAddress: email, password });
                await su.prepareEmailAddressVerification({ strategy: 'email_code' });
                return { status: su.status, unverified: su.unverifiedFields };
              },
              { email: run.email, password: PASSWORD },
            );
            assert.equal(created.status, 'missing_requirements');
            const code = await outboxCode(h, run.email);
            return evaluate(async (code) => {
              const c = (window as unknown as ClerkWindow).Clerk;
              const su = await c.client.signUp.attemptEmailAddressVerification({ code });
              await c.setActive({ session: su.createdSessionId });
              return {
                status: su.status,
                userId: su.createdUserId,
                sessionId: su.createdSessionId,
                user: c.user?.id,
                email: c.user?.primaryEmailAddress?.emailAddress,
              };
            }, code);
          });
          assert.equal(signUp.status, 'complete');
          assert.equal(signUp.user, signUp.userId);
          assert.equal(signUp.email, run.email);
          run.userId = signUp.userId;
          run.sessionId = signUp.sessionId;
        });

        test('getToken', async () => {
          const jwt = await step('getToken', () => evaluate(async () => (window as unknown as ClerkWindow).Clerk.session.getToken() as Promise<string>, null));
          const claims = jwtPayload(jwt);
          assert.equal(claims.sub, run.userId);
          assert.equal(claims.sid, run.sessionId);
          assert.equal(claims.azp, new URL(run.page.url()).origin);
        });

        test('user.update', async () => {
          const names = await step('user.update', () =>
            evaluate(async () => {
              const c = (window as unknown as ClerkWindow).Clerk;
              await c.user.update({ firstName: 'Ada', lastName: 'Lovelace' });
              return [c.user.firstName, c.user.lastName, c.user.fullName];
            }, null),
          );
          assert.deepEqual(names, ['Ada', 'Lovelace', 'Ada Lovelace']);
        });

        test('user.setProfileImage with a File, then remove it', async (t) => {
          // Our client's setProfileImage comes with the account pages; until then only clerk-js runs this flow.
          const supported = await evaluate(async () => typeof (window as unknown as ClerkWindow).Clerk.user.setProfileImage === 'function', null);
          if (!supported) return t.skip('this client has no user.setProfileImage yet');
          const result = await step('setProfileImage + remove', () =>
            evaluate(
              async (bytes) => {
                const c = (window as unknown as ClerkWindow).Clerk;
                const file = new File([new Uint8Array(bytes)], 'avatar.png', { type: 'image/png' });
                const image = await c.user.setProfileImage({ file });
                await c.user.reload();
                const set = { url: image.publicUrl, hasImage: c.user.hasImage, imageUrl: c.user.imageUrl };
                // The browser draws it: the served image is a real 2×2 PNG.
                const img = new Image();
                const width = await new Promise<number>((resolve, reject) => {
                  img.onload = () => resolve(img.naturalWidth);
                  img.onerror = () => reject(new Error('the image did not load'));
                  img.src = image.publicUrl;
                });
                await c.user.setProfileImage({ file: null });
                await c.user.reload();
                return { set, width, after: { hasImage: c.user.hasImage, imageUrl: c.user.imageUrl } };
              },
              [...TINY_PNG],
            ),
          );
          assert.equal(result.set.hasImage, true);
          assert.equal(result.set.imageUrl, result.set.url);
          assert.match(result.set.url, /\/__clerk-wc\/images\/img_/);
          assert.equal(result.width, 2);
          assert.equal(result.after.hasImage, false);
          assert.notEqual(result.after.imageUrl, result.set.url);
        });

        test('add and verify an email address', async () => {
          const h = getHarness();
          const second = uniqueEmail(`sdk2-${layout.kind}-${client}`);
          const result = await step('add + verify email', async () => {
            await evaluate(async (email) => {
              const c = (window as unknown as ClerkWindow).Clerk;
              const ea = await c.user.createEmailAddress({ email });
              await ea.prepareVerification({ strategy: 'email_code' });
            }, second);
            const code = await outboxCode(h, second);
            return evaluate(
              async ({ email, code }) => {
                const c = (window as unknown as ClerkWindow).Clerk;
                await c.user.reload();
                const ea = c.user.emailAddresses.find((e: { emailAddress: string }) => e.emailAddress === email);
                const verified = await ea.attemptVerification({ code });
                await c.user.reload();
                return { status: verified.verification.status, count: c.user.emailAddresses.length };
              },
              { email: second, code },
            );
          });
          assert.deepEqual(result, { status: 'verified', count: 2 });
        });

        test('change password', async () => {
          const ok = await step('change password', () =>
            evaluate(
              async ({ current, next }) => {
                const c = (window as unknown as ClerkWindow).Clerk;
                await c.user.updatePassword({ currentPassword: current, newPassword: next });
                return c.user.passwordEnabled;
              },
              { current: PASSWORD, next: NEW_PASSWORD },
            ),
          );
          assert.equal(ok, true);
        });

        test('list and revoke sessions', async () => {
          // A second device signs in from Node.
          const h = getHarness();
          const other = await signInFromNode(h.url, run.email, NEW_PASSWORD, IPHONE_SAFARI);
          const result = await step('list + revoke sessions', () =>
            evaluate(async (otherId) => {
              const c = (window as unknown as ClerkWindow).Clerk;
              const sessions = await c.user.getSessions();
              const target = sessions.find((s: { id: string }) => s.id === otherId);
              const mine = sessions.find((s: { id: string }) => s.id === c.session.id);
              const activity = (s: { latestActivity: Record<string, unknown> }) => {
                const { browserName, deviceType, isMobile, ipAddress } = s.latestActivity;
                return { browserName, deviceType, isMobile, ipAddress };
              };
              const activities = { other: activity(target), mine: activity(mine) };
              const revoked = await target.revoke();
              const after = await c.user.getSessions();
              return {
                before: sessions.length,
                status: revoked.status,
                after: after.length,
                current: after.some((s: { id: string }) => s.id === c.session.id),
                activities,
              };
            }, other),
          );
          assert.deepEqual(result, {
            before: 2,
            status: 'revoked',
            after: 1,
            current: true,
            activities: {
              // The other device's User-Agent; this one is Chromium's own (headless on Linux).
              other: { browserName: 'Safari', deviceType: 'iPhone', isMobile: true, ipAddress: '127.0.0.1' },
              mine: { browserName: 'Chrome', deviceType: 'Linux', isMobile: false, ipAddress: '127.0.0.1' },
            },
          });
        });

        test('sign-out', async () => {
          const state = await step('sign-out', () =>
            evaluate(async () => {
              const c = (window as unknown as ClerkWindow).Clerk;
              await c.signOut();
              return { user: c.user, session: c.session };
            }, null),
          );
          assert.deepEqual(state, { user: null, session: null });
        });

        test('sign-in with a password', async () => {
          const state = await step('sign-in (password)', () =>
            evaluate(
              async ({ email, password }) => {
                const c = (window as unknown as ClerkWindow).Clerk;
                const si = await c.client.signIn.create({ identifier: email, password });
                await c.setActive({ session: si.createdSessionId });
                return { status: si.status, user: c.user?.id };
              },
              { email: run.email, password: NEW_PASSWORD },
            ),
          );
          assert.deepEqual(state, { status: 'complete', user: run.userId });
          await evaluate(async () => (window as unknown as ClerkWindow).Clerk.signOut(), null);
        });

        test('sign-in with an email code', async () => {
          const h = getHarness();
          const state = await step('sign-in (code)', async () => {
            const first = await evaluate(async (email) => {
              const c = (window as unknown as ClerkWindow).Clerk;
              const si = await c.client.signIn.create({ identifier: email });
              const factor = si.supportedFirstFactors.find((f: { strategy: string }) => f.strategy === 'email_code');
              await si.prepareFirstFactor({ strategy: 'email_code', emailAddressId: factor.emailAddressId });
              return si.status;
            }, run.email);
            assert.equal(first, 'needs_first_factor');
            const code = await outboxCode(h, run.email);
            return evaluate(async (code) => {
              const c = (window as unknown as ClerkWindow).Clerk;
              const si = await c.client.signIn.attemptFirstFactor({ strategy: 'email_code', code });
              await c.setActive({ session: si.createdSessionId });
              return { status: si.status, user: c.user?.id };
            }, code);
          });
          assert.deepEqual(state, { status: 'complete', user: run.userId });
          await evaluate(async () => (window as unknown as ClerkWindow).Clerk.signOut(), null);
        });

        test('reset password', async () => {
          const h = getHarness();
          const state = await step('reset password', async () => {
            await evaluate(async (email) => {
              await (window as unknown as ClerkWindow).Clerk.client.signIn.create({ strategy: 'reset_password_email_code', identifier: email });
            }, run.email);
            const code = await outboxCode(h, run.email);
            return evaluate(
              async ({ code, password }) => {
                const c = (window as unknown as ClerkWindow).Clerk;
                const attempted = await c.client.signIn.attemptFirstFactor({ strategy: 'reset_password_email_code', code });
                const needed = attempted.status;
                const si = await attempted.resetPassword({ password, signOutOfOtherSessions: true });
                await c.setActive({ session: si.createdSessionId });
                return { needed, status: si.status, user: c.user?.id };
              },
              { code, password: RESET_PASSWORD },
            );
          });
          assert.deepEqual(state, { needed: 'needs_new_password', status: 'complete', user: run.userId });
          // The new password works from anywhere.
          await signInFromNode(getHarness().url, run.email, RESET_PASSWORD);
        });
      });
    }
  }
});

/** Signs in with a password from Node (a plain FAPI client with its own cookie, `userAgent` if given), returning the new session's id. */
async function signInFromNode(url: string, email: string, password: string, userAgent?: string): Promise<string> {
  const res = await fetch(`${url}/v1/client/sign_ins`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(userAgent ? { 'user-agent': userAgent } : {}) },
    body: new URLSearchParams({ identifier: email, password, strategy: 'password' }).toString(),
  });
  const json = (await res.json()) as { response: { status: string; created_session_id: string } };
  assert.equal(res.status, 200, JSON.stringify(json));
  assert.equal(json.response.status, 'complete');
  return json.response.created_session_id;
}

// Multi-session (a server of its own, SINGLE_SESSION_MODE=false; the page on the server's site): two accounts in one
// browser, `setActive` between them and `signOut({ sessionId })`, driven by official clerk-js and by ours.
describe('Clerk browser SDKs against a multi-session server', () => {
  const harness = useHarness({ SINGLE_SESSION_MODE: 'false' });
  const same = LAYOUTS[0]!;
  before(() => {
    const h = harness();
    const dir = join(h.staticDir, 'official');
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(OFFICIAL_DIST))
      if (f === 'clerk.browser.js' || f.includes('_clerk.browser_')) copyFileSync(join(OFFICIAL_DIST, f), join(dir, f));
    for (const client of CLIENTS) writePage(h.staticDir, same, client, h.url, h.publishableKey);
  });

  for (const client of CLIENTS) {
    test(`${client === 'official' ? `official @clerk/clerk-js ${OFFICIAL_VERSION}` : 'clerk-wc clerk.browser.js'}: setActive between two sessions, signOut({ sessionId })`, async () => {
      const h = harness();
      const [ada, grace] = [uniqueEmail(`multi-ada-${client}`), uniqueEmail(`multi-grace-${client}`)];
      for (const email of [ada, grace]) await createUser(h, email);
      const context = await h.browser.newContext();
      context.setDefaultTimeout(15_000);
      await context.addInitScript({ content: 'window.__name = (f) => f;' });
      const failed: string[] = [];
      context.on('response', (res) => {
        const u = new URL(res.url());
        if (u.pathname.startsWith('/v1/') && res.status() >= 400) failed.push(`${res.status()} ${res.request().method()} ${u.pathname}`);
      });
      try {
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
        await page.goto(`${h.url}/${pageName(same, client)}`);
        await page.waitForFunction(() => !!(window as unknown as { Clerk?: unknown }).Clerk);
        const result = await page.evaluate(
          async ({ ada, grace, password }) => {
            const c = (window as unknown as ClerkWindow).Clerk;
            await c.load({ routerPush: () => undefined, routerReplace: () => undefined });
            const signIn = async (identifier: string) => {
              const si = await c.client.signIn.create({ identifier, password });
              await c.setActive({ session: si.createdSessionId });
              return si.createdSessionId as string;
            };
            const ids = () => (c.client.signedInSessions ?? c.client.activeSessions).map((s: { id: string }) => s.id);
            const sid = async () => JSON.parse(atob((await c.session.getToken()).split('.')[1])).sid as string;
            const single = c.environment.authConfig.singleSessionMode;
            const sessAda = await signIn(ada);
            const sessGrace = await signIn(grace);
            const both = ids();
            const activeAfterSecond = c.session.id;
            await c.setActive({ session: sessAda });
            const switched = { session: c.session.id, email: c.user.primaryEmailAddress.emailAddress, tokenSid: await sid() };
            // Sign out of the account that is not active: the active one stays.
            await c.signOut({ sessionId: sessGrace });
            const afterOther = { session: c.session?.id, ids: ids() };
            // Back to two, then sign out of the active one.
            const sessGrace2 = await signIn(grace);
            await c.setActive({ session: sessAda });
            await c.signOut({ sessionId: sessAda });
            const afterActive = { session: c.session?.id ?? null, ids: ids() };
            await c.signOut();
            return { single, sessAda, sessGrace, sessGrace2, both, activeAfterSecond, switched, afterOther, afterActive, end: { user: c.user, ids: ids() } };
          },
          { ada, grace, password: PASSWORD },
        );
        assert.equal(result.single, false);
        assert.deepEqual(result.both, [result.sessAda, result.sessGrace]);
        assert.equal(result.activeAfterSecond, result.sessGrace);
        assert.deepEqual(result.switched, { session: result.sessAda, email: ada, tokenSid: result.sessAda });
        assert.deepEqual(result.afterOther, { session: result.sessAda, ids: [result.sessAda] });
        assert.deepEqual(result.afterActive.ids, [result.sessGrace2], 'only the other account is left');
        // Ours makes the remaining session active at once; clerk-js 6 leaves the tab without one until it navigates
        // (to afterMultiSessionSingleSignOutUrl) and loads again, when it picks the client's last active session.
        assert.equal(result.afterActive.session, client === 'official' ? null : result.sessGrace2);
        assert.deepEqual(result.end, { user: null, ids: [] });
        assert.deepEqual(failed, [], 'no FAPI request failed');
        assert.deepEqual(problems, []);
      } finally {
        await context.close().catch(() => undefined);
      }
    });
  }
});
