// <clerk-waitlist> in the browser against the real server: the form, its attributes, clerk-waitlist-join /
// clerk-error, Enter submits, focus on a refused address, and axe on both steps.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Clerk } from '../../../src/core/clerk.ts';
import type { ClerkWaitlist } from '../../../src/elements/waitlist/waitlist.component.ts';
import '../../../src/elements/waitlist/waitlist.ts';
import { focused, hasState, loadClerk, shadow, uniqueEmail, until } from '../../support/wtr-page.ts';

let clerk: Clerk;
let pushed: string[];

before(async () => {
  ({ clerk, pushed } = await loadClerk());
});

afterEach(() => {
  pushed.length = 0;
});

async function waitlist(template = html`<clerk-waitlist .clerk=${clerk}></clerk-waitlist>`): Promise<ClerkWaitlist> {
  const el = await fixture<ClerkWaitlist>(template);
  await until(() => !!el.querySelector('input[name=email]'), 'the form is drawn');
  return el;
}

const email = (el: Element) => el.querySelector<HTMLInputElement>('input[name=email]')!;

describe('<clerk-waitlist>', () => {
  it('defaults: title, one labelled email field, the join button, the sign-in link', async () => {
    const el = await waitlist();
    expect(shadow(el, 'h1').textContent).to.equal('Join the waitlist');
    expect(el.querySelectorAll('input').length).to.equal(1);
    expect(el.querySelector(`label[for="${email(el).id}"]`)!.textContent).to.equal('Email address');
    expect(email(el).type).to.equal('email');
    expect(email(el).autocomplete).to.equal('email');
    expect(el.querySelector('button[type=submit]')!.textContent!.trim()).to.equal('Join the waitlist');
    const link = shadow<HTMLAnchorElement>(el, 'footer a');
    expect(link.textContent).to.equal('Sign in');
    expect(new URL(link.href).pathname).to.equal('/sign-in');
    await expect(el).to.be.accessible();
    await expect(el).shadowDom.to.be.accessible();
  });

  it('attributes: sign-in-url sets the link; theme reflects', async () => {
    const el = await waitlist(html`<clerk-waitlist .clerk=${clerk} sign-in-url="/login"></clerk-waitlist>`);
    expect(shadow(el, 'footer a').getAttribute('href')).to.equal('/login');
    el.theme = 'dark';
    el.signInUrl = '/in';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(shadow(el, 'footer a').getAttribute('href')).to.equal('/in');
  });

  it('Tab goes field, button, link; Enter joins: clerk-waitlist-join with the entry, the confirmation, the redirect', async () => {
    const address = uniqueEmail('wait', false);
    const el = await waitlist(html`<clerk-waitlist .clerk=${clerk} after-join-waitlist-url="/thanks"></clerk-waitlist>`);
    email(el).focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(el.querySelector('button[type=submit]'));
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(shadow(el, 'footer a'));
    email(el).focus();
    await sendKeys({ type: `  ${address} ` });
    const joined = oneEvent(el, 'clerk-waitlist-join');
    await sendKeys({ press: 'Enter' });
    const ev = await joined;
    expect(ev.detail.emailAddress, 'trimmed').to.equal(address);
    expect(ev.detail.id).to.match(/^wle_/);
    await until(() => !!el.querySelector('[role=status]'), 'the confirmation');
    expect(shadow(el, 'h1').textContent).to.equal('Thanks for joining the waitlist!');
    expect(el.querySelector('form')).to.equal(null);
    await until(() => pushed.length > 0, 'the redirect');
    expect(pushed).to.deep.equal(['/thanks']);
    await expect(el).to.be.accessible();

    // Joining again is idempotent: the same entry.
    const again = await clerk.joinWaitlist({ emailAddress: address });
    expect(again.id).to.equal(ev.detail.id);
  });

  it('a malformed address: the server refuses it, clerk-error, the field marked and focused, nothing joined', async () => {
    const el = await waitlist();
    el.addEventListener('clerk-waitlist-join', () => expect.fail('must not join'));
    email(el).focus();
    await sendKeys({ type: 'not-an-address' });
    const failed = oneEvent(el, 'clerk-error');
    await sendKeys({ press: 'Enter' });
    const ev = await failed;
    expect((ev.detail.error as { errors: Array<{ meta?: { paramName?: string } }> }).errors[0]!.meta?.paramName).to.equal('email_address');
    await until(() => email(el).getAttribute('aria-invalid') === 'true', 'the field is marked');
    expect(focused()).to.equal(email(el));
    expect(hasState(el, 'loading')).to.equal(false);
    const message = document.getElementById(email(el).getAttribute('aria-describedby')!)!;
    expect(message.textContent).to.match(/invalid format/i);
    await expect(el).to.be.accessible();
  });
});
