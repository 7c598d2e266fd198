// <clerk-user-button> in Chromium against the real server: the script tag loads the element's chunk on first
// sight; users are made with the headless client in the page, so every state change happens without a reload.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { ClerkUserButton } from '../../src/elements/user-button/user-button.component.ts';
import { clerkLoaded, shoot, signUpInPage, useUiHarness, withPage, writePage } from '../support/ui-harness.ts';

type TestWindow = Window & {
  marker?: string;
  events: Array<{ type: string; detail: unknown }>;
  clicks: string[];
};

const h = useUiHarness();

const HEADER = `<header><strong>Acme</strong><clerk-user-button></clerk-user-button></header>
<main><p>Content</p><a href="#after" id="after">After the menu</a></main>`;

/** Records the element's events on window.events and marks the window (a reload would lose both). */
const RECORD = `window.marker = 'same page';
window.events = [];
window.clicks = [];
for (const type of ['clerk-manage-account', 'clerk-sign-out', 'clerk-error']) {
  document.addEventListener(type, (e) => window.events.push({ type: e.type, detail: e.detail }));
}
`;

function page(name: string, body = HEADER, script = RECORD): string {
  return writePage(h(), name, body, script);
}

const trigger = (p: Page) => p.locator('clerk-user-button .trigger');
const card = (p: Page) => p.locator('clerk-user-button .popover');

/** The text of what has focus inside the element ('trigger' for the avatar), or null when focus is elsewhere. */
function focused(p: Page): Promise<string | null> {
  return p.evaluate(() => {
    const el = document.querySelector('clerk-user-button');
    const active = el?.shadowRoot?.activeElement;
    if (!active || document.activeElement !== el) return null;
    return active.classList.contains('trigger') ? 'trigger' : (active.textContent ?? '').trim();
  });
}

async function waitFocus(p: Page, expected: string | null): Promise<void> {
  await p
    .waitForFunction(
      (want) => {
        const el = document.querySelector('clerk-user-button');
        const active = el?.shadowRoot?.activeElement;
        const got = !active || document.activeElement !== el ? null : active.classList.contains('trigger') ? 'trigger' : (active.textContent ?? '').trim();
        return got === want;
      },
      expected,
      { timeout: 5_000 },
    )
    .catch(async () => assert.equal(await focused(p), expected, 'focus'));
}

/** The visible labels of the open menu's items, in order. */
async function itemLabels(p: Page): Promise<string[]> {
  return (await p.locator('clerk-user-button [role="menuitem"]').allTextContents()).map((s) => s.trim());
}

async function openPage(
  p: Page,
  name: string,
  user: { firstName?: string; lastName?: string } = { firstName: 'Ada', lastName: 'Lovelace' },
  body?: string,
  script?: string,
): Promise<{ email: string }> {
  await p.goto(page(name, body, script));
  const who = await signUpInPage(p, user);
  await trigger(p).first().waitFor();
  return who;
}

async function setItems(p: Page, items: string): Promise<void> {
  // The items hold functions, so they are written as page code; a string evaluates without eval() (the CSP has no 'unsafe-eval').
  await p.evaluate(`document.querySelector('clerk-user-button').customMenuItems = ${items}; undefined`);
}

/** The events the page recorded, as [type, JSON of detail]. */
function events(p: Page): Promise<Array<[string, string]>> {
  return p.evaluate(() => (window as unknown as TestWindow).events.map((e): [string, string] => [e.type, JSON.stringify(e.detail)]));
}

describe('<clerk-user-button>', () => {
  describe('defaults', () => {
    test('renders nothing while signed out, and the initials of the first and last name once signed in (no reload)', async () => {
      await withPage(h(), 'ub-defaults', async ({ page: p }) => {
        await p.goto(page('ub-defaults'));
        await clerkLoaded(p);
        await p.waitForFunction(() => !!customElements.get('clerk-user-button'));
        const signedOut = await p.evaluate(async () => {
          const el = document.querySelector('clerk-user-button') as ClerkUserButton;
          await el.updateComplete;
          return { shadow: !!el.shadowRoot, trigger: !!el.shadowRoot?.querySelector('button'), width: el.getBoundingClientRect().width };
        });
        assert.deepEqual(signedOut, { shadow: true, trigger: false, width: 0 });
        assert.equal(await p.locator('clerk-user-button').isVisible(), false);

        await signUpInPage(p, { firstName: 'Ada', lastName: 'Lovelace' });
        await trigger(p).waitFor();
        assert.equal((await trigger(p).locator('.initials').textContent())?.trim(), 'AL');
        assert.equal(await p.evaluate(() => (window as unknown as TestWindow).marker), 'same page');
        const look = await trigger(p)
          .locator('.avatar')
          .evaluate((el) => {
            const s = getComputedStyle(el);
            return { radius: s.borderRadius, width: s.width, height: s.height };
          });
        assert.deepEqual(look, { radius: '50%', width: '32px', height: '32px' });
        assert.equal(await p.locator('clerk-user-button').evaluate((el) => el.matches(':state(signed-in)')), true);
      });
    });

    test('uses the first letter of the email when the user has no name; show-name puts the name next to the avatar', async () => {
      await withPage(h(), 'ub-email-initial', async ({ page: p }) => {
        const { email } = await openPage(p, 'ub-email-initial', {});
        assert.equal((await trigger(p).locator('.initials').textContent())?.trim(), email[0]!.toUpperCase());
        assert.equal(await trigger(p).locator('.name').count(), 0);
        await p.locator('clerk-user-button').evaluate((el) => el.setAttribute('show-name', ''));
        assert.equal((await trigger(p).locator('.name').textContent())?.trim(), email);
      });
    });

    test('the open card shows the avatar, the full name and the email', async () => {
      await withPage(h(), 'ub-card', async ({ page: p }) => {
        const { email } = await openPage(p, 'ub-card');
        await trigger(p).click();
        await card(p).waitFor();
        await card(p).evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
        assert.equal((await card(p).locator('.preview .initials').textContent())?.trim(), 'AL');
        assert.equal((await card(p).locator('[part~="userPreviewMainIdentifier"]').textContent())?.trim(), 'Ada Lovelace');
        assert.equal((await card(p).locator('[part~="userPreviewSecondaryIdentifier"]').textContent())?.trim(), email);
        assert.deepEqual(await itemLabels(p), ['Manage account', 'Sign out']);
        // Placed by floating-ui below the trigger, end-aligned, inside the viewport; in the top layer.
        const t = (await trigger(p).boundingBox())!;
        const c = (await card(p).boundingBox())!;
        assert.ok(c.y >= t.y + t.height && c.y <= t.y + t.height + 16, `card top ${c.y} vs trigger bottom ${t.y + t.height}`);
        assert.ok(Math.abs(c.x + c.width - (t.x + t.width)) <= 9, `card end ${c.x + c.width} vs trigger end ${t.x + t.width}`);
        assert.ok(c.x >= 0 && c.x + c.width <= 720);
        assert.equal(await card(p).evaluate((el) => el.matches(':popover-open')), true);
      });
    });

    test('open(), close() and toggle()', async () => {
      await withPage(h(), 'ub-methods', async ({ page: p }) => {
        await openPage(p, 'ub-methods');
        const state = () =>
          p.evaluate(async () => {
            const el = document.querySelector('clerk-user-button') as ClerkUserButton;
            await el.updateComplete;
            return el.shadowRoot!.querySelector('.trigger')!.getAttribute('aria-expanded');
          });
        await p.evaluate(() => (document.querySelector('clerk-user-button') as ClerkUserButton).open());
        assert.equal(await state(), 'true');
        await card(p).waitFor();
        await p.evaluate(() => (document.querySelector('clerk-user-button') as ClerkUserButton).close());
        assert.equal(await state(), 'false');
        assert.equal(await card(p).count(), 0);
        await p.evaluate(() => (document.querySelector('clerk-user-button') as ClerkUserButton).toggle());
        assert.equal(await state(), 'true');
        await p.evaluate(() => (document.querySelector('clerk-user-button') as ClerkUserButton).toggle());
        assert.equal(await state(), 'false');
      });
    });
  });

  describe('accessibility', () => {
    test('the trigger is a named menu button and the card holds a menu of menuitems', async () => {
      await withPage(h(), 'ub-a11y', async ({ page: p }) => {
        await openPage(p, 'ub-a11y');
        const button = p.getByRole('button', { name: 'Open user menu' });
        assert.equal(await button.count(), 1);
        assert.equal(await button.getAttribute('aria-haspopup'), 'menu');
        assert.equal(await button.getAttribute('aria-expanded'), 'false');
        assert.equal(await p.getByRole('menu').count(), 0);
        await button.click();
        const menu = p.getByRole('menu', { name: 'Ada Lovelace' });
        await menu.waitFor();
        assert.equal(await button.getAttribute('aria-expanded'), 'true');
        assert.equal(await button.getAttribute('aria-controls'), await menu.getAttribute('id'));
        assert.equal(await menu.getByRole('menuitem').count(), 2);
        assert.equal(await menu.getByRole('menuitem', { name: 'Manage account' }).count(), 1);
        assert.equal(await menu.getByRole('menuitem', { name: 'Sign out' }).count(), 1);
        // Items are reached with the arrow keys, not Tab.
        assert.deepEqual(await menu.getByRole('menuitem').evaluateAll((els) => els.map((e) => e.getAttribute('tabindex'))), ['-1', '-1']);
        const snapshot = await p.locator('clerk-user-button').ariaSnapshot();
        assert.match(snapshot, /button "Open user menu" \[expanded\]/);
        assert.match(snapshot, /menu "Ada Lovelace"/);
      });
    });

    test('with show-name the accessible name keeps the visible name', async () => {
      await withPage(h(), 'ub-a11y-name', async ({ page: p }) => {
        await openPage(p, 'ub-a11y-name', { firstName: 'Grace', lastName: 'Hopper' }, '<header><clerk-user-button show-name></clerk-user-button></header>');
        assert.equal(await p.getByRole('button', { name: 'Open user menu Grace Hopper' }).count(), 1);
      });
    });
  });

  describe('keyboard', () => {
    test('Enter opens on the first item; arrows, Home and End move and wrap; Escape closes and returns focus', async () => {
      await withPage(h(), 'ub-keys', async ({ page: p }) => {
        await openPage(p, 'ub-keys', undefined, undefined, RECORD);
        await setItems(p, `[{ label: 'Help', onClick: () => window.clicks.push('help') }]`);
        await trigger(p).focus();
        await p.keyboard.press('Enter');
        await waitFocus(p, 'Manage account');
        await p.keyboard.press('ArrowDown');
        await waitFocus(p, 'Help');
        await p.keyboard.press('ArrowDown');
        await waitFocus(p, 'Sign out');
        await p.keyboard.press('ArrowDown');
        await waitFocus(p, 'Manage account');
        await p.keyboard.press('ArrowUp');
        await waitFocus(p, 'Sign out');
        await p.keyboard.press('Home');
        await waitFocus(p, 'Manage account');
        await p.keyboard.press('End');
        await waitFocus(p, 'Sign out');
        await p.keyboard.press('h');
        await waitFocus(p, 'Help');
        await p.keyboard.press('Escape');
        await waitFocus(p, 'trigger');
        assert.equal(await card(p).count(), 0);
        assert.equal(await trigger(p).getAttribute('aria-expanded'), 'false');
        // Space opens too, and Enter on an item runs it.
        await p.keyboard.press(' ');
        await waitFocus(p, 'Manage account');
        await p.keyboard.press('ArrowDown');
        await p.keyboard.press('Enter');
        await waitFocus(p, 'trigger');
        assert.deepEqual(await p.evaluate(() => (window as unknown as TestWindow).clicks), ['help']);
      });
    });

    test('ArrowDown opens on the first item, ArrowUp on the last; Tab closes and moves on; a click outside closes', async () => {
      await withPage(h(), 'ub-keys-2', async ({ page: p }) => {
        await openPage(p, 'ub-keys-2');
        await trigger(p).focus();
        await p.keyboard.press('ArrowDown');
        await waitFocus(p, 'Manage account');
        await p.keyboard.press('Tab');
        await card(p).waitFor({ state: 'detached' });
        assert.equal(await p.evaluate(() => document.activeElement?.id), 'after');
        // Shift+Tab from the menu closes it onto the trigger.
        await trigger(p).focus();
        await p.keyboard.press('ArrowDown');
        await waitFocus(p, 'Manage account');
        await p.keyboard.press('Shift+Tab');
        await card(p).waitFor({ state: 'detached' });
        await waitFocus(p, 'trigger');

        await trigger(p).focus();
        await p.keyboard.press('ArrowUp');
        await waitFocus(p, 'Sign out');
        await p.mouse.click(100, 300);
        await card(p).waitFor({ state: 'detached' });
        assert.equal(await trigger(p).getAttribute('aria-expanded'), 'false');

        // A click on the trigger toggles.
        await trigger(p).click();
        await card(p).waitFor();
        await trigger(p).click();
        await card(p).waitFor({ state: 'detached' });
      });
    });
  });

  describe('events', () => {
    test('"Manage account" emits clerk-manage-account when there is no user-profile-url', async () => {
      await withPage(h(), 'ub-manage', async ({ page: p }) => {
        await openPage(p, 'ub-manage');
        await trigger(p).click();
        await p.getByRole('menuitem', { name: 'Manage account' }).click();
        await card(p).waitFor({ state: 'detached' });
        assert.deepEqual(await events(p), [['clerk-manage-account', '{}']]);
        assert.equal(await p.evaluate(() => (window as unknown as TestWindow).marker), 'same page');
      });
    });

    test('with user-profile-url, "Manage account" navigates there unless the event is cancelled', async () => {
      writePage(h(), 'profile', '<main><h1>Profile</h1></main>');
      await withPage(h(), 'ub-manage-url', async ({ page: p }) => {
        await openPage(p, 'ub-manage-url', undefined, '<header><clerk-user-button user-profile-url="/profile.html"></clerk-user-button></header>');
        await p.evaluate(() => document.addEventListener('clerk-manage-account', (e) => e.preventDefault(), { once: true }));
        await trigger(p).click();
        await p.getByRole('menuitem', { name: 'Manage account' }).click();
        await card(p).waitFor({ state: 'detached' });
        assert.deepEqual(await events(p), [['clerk-manage-account', '{"userProfileUrl":"/profile.html"}']]);
        assert.equal(await p.evaluate(() => (window as unknown as TestWindow).marker), 'same page');
        await trigger(p).click();
        await p.getByRole('menuitem', { name: 'Manage account' }).click();
        await p.waitForURL('**/profile.html');
        assert.equal(await p.locator('h1').textContent(), 'Profile');
      });
    });

    test('"Sign out" emits clerk-sign-out with the session id', async () => {
      await withPage(h(), 'ub-sign-out-event', async ({ page: p }) => {
        await openPage(p, 'ub-sign-out-event');
        const sessionId = await p.evaluate(() => window.Clerk!.session!.id);
        await trigger(p).click();
        await p.getByRole('menuitem', { name: 'Sign out' }).click();
        await p.waitForFunction(() => (window as unknown as TestWindow).events.length > 0);
        assert.deepEqual(await events(p), [['clerk-sign-out', JSON.stringify({ sessionId })]]);
      });
    });
  });

  describe('customMenuItems', () => {
    test('a link item is an <a href> that navigates; labelIcon is an <img>; labels are text, never markup', async () => {
      writePage(h(), 'help', '<main><h1>Help</h1></main>');
      await withPage(h(), 'ub-link', async ({ page: p }) => {
        await openPage(p, 'ub-link');
        const icon =
          'data:image/svg+xml,' +
          encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6" fill="teal"/></svg>');
        await setItems(p, `[{ label: '<b>Help</b>', href: '/help.html', labelIcon: ${JSON.stringify(icon)} }, { label: 'Bad', href: 'javascript:alert(1)' }]`);
        await trigger(p).click();
        const link = p.getByRole('menuitem', { name: '<b>Help</b>' });
        assert.equal(await link.evaluate((el) => el.localName), 'a');
        assert.equal(await link.getAttribute('href'), '/help.html');
        assert.equal(await link.locator('b').count(), 0);
        assert.equal(await link.locator('img').getAttribute('src'), icon);
        assert.equal(await link.locator('img').getAttribute('alt'), '');
        // The javascript: link is dropped; the defaults follow Clerk's order around the custom item.
        assert.deepEqual(await itemLabels(p), ['Manage account', '<b>Help</b>', 'Sign out']);
        await link.click();
        await p.waitForURL('**/help.html');
        assert.equal(await p.locator('h1').textContent(), 'Help');
      });
    });

    test('an action item calls onClick and closes the menu', async () => {
      await withPage(h(), 'ub-action', async ({ page: p }) => {
        await openPage(p, 'ub-action');
        await setItems(p, `[{ label: 'Open chat', onClick: () => window.clicks.push('chat') }]`);
        await trigger(p).click();
        await p.getByRole('menuitem', { name: 'Open chat' }).click();
        await card(p).waitFor({ state: 'detached' });
        assert.deepEqual(await p.evaluate(() => (window as unknown as TestWindow).clicks), ['chat']);
      });
    });

    test("entries labelled 'signOut' and 'manageAccount' move the defaults, as in Clerk", async () => {
      await withPage(h(), 'ub-reorder', async ({ page: p }) => {
        await openPage(p, 'ub-reorder');
        await setItems(p, `[{ label: 'signOut' }, { label: 'Create organization', href: '/create-organization' }, { label: 'manageAccount' }]`);
        await trigger(p).click();
        assert.deepEqual(await itemLabels(p), ['Sign out', 'Create organization', 'Manage account']);
        await p.keyboard.press('Escape');
        await setItems(p, `[{ label: 'Dashboard', href: '/dashboard' }, { label: 'manageAccount' }]`);
        await trigger(p).click();
        assert.deepEqual(await itemLabels(p), ['Dashboard', 'Manage account', 'Sign out']);
        // The moved default still does its job.
        await p.getByRole('menuitem', { name: 'Manage account' }).click();
        assert.deepEqual(
          (await events(p)).map(([type]) => type),
          ['clerk-manage-account'],
        );
      });
    });

    test("Clerk's mountIcon/unmountIcon get an element of their own", async () => {
      await withPage(h(), 'ub-mount-icon', async ({ page: p }) => {
        await openPage(p, 'ub-mount-icon');
        await setItems(
          p,
          `[{ label: 'Help', onClick() {}, mountIcon: (el) => { el.textContent = '?'; window.clicks.push('mount'); }, unmountIcon: () => window.clicks.push('unmount') }]`,
        );
        await trigger(p).click();
        assert.equal((await p.getByRole('menuitem', { name: 'Help' }).locator('.icon').textContent())?.trim(), '?');
        await p.keyboard.press('Escape');
        await card(p).waitFor({ state: 'detached' });
        assert.deepEqual(await p.evaluate(() => (window as unknown as TestWindow).clicks), ['mount', 'unmount']);
      });
    });
  });

  describe('sign out', () => {
    test('"Sign out" really signs out: Clerk.user is null, the session cookie is gone, the element hides, no reload', async () => {
      await withPage(h(), 'ub-sign-out', async ({ page: p }) => {
        await openPage(p, 'ub-sign-out');
        await trigger(p).click();
        await p.getByRole('menuitem', { name: 'Sign out' }).click();
        await trigger(p).waitFor({ state: 'detached' });
        assert.equal(await p.evaluate(() => window.Clerk!.user), null);
        assert.equal(await p.locator('clerk-user-button').isVisible(), false);
        assert.equal(await p.evaluate(() => (window as unknown as TestWindow).marker), 'same page');
        // The server agrees: a fresh read of the client has no session.
        assert.equal(await p.evaluate(async () => (await (await fetch('/v1/client')).json()).response?.sessions?.length ?? 0), 0);
        assert.equal(await p.evaluate(() => /(^|; )__session=[^;]/.test(document.cookie)), false);
      });
    });

    test('after-sign-out-url is where the page goes after signing out', async () => {
      writePage(h(), 'bye', '<main><h1>Bye</h1></main>');
      await withPage(h(), 'ub-sign-out-url', async ({ page: p }) => {
        await openPage(p, 'ub-sign-out-url', undefined, '<header><clerk-user-button after-sign-out-url="/bye.html"></clerk-user-button></header>');
        await trigger(p).click();
        await p.getByRole('menuitem', { name: 'Sign out' }).click();
        await p.waitForURL('**/bye.html');
        assert.equal(
          await p.evaluate(async () => {
            await window.Clerk!.load();
            return window.Clerk!.user;
          }),
          null,
        );
      });
    });
  });

  describe('mount API', () => {
    test('Clerk.mountUserButton(div, props) renders the element (its chunk loads on first use); unmountUserButton removes it', async () => {
      await withPage(h(), 'ub-mount', async ({ page: p }) => {
        await p.goto(page('ub-mount', '<header><strong>Acme</strong><div id="user-button"></div></header>'));
        await signUpInPage(p, { firstName: 'Alan', lastName: 'Turing' });
        assert.equal(await p.evaluate(() => !!customElements.get('clerk-user-button')), false);
        await p.evaluate(() => {
          (window as unknown as TestWindow).clicks = [];
          window.Clerk!.mountUserButton(document.getElementById('user-button')!, {
            showName: true,
            customMenuItems: [{ label: 'Open chat', onClick: () => (window as unknown as TestWindow).clicks.push('chat') }],
          });
        });
        await trigger(p).waitFor();
        assert.equal((await trigger(p).locator('.name').textContent())?.trim(), 'Alan Turing');
        assert.equal((await trigger(p).locator('.initials').textContent())?.trim(), 'AT');
        await trigger(p).click();
        await p.getByRole('menuitem', { name: 'Open chat' }).click();
        assert.deepEqual(await p.evaluate(() => (window as unknown as TestWindow).clicks), ['chat']);
        await p.evaluate(() => window.Clerk!.unmountUserButton(document.getElementById('user-button')!));
        assert.equal(await p.locator('clerk-user-button').count(), 0);
      });
    });
  });

  describe('screenshots', () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`trigger and open menu, ${colorScheme}`, async () => {
        const shots: string[] = [];
        await withPage(
          h(),
          `ub-shots-${colorScheme}`,
          async ({ page: p }) => {
            await openPage(
              p,
              `ub-shots-${colorScheme}`,
              { firstName: 'Ada', lastName: 'Lovelace' },
              `<header><strong>Acme</strong><span><clerk-user-button></clerk-user-button> <clerk-user-button show-name id="named"></clerk-user-button></span></header><main><p>Content</p></main>`,
              '',
            );
            await setItems(p, `[{ label: 'Help', href: '/help.html' }]`);
            shots.push(await shoot(p, `user-button-trigger-${colorScheme}.png`, { x: 360, y: 0, width: 360, height: 64 }));
            await trigger(p).first().focus();
            await p.keyboard.press('Enter');
            await waitFocus(p, 'Manage account');
            await p.keyboard.press('ArrowDown');
            await p.waitForTimeout(200);
            shots.push(await shoot(p, `user-button-menu-${colorScheme}.png`));
          },
          { colorScheme },
        );
        assert.equal(shots.length, 2);
      });
    }
  });
});
