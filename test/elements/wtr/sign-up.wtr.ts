// <clerk-sign-up> in the browser against the real server: the fields the environment asks for, attributes and
// properties, clerk-sign-up / clerk-error, the keyboard (Tab order, Enter submits, focus on the first error) and axe.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Clerk } from '../../../src/core/clerk.ts';
import type { ClerkSignUp } from '../../../src/elements/sign-up/sign-up.component.ts';
import '../../../src/elements/sign-up/sign-up.ts';
import { focused, loadClerk, PASSWORD, shadow, TEST_CODE, uniqueEmail, until } from '../../support/wtr-page.ts';

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

async function signUp(template = html`<clerk-sign-up .clerk=${clerk}></clerk-sign-up>`): Promise<ClerkSignUp> {
  const el = await fixture<ClerkSignUp>(template);
  await until(() => !!el.querySelector('input[name=emailAddress]'), 'the form is drawn');
  return el;
}

const input = (el: Element, name: string) => el.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const label = (el: Element, field: HTMLInputElement) => el.querySelector(`label[for="${field.id}"]`)!.textContent;

describe('<clerk-sign-up>', () => {
  it('defaults: the fields the instance enables, in order, with labels, optional marks and the password rule', async () => {
    const el = await signUp();
    expect(shadow(el, 'h1').textContent).to.equal('Create your account');
    const names = [...el.querySelectorAll('input')].map((i) => i.name);
    expect(names).to.deep.equal(['firstName', 'lastName', 'username', 'emailAddress', 'password']);
    expect(label(el, input(el, 'emailAddress'))).to.equal('Email address');
    expect(input(el, 'emailAddress').type).to.equal('email');
    expect(input(el, 'password').autocomplete).to.equal('new-password');
    expect(input(el, 'emailAddress').required).to.equal(true);
    expect(input(el, 'firstName').required).to.equal(false);
    const optional = [...el.querySelectorAll('.cl-optional')].map((s) => s.textContent);
    expect(optional).to.deep.equal(['Optional', 'Optional', 'Optional']);
    const hint = document.getElementById(input(el, 'password').getAttribute('aria-describedby')!)!;
    expect(hint.textContent).to.equal('Your password must contain 8 or more characters.');
    const link = shadow<HTMLAnchorElement>(el, 'footer a');
    expect(link.textContent).to.equal('Sign in');
    expect(new URL(link.href).pathname).to.equal('/sign-in');
    await expect(el).to.be.accessible();
    await expect(el).shadowDom.to.be.accessible();
  });

  it('attributes and properties: sign-in-url, initialValues, theme', async () => {
    const el = await signUp(
      html`<clerk-sign-up
        .clerk=${clerk}
        sign-in-url="/login"
        theme="light"
        .initialValues=${{ firstName: 'Ada', emailAddress: 'ada@example.com' }}
      ></clerk-sign-up>`,
    );
    expect(shadow(el, 'footer a').getAttribute('href')).to.equal('/login');
    expect(input(el, 'firstName').value).to.equal('Ada');
    expect(input(el, 'emailAddress').value).to.equal('ada@example.com');
    expect(el.theme).to.equal('light');
    el.setAttribute('sign-in-url', '/elsewhere');
    await el.updateComplete;
    expect(el.signInUrl).to.equal('/elsewhere');
    expect(shadow(el, 'footer a').getAttribute('href')).to.equal('/elsewhere');
  });

  it('keyboard: Tab walks the fields in order, then Continue and Sign in', async () => {
    const el = await signUp();
    input(el, 'firstName').focus();
    const order = [];
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      const f = focused() as HTMLElement;
      order.push(f instanceof HTMLInputElement ? f.name : f.textContent!.trim());
    }
    expect(order).to.deep.equal(['lastName', 'username', 'emailAddress', 'password', 'Continue', 'Sign in']);
  });

  it('Enter on an empty form: the required fields are marked, focus goes to the first, clerk-error says why; no request', async () => {
    const el = await signUp();
    input(el, 'firstName').focus();
    const failed = oneEvent(el, 'clerk-error');
    await sendKeys({ press: 'Enter' });
    const ev = await failed;
    const errors = (ev.detail.error as { errors: Array<{ code: string; meta?: { paramName?: string } }> }).errors;
    expect(errors.map((e) => [e.code, e.meta?.paramName])).to.deep.equal([
      ['form_param_missing', 'email_address'],
      ['form_param_missing', 'password'],
    ]);
    await until(() => input(el, 'emailAddress').getAttribute('aria-invalid') === 'true', 'the address is marked');
    expect(input(el, 'password').getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, 'firstName').getAttribute('aria-invalid')).to.equal('false');
    expect(focused()).to.equal(input(el, 'emailAddress'));
    expect(clerk.client?.signUp.id ?? null, 'nothing was sent').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a too short password: the server refuses it, the error is under the field instead of the rule', async () => {
    const el = await signUp();
    input(el, 'emailAddress').focus();
    await sendKeys({ type: uniqueEmail('short') });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'short' });
    const failed = oneEvent(el, 'clerk-error');
    await sendKeys({ press: 'Enter' });
    await failed;
    await until(() => input(el, 'password').getAttribute('aria-invalid') === 'true', 'the password is marked');
    const described = input(el, 'password').getAttribute('aria-describedby')!.split(' ');
    expect(described).to.have.length(1);
    expect(document.getElementById(described[0]!)!.textContent).to.match(/8 characters/);
  });

  it('Enter signs up, the code step takes focus, the six digits finish it: clerk-sign-up with the session and user', async () => {
    const email = uniqueEmail('flow');
    const el = await signUp(html`<clerk-sign-up .clerk=${clerk} .unsafeMetadata=${{ plan: 'wtr' }}></clerk-sign-up>`);
    input(el, 'firstName').focus();
    await sendKeys({ type: 'Grace' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: email });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: PASSWORD });
    await sendKeys({ press: 'Enter' });
    await until(() => !!el.querySelector('input[name=code]'), 'the code step');
    expect(shadow(el, 'h1').textContent).to.equal('Verify your email');
    expect(location.hash).to.equal('#/email-code');
    expect(el.querySelector('.cl-identity span')!.textContent).to.equal(email);
    await until(() => focused() === input(el, 'code'), 'focus on the code field');
    await expect(el).to.be.accessible();

    // A wrong code: refused, the field emptied for the next try.
    const failed = oneEvent(el, 'clerk-error');
    await sendKeys({ type: '000000' });
    await failed;
    await until(() => input(el, 'code').getAttribute('aria-invalid') === 'true', 'the code is marked');
    expect(input(el, 'code').value).to.equal('');

    const done = oneEvent(el, 'clerk-sign-up');
    await sendKeys({ type: TEST_CODE });
    const ev = await done;
    expect(ev.detail.sessionId).to.match(/^sess_/);
    expect(ev.detail.userId).to.match(/^user_/);
    expect(clerk.user?.id).to.equal(ev.detail.userId);
    expect(clerk.user?.firstName).to.equal('Grace');
    expect(clerk.user?.unsafeMetadata).to.deep.equal({ plan: 'wtr' });
    await until(() => pushed.length > 0, 'the navigation after sign-up');
    expect(pushed).to.deep.equal(['/']);
  });
});
