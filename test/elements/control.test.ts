// The control elements in Chromium against the real server: <clerk-loading>/<clerk-loaded> follow Clerk.load(),
// <clerk-signed-in>/<clerk-signed-out> follow the session, switching in place (no reload) on every change.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { signInInPage, signOutInPage, signUpInPage, useUiHarness, withPage, writePage } from '../support/ui-harness.ts';

type TestWindow = Window & { marker?: string; kept?: Element | null };

const h = useUiHarness();

const BODY = `<header>
  <strong>Acme</strong>
  <clerk-signed-in><clerk-user-button></clerk-user-button></clerk-signed-in>
  <clerk-signed-out><a id="sign-in-link" href="/sign-in">Sign in</a></clerk-signed-out>
</header>
<main>
  <clerk-loading><p id="loading">Loading…</p></clerk-loading>
  <clerk-loaded><p id="loaded">Ready</p></clerk-loaded>
  <clerk-signed-in><p id="in">Welcome back <button id="in-button">Go</button></p></clerk-signed-in>
  <clerk-signed-out><p id="out">Please sign in</p></clerk-signed-out>
</main>`;

const MARK = `window.marker = 'same page';\n`;

/** Which of the page's blocks are shown. */
async function shown(p: Page): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const id of ['loading', 'loaded', 'in', 'out', 'sign-in-link']) out[id] = await p.locator(`#${id}`).isVisible();
  return out;
}

async function expectShown(p: Page, want: Record<string, boolean>): Promise<void> {
  const ids = Object.keys(want);
  await p
    .waitForFunction(
      ({ ids, want }) => ids.every((id) => document.getElementById(id)!.getClientRects().length > 0 === want[id]),
      { ids, want },
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  assert.deepEqual(await shown(p), want);
}

describe('<clerk-signed-in>/<clerk-signed-out>/<clerk-loaded>/<clerk-loading>', () => {
  test('<clerk-loading> shows while Clerk loads, then <clerk-loaded> and <clerk-signed-out>', async () => {
    await withPage(h(), 'control-loading', async ({ page: p }) => {
      // Hold the environment request so the loading state lasts until the test has looked at it.
      let release: () => void = () => undefined;
      const held = new Promise<void>((r) => (release = r));
      await p.route('**/v1/environment*', async (route) => {
        await held;
        await route.continue();
      });
      await p.goto(writePage(h(), 'control-loading', BODY, MARK));
      await p.waitForFunction(() => !!customElements.get('clerk-loading') && !!customElements.get('clerk-signed-out'));
      await expectShown(p, { loading: true, loaded: false, in: false, out: false, 'sign-in-link': false });
      release();
      await expectShown(p, { loading: false, loaded: true, in: false, out: true, 'sign-in-link': true });
    });
  });

  test('content switches on sign-up, sign-out and sign-in without a reload; the children stay the same nodes', async () => {
    await withPage(h(), 'control-switch', async ({ page: p }) => {
      await p.goto(writePage(h(), 'control-switch', BODY, MARK));
      await expectShown(p, { loading: false, loaded: true, in: false, out: true, 'sign-in-link': true });
      await p.evaluate(() => ((window as unknown as TestWindow).kept = document.getElementById('in')));

      const { email } = await signUpInPage(p, { firstName: 'Ada', lastName: 'Lovelace' });
      await expectShown(p, { loading: false, loaded: true, in: true, out: false, 'sign-in-link': false });
      // The user button inside <clerk-signed-in> renders too.
      await p.locator('clerk-user-button .trigger').waitFor();

      await signOutInPage(p);
      await expectShown(p, { loading: false, loaded: true, in: false, out: true, 'sign-in-link': true });

      await signInInPage(p, email);
      await expectShown(p, { loading: false, loaded: true, in: true, out: false, 'sign-in-link': false });

      assert.equal(await p.evaluate(() => (window as unknown as TestWindow).marker), 'same page');
      assert.equal(await p.evaluate(() => (window as unknown as TestWindow).kept === document.getElementById('in')), true);
    });
  });

  test('hidden content is not rendered, not focusable and not in the accessibility tree; hosts are display: contents', async () => {
    await withPage(h(), 'control-hidden', async ({ page: p }) => {
      await p.goto(writePage(h(), 'control-hidden', BODY, MARK));
      await expectShown(p, { loading: false, loaded: true, in: false, out: true, 'sign-in-link': true });
      const state = await p.evaluate(() => {
        const button = document.getElementById('in-button') as HTMLButtonElement;
        button.focus();
        return {
          focused: document.activeElement === button,
          connected: button.isConnected,
          display: ['clerk-signed-in', 'clerk-signed-out', 'clerk-loaded', 'clerk-loading'].map((t) => getComputedStyle(document.querySelector(t)!).display),
        };
      });
      assert.deepEqual(state, { focused: false, connected: true, display: ['contents', 'contents', 'contents', 'contents'] });
      assert.equal(await p.getByRole('button', { name: 'Go' }).count(), 0);
      assert.equal(await p.getByRole('link', { name: 'Sign in' }).count(), 1);
      // The children inherit the page's styles, not the element's.
      const colors = await p.evaluate(() => [getComputedStyle(document.getElementById('out')!).color, getComputedStyle(document.querySelector('main')!).color]);
      assert.equal(colors[0], colors[1]);
    });
  });

  test('a sign-out in another tab switches this one', async () => {
    await withPage(h(), 'control-tabs', async ({ page: p }) => {
      const url = writePage(h(), 'control-tabs', BODY, MARK);
      await p.goto(url);
      await signUpInPage(p, {});
      await expectShown(p, { loading: false, loaded: true, in: true, out: false, 'sign-in-link': false });
      const other = await p.context().newPage();
      await other.goto(url);
      await expectShown(other, { loading: false, loaded: true, in: true, out: false, 'sign-in-link': false });
      await signOutInPage(other);
      await expectShown(other, { loading: false, loaded: true, in: false, out: true, 'sign-in-link': true });
      await expectShown(p, { loading: false, loaded: true, in: false, out: true, 'sign-in-link': true });
      assert.equal(await p.evaluate(() => (window as unknown as TestWindow).marker), 'same page');
    });
  });
});
