// Accessibility (axe-core) of each element's steps, and a real @clerk/localizations locale rendering.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createUser, useHarness, withTab } from '../support/browser-harness.ts';
import { defined, writePage } from '../support/ui-page.ts';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe in the page (injected through the DevTools protocol, which a strict CSP does not block). */
async function axeViolations(p: Page): Promise<string[]> {
  await p.evaluate(AXE);
  return p.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }> };
      }
    ).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] } });
    return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

describe('accessibility (axe)', () => {
  const harness = useHarness();

  for (const scheme of ['light', 'dark'] as const) {
    test(`<clerk-sign-in> start, password and error steps have no axe violations (${scheme})`, async () => {
      const h = harness();
      const user = await createUser(h);
      const url = writePage(h, 'a11y-sign-in', '<main><h1>Sign in</h1><clerk-sign-in routing="virtual"></clerk-sign-in></main>');
      await withTab(h, `a11y-sign-in-${scheme}`, async ({ page: p }) => {
        await p.emulateMedia({ colorScheme: scheme });
        await p.goto(url);
        await p.getByLabel('Email address or username').waitFor();
        assert.deepEqual(await axeViolations(p), []);
        await p.getByLabel('Email address or username').fill(user.email);
        await p.keyboard.press('Enter');
        await p.getByLabel('Password', { exact: true }).fill('wrong-password-x');
        await p.keyboard.press('Enter');
        await p.locator('clerk-sign-in .cl-error').waitFor();
        assert.deepEqual(await axeViolations(p), []);
        // "Use another method": the list of the other factors.
        await p.getByRole('button', { name: 'Use another method' }).click();
        await p.getByRole('heading', { name: 'Use another method' }).waitFor();
        assert.deepEqual(await axeViolations(p), []);
        // The email code step, with its resend countdown.
        await p.locator('clerk-sign-in .cl-methods button').first().click();
        await p.getByLabel('Verification code').waitFor();
        assert.deepEqual(await axeViolations(p), []);
      });
    });
  }

  test('<clerk-waitlist> and an open sign-in modal have no axe violations', async () => {
    const h = harness();
    const url = writePage(h, 'a11y-waitlist', '<main><h1>Waitlist</h1><clerk-waitlist></clerk-waitlist></main>');
    await withTab(h, 'a11y-waitlist', async ({ page: p }) => {
      await p.goto(url);
      await p.getByLabel('Email address').waitFor();
      assert.deepEqual(await axeViolations(p), []);
      await p.evaluate(() => window.Clerk!.openSignIn());
      await defined(p, 'clerk-modal', 'clerk-sign-in');
      await p.locator('clerk-modal clerk-sign-in input').first().waitFor();
      // Named by the card's title, with a labelled close button.
      await p.getByRole('dialog', { name: 'Sign in to clerk-wc' }).waitFor();
      await p.getByRole('button', { name: 'Close modal' }).waitFor();
      assert.deepEqual(await axeViolations(p), []);
    });
  });
});

describe('localization', () => {
  const harness = useHarness();

  test('a locale object from the real @clerk/localizations package (frFR) renders French', async () => {
    const h = harness();
    copyFileSync(require.resolve('@clerk/localizations/fr-FR').replace(/\.js$/, '.mjs'), join(h.staticDir, 'fr-FR.mjs'));
    // A module script (a file, as the strict CSP wants) loads the locale and hands it to Clerk.load.
    const url = writePage(
      h,
      'fr',
      '<clerk-sign-in routing="virtual"></clerk-sign-in>',
      `import { frFR } from '/fr-FR.mjs';\nawait window.Clerk.load({ localization: frFR });\n`,
      { module: true },
    );
    await withTab(h, 'fr', async ({ page: p }) => {
      await p.goto(url);
      await p.getByRole('heading', { name: 'Se connecter' }).waitFor();
      await p.getByLabel("Adresse e-mail ou nom d'utilisateur").waitFor();
      assert.equal(await p.getByRole('button', { name: 'Continuer' }).count(), 1);
    });
  });
});
