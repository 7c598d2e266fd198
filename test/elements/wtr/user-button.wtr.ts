// <clerk-user-button> in the browser against the real server: nothing while signed out, the avatar and menu for a
// real user, its attributes, clerk-manage-account / clerk-sign-out, the menu-button keyboard pattern and axe.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Clerk } from '../../../src/core/clerk.ts';
import type { ClerkUserButton } from '../../../src/elements/user-button/user-button.component.ts';
import '../../../src/elements/user-button/user-button.ts';
import { focused, hasState, loadClerk, signUpHere, until } from '../../support/wtr-page.ts';

let clerk: Clerk;
let pushed: string[];
let email: string;

before(async () => {
  ({ clerk, pushed } = await loadClerk());
});

beforeEach(async () => {
  if (!clerk.user) email = await signUpHere(clerk, { firstName: 'Ada', lastName: 'Lovelace' });
  pushed.length = 0;
});

async function userButton(template = html`<clerk-user-button .clerk=${clerk}></clerk-user-button>`): Promise<ClerkUserButton> {
  const el = await fixture<ClerkUserButton>(template);
  await until(() => !!el.shadowRoot?.querySelector('.trigger'), 'the avatar is drawn');
  return el;
}

const trigger = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('.trigger')!;
const items = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=menuitem]')];
const menuOpen = (el: Element) => !!el.shadowRoot!.querySelector('[role=menu]');

/** Opens the menu from the keyboard (Enter on the avatar) and waits for focus on its first item. */
async function openWithKeyboard(el: ClerkUserButton): Promise<void> {
  trigger(el).focus();
  await sendKeys({ press: 'Enter' });
  await until(() => menuOpen(el) && focused() === items(el)[0], 'the menu is open on its first item');
}

describe('<clerk-user-button>', () => {
  it('defaults: a closed menu button with the user initials, labelled, signed-in state', async () => {
    const el = await userButton();
    const t = trigger(el);
    expect(t.getAttribute('aria-haspopup')).to.equal('menu');
    expect(t.getAttribute('aria-expanded')).to.equal('false');
    expect(t.hasAttribute('aria-controls')).to.equal(false);
    expect(t.querySelector('.visually-hidden')!.textContent).to.equal('Open user menu');
    expect(el.shadowRoot!.querySelector('[part~=name]')).to.equal(null);
    expect(menuOpen(el)).to.equal(false);
    expect(hasState(el, 'signed-in')).to.equal(true);
    expect(hasState(el, 'open')).to.equal(false);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('renders nothing while signed out, and the avatar again once signed in, without a reload', async () => {
    const el = await userButton();
    await clerk.signOut();
    await until(() => !el.shadowRoot!.querySelector('.trigger'), 'the avatar goes away');
    expect(hasState(el, 'signed-in')).to.equal(false);
    expect(el.getBoundingClientRect().width).to.equal(0);
    email = await signUpHere(clerk, { firstName: 'Ada', lastName: 'Lovelace' });
    await until(() => !!el.shadowRoot!.querySelector('.trigger'), 'the avatar comes back');
  });

  it('attributes: show-name shows the name, default-open opens the menu, both reflect from properties', async () => {
    const el = await userButton(html`<clerk-user-button .clerk=${clerk} show-name default-open></clerk-user-button>`);
    expect(el.showName).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part~=name]')!.textContent).to.equal('Ada Lovelace');
    await until(() => menuOpen(el), 'default-open opens the menu');
    expect(el.shadowRoot!.querySelector('[part~=user-preview-email]')!.textContent).to.equal(email);
    expect(el.shadowRoot!.querySelector('[part~=user-preview-name]')!.textContent).to.equal('Ada Lovelace');
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('true');
    expect(trigger(el).getAttribute('aria-controls')).to.equal('menu');
    expect(hasState(el, 'open')).to.equal(true);
    el.showName = false;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~=name]')).to.equal(null);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('keyboard: Enter opens on the first item, arrows wrap, Home/End jump, a letter finds, Escape closes back to the avatar', async () => {
    const el = await userButton();
    await openWithKeyboard(el);
    const [manage, signOut] = items(el);
    expect(items(el).map((i) => i.textContent!.trim())).to.deep.equal(['Manage account', 'Sign out']);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal(signOut);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(), 'ArrowDown wraps to the first').to.equal(manage);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(), 'ArrowUp wraps to the last').to.equal(signOut);
    await sendKeys({ press: 'Home' });
    expect(focused()).to.equal(manage);
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal(signOut);
    await sendKeys({ press: 'm' });
    expect(focused(), 'a typed letter').to.equal(manage);
    await sendKeys({ press: 'Escape' });
    await until(() => !menuOpen(el), 'Escape closes');
    expect(focused()).to.equal(trigger(el));
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('false');

    // ArrowUp on the avatar opens on the last item; Tab closes and moves on.
    await sendKeys({ press: 'ArrowUp' });
    await until(() => menuOpen(el) && focused() === items(el).at(-1), 'open on the last item');
    await sendKeys({ press: 'Tab' });
    await until(() => !menuOpen(el), 'Tab closes');
  });

  it('a click outside closes the menu; a click on the avatar toggles it', async () => {
    const el = await userButton();
    trigger(el).click();
    await until(() => menuOpen(el), 'a click opens');
    trigger(el).click();
    await until(() => !menuOpen(el), 'a second click closes');
    el.open();
    await until(() => menuOpen(el), 'open() opens');
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await until(() => !menuOpen(el), 'a pointer down outside closes');
  });

  it('"Manage account": clerk-manage-account with the URL, then the router goes there', async () => {
    const el = await userButton(html`<clerk-user-button .clerk=${clerk} user-profile-url="/account"></clerk-user-button>`);
    await openWithKeyboard(el);
    const chosen = oneEvent(el, 'clerk-manage-account');
    await sendKeys({ press: 'Enter' });
    const ev = await chosen;
    expect(ev.detail).to.deep.equal({ userProfileUrl: '/account' });
    await until(() => pushed.length > 0, 'the navigation');
    expect(pushed).to.deep.equal(['/account']);
    await until(() => !menuOpen(el), 'the menu closed');
  });

  it('custom menu items: links and actions in order, the defaults moved; Space activates a link', async () => {
    let ran = 0;
    const custom = [
      { label: 'Help', href: '/help' },
      { label: 'signOut' },
      { label: 'Ping', onClick: () => ran++ },
      { label: 'Bad', href: 'javascript:alert(1)' },
    ];
    const warned: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warned.push(args[0]);
    let el: ClerkUserButton;
    try {
      el = await userButton(html`<clerk-user-button .clerk=${clerk} .customMenuItems=${custom}></clerk-user-button>`);
    } finally {
      console.warn = warn;
    }
    expect(warned.length, 'the javascript: item is left out with a warning').to.equal(1);
    await openWithKeyboard(el);
    expect(items(el).map((i) => i.textContent!.trim())).to.deep.equal(['Manage account', 'Help', 'Sign out', 'Ping']);
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Enter' });
    await until(() => ran === 1, 'the action ran');
    await until(() => !menuOpen(el), 'the menu closed');
    await openWithKeyboard(el);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal(items(el)[1]);
    await sendKeys({ press: ' ' });
    await until(() => pushed.length > 0, 'the link went through the router');
    expect(pushed).to.deep.equal(['/help']);
  });

  it('user data is text, never markup: a name with HTML in it shows as typed', async () => {
    await clerk.signOut();
    const firstName = '<img src=x onerror="window.pwned=1">';
    const lastName = '<b>bold</b>';
    await signUpHere(clerk, { firstName, lastName });
    const el = await userButton(html`<clerk-user-button .clerk=${clerk} show-name default-open></clerk-user-button>`);
    await until(() => menuOpen(el), 'the menu is open');
    expect(el.shadowRoot!.querySelector('[part~=name]')!.textContent).to.equal(`${firstName} ${lastName}`);
    expect(el.shadowRoot!.querySelector('[part~=user-preview-name]')!.textContent).to.equal(`${firstName} ${lastName}`);
    expect(el.shadowRoot!.querySelectorAll('b, img:not(.avatar-image)').length).to.equal(0);
    expect((window as unknown as { pwned?: number }).pwned).to.equal(undefined);
    // The next test's user is Ada again.
    await clerk.signOut();
  });

  it('"Sign out": clerk-sign-out with the session, signed out, after-sign-out-url followed; nothing left to show', async () => {
    const sessionId = clerk.session!.id;
    const el = await userButton(html`<clerk-user-button .clerk=${clerk} after-sign-out-url="/bye"></clerk-user-button>`);
    await openWithKeyboard(el);
    await sendKeys({ press: 'ArrowDown' });
    const out = oneEvent(el, 'clerk-sign-out');
    await sendKeys({ press: 'Enter' });
    const ev = await out;
    expect(ev.detail).to.deep.equal({ sessionId });
    expect(clerk.user).to.equal(null);
    await until(() => pushed.length > 0, 'the navigation after sign-out');
    expect(pushed).to.deep.equal(['/bye']);
    await until(() => !el.shadowRoot!.querySelector('.trigger'), 'the avatar goes away');
  });
});
