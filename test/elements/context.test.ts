// How elements reach the Clerk instance (@lit/context, no polling), in Chromium against the real server. The pages
// here are ESM apps, as the Vue/Svelte/Angular demos are: they import the built `clerk-wc/elements` (dist/elements.js)
// and `clerk-wc` (dist/index.js), served from the test site, with no script tag, so no instance exists until the
// page makes one.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Clerk } from '../../src/core/clerk.ts';
import type { provideClerk } from '../../src/elements/shared/context.ts';
import { useUiHarness, withPage, type UiHarness } from '../support/ui-harness.ts';

const DIST = resolve(import.meta.dirname, '../../dist');

type TestWindow = Window & {
  ClerkClass: typeof Clerk;
  provideClerk: typeof provideClerk;
  /** Every setTimeout/setInterval call (delay and the caller's stack) from the first script on. */
  timers: Array<{ delay: number; stack: string }>;
};

/** Records timers before any page script runs, so an element polling for an instance would show here. */
const RECORD_TIMERS = `window.timers = [];
for (const name of ['setTimeout', 'setInterval']) {
  const original = window[name];
  window[name] = function (fn, delay, ...rest) {
    window.timers.push({ delay: Number(delay) || 0, stack: String(new Error().stack) });
    return original.call(this, fn, delay, ...rest);
  };
}`;

const h = useUiHarness();

/** An ESM page: `<name>.html` with `body` and a module script that imports the built package first. */
function writeEsmPage(harness: UiHarness, name: string, body: string, script = ''): string {
  const js = `import { Clerk } from '/esm-index.js';
import { provideClerk } from '/esm-elements.js';
window.ClerkClass = Clerk;
window.provideClerk = provideClerk;
${script}`;
  writeFileSync(join(harness.staticDir, `${name}.js`), js);
  writeFileSync(
    join(harness.staticDir, `${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${name}</title>
<script type="module" src="/${name}.js"></script></head><body>${body}</body></html>`,
  );
  return `${harness.url}/${name}.html`;
}

/** The sign-in card's title in the element `selector` names (in its shadow root). */
async function title(p: Page, selector: string): Promise<string> {
  return p.evaluate((s) => document.querySelector(s)?.shadowRoot?.querySelector('h1')?.textContent?.trim() ?? '', selector);
}

/** Waits until that title matches `want` (a string, or a regular expression's source), then asserts it. */
async function waitForTitle(p: Page, selector: string, want: string | RegExp): Promise<void> {
  const pattern = typeof want === 'string' ? null : want.source;
  await p
    .waitForFunction(
      ({ selector, want, pattern }) => {
        const got = document.querySelector(selector)?.shadowRoot?.querySelector('h1')?.textContent?.trim() ?? '';
        return pattern === null ? got === want : new RegExp(pattern).test(got);
      },
      { selector, want: typeof want === 'string' ? want : '', pattern },
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const got = await title(p, selector);
  if (typeof want === 'string') assert.equal(got, want, selector);
  else assert.match(got, want, selector);
}

describe('the Clerk instance through @lit/context', () => {
  before(() => {
    copyFileSync(join(DIST, 'elements.js'), join(h().staticDir, 'esm-elements.js'));
    copyFileSync(join(DIST, 'index.js'), join(h().staticDir, 'esm-index.js'));
  });

  for (const how of ['window.Clerk = clerk', 'provideClerk(clerk)'] as const) {
    test(`an element made before any instance exists renders once the app registers one (${how}), without polling`, async () => {
      await withPage(h(), `context-late-${how === 'provideClerk(clerk)' ? 'provide' : 'global'}`, async ({ page: p }) => {
        await p.addInitScript({ content: RECORD_TIMERS });
        await p.goto(writeEsmPage(h(), 'context-late', '<main><clerk-sign-in id="sign-in"></clerk-sign-in></main>'));
        await p.waitForFunction(() => !!customElements.get('clerk-sign-in') && !!(window as unknown as TestWindow).provideClerk);
        // Defined, connected, rendered, and two frames later: nothing to show, and no timer looking for an instance.
        await p.evaluate(async () => {
          await (document.getElementById('sign-in') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        });
        assert.equal(await title(p, '#sign-in'), 'Sign in to', 'no instance: no application name');
        const timers = await p.evaluate(() => (window as unknown as TestWindow).timers.filter((t) => t.stack.includes('esm-elements.js')));
        assert.deepEqual(timers, [], 'the elements started timers while there was no instance');
        // Registering the instance reaches the element in the same task: it starts the load before anything else runs.
        const loadsAtOnce = await p.evaluate((how) => {
          const w = window as unknown as TestWindow;
          const clerk = new w.ClerkClass('', { proxyUrl: location.origin });
          let loads = 0;
          const load = clerk.load.bind(clerk);
          clerk.load = (options) => (loads++, load(options));
          if (how === 'provideClerk(clerk)') w.provideClerk(clerk);
          else w.Clerk = clerk;
          return loads;
        }, how);
        assert.equal(loadsAtOnce, 1, 'the element called load() synchronously when the instance was registered');
        await waitForTitle(p, '#sign-in', /^Sign in to \S/);
        if (how === 'provideClerk(clerk)') assert.equal(await p.evaluate(() => window.Clerk), undefined, 'provideClerk leaves window.Clerk alone');
      });
    });
  }

  test('an element uses the nearest provider: two instances on one page, and a provider added later takes its subtree over', async () => {
    await withPage(h(), 'context-nested', async ({ page: p }) => {
      const body = `<main>
  <clerk-sign-in id="outer"></clerk-sign-in>
  <section id="inner"><div><clerk-sign-in id="in-inner"></clerk-sign-in></div></section>
  <section id="later"><clerk-sign-in id="in-later"></clerk-sign-in></section>
  <section id="own"><clerk-sign-in id="own-property"></clerk-sign-in></section>
</main>`;
      // The elements are defined (and subscribed to the document's provider) before either instance exists.
      const script = `const titled = (title) => ({ localization: { signIn: { start: { title } } } });
const first = new Clerk('', { proxyUrl: location.origin });
const second = new Clerk('', { proxyUrl: location.origin });
window.second = second;
void first.load(titled('First app'));
void second.load(titled('Second app'));
provideClerk(second, document.getElementById('inner'));
window.Clerk = first;
`;
      await p.goto(writeEsmPage(h(), 'context-nested', body, script));
      await waitForTitle(p, '#outer', 'First app');
      await waitForTitle(p, '#in-inner', 'Second app');
      await waitForTitle(p, '#in-later', 'First app');
      // A subtree that gets its own provider after its element subscribed moves over to it.
      await p.evaluate(() => {
        const w = window as unknown as TestWindow & { second: Clerk };
        w.provideClerk(w.second, document.getElementById('later')!);
      });
      await waitForTitle(p, '#in-later', 'Second app');
      // The `clerk` property wins over any provider; taking it away goes back to the nearest provider.
      await p.evaluate(() => {
        const w = window as unknown as TestWindow & { second: Clerk };
        (document.getElementById('own-property') as HTMLElement & { clerk?: Clerk }).clerk = w.second;
      });
      await waitForTitle(p, '#own-property', 'Second app');
      await p.evaluate(() => ((document.getElementById('own-property') as HTMLElement & { clerk?: Clerk }).clerk = undefined));
      await waitForTitle(p, '#own-property', 'First app');
      // Replacing the page's instance reaches the elements that follow the document, not the nested ones.
      await p.evaluate(() => {
        const w = window as unknown as TestWindow;
        const third = new w.ClerkClass('', { proxyUrl: location.origin });
        void third.load({ localization: { signIn: { start: { title: 'Third app' } } } });
        w.Clerk = third;
      });
      await waitForTitle(p, '#outer', 'Third app');
      await waitForTitle(p, '#own-property', 'Third app');
      assert.equal(await title(p, '#in-inner'), 'Second app');
      assert.equal(await title(p, '#in-later'), 'Second app');
    });
  });
});
