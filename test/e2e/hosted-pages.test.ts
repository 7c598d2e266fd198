// The hosted account pages (/sign-in, /sign-up, /waitlist, /user; src/server/routes/pages.ts + src/pages/account.ts)
// in Chromium against the real built server: reached from the quickstart's links, they sign people up and in and
// send them back to `redirect_url` on an allowed origin, refuse any other origin, run under the strict CSP, and
// are off in production unless `accountPortal` turns them on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { spawnServer, stopProcess } from '../support/server-process.ts';
import { createUser, PASSWORD } from '../support/browser-harness.ts';
import { uniqueEmail, useDemoSuite } from '../support/e2e-harness.ts';

const suite = useDemoSuite('hosted-pages');
const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'";

/** An app on another origin of this machine (another port): a page that loads the bundle from the FAPI server. */
async function startApp(fapi: string): Promise<{ url: string; server: Server }> {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>app</title>
<script src="${fapi}/npm/@clerk/clerk-js@5/dist/clerk.browser.js" data-clerk-proxy-url="${fapi}"></script>
<script src="/app.js"></script></head><body><p id="who">loading</p></body></html>`;
  const js = `window.addEventListener('load', async () => {
  await Clerk.load();
  document.getElementById('who').textContent = Clerk.user ? 'Signed in as ' + Clerk.user.primaryEmailAddress.emailAddress : 'Signed out';
});`;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const csp = `default-src 'self'; script-src 'self' ${fapi}; connect-src ${fapi}; style-src 'self'; img-src data:`;
    if (path === '/app.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    else if (path === '/app/') res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': csp }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, server };
}

/** Fills the sign-up page's form with a fresh address (its code read from the dev outbox) and submits the code. */
async function signUpOnPage(page: Page, email: string): Promise<void> {
  const form = page.locator('clerk-sign-up');
  await form.getByRole('heading', { name: 'Create your account' }).waitFor();
  await form.getByLabel('Email address').fill(email);
  await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByLabel('Verification code').waitFor();
  await form.getByLabel('Verification code').fill(await suite.outboxCode(page, email));
  await page.keyboard.press('Enter');
}

async function signInOnPage(page: Page, user: { email: string; password: string }): Promise<void> {
  const form = page.locator('clerk-sign-in');
  await form.getByLabel('Email address or username').fill(user.email);
  await page.keyboard.press('Enter');
  await form.getByLabel('Password', { exact: true }).fill(user.password);
  await page.keyboard.press('Enter');
}

test('the quickstart\'s "Sign up" link opens /sign-up, which signs a person up and returns there, under the strict CSP', { timeout: 60_000 }, async () => {
  await suite.session('quickstart-sign-up', async ({ page, problems }) => {
    await page.goto(`${suite.url}/quickstart.html`);
    const back = `${suite.url}/quickstart.html`;
    const [res] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/sign-up'),
      page.locator('clerk-sign-in').getByRole('link', { name: 'Sign up' }).click(),
    ]);
    assert.equal(res.status(), 200);
    assert.ok(res.headers()['content-security-policy']?.startsWith(STRICT), 'the page is sent with the strict CSP');
    assert.equal(new URL(page.url()).searchParams.get('redirect_url'), back, 'the link carries redirect_url');
    // The link to sign-in carries it along too.
    const signInLink = page.locator('clerk-sign-up').getByRole('link', { name: 'Sign in' });
    await signInLink.waitFor();
    assert.equal(await signInLink.getAttribute('href'), `/sign-in?redirect_url=${encodeURIComponent(back)}`);
    const email = uniqueEmail('portal-sign-up');
    await signUpOnPage(page, email);
    await page.waitForURL(back);
    await page
      .locator('#user-button clerk-user-button')
      .getByRole('button', { name: /user menu/i })
      .waitFor();
    assert.deepEqual(problems, []);
  });
});

test('/sign-up?redirect_url=<an app on another allowed origin> lands on that app, signed in', { timeout: 60_000 }, async () => {
  const app = await startApp(suite.url);
  try {
    await suite.session('cross-origin-sign-up', async ({ page, problems }) => {
      const back = `${app.url}/app/?from=portal`;
      await page.goto(`${suite.url}/sign-up?redirect_url=${encodeURIComponent(back)}`);
      const email = uniqueEmail('portal-app');
      await signUpOnPage(page, email);
      await page.waitForURL(back);
      await page.locator('#who').getByText(`Signed in as ${email}`).waitFor();
      assert.deepEqual(problems, []);
    });
  } finally {
    await new Promise((r) => app.server.close(r));
  }
});

test('a foreign redirect_url is refused: dropped from the URL and the links, never in the page, not followed', { timeout: 60_000 }, async () => {
  const user = await createUser({ url: suite.url });
  await suite.session('foreign-redirect', async ({ page, context, problems }) => {
    const foreign: string[] = [];
    await context.route(
      (u) => u.hostname === 'evil.example',
      (route) => {
        foreign.push(route.request().url());
        return route.abort();
      },
    );
    const attacks = [
      'https://evil.example/',
      '//evil.example/steal',
      'javascript:alert(document.domain)',
      `http://127.0.0.1@evil.example/`,
      'data:text/html,<script>alert(1)</script>',
      'https://evil.example/"><img src=x onerror=alert(1)>',
    ];
    for (const attack of attacks) {
      await page.goto(`${suite.url}/sign-in?redirect_url=${encodeURIComponent(attack)}&sign_in_force_redirect_url=${encodeURIComponent(attack)}#/start`);
      const link = page.locator('clerk-sign-in').getByRole('link', { name: 'Sign up' });
      await link.waitFor();
      const url = new URL(page.url());
      assert.equal(url.search, '', `${attack}: the address bar drops it`);
      assert.equal(await link.getAttribute('href'), '/sign-up', `${attack}: the sign-up link does not carry it`);
      assert.equal(await page.locator('clerk-sign-in').getAttribute('force-redirect-url'), `${suite.url}/`, `${attack}: the element goes to the safe default`);
      const html = await page.content();
      for (const needle of ['evil.example', 'alert(', 'onerror']) assert.ok(!html.includes(needle), `${attack}: the page does not contain ${needle}`);
    }
    // Signing in with a foreign target ends on the instance's after-sign-in URL (the landing page), never abroad.
    await page.goto(`${suite.url}/sign-in?redirect_url=${encodeURIComponent('https://evil.example/')}`);
    await signInOnPage(page, user);
    await page.waitForURL(`${suite.url}/`);
    await page.waitForTimeout(500);
    assert.deepEqual(foreign, [], 'the browser never asked evil.example for anything');
    assert.deepEqual(problems, []);
  });
});

test('/sign-in signs in and returns to redirect_url; a signed-in visitor goes straight on; the sign-up link carries it', { timeout: 60_000 }, async () => {
  const user = await createUser({ url: suite.url });
  await suite.session('sign-in', async ({ page, problems }) => {
    const back = `${suite.url}/quickstart.html?after=sign-in`;
    await page.goto(`${suite.url}/sign-in?redirect_url=${encodeURIComponent('/quickstart.html?after=sign-in')}`);
    const link = page.locator('clerk-sign-in').getByRole('link', { name: 'Sign up' });
    await link.waitFor();
    assert.equal(
      await link.getAttribute('href'),
      `/sign-up?redirect_url=${encodeURIComponent(back)}`,
      'a relative redirect_url is carried as the absolute URL',
    );
    await signInOnPage(page, user);
    await page.waitForURL(back);
    await page.locator('#user-button clerk-user-button').waitFor();
    // Signed in already: /sign-in and /sign-up send the visitor on without a form.
    await page.goto(`${suite.url}/sign-up?redirect_url=${encodeURIComponent(back)}`);
    await page.waitForURL(back);
    assert.deepEqual(problems, []);
  });
});

test('/user: a signed-out visitor signs in first and comes back; the page routes its sections by path', { timeout: 60_000 }, async () => {
  const user = await createUser({ url: suite.url });
  await suite.session('user', async ({ page, problems }) => {
    const res = await page.goto(`${suite.url}/user/security`);
    assert.ok(res?.headers()['content-security-policy']?.startsWith(STRICT), 'the strict CSP');
    await page.waitForURL((u) => u.pathname === '/sign-in');
    assert.equal(new URL(page.url()).searchParams.get('redirect_url'), `${suite.url}/user/security`);
    await signInOnPage(page, user);
    await page.waitForURL(`${suite.url}/user/security`);
    const profile = page.locator('clerk-user-profile');
    await profile.getByRole('heading', { name: 'Security', level: 1 }).waitFor();
    // Its navigation routes by path: Profile (the landing page) is /user, and the back button walks back.
    const profileLink = profile.getByRole('navigation').getByRole('link', { name: 'Profile' });
    assert.equal(await profileLink.getAttribute('href'), '/user', 'a real link: it opens in a new tab too');
    await profileLink.click();
    await profile.getByRole('heading', { name: 'Profile details', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/user');
    await page.goBack();
    await profile.getByRole('heading', { name: 'Security', level: 1 }).waitFor();
    assert.equal(await profile.getAttribute('routing'), 'path');
    assert.equal(await profile.getAttribute('path'), '/user');
    assert.match(await page.title(), /^Account · /);
    assert.deepEqual(problems, []);
  });
});

test('/waitlist renders the waitlist; an address joins; its "Sign in" link leads to /sign-in', { timeout: 60_000 }, async () => {
  await suite.session('waitlist', async ({ page, problems }) => {
    const res = await page.goto(`${suite.url}/waitlist`);
    assert.equal(res?.status(), 200);
    assert.ok(res?.headers()['content-security-policy']?.startsWith(STRICT));
    const el = page.locator('clerk-waitlist');
    await el.getByRole('heading', { name: 'Join the waitlist' }).waitFor();
    assert.equal(await el.getByRole('link', { name: 'Sign in' }).getAttribute('href'), '/sign-in');
    assert.match(await page.title(), /^Join the waitlist · /);
    await el.getByLabel('Email address').fill(uniqueEmail('portal-wait'));
    await page.keyboard.press('Enter');
    await el.getByRole('heading', { name: 'Thanks for joining the waitlist!' }).waitFor();
    assert.deepEqual(problems, []);
  });
});

/** A server without a static site, with `env`; `body` gets its URL. */
async function withBareServer(env: Record<string, string>, body: (url: string) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clerk-wc-e2e-portal-'));
  const started = await spawnServer({ staticDir: undefined, dataDir, env });
  try {
    await body(started.url);
  } finally {
    await stopProcess(started.proc);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const PATHS = ['/sign-in', '/sign-up', '/waitlist', '/user', '/user/security', '/__clerk-wc/pages/account.js', '/__clerk-wc/pages/account.css'];

test('production answers 404 for the pages unless accountPortal is on; paths beside them stay 404s; no --static-dir needed', { timeout: 60_000 }, async () => {
  const statuses = async (url: string) => Promise.all(PATHS.map(async (p) => `${p} ${(await fetch(`${url}${p}`)).status}`));
  await withBareServer({ INSTANCE_TYPE: 'production' }, async (url) => {
    assert.deepEqual(
      await statuses(url),
      PATHS.map((p) => `${p} 404`),
    );
  });
  await withBareServer({ INSTANCE_TYPE: 'production', ACCOUNT_PORTAL: 'true' }, async (url) => {
    assert.deepEqual(
      await statuses(url),
      PATHS.map((p) => `${p} 200`),
    );
    // Production without allowedOrigins: only the page's own origin is a redirect target.
    const html = await (await fetch(`${url}/sign-in`)).text();
    assert.ok(html.includes('data-redirect-origins=""') && !html.includes('data-redirect-local'));
  });
  await withBareServer({ ACCOUNT_PORTAL: '0' }, async (url) => {
    assert.deepEqual(
      await statuses(url),
      PATHS.map((p) => `${p} 404`),
    );
  });
  await withBareServer({ ALLOWED_ORIGINS: 'https://app.example.com' }, async (url) => {
    for (const path of ['/users', '/user/', '/user/a/b', '/user/%2e%2e', '/sign-in/x']) assert.equal((await fetch(`${url}${path}`)).status, 404, path);
    assert.equal((await fetch(`${url}/sign-in`, { method: 'POST', headers: { origin: url } })).status, 404, 'only GET and HEAD');
    const head = await fetch(`${url}/sign-up`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-type'), 'text/html; charset=utf-8');
    await suite.session('bare-server', async ({ page, problems }) => {
      // With allowedOrigins set, localhost origins other than this one are no longer targets; the listed one is.
      await page.goto(`${url}/sign-in?redirect_url=${encodeURIComponent(`${suite.url}/`)}`);
      await page.locator('clerk-sign-in').getByRole('link', { name: 'Sign up' }).waitFor();
      assert.equal(new URL(page.url()).search, '');
      await page.goto(`${url}/sign-in?redirect_url=${encodeURIComponent('https://app.example.com/home')}`);
      const link = page.locator('clerk-sign-in').getByRole('link', { name: 'Sign up' });
      await link.waitFor();
      assert.equal(await link.getAttribute('href'), `/sign-up?redirect_url=${encodeURIComponent('https://app.example.com/home')}`);
      assert.deepEqual(problems, []);
    });
  });
});
