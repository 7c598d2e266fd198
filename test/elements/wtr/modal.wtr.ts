// <clerk-modal> in the browser against the real server, as Clerk.openSignIn() / openSignUp() show it: a labelled
// modal dialog, focus on the first field, scroll locked, Escape / the close button / the backdrop close it (with
// clerk-modal-close) and focus goes back to the opener; "Sign up" swaps the element; a sign-in closes it.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Clerk } from '../../../src/core/clerk.ts';
import type { ClerkModal } from '../../../src/elements/modal/modal.component.ts';
import '../../../src/elements/modal/modal.ts';
import '../../../src/elements/sign-in/sign-in.ts';
import '../../../src/elements/sign-up/sign-up.ts';
import { createUser, focused, loadClerk, PASSWORD, until } from '../../support/wtr-page.ts';

let clerk: Clerk;
let pushed: string[];

before(async () => {
  ({ clerk, pushed } = await loadClerk());
});

afterEach(async () => {
  for (const m of document.querySelectorAll<ClerkModal>('clerk-modal')) m.close();
  await resetMouse();
  if (clerk.user) await clerk.signOut();
  pushed.length = 0;
});

/** Opens sign-in in a modal from a focused page button, as a sign-in button would; waits for its first field. */
async function openSignIn(): Promise<{ modal: ClerkModal; opener: HTMLButtonElement }> {
  const page = await fixture<HTMLElement>(html`<div><button id="opener">open</button></div>`);
  const opener = page.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  clerk.openSignIn();
  const modal = document.querySelector<ClerkModal>('clerk-modal[data-component="clerk-sign-in"]')!;
  expect(modal, 'the modal is on the page').to.not.equal(null);
  await until(() => focused() === modal.querySelector('input[name=identifier]'), 'focus on the first field');
  return { modal, opener };
}

const dialog = (modal: ClerkModal) => modal.shadowRoot!.querySelector('dialog')!;

describe('<clerk-modal>', () => {
  it('defaults: an open modal dialog named by the card title, focus on the first field, page scroll locked', async () => {
    const { modal } = await openSignIn();
    const d = dialog(modal);
    expect(d.open).to.equal(true);
    expect(d.matches(':modal')).to.equal(true);
    await until(() => modal.shadowRoot!.getElementById(d.getAttribute('aria-labelledby')!)!.textContent === 'Sign in to clerk-wc', 'the title names it');
    expect(modal.parentElement).to.equal(document.body);
    expect(document.documentElement.style.overflow).to.equal('hidden');
    const close = modal.shadowRoot!.querySelector('button.close')!;
    expect(close.getAttribute('aria-label')).to.equal('Close modal');
    await expect(modal).shadowDom.to.be.accessible();
    await expect(modal).to.be.accessible();
  });

  it('Escape closes it: clerk-modal-close, removed, scroll back, focus back on the opener', async () => {
    const { modal, opener } = await openSignIn();
    const closed = oneEvent(modal, 'clerk-modal-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(modal.isConnected).to.equal(false);
    expect(document.documentElement.style.overflow).to.equal('');
    expect(document.activeElement).to.equal(opener);
  });

  it('Tab reaches the close button; Enter on it closes', async () => {
    const { modal, opener } = await openSignIn();
    // identifier → Continue → "Sign up" → close.
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(modal.shadowRoot!.querySelector('button.close'));
    const closed = oneEvent(modal, 'clerk-modal-close');
    await sendKeys({ press: 'Enter' });
    await closed;
    expect(document.activeElement).to.equal(opener);
  });

  it('a click on the backdrop closes it; a click inside the card does not', async () => {
    const { modal } = await openSignIn();
    const card = modal.querySelector('clerk-sign-in')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(card.left + 20), Math.round(card.top + 20)] });
    expect(modal.isConnected, 'a click in the card').to.equal(true);
    const closed = oneEvent(modal, 'clerk-modal-close');
    await sendMouse({ type: 'click', position: [2, 2] });
    await closed;
    expect(modal.isConnected).to.equal(false);
  });

  it('"Sign up" in the modal swaps in <clerk-sign-up> (virtual routing, same instance); closeSignUp() closes it', async () => {
    const { modal } = await openSignIn();
    const link = modal.querySelector('clerk-sign-in')!.shadowRoot!.querySelector<HTMLAnchorElement>('footer a')!;
    link.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!modal.querySelector('clerk-sign-up'), 'sign-up in the modal');
    expect(modal.querySelector('clerk-sign-in')).to.equal(null);
    expect(modal.dataset.component).to.equal('clerk-sign-up');
    const up = modal.querySelector<HTMLElement & { routing: string; clerk: Clerk }>('clerk-sign-up')!;
    expect(up.routing).to.equal('virtual');
    expect(up.clerk).to.equal(clerk);
    expect(pushed, 'no navigation').to.deep.equal([]);
    await until(() => modal.shadowRoot!.querySelector('#title')!.textContent === 'Create your account', 'the title follows');
    const closed = oneEvent(modal, 'clerk-modal-close');
    clerk.closeSignUp();
    await closed;
  });

  it('signing in inside the modal closes it', async () => {
    const { email } = await createUser();
    const { modal } = await openSignIn();
    await sendKeys({ type: email });
    await sendKeys({ press: 'Enter' });
    await until(() => focused() === modal.querySelector('input[name=password]'), 'the password step');
    const closed = oneEvent(modal, 'clerk-modal-close');
    await sendKeys({ type: PASSWORD });
    await sendKeys({ press: 'Enter' });
    await closed;
    expect(clerk.user?.primaryEmailAddress?.emailAddress).to.equal(email);
    expect(document.querySelector('clerk-modal')).to.equal(null);
  });
});
