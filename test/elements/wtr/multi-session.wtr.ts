// The elements in a multi-session application, in the browser against the config's multi-session server
// (SINGLE_SESSION_MODE=false, under /multi). <clerk-user-button>: two accounts in one browser (the second signed in
// with FAPI calls from the page's own instance), the switcher, "Add account", "Sign out" of one account, "Sign out of
// all accounts", the keyboard over the new items, axe; and "Manage account" through the profile modal or navigation.
// <clerk-sign-in>: signing in to one more account next to the active one, and again to one this browser holds.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Clerk } from '../../../src/core/clerk.ts';
import type { ClerkSignIn } from '../../../src/elements/sign-in/sign-in.component.ts';
import '../../../src/elements/sign-in/sign-in.ts';
import type { ClerkUserButton } from '../../../src/elements/user-button/user-button.component.ts';
import '../../../src/elements/user-button/user-button.ts';
import { PASSWORD, createUser, focused, hasState, loadClerk, multiSession, uniqueEmail, until } from '../../support/wtr-page.ts';

let clerk: Clerk;
let pushed: string[];
const ada = { email: uniqueEmail('multi-ada'), firstName: 'Ada', lastName: 'Lovelace' };
const grace = { email: uniqueEmail('multi-grace'), firstName: 'Grace', lastName: 'Hopper' };

/** Signs the page's client in to one more account with the instance's own FAPI calls and makes it active. */
async function signInHere(email: string): Promise<string> {
  const si = await clerk.client!.signIn.create({ identifier: email, password: PASSWORD, strategy: 'password' });
  expect(si.status).to.equal('complete');
  await clerk.setActive({ session: si.createdSessionId! });
  return si.createdSessionId!;
}

const signedInEmails = () => clerk.client!.signedInSessions.map((s) => s.user!.primaryEmailAddress!.emailAddress);

before(async () => {
  ({ clerk, pushed } = await loadClerk({}, multiSession()));
  expect(clerk.environment!.authConfig.singleSessionMode, 'the multi-session server').to.equal(false);
  await createUser(ada.email, { firstName: ada.firstName, lastName: ada.lastName }, multiSession());
  await createUser(grace.email, { firstName: grace.firstName, lastName: grace.lastName }, multiSession());
});

beforeEach(async () => {
  // Each test starts with Ada alone, active.
  if (clerk.user) await clerk.signOut();
  await signInHere(ada.email);
  pushed.length = 0;
});

async function userButton(template = html`<clerk-user-button .clerk=${clerk}></clerk-user-button>`): Promise<ClerkUserButton> {
  const el = await fixture<ClerkUserButton>(template);
  await until(() => !!el.shadowRoot?.querySelector('.trigger'), 'the avatar is drawn');
  return el;
}

const trigger = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('.trigger')!;
const items = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=menuitem]')];
/** An item's text without its `aria-hidden` parts (an account's avatar initials), as a screen reader reads it. */
function spoken(node: Node): string {
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  return Array.from(node.childNodes, spoken).join(' ');
}
const label = (i: Element) => spoken(i).replace(/\s+/g, ' ').trim();
const labels = (el: Element) => items(el).map(label);
const menuOpen = (el: Element) => !!el.shadowRoot!.querySelector('[role=menu]');
const item = (el: Element, text: string) => items(el).find((i) => label(i) === text)!;

async function openWithKeyboard(el: ClerkUserButton): Promise<void> {
  trigger(el).focus();
  await sendKeys({ press: 'Enter' });
  await until(() => menuOpen(el) && focused() === items(el)[0], 'the menu is open on its first item');
}

describe('<clerk-user-button> in a multi-session application', () => {
  it('one account: "Add account" after the actions (no "Sign out of all accounts"); it goes to sign-in with a way back', async () => {
    const el = await userButton();
    await openWithKeyboard(el);
    expect(labels(el)).to.deep.equal(['Manage account', 'Sign out', 'Add account']);
    await expect(el).shadowDom.to.be.accessible();
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal(item(el, 'Add account'));
    await sendKeys({ press: 'Enter' });
    await until(() => pushed.length > 0, 'the navigation to sign-in');
    const to = new URL(pushed[0]!, location.href);
    expect(to.pathname).to.equal('/sign-in');
    expect(to.searchParams.get('redirect_url')).to.equal(location.href);
    expect(menuOpen(el)).to.equal(false);
    expect(clerk.user!.primaryEmailAddress!.emailAddress, 'still signed in').to.equal(ada.email);

    // sign-in-url overrides where it goes.
    pushed.length = 0;
    el.signInUrl = '/login';
    await el.updateComplete;
    el.open();
    await until(() => menuOpen(el), 'open');
    item(el, 'Add account').click();
    await until(() => pushed.length > 0, 'the navigation');
    expect(pushed).to.deep.equal(['/login']);
  });

  it('two accounts: the other one is listed (avatar, name, email); a click switches, then after-switch-session-url', async () => {
    const sessAda = clerk.session!.id;
    await signInHere(grace.email);
    expect(signedInEmails()).to.deep.equal([ada.email, grace.email]);
    const el = await userButton(html`<clerk-user-button .clerk=${clerk} after-switch-session-url="/switched"></clerk-user-button>`);
    await openWithKeyboard(el);
    expect(el.shadowRoot!.querySelector('[part~=user-preview-name]')!.textContent).to.equal('Grace Hopper');
    expect(labels(el)).to.deep.equal(['Manage account', 'Sign out', `Ada Lovelace ${ada.email}`, 'Add account', 'Sign out of all accounts']);
    const account = el.shadowRoot!.querySelector<HTMLElement>('[part~=account]')!;
    expect(account.dataset.session).to.equal(sessAda);
    expect(account.querySelector('[part~=account-name]')!.textContent).to.equal('Ada Lovelace');
    expect(account.querySelector('[part~=account-email]')!.textContent).to.equal(ada.email);
    expect(account.querySelector('.initials')!.textContent).to.equal('AL');
    await expect(el).shadowDom.to.be.accessible();

    // The keyboard pattern covers the new items: arrows wrap over all five, End/Home jump, a letter finds the account.
    await sendKeys({ press: 'ArrowUp' });
    expect(focused()).to.equal(item(el, 'Sign out of all accounts'));
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal(items(el)[0]);
    await sendKeys({ press: 'a' });
    expect(focused(), 'typing "a" finds Ada before "Add account"').to.equal(account);
    await sendKeys({ press: 'a' });
    expect(focused()).to.equal(item(el, 'Add account'));
    await sendKeys({ press: 'a' });
    expect(focused(), 'and wraps').to.equal(account);

    const switched = oneEvent(el, 'clerk-switch-session');
    await sendKeys({ press: 'Enter' });
    expect((await switched).detail).to.deep.equal({ sessionId: sessAda });
    expect(clerk.session!.id).to.equal(sessAda);
    expect(clerk.user!.primaryEmailAddress!.emailAddress).to.equal(ada.email);
    await until(() => pushed.length > 0, 'the navigation after the switch');
    expect(pushed).to.deep.equal(['/switched']);
    await until(() => !menuOpen(el) && !hasState(el, 'loading'), 'the menu closed');
    expect(focused(), 'focus back on the avatar').to.equal(trigger(el));
    // Each account its own token.
    expect(JSON.parse(atob((await clerk.session!.getToken())!.split('.')[1]!)).sid).to.equal(sessAda);

    el.open();
    await until(() => menuOpen(el), 'open again');
    expect(el.shadowRoot!.querySelector('[part~=user-preview-name]')!.textContent).to.equal('Ada Lovelace');
    expect(el.shadowRoot!.querySelector('[part~=account-name]')!.textContent, 'now Grace is the other account').to.equal('Grace Hopper');
  });

  it('"Sign out" signs out of the active account only; the other becomes active; after-multi-session-single-sign-out-url', async () => {
    await signInHere(grace.email);
    const sessGrace = clerk.session!.id;
    const el = await userButton(
      html`<clerk-user-button .clerk=${clerk} after-sign-out-url="/bye" after-multi-session-single-sign-out-url="/one-out"></clerk-user-button>`,
    );
    await openWithKeyboard(el);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal(item(el, 'Sign out'));
    const out = oneEvent(el, 'clerk-sign-out');
    await sendKeys({ press: 'Enter' });
    expect((await out).detail).to.deep.equal({ sessionId: sessGrace });
    await until(() => pushed.length > 0, 'the navigation');
    expect(pushed).to.deep.equal(['/one-out']);
    expect(clerk.user!.primaryEmailAddress!.emailAddress, 'Ada is active now').to.equal(ada.email);
    expect(signedInEmails()).to.deep.equal([ada.email]);
    await until(() => !hasState(el, 'loading'), 'done');
    el.open();
    await until(() => menuOpen(el), 'open');
    expect(labels(el)).to.deep.equal(['Manage account', 'Sign out', 'Add account']);

    // With one account left, "Sign out" is a full sign-out and after-sign-out-url applies.
    pushed.length = 0;
    item(el, 'Sign out').click();
    await until(() => pushed.length > 0, 'the navigation');
    expect(pushed).to.deep.equal(['/bye']);
    expect(clerk.user).to.equal(null);
  });

  it('"Sign out of all accounts" ends every session: clerk-sign-out with null, after-sign-out-url, nothing left to show', async () => {
    await signInHere(grace.email);
    const el = await userButton(html`<clerk-user-button .clerk=${clerk} after-sign-out-url="/bye"></clerk-user-button>`);
    await openWithKeyboard(el);
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal(item(el, 'Sign out of all accounts'));
    const out = oneEvent(el, 'clerk-sign-out');
    await sendKeys({ press: 'Enter' });
    expect((await out).detail).to.deep.equal({ sessionId: null });
    expect(clerk.user).to.equal(null);
    expect(clerk.client!.signedInSessions).to.deep.equal([]);
    await until(() => pushed.length > 0, 'the navigation');
    expect(pushed).to.deep.equal(['/bye']);
    await until(() => !el.shadowRoot!.querySelector('.trigger'), 'the avatar goes away');
  });

  it('"Manage account": openUserProfile(userProfileProps) by default, initialPage for a custom `open` item; navigation mode goes to user-profile-url', async () => {
    const opened: Array<Record<string, unknown>> = [];
    // The profile modal's opener on this instance (core adds Clerk.openUserProfile; the element calls it when present).
    (clerk as unknown as { openUserProfile: (p: Record<string, unknown>) => void }).openUserProfile = (p) => opened.push(p);
    try {
      const props = { appearance: { variables: { colorPrimary: '#0f766e' } } };
      const custom = [{ label: 'Billing', open: 'billing' }];
      const el = await userButton(html`<clerk-user-button .clerk=${clerk} .userProfileProps=${props} .customMenuItems=${custom}></clerk-user-button>`);
      await openWithKeyboard(el);
      expect(labels(el)).to.deep.equal(['Manage account', 'Billing', 'Sign out', 'Add account']);
      const chosen = oneEvent(el, 'clerk-manage-account');
      item(el, 'Manage account').click();
      expect((await chosen).detail).to.deep.equal({ userProfileUrl: undefined });
      expect(opened).to.deep.equal([props]);
      el.open();
      await until(() => menuOpen(el), 'open');
      const billing = oneEvent(el, 'clerk-manage-account');
      item(el, 'Billing').click();
      expect((await billing).detail).to.deep.equal({ userProfileUrl: undefined, initialPage: 'billing' });
      expect(opened.at(-1)).to.deep.equal({ ...props, initialPage: 'billing' });

      // A cancelled event opens nothing.
      el.addEventListener('clerk-manage-account', (e) => e.preventDefault(), { once: true });
      el.open();
      await until(() => menuOpen(el), 'open');
      item(el, 'Manage account').click();
      expect(opened.length).to.equal(2);

      // user-profile-mode="navigation": the router goes to user-profile-url, no modal.
      const nav = await userButton(
        html`<clerk-user-button .clerk=${clerk} user-profile-mode="navigation" user-profile-url="/account" .customMenuItems=${custom}></clerk-user-button>`,
      );
      nav.open();
      await until(() => menuOpen(nav), 'open');
      item(nav, 'Billing').click();
      await until(() => pushed.length > 0, 'the navigation');
      expect(pushed).to.deep.equal(['/account']);
      expect(opened.length).to.equal(2);
    } finally {
      delete (clerk as unknown as { openUserProfile?: unknown }).openUserProfile;
    }
  });
});

describe('<clerk-sign-in> in a multi-session application', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  /** Signs in through the form with the keyboard: identifier, Enter, password, Enter. */
  async function signInWithForm(email: string): Promise<{ el: ClerkSignIn; sessionId: string }> {
    const el = await fixture<ClerkSignIn>(html`<clerk-sign-in .clerk=${clerk} routing="virtual" fallback-redirect-url="/after"></clerk-sign-in>`);
    await until(() => !!el.querySelector('input[name=identifier]'), 'the identifier field is drawn');
    const field = (name: string) => el.querySelector<HTMLInputElement>(`input[name="${name}"]`);
    field('identifier')!.focus();
    await sendKeys({ type: email });
    await sendKeys({ press: 'Enter' });
    await until(() => !!field('password'), 'the password step');
    field('password')!.focus();
    await sendKeys({ type: PASSWORD });
    const done = oneEvent(el, 'clerk-sign-in');
    await sendKeys({ press: 'Enter' });
    return { el, sessionId: (await done).detail.sessionId };
  }

  it('a signed-in browser signs in to one more account: both sessions, the new one active, then the redirect', async () => {
    const sessAda = clerk.session!.id;
    const { sessionId } = await signInWithForm(grace.email);
    expect(sessionId).to.not.equal(sessAda);
    expect(clerk.session!.id).to.equal(sessionId);
    expect(clerk.user!.primaryEmailAddress!.emailAddress).to.equal(grace.email);
    expect(signedInEmails()).to.deep.equal([ada.email, grace.email]);
    await until(() => pushed.length > 0, 'the redirect');
    expect(pushed).to.deep.equal(['/after']);
  });

  it('signing in again to an account this browser holds makes that session active (identifier_already_signed_in), no error', async () => {
    const sessAda = clerk.session!.id;
    await signInHere(grace.email);
    expect(clerk.user!.primaryEmailAddress!.emailAddress).to.equal(grace.email);
    const { el, sessionId } = await signInWithForm(ada.email);
    expect(sessionId, "Ada's existing session").to.equal(sessAda);
    expect(clerk.session!.id).to.equal(sessAda);
    expect(signedInEmails(), 'no third session').to.deep.equal([ada.email, grace.email]);
    expect(el.querySelector('[role=alert]')?.textContent?.trim() ?? '', 'no error shown').to.equal('');
    await until(() => pushed.length > 0, 'the redirect');
    expect(pushed).to.deep.equal(['/after']);
  });
});
