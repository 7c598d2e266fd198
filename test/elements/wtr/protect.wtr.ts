// <clerk-protect> in the browser against the real server: the fallback slot while signed out, the content once
// signed in, role / permission / condition checks against the real session token, and its changes without reload.
import { expect, fixture, html } from '@open-wc/testing';
import type { Clerk } from '../../../src/core/clerk.ts';
import type { ClerkProtect, HasFunction } from '../../../src/elements/protect/protect.component.ts';
import '../../../src/elements/protect/protect.ts';
import { loadClerk, signUpHere, until } from '../../support/wtr-page.ts';

let clerk: Clerk;

before(async () => {
  ({ clerk } = await loadClerk());
});

/** Which of the two children is rendered (assigned to the slot the element shows). */
function showing(el: Element): string[] {
  return [...el.children].filter((c) => c.assignedSlot !== null).map((c) => c.id);
}

async function protect(template: ReturnType<typeof html>): Promise<ClerkProtect> {
  const el = await fixture<ClerkProtect>(template);
  await el.updateComplete;
  return el;
}

describe('<clerk-protect>', () => {
  it('defaults: no instance, or signed out: the fallback only', async () => {
    const alone = await protect(
      html`<clerk-protect .clerk=${undefined}
        ><p id="secret">secret</p>
        <p id="fb" slot="fallback">fallback</p></clerk-protect
      >`,
    );
    expect(showing(alone)).to.deep.equal(['fb']);
    const el = await protect(
      html`<clerk-protect .clerk=${clerk}
        ><p id="secret">secret</p>
        <p id="fb" slot="fallback">fallback</p></clerk-protect
      >`,
    );
    await until(() => el.shadowRoot!.querySelector('slot[name=fallback]') !== null, 'the fallback slot');
    expect(showing(el)).to.deep.equal(['fb']);
    expect(getComputedStyle(el).display).to.equal('contents');
    await expect(el).to.be.accessible();
  });

  it('signing in shows the content; role and permission checks fail without organization claims; a condition decides', async () => {
    const plain = await protect(
      html`<clerk-protect .clerk=${clerk}
        ><p id="secret">secret</p>
        <p id="fb" slot="fallback">fallback</p></clerk-protect
      >`,
    );
    const role = await protect(
      html`<clerk-protect .clerk=${clerk} role="org:admin"
        ><p id="secret">secret</p>
        <p id="fb" slot="fallback">no</p></clerk-protect
      >`,
    );
    const asked: HasFunction[] = [];
    const condition = (has: HasFunction) => {
      asked.push(has);
      return !has({ permission: 'org:invoices:create' });
    };
    const custom = await protect(
      html`<clerk-protect .clerk=${clerk} .condition=${condition}
        ><p id="secret">secret</p>
        <p id="fb" slot="fallback">no</p></clerk-protect
      >`,
    );
    expect(showing(custom)).to.deep.equal(['fb']);

    await signUpHere(clerk);
    await until(() => showing(plain)[0] === 'secret', 'the content shows once signed in');
    await until(() => showing(custom)[0] === 'secret', 'the condition is asked once signed in');
    expect(asked.length).to.be.greaterThan(0);
    // The session's token is real and has no org_role claim: the role check fails.
    expect(clerk.session?.lastActiveToken?.jwt).to.match(/^ey/);
    expect(role.role).to.equal('org:admin');
    expect(showing(role)).to.deep.equal(['fb']);
    // The attribute goes away: a signed-in user is enough.
    role.removeAttribute('role');
    await role.updateComplete;
    expect(role.role).to.equal(null);
    expect(showing(role)).to.deep.equal(['secret']);
    role.permission = 'org:invoices:create';
    await role.updateComplete;
    expect(showing(role)).to.deep.equal(['fb']);

    await clerk.signOut();
    await until(() => showing(plain)[0] === 'fb', 'the fallback again after sign-out');
    await expect(plain).to.be.accessible();
  });
});
