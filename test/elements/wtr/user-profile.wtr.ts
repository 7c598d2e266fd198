// <clerk-user-profile> in the browser against the real server: the navigation and routing (hash, virtual, path, the
// back button, initial-page), each section's happy path and error paths (a wrong code, a taken address, the primary
// address, a common password, a file that is not an image), custom pages (children and customPages, reorder), the
// mount API, the request count of opening it, the keyboard through the navigation and the dialogs, and axe.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Clerk } from '../../../src/core/clerk.ts';
import type { ClerkUserProfile } from '../../../src/elements/user-profile/user-profile.component.ts';
import '../../../src/elements/modal/modal.ts';
import '../../../src/elements/user-profile/user-profile.ts';
import { createUser, focused, hasState, loadClerk, PASSWORD, signUpHere, TEST_CODE, uniqueEmail, until } from '../../support/wtr-page.ts';

let clerk: Clerk;
let pushed: string[];
let email: string;

before(async () => {
  ({ clerk, pushed } = await loadClerk());
});

beforeEach(async () => {
  if (!clerk.user) email = await signUpHere(clerk, { firstName: 'Ada', lastName: 'Lovelace' });
  pushed.length = 0;
  history.replaceState(null, '', location.pathname + location.search);
});

afterEach(() => {
  for (const m of document.querySelectorAll<HTMLElement & { close(): void }>('clerk-modal')) m.close();
});

async function profile(template = html`<clerk-user-profile .clerk=${clerk}></clerk-user-profile>`): Promise<ClerkUserProfile> {
  const el = await fixture<ClerkUserProfile>(template);
  await until(() => !!el.shadowRoot?.querySelector('nav') && !!el.querySelector('.cl-page, [slot=page]'), 'the profile is drawn');
  return el;
}

const navItems = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.nav-item')];
const current = (el: Element) => el.shadowRoot!.querySelector('.nav-item[aria-current=page]')?.textContent?.trim();
const heading = (el: Element) => el.shadowRoot!.querySelector('h1')!.textContent!.trim();
const section = (el: Element, id: string) => el.querySelector<HTMLElement>(`[part~=profileSection__${id}]`);
const button = (root: ParentNode, text: string | RegExp) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    typeof text === 'string' ? b.textContent!.trim() === text : text.test(b.textContent!.trim()),
  );
const input = (root: ParentNode, name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

/** Types `value` into a light-DOM input as a person would (the element reads `input` events). */
function type(el: HTMLInputElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

async function click(root: ParentNode, text: string | RegExp): Promise<void> {
  const b = button(root, text);
  expect(b, `a "${String(text)}" button`).to.not.equal(undefined);
  b!.click();
  await new Promise((r) => setTimeout(r, 0));
}

describe('<clerk-user-profile>: navigation and routing', () => {
  it('shows Account first: the navigation landmark, Profile and Email addresses sections, no request beyond the client', async () => {
    performance.clearResourceTimings();
    const el = await profile();
    expect(navItems(el).map((n) => n.textContent!.trim())).to.deep.equal(['Profile', 'Security']);
    expect(current(el)).to.equal('Profile');
    expect(heading(el)).to.equal('Profile details');
    expect(el.shadowRoot!.querySelector('nav')!.getAttribute('aria-label')).to.equal('Account');
    expect(section(el, 'profile')!.textContent).to.contain('Ada Lovelace');
    expect(section(el, 'emailAddresses')!.textContent).to.contain(email);
    expect(section(el, 'emailAddresses')!.textContent).to.contain('Primary');
    expect(hasState(el, 'signed-in')).to.equal(true);
    const fapi = performance.getEntriesByType('resource').filter((r) => new URL(r.name).pathname.startsWith('/v1/'));
    expect(fapi.map((r) => r.name)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('hash routing: a click adds #/security and loads the devices (one request); Back returns to Account', async () => {
    const el = await profile();
    performance.clearResourceTimings();
    navItems(el)[1]!.click();
    await until(() => heading(el) === 'Security', 'the security page');
    expect(location.hash).to.equal('#/security');
    expect(current(el)).to.equal('Security');
    await until(() => focused() === el.shadowRoot!.querySelector('h1'), 'focus on el.shadowRoot!.querySelector(h1)');
    await until(() => !!section(el, 'activeDevices')?.querySelector('li'), 'the device list');
    const fapi = performance.getEntriesByType('resource').filter((r) => new URL(r.name).pathname.startsWith('/v1/'));
    expect(fapi.map((r) => new URL(r.name).pathname)).to.deep.equal(['/v1/me/sessions/active']);
    history.back();
    await until(() => heading(el) === 'Profile details', 'back to account');
    expect(current(el)).to.equal('Profile');
  });

  it('initial-page opens that page; the URL wins over it', async () => {
    let el = await profile(html`<clerk-user-profile .clerk=${clerk} initial-page="security"></clerk-user-profile>`);
    expect(heading(el)).to.equal('Security');
    el.remove();
    history.replaceState(null, '', '#/account');
    el = await profile(html`<clerk-user-profile .clerk=${clerk} initial-page="security"></clerk-user-profile>`);
    expect(heading(el)).to.equal('Profile details');
  });

  it('virtual routing: buttons, no URL change', async () => {
    const el = await profile(html`<clerk-user-profile .clerk=${clerk} routing="virtual"></clerk-user-profile>`);
    const before = location.href;
    expect(navItems(el)[0]!.localName).to.equal('button');
    navItems(el)[1]!.click();
    await until(() => heading(el) === 'Security', 'the security page');
    expect(location.href).to.equal(before);
    expect(navItems(el)[1]!.getAttribute('aria-current')).to.equal('page');
  });

  it('path routing: links under path, pushState, popstate', async () => {
    const start = location.pathname + location.search;
    const el = await profile(html`<clerk-user-profile .clerk=${clerk} routing="path" path="/user"></clerk-user-profile>`);
    expect(navItems(el)[1]!.getAttribute('href')).to.equal('/user/security');
    navItems(el)[1]!.click();
    await until(() => heading(el) === 'Security', 'the security page');
    expect(location.pathname).to.equal('/user/security');
    history.back();
    await until(() => location.pathname !== '/user/security', 'back');
    history.replaceState(null, '', start);
  });

  it('keyboard: arrows move through the navigation, Enter opens a page', async () => {
    const el = await profile();
    navItems(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focused() === navItems(el)[1]!, 'focus on navItems(el)[1]!');
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focused() === navItems(el)[0]!, 'focus on navItems(el)[0]!');
    await sendKeys({ press: 'End' });
    await until(() => focused() === navItems(el)[1]!, 'focus on navItems(el)[1]!');
    await sendKeys({ press: 'Enter' });
    await until(() => heading(el) === 'Security', 'Enter opens it');
  });

  it('narrow widths: a Menu toggle shows the navigation', async () => {
    // 22rem of width: the container query turns the sidebar into a menu.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.narrow { inline-size: 22rem; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      const p = await profile(html`<clerk-user-profile class="narrow" .clerk=${clerk} routing="virtual"></clerk-user-profile>`);
      const toggle = p.shadowRoot!.querySelector<HTMLButtonElement>('.nav-toggle')!;
      const list = () => getComputedStyle(p.shadowRoot!.querySelector('.nav-list')!).display;
      expect(getComputedStyle(toggle).display).to.not.equal('none');
      expect(list()).to.equal('none');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.click();
      await until(() => list() !== 'none', 'the menu opens');
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      await expect(p).to.be.accessible();
      navItems(p)[1]!.click();
      await until(() => heading(p) === 'Security', 'the page');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((x) => x !== sheet);
    }
  });
});

describe('<clerk-user-profile>: appearance, theme, localization', () => {
  it("Clerk's element keys style the shadow and light-DOM parts; variables and theme=dark apply; strings follow the localization", async () => {
    const appearance = {
      variables: { colorPrimary: 'rgb(200, 0, 0)' },
      elements: { navbar: { backgroundColor: 'rgb(1, 2, 3)' }, profileSectionTitle: { color: 'rgb(250, 240, 200)' } },
    };
    const localization = { userProfile: { navbar: { account: 'Konto' }, start: { profileSection: { title: 'Profil' } } } };
    const el = await profile(
      html`<clerk-user-profile .clerk=${clerk} theme="dark" .appearance=${appearance} .localization=${localization}></clerk-user-profile>`,
    );
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part~=navbar]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(el.querySelector('[part~=profileSectionTitle]')!).color).to.equal('rgb(250, 240, 200)');
    expect(getComputedStyle(el.querySelector('.avatar')!).backgroundColor).to.equal('rgb(200, 0, 0)');
    // Dark: light text on the dark card.
    expect(getComputedStyle(el.shadowRoot!.querySelector('.layout')!).backgroundColor).to.equal('rgb(27, 27, 31)');
    expect(navItems(el)[0]!.textContent!.trim()).to.equal('Konto');
    expect(section(el, 'profile')!.querySelector('h2')!.textContent).to.equal('Profil');
    await expect(el).to.be.accessible();
  });
});

describe('<clerk-user-profile>: mount API', () => {
  it('mountUserProfile / unmountUserProfile place and remove it; openUserProfile shows it in a modal', async () => {
    const node = await fixture<HTMLDivElement>(html`<div></div>`);
    clerk.mountUserProfile(node, { initialPage: 'security' });
    const el = node.querySelector<ClerkUserProfile>('clerk-user-profile')!;
    await until(() => !!el.shadowRoot?.querySelector('h1'), 'mounted');
    expect(heading(el)).to.equal('Security');
    clerk.unmountUserProfile(node);
    expect(node.children.length).to.equal(0);
    clerk.openUserProfile();
    const modal = document.querySelector<HTMLElement>('clerk-modal[data-component="clerk-user-profile"]')!;
    expect(modal).to.not.equal(null);
    const inModal = modal.querySelector<ClerkUserProfile>('clerk-user-profile')!;
    await until(() => !!inModal.shadowRoot?.querySelector('h1'), 'drawn in the modal');
    expect(inModal.routing).to.equal('virtual');
    const d = modal.shadowRoot!.querySelector('dialog')!;
    await until(() => modal.shadowRoot!.getElementById(d.getAttribute('aria-labelledby')!)?.textContent === 'Account', 'the dialog is named "Account"');
    clerk.closeUserProfile();
    await until(() => !document.querySelector('clerk-modal[data-component="clerk-user-profile"]'), 'closed');
  });
});

describe('<clerk-user-profile>: Profile', () => {
  it('updates first and last name; Cancel closes the form and focus returns to its button', async () => {
    const el = await profile();
    await click(section(el, 'profile')!, 'Update profile');
    await until(() => !!input(el, 'first_name'), 'the form');
    await until(() => focused() === input(el, 'first_name'), 'focus on input(el, first_name)');
    expect(input(el, 'first_name').value).to.equal('Ada');
    type(input(el, 'first_name'), 'Augusta');
    type(input(el, 'last_name'), 'King');
    await expect(el).to.be.accessible();
    await click(el, 'Save');
    await until(() => !input(el, 'first_name'), 'the form closes');
    expect(clerk.user!.firstName).to.equal('Augusta');
    expect(section(el, 'profile')!.textContent).to.contain('Augusta King');
    expect(el.querySelector('.cl-success')!.textContent).to.equal('Your profile has been updated.');
    await until(() => focused() === button(section(el, 'profile')!, 'Update profile'), 'focus on button(section(el, profile)!, Update profile)');
    await click(section(el, 'profile')!, 'Update profile');
    await click(el, 'Cancel');
    expect(input(el, 'first_name')).to.equal(null);
  });

  it('refuses a file that is not an image before sending it; the server refuses a fake PNG too', async () => {
    const el = await profile();
    await click(section(el, 'profile')!, 'Update profile');
    const file = input(el, 'file');
    const pick = (f: File) => {
      const dt = new DataTransfer();
      dt.items.add(f);
      file.files = dt.files;
      file.dispatchEvent(new Event('change', { bubbles: true }));
    };
    pick(new File(['<html><script>alert(1)</script></html>'], 'page.html', { type: 'text/html' }));
    await until(() => !!el.querySelector('.cl-avatar-actions .cl-error'), 'the type error');
    expect(el.querySelector('.cl-avatar-actions .cl-error')!.textContent).to.equal('File type not supported. Please upload a JPG, PNG, GIF, or WEBP image.');
    pick(new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.png', { type: 'image/png' }));
    await until(() => el.querySelector('.cl-avatar-actions .cl-error')?.textContent?.includes('10MB') === true, 'the size error');
    // An HTML file renamed .png passes the browser's type check: the server's 4xx shows.
    pick(new File(['<html><body>not an image</body></html>'], 'fake.png', { type: 'image/png' }));
    await until(() => !!el.querySelector('.cl-form-error, .cl-avatar-actions .cl-error') && !hasState(el, 'loading'), 'the server refuses it');
    expect(clerk.user!.hasImage).to.equal(false);
  });
});

describe('<clerk-user-profile>: Username', () => {
  it('sets a username when the instance enables usernames; a taken one is refused on its field', async function (this: unknown) {
    if (!clerk.environment?.userSettings.attributes.username?.enabled) return (this as { skip(): void }).skip();
    const el = await profile();
    const name = `ada${Date.now().toString(36)}`;
    await click(section(el, 'username')!, /username/i);
    await until(() => focused() === input(el, 'username'), 'focus on the username field');
    type(input(el, 'username'), name);
    await click(section(el, 'username')!, 'Save');
    await until(() => clerk.user!.username === name, 'saved');
    await until(() => section(el, 'username')!.textContent!.includes(name), 'shown');
    expect(el.querySelector('.cl-success')!.textContent).to.equal('Your username has been updated.');
    // Another user's username.
    const other = `bob${Date.now().toString(36)}`;
    const { Clerk: ClerkClass } = await import('../../../src/index.ts');
    const second = new ClerkClass(window.__clerkWtr.publishableKey, { transport: 'header' });
    await second.load({ touchSession: false, standardBrowser: false });
    const su = await second.client!.signUp.create({ emailAddress: uniqueEmail('bob'), password: PASSWORD, username: other } as never);
    await su.prepareEmailAddressVerification();
    await su.attemptEmailAddressVerification({ code: TEST_CODE });
    await click(section(el, 'username')!, 'Update username');
    type(input(el, 'username'), other);
    await click(section(el, 'username')!, 'Save');
    await until(() => input(el, 'username').getAttribute('aria-invalid') === 'true', 'refused');
    expect(el.querySelector(`#${input(el, 'username').id}-error`)!.textContent).to.match(/taken/);
  });
});

describe('<clerk-user-profile>: profile image upload', () => {
  it('uploads a PNG (the avatar shows the server image), then removes it', async function (this: unknown) {
    const el = await profile();
    await click(section(el, 'profile')!, 'Update profile');
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 16;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#0f766e';
    g.fillRect(0, 0, 16, 16);
    const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
    const dt = new DataTransfer();
    dt.items.add(new File([blob], 'avatar.png', { type: 'image/png' }));
    const file = input(el, 'file');
    const errors: string[] = [];
    el.addEventListener('clerk-error', (e) => errors.push(...((e.detail.error as { errors?: Array<{ code: string }> }).errors ?? []).map((x) => x.code)));
    file.files = dt.files;
    file.dispatchEvent(new Event('change', { bubbles: true }));
    await until(
      () => !hasState(el, 'loading') && (clerk.user!.hasImage || !!el.querySelector('.cl-form-error, .cl-avatar-actions .cl-error')),
      'the upload ends',
    );
    // The endpoint comes with the server's profile-image work: a server without it refuses the multipart body or the route.
    if (!clerk.user!.hasImage && errors.some((c) => c === 'request_body_invalid' || c === 'resource_not_found')) return (this as { skip(): void }).skip();
    expect(clerk.user!.hasImage).to.equal(true);
    await until(() => el.querySelector<HTMLImageElement>('.cl-page img.avatar-image')?.getAttribute('src') === clerk.user!.imageUrl, 'the avatar shows it');
    await click(section(el, 'profile')!, 'Remove');
    await until(() => !clerk.user!.hasImage, 'removed');
    await until(() => !el.querySelector('.cl-page img.avatar-image'), 'initials again');
  });
});

describe('<clerk-user-profile>: Email addresses', () => {
  it('adds an address, verifies it with the code, sets it primary, removes the old one behind a confirmation', async () => {
    const el = await profile();
    const added = uniqueEmail('second');
    await click(section(el, 'emailAddresses')!, /Add email address/);
    await until(() => focused() === input(el, 'email_address'), 'focus on input(el, email_address)');
    type(input(el, 'email_address'), added);
    await click(section(el, 'emailAddresses')!, 'Add');
    await until(() => !!input(el, 'code'), 'the code step');
    expect(section(el, 'emailAddresses')!.textContent).to.contain(`Enter the verification code sent to ${added}`);
    expect(button(el, /Resend/)!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    // A wrong code first.
    type(input(el, 'code'), '000000');
    await until(() => input(el, 'code').getAttribute('aria-invalid') === 'true', 'the wrong code is refused');
    type(input(el, 'code'), TEST_CODE);
    await until(() => !input(el, 'code'), 'verified');
    expect(el.querySelector('.cl-success')!.textContent).to.equal(`The email ${added} has been added to your account.`);
    const rowOf = (address: string) => [...section(el, 'emailAddresses')!.querySelectorAll('li')].find((li) => li.textContent!.includes(address))!;
    await click(rowOf(added), 'Set as primary');
    await until(() => clerk.user!.primaryEmailAddress?.emailAddress === added, 'primary');
    await until(() => rowOf(added).textContent!.includes('Primary'), 'the badge moves');
    // Remove the old one: a dialog, Cancel keeps it, Remove removes it.
    const opener = button(rowOf(email), 'Remove email')!;
    opener.focus();
    opener.click();
    await until(() => !!el.querySelector<HTMLDialogElement>('dialog.cl-dialog')?.open, 'the dialog');
    const dialog = el.querySelector<HTMLDialogElement>('dialog.cl-dialog')!;
    expect(dialog.textContent).to.contain(`${email} will be removed from this account.`);
    await until(() => focused() === button(dialog, 'Cancel'), 'focus on button(dialog, Cancel)');
    // The modal dialog keeps Tab inside it: Cancel → Remove → (out of the page and back) Cancel.
    await sendKeys({ press: 'Tab' });
    expect(focused() === button(dialog, 'Remove'), 'Tab moves to Remove').to.equal(true);
    await sendKeys({ press: 'Shift+Tab' });
    expect(focused() === button(dialog, 'Cancel'), 'Shift+Tab back to Cancel').to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !el.querySelector('dialog.cl-dialog'), 'Escape closes it');
    await until(() => focused() === button(rowOf(email), 'Remove email'), 'focus on button(rowOf(email), Remove email)');
    button(rowOf(email), 'Remove email')!.click();
    await until(() => !!el.querySelector<HTMLDialogElement>('dialog.cl-dialog')?.open, 'the dialog again');
    await click(el.querySelector('dialog.cl-dialog')!, 'Remove');
    await until(() => !section(el, 'emailAddresses')!.textContent!.includes(email), 'removed');
    email = added;
  });

  it('a taken address is refused on its field', async () => {
    const { email: other } = await createUser();
    const el = await profile();
    await click(section(el, 'emailAddresses')!, /Add email address/);
    type(input(el, 'email_address'), other);
    await click(section(el, 'emailAddresses')!, 'Add');
    await until(() => input(el, 'email_address').getAttribute('aria-invalid') === 'true', 'refused');
    expect(el.querySelector(`#${input(el, 'email_address').id}-error`)!.textContent).to.match(/taken/);
    await until(() => focused() === input(el, 'email_address'), 'focus on input(el, email_address)');
  });

  it('the primary address cannot be removed, and the dialog says why', async () => {
    const el = await profile();
    const row = [...section(el, 'emailAddresses')!.querySelectorAll('li')].find((li) => li.textContent!.includes('Primary'))!;
    await click(row, 'Remove email');
    await until(() => !!el.querySelector<HTMLDialogElement>('dialog.cl-dialog')?.open, 'the dialog');
    const dialog = el.querySelector('dialog.cl-dialog')!;
    expect(dialog.textContent).to.contain('is your primary email address and cannot be removed');
    expect(button(dialog, 'Remove')).to.equal(undefined);
    await click(dialog, 'Cancel');
    expect(clerk.user!.emailAddresses.length).to.be.greaterThan(0);
  });
});

describe('<clerk-user-profile>: Security', () => {
  async function security(): Promise<ClerkUserProfile> {
    return profile(html`<clerk-user-profile .clerk=${clerk} routing="virtual" initial-page="security"></clerk-user-profile>`);
  }

  it('a common password is refused; a good one is saved with the policy hint and "sign out of other devices"', async () => {
    const el = await security();
    await click(section(el, 'password')!, 'Update password');
    await until(() => focused() === input(el, 'current_password'), 'focus on input(el, current_password)');
    expect(el.querySelector(`#${input(el, 'new_password').id}-hint`)!.textContent).to.match(/^Your password must contain \d+ or more characters\.$/);
    expect(input(el, 'sign_out_of_other_sessions').checked).to.equal(true);
    await expect(el).to.be.accessible();
    type(input(el, 'current_password'), PASSWORD);
    type(input(el, 'new_password'), 'password123');
    type(input(el, 'confirm_password'), 'password123');
    await click(el, 'Save');
    await until(() => input(el, 'new_password').getAttribute('aria-invalid') === 'true', 'the common password is refused');
    const next = 'orchid-Lantern-meadow-77';
    type(input(el, 'new_password'), next);
    type(input(el, 'confirm_password'), 'something-else-entirely-9');
    await click(el, 'Save');
    await until(() => input(el, 'confirm_password').getAttribute('aria-invalid') === 'true', 'mismatch');
    type(input(el, 'confirm_password'), next);
    await click(el, 'Save');
    await until(() => !input(el, 'new_password'), 'saved');
    expect(el.querySelector('.cl-success')!.textContent).to.equal('Your password has been updated. All other devices have been signed out.');
    // Set it back for the other tests' sign-ins.
    await clerk.user!.updatePassword({ currentPassword: next, newPassword: PASSWORD });
  });

  it('active devices: this device marked; another session can be signed out', async () => {
    // A second session for the same user, on another client.
    const { Clerk: ClerkClass } = await import('../../../src/index.ts');
    const other = new ClerkClass(window.__clerkWtr.publishableKey, { transport: 'header' });
    await other.load({ touchSession: false, standardBrowser: false });
    const si = await other.client!.signIn.create({ identifier: email, password: PASSWORD, strategy: 'password' });
    expect(si.status).to.equal('complete');
    const el = await security();
    await until(() => (section(el, 'activeDevices')?.querySelectorAll('li').length ?? 0) >= 2, 'two devices');
    const rows = [...section(el, 'activeDevices')!.querySelectorAll('li')];
    expect(rows[0]!.textContent).to.contain('This device');
    expect(button(rows[0]!, 'Sign out of device')).to.equal(undefined);
    await expect(el).to.be.accessible();
    const count = rows.length;
    await click(rows[1]!, 'Sign out of device');
    await until(() => section(el, 'activeDevices')!.querySelectorAll('li').length === count - 1, 'signed out');
  });

  it('delete account: typing "Delete account" enables the button; the user is deleted and signed out', async () => {
    const el = await profile(
      html`<clerk-user-profile .clerk=${clerk} routing="virtual" initial-page="security" after-sign-out-url="/goodbye"></clerk-user-profile>`,
    );
    await click(section(el, 'danger')!, 'Delete account');
    await until(() => !!el.querySelector<HTMLDialogElement>('dialog.cl-dialog')?.open, 'the dialog');
    const dialog = el.querySelector('dialog.cl-dialog')!;
    expect(dialog.textContent).to.contain('Type "Delete account" below to continue.');
    await until(() => focused() === input(dialog, 'confirmation'), 'focus on input(dialog, confirmation)');
    const confirm = () => el.querySelector<HTMLButtonElement>('dialog.cl-dialog button[type=submit]')!;
    expect(confirm().disabled).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Delete accoun' });
    expect(confirm().disabled).to.equal(true);
    await sendKeys({ type: 't' });
    await until(() => !confirm().disabled, 'enabled');
    await sendKeys({ press: 'Enter' });
    await until(() => clerk.user === null, 'signed out');
    await until(() => pushed.some((u) => u.endsWith('/goodbye')), 'went to after-sign-out-url');
    await until(() => !el.shadowRoot!.querySelector('nav'), 'renders nothing signed out');
  });
});

describe('<clerk-user-profile>: custom pages', () => {
  it('child pages and links: in the navigation with their icons, the page content shown in place (not copied)', async () => {
    const el = await profile(
      html`<clerk-user-profile .clerk=${clerk} routing="virtual">
        <clerk-user-profile-page label="Billing" url="billing"
          ><span slot="label-icon" id="billing-icon">$</span>
          <p id="billing-body">Your plan</p></clerk-user-profile-page
        >
        <clerk-user-profile-link label="Home" url="/home"><span slot="label-icon">⌂</span></clerk-user-profile-link>
      </clerk-user-profile>`,
    );
    expect(navItems(el).map((n) => n.textContent!.trim())).to.deep.equal(['Profile', 'Security', '$ Billing', '⌂ Home'].map((s) => s.replace(/^[$⌂] /, '')));
    const icon = document.getElementById('billing-icon')!;
    expect(icon.assignedSlot, 'the icon is slotted into the navigation').to.not.equal(null);
    const body = document.getElementById('billing-body')!;
    expect(body.checkVisibility()).to.equal(false);
    navItems(el)[2]!.click();
    await until(() => body.checkVisibility(), 'the custom page shows');
    expect(el.querySelector('.cl-page')?.checkVisibility() ?? false).to.equal(false);
    expect(document.querySelectorAll('#billing-body').length, 'the content is the same node, not a copy').to.equal(1);
    expect(current(el)).to.equal('Billing');
    await expect(el).to.be.accessible();
    const link = navItems(el)[3] as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('/home');
    link.click();
    expect(pushed.at(-1)).to.match(/\/home$/);
  });

  it('customPages: mount/unmount and mountIcon are called; reorder entries move the built-in pages', async () => {
    const calls: string[] = [];
    const customPages = [
      {
        label: 'Billing',
        url: 'billing',
        mount: (el: HTMLElement) => {
          calls.push('mount');
          const p = document.createElement('p');
          p.textContent = 'Billing <b>page</b>';
          el.append(p);
        },
        unmount: () => calls.push('unmount'),
        mountIcon: (el: HTMLElement) => {
          calls.push('icon');
          el.textContent = '$';
        },
      },
      { label: 'security' },
      { label: 'account' },
    ];
    const el = await profile(html`<clerk-user-profile .clerk=${clerk} routing="hash" .customPages=${customPages}></clerk-user-profile>`);
    expect(navItems(el).map((n) => n.textContent!.trim())).to.deep.equal(['$Billing', 'Security', 'Profile']);
    expect([...calls].sort()).to.deep.equal(['icon', 'mount']);
    expect(heading(el)).to.equal('Billing');
    expect(el.querySelector('.cl-custom-page')!.textContent).to.equal('Billing <b>page</b>');
    expect(el.querySelector('.cl-custom-page b')).to.equal(null);
    navItems(el)[2]!.click();
    await until(() => heading(el) === 'Profile details', 'the account page');
    expect(location.hash).to.equal('#/account');
    expect(calls.at(-1)).to.equal('unmount');
    history.back();
    await until(() => heading(el) === 'Billing', 'back to billing');
    expect(calls.at(-1)).to.equal('mount');
  });

  it('a child <clerk-user-profile-page label="security"> (no url) moves the Security page after the custom ones', async () => {
    const el = await profile(
      html`<clerk-user-profile .clerk=${clerk} routing="virtual">
        <clerk-user-profile-page label="Billing" url="billing"><p>Plan</p></clerk-user-profile-page>
        <clerk-user-profile-page label="security"></clerk-user-profile-page>
      </clerk-user-profile>`,
    );
    expect(navItems(el).map((n) => n.textContent!.trim())).to.deep.equal(['Profile', 'Billing', 'Security']);
    // A label changed later re-draws the navigation.
    el.querySelector('clerk-user-profile-page')!.setAttribute('label', 'Plans');
    await until(() => navItems(el)[1]!.textContent!.trim() === 'Plans', 'the new label');
  });

  it('initial-page opens a custom page', async () => {
    const el = await profile(
      html`<clerk-user-profile .clerk=${clerk} routing="virtual" initial-page="billing">
        <clerk-user-profile-page label="Billing" url="billing"><p>Plan</p></clerk-user-profile-page>
      </clerk-user-profile>`,
    );
    expect(current(el)).to.equal('Billing');
  });
});
