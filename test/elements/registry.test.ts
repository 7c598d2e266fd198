// The element registry (src/elements/registry.ts) is the one table of tags: each entry's chunk defines its tag and
// nothing outside the table, every define call names a tag of the table, the Clerk class has exactly the mount*/open*
// methods the table asks for, and those place the table's elements in Chromium against the real server. (That
// every tag has JSX props and an HTMLElementTagNameMap entry is a type test: test/types/react-jsx.tsx.)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Clerk } from '../../src/core/clerk.ts';
import { CLERK_ELEMENTS, type ElementEntry } from '../../src/elements/registry.ts';
import { useUiHarness, withPage, writePage } from '../support/ui-harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ELEMENTS = join(ROOT, 'src/elements');
const entries: readonly ElementEntry[] = CLERK_ELEMENTS;
const chunks = [...new Set(entries.map((e) => e.chunk))].sort();
const tagsOf = (chunk: string) => entries.filter((e) => e.chunk === chunk).map((e) => e.tag);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

describe('the registry table', () => {
  test('tags are unique, and the chunks are exactly the element folders the build makes chunks of', () => {
    assert.equal(new Set(entries.map((e) => e.tag)).size, entries.length);
    const folders = readdirSync(ELEMENTS, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(ELEMENTS, d.name, `${d.name}.ts`)))
      .map((d) => d.name)
      .sort();
    assert.deepEqual(chunks, folders);
  });

  test("every define call names a tag of the table, in that tag's chunk, and every tag is defined", () => {
    const found: Array<[string, string]> = [];
    for (const file of sources(ELEMENTS)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\.define\(\s*(['"`])([^'"`]*)\1\s*\)/g)) found.push([m[2]!, file.slice(ELEMENTS.length + 1).split(/[\\/]/)[0]!]);
      // No element defines itself any other way (a tag from a variable would escape this check); the base class's
      // define(tag) is the one call of customElements.define.
      if (file.endsWith(join('shared', 'clerk-element.ts'))) continue;
      assert.doesNotMatch(text, /customElements\.define\(|\.define\((?!\s*['"`])/, `${file} defines a tag that is not a literal`);
    }
    assert.ok(found.length >= entries.length, 'the scan sees the define calls');
    const byTag = new Map(entries.map((e) => [e.tag, e.chunk]));
    assert.deepEqual(
      found.filter(([tag, folder]) => byTag.get(tag as ElementEntry['tag']) !== folder),
      [],
      'defined outside the table or in another chunk',
    );
    assert.deepEqual(
      entries.map((e) => e.tag).filter((tag) => !found.some(([t]) => t === tag)),
      [],
    );
  });

  test('the Clerk class has mount/unmount for each mountable entry and open/close for each openable one, and no others', () => {
    const methods = Object.getOwnPropertyNames(Clerk.prototype).filter((n) => /^(mount|unmount|open|close)[A-Z]/.test(n));
    const want = entries.flatMap((e) => [
      ...(e.mount ? [`mount${e.component}`, `unmount${e.component}`] : []),
      ...(e.open ? [`open${e.component}`, `close${e.component}`] : []),
    ]);
    assert.equal(want.length, 18);
    assert.deepEqual([...methods].sort(), [...want].sort());
  });

  test('core imported alone (no mount host installed) refuses to mount with a ClerkRuntimeError', () => {
    const clerk = new Clerk('', { proxyUrl: 'http://127.0.0.1:1' });
    assert.throws(() => clerk.openSignIn(), { name: 'ClerkRuntimeError', code: 'mount_host_missing' });
  });
});

describe('the registry in Chromium, against the real server', () => {
  const harness = useUiHarness();

  test('each chunk defines exactly the tags the table gives it', async () => {
    const h = harness();
    // Before anything else on the page: note every tag defined, by anyone.
    const record = [
      'window.definedTags = [];',
      'const define = customElements.define;',
      'customElements.define = function (name, ...rest) { window.definedTags.push(name); return define.call(this, name, ...rest); };',
    ].join('\n');
    for (const chunk of chunks) {
      const url = writePage(h, `registry-${chunk}`, '<main></main>');
      await withPage(h, `registry-${chunk}`, async ({ page }) => {
        await page.addInitScript({ content: record });
        await page.goto(url);
        const defined = await page.evaluate(async (c) => {
          const w = window as unknown as { definedTags: string[] };
          const before = [...w.definedTags];
          await import(`/npm/@clerk/clerk-js@0/dist/elements/${c}.js`);
          return { before, after: w.definedTags.filter((t) => !before.includes(t)) };
        }, chunk);
        assert.deepEqual(defined.before, [], 'an empty page defines nothing');
        assert.deepEqual([...defined.after].sort(), tagsOf(chunk).sort(), `dist/elements/${chunk}.js`);
      });
    }
  });

  test('mount*/unmount* place and remove each mountable element; open*/close* show each openable one in a modal', async () => {
    const h = harness();
    const url = writePage(h, 'registry-mount', '<main><div id="node"></div><button id="opener" type="button">Open</button></main>');
    await withPage(h, 'registry-mount', async ({ page }) => {
      await page.goto(url);
      await page.evaluate(() => window.Clerk!.load());
      for (const e of entries.filter((x) => x.mount)) {
        const placed = await page.evaluate(
          ({ component, tag }) => {
            const clerk = window.Clerk! as unknown as Record<string, (...a: unknown[]) => void>;
            const node = document.getElementById('node')!;
            clerk[`mount${component}`]!(node, { appearance: { variables: {} } });
            clerk[`mount${component}`]!(node, {});
            const els = [...node.children].map((c) => c.localName);
            const el = node.querySelector(tag) as (Element & { clerk?: unknown; appearance?: unknown }) | null;
            const own = el?.clerk === window.Clerk && !!el?.appearance;
            clerk[`unmount${component}`]!(node);
            return { els, own, after: node.children.length };
          },
          { component: e.component, tag: e.tag },
        );
        assert.deepEqual(placed, { els: [e.tag], own: true, after: 0 }, `mount${e.component}`);
      }
      for (const e of entries.filter((x) => x.open)) {
        // The profile shows a signed-in user's account (signed out it renders nothing, as Clerk's does): sign one up.
        if (e.component === 'UserProfile') {
          await page.evaluate(async () => {
            const c = window.Clerk!;
            const su = await c.client!.signUp.create({ emailAddress: `registry-${Date.now()}+clerk_test@example.com`, password: 'violet-Quartz-harbor-42' });
            await su.prepareEmailAddressVerification();
            const done = await su.attemptEmailAddressVerification({ code: '424242' });
            await c.setActive({ session: done.createdSessionId! });
          });
        }
        await page.focus('#opener');
        await page.evaluate((component) => (window.Clerk! as unknown as Record<string, () => void>)[`open${component}`]!(), e.component);
        await page.locator(`clerk-modal[data-component="${e.tag}"] > ${e.tag}`).waitFor();
        // Upgraded and open, with focus inside: what close() hands back is real.
        await page.getByRole('dialog').waitFor();
        await page.waitForFunction(() => !!document.activeElement?.closest('clerk-modal'));
        const shown = await page.evaluate((tag) => {
          const modal = document.querySelector('clerk-modal') as (HTMLElement & { opener?: Element | null }) | null;
          const el = modal?.querySelector(tag) as (Element & { routing?: string }) | null;
          return { modals: document.querySelectorAll('clerk-modal').length, routing: el?.routing, opener: modal?.opener?.id };
        }, e.tag);
        assert.deepEqual(shown, { modals: 1, routing: 'virtual', opener: 'opener' }, `open${e.component}`);
        await page.evaluate((component) => (window.Clerk! as unknown as Record<string, () => void>)[`close${component}`]!(), e.component);
        await page.locator('clerk-modal').waitFor({ state: 'detached' });
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'opener', `close${e.component} gives focus back`);
      }
    });
  });

  test('the ESM entry installs the host too: clerk-wc + clerk-wc/elements, as the Vue, Svelte and Angular apps use them', async () => {
    const h = harness();
    for (const f of ['index.js', 'elements.js']) copyFileSync(join(ROOT, 'dist', f), join(h.staticDir, `esm-${f}`));
    const script = `import('/esm-index.js').then(async ({ Clerk }) => {
  await import('/esm-elements.js');
  const clerk = new Clerk('', { proxyUrl: location.origin });
  window.esmClerk = clerk;
  await clerk.load();
  clerk.mountSignIn(document.getElementById('node'));
  clerk.openWaitlist();
});`;
    const url = writePage(h, 'registry-esm', '<main><div id="node"></div></main>', script);
    await withPage(h, 'registry-esm', async ({ page }) => {
      await page.goto(url);
      await page.locator('#node > clerk-sign-in').getByRole('textbox').first().waitFor();
      await page.getByRole('dialog').waitFor();
      const own = await page.evaluate(() => {
        const esm = (window as unknown as { esmClerk: unknown }).esmClerk;
        const inNode = document.querySelector('#node > clerk-sign-in') as (Element & { clerk?: unknown }) | null;
        const inModal = document.querySelector('clerk-modal[data-component="clerk-waitlist"] > clerk-waitlist') as (Element & { clerk?: unknown }) | null;
        return { node: inNode?.clerk === esm, modal: inModal?.clerk === esm, notTheGlobal: esm !== window.Clerk };
      });
      assert.deepEqual(own, { node: true, modal: true, notTheGlobal: true });
    });
  });
});
