// `node scripts/screenshots.mjs`: headless-Chromium screenshots of every element in the gallery (demo/gallery.html)
// in the light, dark and custom themes, written to docs/screenshots/ for the README. Needs a build first.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const OUT = 'docs/screenshots';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const data = mkdtempSync(join(tmpdir(), 'clerk-wc-shots-'));
const server = spawn(process.execPath, ['dist/server/cli.js', '--static-dir', 'demo'], {
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CLERK_WC_DATA_DIR: data, MAIL_LOG: '0', CLERK_WC_CONFIG: '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve) => {
  createInterface({ input: server.stdout }).on('line', (l) => l.startsWith('{"event":"listening"') && resolve(JSON.parse(l).url));
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
mkdirSync(OUT, { recursive: true });
try {
  for (const theme of ['light', 'dark', 'custom']) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
      colorScheme: theme === 'dark' ? 'dark' : 'light',
    });
    const page = await context.newPage();
    await page.goto(`${url}/gallery.html?theme=${theme}`);
    for (const tag of ['clerk-sign-in', 'clerk-sign-up', 'clerk-waitlist']) await page.locator(`${tag} input`).first().waitFor();
    for (const tag of ['sign-in', 'sign-up', 'waitlist']) await page.locator(`#section-${tag}`).screenshot({ path: `${OUT}/${tag}-${theme}.png` });
    // A field error, as a person sees one.
    await page.locator('clerk-sign-in input[name=identifier]').fill('nobody@example.com');
    await page.locator('clerk-sign-in input[name=identifier]').press('Enter');
    await page.locator('clerk-sign-in .cl-error').waitFor();
    await page.locator('#section-sign-in').screenshot({ path: `${OUT}/sign-in-error-${theme}.png` });
    // Signed in: the user button with its menu open.
    await page.evaluate(async (email) => {
      const su = await window.Clerk.client.signUp.create({ emailAddress: email, password: 'violet-Quartz-harbor-42', firstName: 'Ada', lastName: 'Lovelace' });
      await su.prepareEmailAddressVerification();
      await su.attemptEmailAddressVerification({ code: '424242' });
    }, `ada.${theme}+clerk_test@example.com`);
    const trigger = page.locator('clerk-user-button').getByRole('button', { name: /user menu/i });
    await trigger.waitFor();
    await trigger.click();
    await page.getByRole('menu').waitFor();
    await page.waitForTimeout(150);
    const box = await page.locator('#section-user-button').boundingBox();
    await page.screenshot({ path: `${OUT}/user-button-${theme}.png`, clip: { x: box.x, y: box.y, width: box.width, height: 330 } });
    // The account page, Account tab.
    await page.keyboard.press('Escape');
    await page.locator('clerk-user-profile [part~=profileSection__emailAddresses] li').first().waitFor();
    await page.locator('#section-user-profile').screenshot({ path: `${OUT}/user-profile-${theme}.png` });
    await context.close();
  }
  console.log(`screenshots written to ${OUT}/`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(data, { recursive: true, force: true });
}
