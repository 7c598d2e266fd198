// <clerk-loaded>, <clerk-loading>, <clerk-signed-in>, <clerk-signed-out> in the browser, against the real server:
// which children render for which state, as it changes without a reload.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Clerk } from '../../../src/core/clerk.ts';
import '../../../src/elements/control/control.ts';
import { hasState, loadClerk, signUpHere, takeProblems, until } from '../../support/wtr-page.ts';

/** Whether `child` is rendered: assigned to a slot of its parent control element (else it has no box). */
function shown(child: Element): boolean {
  return child.assignedSlot !== null && child.getClientRects().length > 0;
}

describe('control elements', () => {
  it('without an instance: only <clerk-loading> shows its children', async () => {
    const el = await fixture<HTMLElement>(
      html`<div>
        <clerk-loading .clerk=${undefined}><p id="loading">loading</p></clerk-loading>
        <clerk-loaded><p id="loaded">loaded</p></clerk-loaded>
        <clerk-signed-in><p id="in">in</p></clerk-signed-in>
        <clerk-signed-out><p id="out">out</p></clerk-signed-out>
      </div>`,
    );
    const p = (id: string) => el.querySelector(`#${id}`)!;
    expect(shown(p('loading'))).to.equal(true);
    expect(hasState(el.querySelector('clerk-loading')!, 'visible')).to.equal(true);
    for (const id of ['loaded', 'in', 'out']) expect(shown(p(id)), id).to.equal(false);
    // The hosts are transparent: `display: contents`, no box of their own.
    expect(getComputedStyle(el.querySelector('clerk-loaded')!).display).to.equal('contents');
  });

  it('loading, then loaded and signed out, then signed in and out again, with no reload', async () => {
    // A fresh, not yet loaded instance: the elements load it themselves.
    const clerk = new Clerk(window.__clerkWtr.publishableKey);
    const el = await fixture<HTMLElement>(
      html`<div>
        <clerk-loading .clerk=${clerk}><p id="loading">loading</p></clerk-loading>
        <clerk-loaded .clerk=${clerk}><p id="loaded">loaded</p></clerk-loaded>
        <clerk-signed-in .clerk=${clerk}><button id="in">account</button></clerk-signed-in>
        <clerk-signed-out .clerk=${clerk}><button id="out">sign in</button></clerk-signed-out>
      </div>`,
    );
    const p = (id: string) => el.querySelector<HTMLElement>(`#${id}`)!;
    await until(() => clerk.loaded, 'the elements loaded the instance');
    await until(() => shown(p('loaded')), '<clerk-loaded> shows its children');
    expect(clerk.status).to.equal('ready');
    expect(shown(p('loading'))).to.equal(false);
    expect(shown(p('out'))).to.equal(true);
    expect(shown(p('in'))).to.equal(false);

    await signUpHere(clerk);
    await until(() => shown(p('in')), '<clerk-signed-in> shows its children');
    expect(shown(p('out'))).to.equal(false);
    expect(hasState(el.querySelector('clerk-signed-in')!, 'visible')).to.equal(true);
    expect(hasState(el.querySelector('clerk-signed-out')!, 'visible')).to.equal(false);

    await clerk.signOut();
    await until(() => shown(p('out')), '<clerk-signed-out> shows its children again');
    expect(shown(p('in'))).to.equal(false);
  });

  it('hidden children are out of the tab order; shown ones keep the page order', async () => {
    const { clerk } = await loadClerk();
    const el = await fixture<HTMLElement>(
      html`<div>
        <button id="first">first</button>
        <clerk-signed-in .clerk=${clerk}><button id="in">account</button></clerk-signed-in>
        <clerk-signed-out .clerk=${clerk}><button id="out">sign in</button></clerk-signed-out>
        <button id="last">last</button>
      </div>`,
    );
    el.querySelector<HTMLElement>('#first')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.id).to.equal('out');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.id).to.equal('last');
    await expect(el).to.be.accessible();
  });

  it('the page runs under a strict style policy: an inline style attribute is refused and reported', async () => {
    const el = await fixture<HTMLElement>(html`<p>text</p>`);
    el.setAttribute('style', 'display: none');
    await until(() => takeProblems().some((p) => p.startsWith('CSP violation: style-src')), 'the violation is reported');
    expect(getComputedStyle(el).display).to.equal('block');
  });

  it('the `hidden` attribute hides a shown host; the `clerk` property picks the instance', async () => {
    const { clerk } = await loadClerk();
    const el = await fixture<HTMLElement>(html`<clerk-signed-out .clerk=${clerk}><p>out</p></clerk-signed-out>`);
    const child = el.querySelector('p')!;
    await until(() => shown(child), 'shown while signed out');
    el.hidden = true;
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(getComputedStyle(el).display).to.equal('none');
    expect(child.getClientRects().length).to.equal(0);
    el.hidden = false;
    // No instance: not loaded, so nothing shows.
    (el as HTMLElement & { clerk: Clerk | undefined }).clerk = undefined;
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(shown(child)).to.equal(false);
  });
});
