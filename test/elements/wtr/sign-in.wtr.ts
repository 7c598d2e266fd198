// <clerk-sign-in> in the browser against the real server: what it draws with no attributes, its attributes and
// properties, the clerk-sign-in / clerk-error events, the keyboard (Tab order, Enter submits, Enter waits for an
// edit after a refusal) and axe.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Clerk } from '../../../src/core/clerk.ts';
import { isClerkAPIResponseError } from '../../../src/core/errors.ts';
import type { ClerkSignIn } from '../../../src/elements/sign-in/sign-in.component.ts';
import '../../../src/elements/sign-in/sign-in.ts';
import { createUser, focused, hasState, loadClerk, outboxCode, PASSWORD, shadow, uniqueEmail, until } from '../../support/wtr-page.ts';

let clerk: Clerk;
let pushed: string[];

before(async () => {
  ({ clerk, pushed } = await loadClerk());
});

afterEach(async () => {
  if (clerk.user) await clerk.signOut();
  pushed.length = 0;
  history.replaceState(null, '', location.pathname + location.search);
});

async function signIn(template = html`<clerk-sign-in .clerk=${clerk}></clerk-sign-in>`): Promise<ClerkSignIn> {
  const el = await fixture<ClerkSignIn>(template);
  await until(() => !!el.querySelector('input[name=identifier]'), 'the identifier field is drawn');
  return el;
}

const input = (el: Element, name: string) => el.querySelector<HTMLInputElement>(`input[name="${name}"]`);

describe('<clerk-sign-in>', () => {
  it('defaults: the start step, labelled from the environment, with the sign-up link, and no focus taken', async () => {
    const before = document.activeElement;
    const el = await signIn();
    expect(shadow(el, 'h1').textContent).to.equal('Sign in to clerk-wc');
    expect(shadow(el, '.subtitle').textContent).to.equal('Welcome back! Please sign in to continue');
    const field = input(el, 'identifier')!;
    // The form is in the light DOM (password managers), labelled for its input.
    expect(field.getRootNode()).to.equal(document);
    expect(el.querySelector(`label[for="${field.id}"]`)!.textContent).to.equal('Email address or username');
    expect(field.autocomplete).to.equal('username');
    expect(field.getAttribute('aria-invalid')).to.equal('false');
    expect(el.querySelector('button[type=submit]')!.textContent!.trim()).to.equal('Continue');
    const link = shadow<HTMLAnchorElement>(el, 'footer a');
    expect(link.textContent).to.equal('Sign up');
    const href = new URL(link.href);
    expect(href.origin + href.pathname).to.equal(`${window.__clerkWtr.origin}/sign-up`);
    expect(href.searchParams.get('redirect_url')).to.equal(location.href);
    expect(el.routing).to.equal('hash');
    expect(document.activeElement).to.equal(before);
    expect(hasState(el, 'loading')).to.equal(false);
    await expect(el).to.be.accessible();
    await expect(el).shadowDom.to.be.accessible();
  });

  it('attributes: sign-up-url sets the link, theme reflects, initialValues prefill', async () => {
    const el = await signIn(html`<clerk-sign-in .clerk=${clerk} sign-up-url="/join" .initialValues=${{ emailAddress: 'pre@example.com' }}></clerk-sign-in>`);
    expect(shadow(el, 'footer a').getAttribute('href')).to.equal('/join');
    expect(input(el, 'identifier')!.value).to.equal('pre@example.com');
    el.signUpUrl = '/other';
    el.theme = 'dark';
    await el.updateComplete;
    expect(shadow(el, 'footer a').getAttribute('href')).to.equal('/other');
    expect(el.getAttribute('theme')).to.equal('dark');
  });

  it('keyboard: Tab goes field, Continue, Sign up; Enter submits; the password step takes focus; clerk-sign-in has the session', async () => {
    const { email } = await createUser();
    const el = await signIn(html`<clerk-sign-in .clerk=${clerk} fallback-redirect-url="/after"></clerk-sign-in>`);
    input(el, 'identifier')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(el.querySelector('button[type=submit]'));
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(shadow(el, 'footer a'));
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Shift+Tab' });
    expect(focused()).to.equal(input(el, 'identifier'));

    await sendKeys({ type: email });
    await sendKeys({ press: 'Enter' });
    await until(() => !!input(el, 'password'), 'the password step');
    await until(() => focused() === input(el, 'password'), 'focus on the password field');
    expect(shadow(el, 'h1').textContent).to.equal('Enter your password');
    expect(location.hash).to.equal('#/password');
    expect(el.querySelector('.cl-identity span')!.textContent).to.equal(email);

    const signedIn = oneEvent(el, 'clerk-sign-in');
    await sendKeys({ type: PASSWORD });
    await sendKeys({ press: 'Enter' });
    const ev = await signedIn;
    expect(ev.detail.sessionId).to.match(/^sess_/);
    expect(ev.bubbles && ev.composed && ev.cancelable).to.equal(true);
    expect(clerk.session?.id).to.equal(ev.detail.sessionId);
    expect(clerk.user?.primaryEmailAddress?.emailAddress).to.equal(email);
    await until(() => pushed.length > 0, 'the navigation after sign-in');
    expect(pushed).to.deep.equal(['/after']);
    // The password does not stay in the form.
    expect(input(el, 'password')?.value ?? '').to.equal('');
  });

  it('a cancelled clerk-sign-in stays on the page', async () => {
    const { email } = await createUser();
    const el = await signIn(html`<clerk-sign-in .clerk=${clerk} force-redirect-url="/forced"></clerk-sign-in>`);
    el.addEventListener('clerk-sign-in', (e) => e.preventDefault());
    input(el, 'identifier')!.focus();
    await sendKeys({ type: email });
    await sendKeys({ press: 'Enter' });
    await until(() => focused() === input(el, 'password'), 'focus on the password field');
    const signedIn = oneEvent(el, 'clerk-sign-in');
    await sendKeys({ type: PASSWORD });
    await sendKeys({ press: 'Enter' });
    await signedIn;
    expect(clerk.user).to.not.equal(null);
    expect(pushed).to.deep.equal([]);
  });

  it('a wrong password: clerk-error with the API error, the field marked and focused, Enter waits for an edit', async () => {
    const { email } = await createUser();
    const el = await signIn();
    input(el, 'identifier')!.focus();
    await sendKeys({ type: email });
    await sendKeys({ press: 'Enter' });
    await until(() => focused() === input(el, 'password'), 'focus on the password field');

    const failed = oneEvent(el, 'clerk-error');
    await sendKeys({ type: 'not-the-password-1' });
    await sendKeys({ press: 'Enter' });
    const ev = await failed;
    expect(isClerkAPIResponseError(ev.detail.error)).to.equal(true);
    expect((ev.detail.error as { errors: Array<{ code: string }> }).errors[0]!.code).to.equal('form_password_incorrect');
    await until(() => input(el, 'password')!.getAttribute('aria-invalid') === 'true', 'the field is marked invalid');
    const field = input(el, 'password')!;
    const message = document.getElementById(field.getAttribute('aria-describedby')!)!;
    expect(message.textContent).to.match(/incorrect/i);
    expect(focused()).to.equal(field);
    expect(clerk.user).to.equal(null);
    await expect(el).to.be.accessible();

    // Enter again with the same wrong password sends nothing (no submit at all) until the field changes.
    const form = el.querySelector('form')!;
    let submits = 0;
    form.addEventListener('submit', () => submits++);
    await sendKeys({ press: 'Enter' });
    expect(submits).to.equal(0);
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Enter' });
    expect(submits).to.equal(1);
  });

  it('an unknown identifier: the error lands on the identifier field', async () => {
    const el = await signIn();
    input(el, 'identifier')!.focus();
    const failed = oneEvent(el, 'clerk-error');
    await sendKeys({ type: 'nobody-here@example.com' });
    await sendKeys({ press: 'Enter' });
    await failed;
    await until(() => input(el, 'identifier')!.getAttribute('aria-invalid') === 'true', 'the identifier is marked invalid');
    expect(focused()).to.equal(input(el, 'identifier'));
  });

  it('an emailed code: "Use another method" lists it; the six digits submit themselves', async () => {
    // A real address (not `+clerk_test`): its code is the one in the outbox.
    const { email } = await createUser(uniqueEmail('code', false));
    const el = await signIn(html`<clerk-sign-in .clerk=${clerk} routing="virtual"></clerk-sign-in>`);
    input(el, 'identifier')!.focus();
    await sendKeys({ type: email });
    await sendKeys({ press: 'Enter' });
    await until(() => !!input(el, 'password'), 'the password step');
    const another = [...el.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Use another method')!;
    another.click();
    await until(() => !!el.querySelector('button.cl-method'), 'the list of methods');
    // The methods list takes focus on its first entry; Enter chooses it.
    await until(() => focused() === el.querySelector('button.cl-method'), 'focus on the first method');
    expect(location.hash, 'virtual routing leaves the URL alone').to.equal('');
    await sendKeys({ press: 'Enter' });
    await until(() => !!input(el, 'code'), 'the code step');
    expect(shadow(el, 'h1').textContent).to.equal('Check your email');
    const resend = el.querySelector<HTMLButtonElement>('.cl-resend')!;
    expect(resend.disabled, 'resend waits').to.equal(true);
    expect(resend.textContent).to.match(/\(\d+\)/);
    const code = await outboxCode(email);
    await until(() => focused() === input(el, 'code'), 'focus on the code field');
    const signedIn = oneEvent(el, 'clerk-sign-in');
    await sendKeys({ type: code });
    await signedIn;
    expect(clerk.user?.primaryEmailAddress?.emailAddress).to.equal(email);
    // Virtual routing with no redirect URL: nowhere to go.
    expect(pushed).to.deep.equal([]);
  });
});
