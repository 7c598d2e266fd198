// The control buttons and redirects in the browser against the real server: <clerk-sign-in-button>,
// <clerk-sign-up-button>, <clerk-sign-out-button>, <clerk-redirect-to-sign-in>, <clerk-redirect-to-sign-up>, <clerk-redirect-to-user-profile>. Their
// default buttons, the page's own slotted button, keyboard activation, modes and redirect attributes.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Clerk } from '../../../src/core/clerk.ts';
import type { ClerkSignInButton, ClerkSignOutButton, ClerkSignUpButton } from '../../../src/elements/buttons/buttons.component.ts';
import '../../../src/elements/buttons/buttons.ts';
import '../../../src/elements/modal/modal.ts';
import '../../../src/elements/sign-in/sign-in.ts';
import '../../../src/elements/sign-up/sign-up.ts';
import { focused, loadClerk, signUpHere, until } from '../../support/wtr-page.ts';

let clerk: Clerk;
let pushed: string[];

before(async () => {
  ({ clerk, pushed } = await loadClerk());
});

afterEach(async () => {
  for (const m of document.querySelectorAll('clerk-modal')) (m as HTMLElement & { close(): void }).close();
  if (clerk.user) await clerk.signOut();
  pushed.length = 0;
});

/** A navigation the router was handed, as a URL on this page's origin. */
function navigated(i = 0): URL {
  expect(pushed.length, 'a navigation happened').to.be.greaterThan(i);
  return new URL(pushed[i]!, location.origin);
}

describe('<clerk-sign-in-button> / <clerk-sign-up-button>', () => {
  it('defaults: a plain labelled button each, in redirect mode, transparent hosts', async () => {
    const el = await fixture<HTMLElement>(
      html`<div><clerk-sign-in-button .clerk=${clerk}></clerk-sign-in-button><clerk-sign-up-button .clerk=${clerk}></clerk-sign-up-button></div>`,
    );
    const signIn = el.querySelector<ClerkSignInButton>('clerk-sign-in-button')!;
    const signUp = el.querySelector<ClerkSignUpButton>('clerk-sign-up-button')!;
    await until(() => !!signIn.shadowRoot?.querySelector('button') && !!signUp.shadowRoot?.querySelector('button'), 'the default buttons');
    expect(signIn.shadowRoot!.querySelector('button')!.textContent).to.equal('Sign in');
    expect(signUp.shadowRoot!.querySelector('button')!.textContent).to.equal('Sign up');
    expect(signIn.mode).to.equal('redirect');
    expect(getComputedStyle(signIn).display).to.equal('contents');
    await expect(el).to.be.accessible();
    await expect(signIn).shadowDom.to.be.accessible();
  });

  it('redirect mode, from the keyboard: Tab to the default button, Enter goes to sign-in with redirect_url back here', async () => {
    const el = await fixture<HTMLElement>(
      html`<div><input id="before" aria-label="before" /><clerk-sign-in-button .clerk=${clerk}></clerk-sign-in-button></div>`,
    );
    const button = el.querySelector('clerk-sign-in-button')!;
    await until(() => !!button.shadowRoot?.querySelector('button'), 'the default button');
    el.querySelector<HTMLInputElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(button.shadowRoot!.querySelector('button'));
    await sendKeys({ press: 'Enter' });
    await until(() => pushed.length > 0, 'the navigation');
    const to = navigated();
    expect(to.pathname).to.equal('/sign-in');
    expect(to.searchParams.get('redirect_url')).to.equal(location.href);
  });

  it('the page’s own slotted button, force-redirect-url / fallback-redirect-url as the redirect_url', async () => {
    const el = await fixture<HTMLElement>(
      html`<div>
        <clerk-sign-up-button .clerk=${clerk} force-redirect-url="/welcome"><button id="mine" class="fancy">Join us</button></clerk-sign-up-button>
        <clerk-sign-in-button .clerk=${clerk} fallback-redirect-url="/back"><button id="other">Log in</button></clerk-sign-in-button>
      </div>`,
    );
    const up = el.querySelector<ClerkSignUpButton>('clerk-sign-up-button')!;
    await up.updateComplete;
    // The slotted button replaces the default one.
    expect(up.shadowRoot!.querySelector('slot')!.assignedElements()).to.deep.equal([el.querySelector('#mine')]);
    expect(up.forceRedirectUrl).to.equal('/welcome');
    el.querySelector<HTMLButtonElement>('#mine')!.focus();
    await sendKeys({ press: 'Space' });
    await until(() => pushed.length > 0, 'the navigation');
    expect(navigated().pathname).to.equal('/sign-up');
    expect(navigated().searchParams.get('redirect_url')).to.equal(`${location.origin}/welcome`);
    el.querySelector<HTMLButtonElement>('#other')!.click();
    await until(() => pushed.length > 1, 'the second navigation');
    expect(navigated(1).pathname).to.equal('/sign-in');
    expect(navigated(1).searchParams.get('redirect_url')).to.equal(`${location.origin}/back`);
  });

  it('mode="modal" opens the element in a modal instead of navigating; the attribute maps to the property', async () => {
    const el = await fixture<ClerkSignInButton>(html`<clerk-sign-in-button .clerk=${clerk} mode="modal"></clerk-sign-in-button>`);
    expect(el.mode).to.equal('modal');
    await until(() => !!el.shadowRoot?.querySelector('button'), 'the default button');
    el.shadowRoot!.querySelector('button')!.click();
    await until(() => !!document.querySelector('clerk-modal[data-component="clerk-sign-in"] clerk-sign-in'), 'the sign-in modal');
    expect(pushed).to.deep.equal([]);
    const modal = document.querySelector<HTMLElement & { close(): void }>('clerk-modal')!;
    expect(modal.querySelector<HTMLElement & { routing: string }>('clerk-sign-in')!.routing).to.equal('virtual');
    modal.close();
    await until(() => !document.querySelector('clerk-modal'), 'the modal closed');
    // The property switches it back to navigating.
    el.mode = 'redirect';
    await el.updateComplete;
    el.shadowRoot!.querySelector('button')!.click();
    await until(() => pushed.length > 0, 'the navigation');
    expect(navigated().pathname).to.equal('/sign-in');
  });
});

describe('<clerk-sign-out-button>', () => {
  it('defaults: "Sign out"; a click signs out, no navigation without redirect-url', async () => {
    await signUpHere(clerk);
    const el = await fixture<ClerkSignOutButton>(html`<clerk-sign-out-button .clerk=${clerk}></clerk-sign-out-button>`);
    await until(() => !!el.shadowRoot?.querySelector('button'), 'the default button');
    expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Sign out');
    el.shadowRoot!.querySelector('button')!.click();
    await until(() => clerk.user === null, 'signed out');
    expect(clerk.client?.sessions.filter((s) => s.status === 'active')).to.deep.equal([]);
    expect(pushed).to.deep.equal([]);
  });

  it('redirect-url: Enter on the slotted button signs out, then navigates there', async () => {
    await signUpHere(clerk);
    const el = await fixture<ClerkSignOutButton>(
      html`<clerk-sign-out-button .clerk=${clerk} redirect-url="/goodbye"><button>Leave</button></clerk-sign-out-button>`,
    );
    expect(el.redirectUrl).to.equal('/goodbye');
    el.querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => pushed.length > 0, 'the navigation');
    expect(clerk.user).to.equal(null);
    expect(pushed).to.deep.equal(['/goodbye']);
  });
});

describe('<clerk-redirect-to-sign-in> / <clerk-redirect-to-sign-up>', () => {
  it('signed in: no navigation; signing out then sends the page to sign-in, once', async () => {
    await signUpHere(clerk);
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<clerk-redirect-to-sign-in .clerk=${clerk}></clerk-redirect-to-sign-in>`);
    await el.updateComplete;
    expect(pushed).to.deep.equal([]);
    expect(el.shadowRoot!.childElementCount, 'it draws nothing').to.equal(0);
    await clerk.signOut();
    await until(() => pushed.length > 0, 'the redirect');
    expect(navigated().pathname).to.equal('/sign-in');
    expect(navigated().searchParams.get('redirect_url')).to.equal(location.href);
    await signUpHere(clerk);
    await clerk.signOut();
    await el.updateComplete;
    expect(pushed.length, 'only once').to.equal(1);
  });

  it('signed out: <clerk-redirect-to-sign-up> goes to sign-up as soon as it is loaded', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<clerk-redirect-to-sign-up .clerk=${clerk}></clerk-redirect-to-sign-up>`);
    await el.updateComplete;
    await until(() => pushed.length > 0, 'the redirect');
    expect(navigated().pathname).to.equal('/sign-up');
  });
});

describe('<clerk-redirect-to-user-profile>', () => {
  it('signed out: no navigation; once signed in it goes to the account page, once', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<clerk-redirect-to-user-profile .clerk=${clerk}></clerk-redirect-to-user-profile>`,
    );
    await el.updateComplete;
    expect(pushed).to.deep.equal([]);
    expect(el.shadowRoot!.childElementCount, 'it draws nothing').to.equal(0);
    expect(clerk.buildUserProfileUrl()).to.equal(new URL('/user', location.origin).toString());
    await signUpHere(clerk);
    await until(() => pushed.length > 0, 'the redirect');
    expect(navigated().pathname).to.equal('/user');
    expect(navigated().searchParams.has('redirect_url'), 'Clerk sends no redirect_url to the profile').to.equal(false);
    await clerk.signOut();
    await signUpHere(clerk);
    await el.updateComplete;
    expect(pushed.length, 'only once').to.equal(1);
  });
});
