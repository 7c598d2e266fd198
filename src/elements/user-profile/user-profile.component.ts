// <clerk-user-profile>: the account page Clerk's <UserProfile /> is. A navigation (a sidebar; a compact menu on narrow
// widths) and the open page: the built-in "Account" and "Security" pages draw their sections (sections/*, one module
// each) into the light DOM, where forms autofill; custom pages are the element's <clerk-user-profile-page> children
// (slotted, never copied) or `customPages` entries (Clerk's mount/unmount callbacks). Routing by hash, by path, or
// virtual; the browser's back button walks back through the pages.
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FormElement } from '../shared/form-element.js';
import { uid } from '../shared/light-form.js';
import { moveInMenu } from '../user-button/menu-keyboard.js';
import { safeHref } from '../user-button/menu-items.js';
import { navEntries, type BuiltInPage, type NavEntry, type UserProfileCustomPage } from './custom-pages.js';
import { adoptProfileStyles } from './page.styles.js';
import { builtInSections, type ProfileSection, type SectionHost } from './sections/index.js';
import type { ConfirmOptions } from './sections/types.js';
import { styles } from './user-profile.styles.js';

export type { UserProfileCustomPage } from './custom-pages.js';

type Routing = 'hash' | 'path' | 'virtual';

interface DialogState extends ConfirmOptions {
  resolve: (ok: boolean) => void;
  value: string;
  opener: HTMLElement | null;
  ids: { title: string; body: string; input: string };
}

const accountIcon = html`<svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5" aria-hidden="true">
  <circle cx="8" cy="5.5" r="2.75" />
  <path d="M2.75 13.75c.75-2.5 2.75-3.75 5.25-3.75s4.5 1.25 5.25 3.75" stroke-linecap="round" />
</svg>`;
const securityIcon = html`<svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" aria-hidden="true">
  <path d="M8 1.75 2.75 3.75v4c0 3 2.25 5.5 5.25 6.5 3-1 5.25-3.5 5.25-6.5v-4L8 1.75Z" />
</svg>`;
const menuIcon = html`<svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" aria-hidden="true">
  <path d="M2.5 4h11M2.5 8h11M2.5 12h11" />
</svg>`;

/** The focused element, through shadow roots. */
function deepActive(): HTMLElement | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a instanceof HTMLElement ? a : null;
}

/**
 * @tagname clerk-user-profile
 * @summary The account page (Clerk's `<UserProfile />`): "Account" (profile, username, email addresses) and "Security" (password, active devices, delete account), plus custom pages and links.
 *
 * Renders nothing while signed out. The navigation is a list of links (buttons with `routing="virtual"`), the open one
 * `aria-current="page"`; ArrowUp/ArrowDown/Home/End move through it. Opening the profile makes no request; the Security
 * page loads the session list (one request) when it first opens.
 *
 * @slot - Not a slot as such: `<clerk-user-profile-page>` and `<clerk-user-profile-link>` children add pages and links (the open page's element is shown in place).
 *
 * @event clerk-error - A request failed (`detail.error`).
 *
 * @csspart base - The card (also `card`, `rootBox`, `cardBox`).
 * @csspart navbar - The navigation (also `navbar`), with `navbar-title`, `navbarButtons` and each `navbarButton` (`navbarButton__<url>`).
 * @csspart navbar-toggle - The "Menu" button on narrow widths (also `navbarMobileMenuButton`).
 * @csspart page - The open page (also `pageScrollBox`); `headerTitle` is its heading.
 *
 * @cssproperty [--clerk-user-profile-max-width=55rem] - The card's maximum width.
 * @cssstate signed-in - A user is signed in (the element is visible).
 * @cssstate loading - A request is in flight.
 */
export class ClerkUserProfile extends FormElement {
  static override styles = styles;

  /** `hash` (`#/security`), `path` (`<path>/security`) or `virtual` (no URL change: modals); `path` when `path` is set, else `hash`. */
  @property() routing: 'hash' | 'path' | 'virtual' | undefined;
  /** The profile's own path with `routing="path"` (`/user`). */
  @property() path: string | undefined;
  /** The page to open first (`account`, `security`, a custom page's url) when the URL names none. */
  @property({ attribute: 'initial-page' }) initialPage: string | undefined;
  /** Custom pages and links, and `{ label: 'account' | 'security' }` entries that move the built-in pages (Clerk's `customPages`). */
  @property({ attribute: false }) customPages: UserProfileCustomPage[] | undefined;
  /** Where to go after deleting the account; `Clerk.load({ afterSignOutUrl })` when absent. */
  @property({ attribute: 'after-sign-out-url' }) afterSignOutUrl: string | undefined;

  @state() private page: string | undefined;
  @state() private navOpen = false;
  @state() private editing: string | undefined;
  @state() private dialog: DialogState | undefined;
  @state() private announcement = '';
  private errorSection: string | undefined;
  private entries: NavEntry[] = [];
  private pagesDirty = true;
  private focusHeading = false;
  private focusOpener: string | undefined;
  private readonly bags = new Map<string, object>();
  private readonly sections: ProfileSection[] = builtInSections(() => this.deleteAndLeave());
  private readonly iconSlots = new WeakMap<HTMLElement, string>();
  private iconCount = 0;
  private mountedIcons = new Map<HTMLElement, UserProfileCustomPage>();
  private mountedPage: { page: UserProfileCustomPage; el: HTMLElement } | undefined;
  private readonly observer = new MutationObserver(() => this.pagesChanged());
  private readonly headingId = uid('profile-heading');

  private readonly host: SectionHost = (() => {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    return {
      get clerk() {
        return self.instance!;
      },
      get user() {
        return self.resources.user!;
      },
      get environment() {
        return self.instance?.environment ?? null;
      },
      get busy() {
        return self.busy;
      },
      get editing() {
        return self.editing;
      },
      get errors() {
        return self.errors;
      },
      get code() {
        return self.code;
      },
      t: (key, vars) => self.t(key, vars),
      bag: <T extends object>(id: string, init: () => T): T => {
        if (!self.bags.has(id)) self.bags.set(id, init());
        return self.bags.get(id) as T;
      },
      update: () => self.requestUpdate(),
      edit: (form) => self.openForm(form),
      run: (section, step) => self.runFor(section, step),
      setError: (name, message) => {
        self.goTo(() => undefined);
        self.errors = { [name]: message };
      },
      sectionError: (section) => (section === self.errorSection ? self.formErrorTemplate() : nothing),
      announce: (message) => (self.announcement = message),
      uid,
      confirm: (options) => self.openDialog(options),
      codeField: (id, key, attempt) => self.codeField(id, key, attempt),
      resendButton: (key, resend) => self.resendButton(key, resend),
      startResendCountdown: () => self.startResendCountdown(),
      submitButton: (label) => self.submitButton(label),
    };
  })();

  override connectedCallback(): void {
    super.connectedCallback();
    this.observer.observe(this, { childList: true });
    this.addEventListener('cl-profile-pages', this.pagesChanged);
    window.addEventListener('popstate', this.handleHistory);
    window.addEventListener('hashchange', this.handleHistory);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer.disconnect();
    this.removeEventListener('cl-profile-pages', this.pagesChanged);
    window.removeEventListener('popstate', this.handleHistory);
    window.removeEventListener('hashchange', this.handleHistory);
    this.unmountPage();
    for (const [el, page] of this.mountedIcons) page.unmountIcon?.(el);
    this.mountedIcons.clear();
  }

  // FormElement's step machinery is not used for pages (they have their own routing): one step, never restored.
  protected get currentStep(): string {
    return 'start';
  }

  protected restoreStep(): boolean {
    return false;
  }

  protected heading(): { title: string } {
    return { title: this.t('userProfile.navbar.title') };
  }

  private readonly pagesChanged = (): void => {
    this.pagesDirty = true;
    this.requestUpdate();
  };

  private get mode(): Routing {
    return this.routing ?? (this.path ? 'path' : 'hash');
  }

  private get basePath(): string {
    return (this.path ?? '/user').replace(/\/+$/, '');
  }

  /** The page the URL names ('' for the profile's own URL), or undefined when it names none. */
  private urlPage(): string | undefined {
    if (this.mode === 'hash') {
      const m = /^#\/([\w-]*)/.exec(location.hash);
      return m ? m[1] : undefined;
    }
    if (this.mode === 'path') {
      const p = location.pathname.replace(/\/+$/, '');
      if (p === this.basePath) return '';
      if (p.startsWith(`${this.basePath}/`)) return p.slice(this.basePath.length + 1).split('/')[0];
    }
    return undefined;
  }

  private get pages(): Array<Exclude<NavEntry, { kind: 'link' }>> {
    return this.entries.filter((e): e is Exclude<NavEntry, { kind: 'link' }> => e.kind !== 'link');
  }

  private get landing(): string | undefined {
    return this.pages[0]?.url;
  }

  private resolve(url: string | undefined): string | undefined {
    if (url === undefined) return undefined;
    if (url === '') return this.landing;
    return this.pages.find((p) => p.url === url)?.url;
  }

  private hrefFor(url: string): string {
    const landing = url === this.landing;
    if (this.mode === 'path') return landing ? this.basePath : `${this.basePath}/${url}`;
    return landing ? '#/' : `#/${url}`;
  }

  private readonly handleHistory = (): void => {
    if (this.mode === 'virtual') return;
    const to = this.resolve(this.urlPage()) ?? this.landing;
    if (to && to !== this.page) this.showPage(to, true);
  };

  /** Opens a page: its forms close, focus moves to its heading; with hash or path routing a history entry is added. */
  private showPage(url: string, fromHistory = false): void {
    this.navOpen = false;
    if (url === this.page) return;
    this.goTo(() => {
      this.page = url;
      this.editing = undefined;
      this.announcement = '';
    });
    this.focusHeading = true;
    if (!fromHistory && this.mode !== 'virtual') history.pushState(null, '', this.hrefFor(url));
  }

  private openForm(form: string | undefined): void {
    const closing = this.editing;
    this.goTo(() => {
      this.editing = form;
      if (form) this.announcement = '';
    });
    // Closing a form puts focus back on the button that opened it.
    if (!form && closing) this.focusOpener = closing;
  }

  private async runFor(section: string, step: () => Promise<void>): Promise<boolean> {
    this.errorSection = section;
    let ok = false;
    await this.run(async () => {
      await step();
      ok = true;
    });
    return ok;
  }

  private openDialog(options: ConfirmOptions): Promise<boolean> {
    this.dialog?.resolve(false);
    return new Promise((resolve) => {
      this.dialog = {
        ...options,
        resolve,
        value: '',
        opener: deepActive(),
        ids: { title: uid('dialog-title'), body: uid('dialog-body'), input: uid('dialog-input') },
      };
    });
  }

  private closeDialog(ok: boolean): void {
    const d = this.dialog;
    if (!d) return;
    this.dialog = undefined;
    this.querySelector<HTMLDialogElement>('dialog.cl-dialog')?.close();
    d.resolve(ok);
    if (d.opener?.isConnected) d.opener.focus();
  }

  /** After "Delete account" was confirmed: delete, end the session, go to the after-sign-out URL. */
  private async deleteAndLeave(): Promise<void> {
    const clerk = this.instance!;
    await this.resources.user!.delete();
    const to = this.afterSignOutUrl ?? clerk.loadOptions.afterSignOutUrl;
    const leave = async () => {
      if (to) await clerk.navigate(to);
    };
    // The deleted user's sessions are gone; the piggybacked client usually says so already.
    if (clerk.user) await clerk.signOut(leave);
    else await leave();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('customPages')) this.pagesDirty = true;
    if (this.pagesDirty) {
      this.pagesDirty = false;
      this.entries = navEntries(this, this.customPages);
      this.adoptChildIcons();
    }
    if (!this.page || !this.resolve(this.page)) {
      this.page = this.resolve(this.urlPage()) ?? this.resolve(this.initialPage) ?? this.landing;
    }
    this.setState('signed-in', !!this.resources.user);
  }

  protected override updated(changed: PropertyValues<this>): void {
    adoptProfileStyles(this);
    super.updated(changed);
    const current = this.current;
    const formHost = this.querySelector<HTMLElement>(':scope > .cl-form-host');
    if (formHost) this.slotIf(formHost, current?.kind === 'builtin');
    for (const e of this.entries) if (e.kind === 'element') this.slotIf(e.el, e === current);
    this.syncMountedPage(current);
    this.syncIcons();
    const user = this.resources.user;
    if (
      user &&
      current?.kind === 'builtin' &&
      ((changed as Map<PropertyKey, unknown>).has('page') || (changed as Map<PropertyKey, unknown>).has('resources'))
    ) {
      for (const s of this.visibleSections(current.id)) s.opened?.(this.host);
    }
    const dialog = this.querySelector<HTMLDialogElement>('dialog.cl-dialog');
    if (dialog && !dialog.open) dialog.showModal();
    if (this.focusHeading) {
      this.focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>(`#${this.headingId}`)?.focus();
    }
    if (this.focusOpener && !this.busy) {
      const section = this.focusOpener.split(':')[0];
      (this.querySelector<HTMLElement>(`[data-opens="${this.focusOpener}"]`) ?? this.querySelector<HTMLElement>(`[data-opens^="${section}:"]`))?.focus();
      this.focusOpener = undefined;
    }
  }

  private slotIf(el: HTMLElement, on: boolean): void {
    if (on && el.slot !== 'page') el.slot = 'page';
    else if (!on && el.hasAttribute('slot')) el.removeAttribute('slot');
  }

  private get current(): Exclude<NavEntry, { kind: 'link' }> | undefined {
    return this.pages.find((p) => p.url === this.page);
  }

  private visibleSections(page: BuiltInPage): ProfileSection[] {
    return this.sections.filter((s) => s.page === page && (s.enabled?.(this.host) ?? true)).sort((a, b) => a.order - b.order);
  }

  /** A JS custom page is drawn by its `mount` into a light-DOM element of its own while it is open. */
  private syncMountedPage(current: NavEntry | undefined): void {
    const want = current?.kind === 'js' ? current.page : undefined;
    if (this.mountedPage?.page === want) return;
    this.unmountPage();
    if (!want) return;
    const el = document.createElement('div');
    el.className = 'cl-custom-page';
    el.slot = 'page';
    this.append(el);
    this.mountedPage = { page: want, el };
    want.mount?.(el);
  }

  private unmountPage(): void {
    const m = this.mountedPage;
    if (!m) return;
    this.mountedPage = undefined;
    m.page.unmount?.(m.el);
    m.el.remove();
  }

  /** `<span slot="label-icon">` of a child page or link moves into the navigation (a named slot of this element). */
  private adoptChildIcons(): void {
    for (const e of this.entries) {
      const el = e.kind === 'element' ? e.el : e.kind === 'link' && e.icon instanceof HTMLElement ? e.icon : undefined;
      if (!el) continue;
      const icon = el.querySelector<HTMLElement>(':scope > [slot="label-icon"]');
      if (!icon) continue;
      let name = this.iconSlots.get(el);
      if (!name) {
        name = `icon-${++this.iconCount}`;
        this.iconSlots.set(el, name);
      }
      icon.slot = name;
      this.append(icon);
    }
  }

  /** Calls `mountIcon` for JS entries' icon elements that appeared and `unmountIcon` for those that went. */
  private syncIcons(): void {
    const now = new Map<HTMLElement, UserProfileCustomPage>();
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('[data-entry]')) {
      const e = this.entries[Number(el.dataset.entry)];
      const page = e?.kind === 'js' ? e.page : e?.kind === 'link' && e.icon && !(e.icon instanceof HTMLElement) ? e.icon : undefined;
      if (page?.mountIcon) now.set(el, page);
    }
    for (const [el, page] of this.mountedIcons) if (now.get(el) !== page) page.unmountIcon?.(el);
    for (const [el, page] of now) if (this.mountedIcons.get(el) !== page) page.mountIcon?.(el);
    this.mountedIcons = now;
  }

  private label(e: NavEntry): string {
    return e.kind === 'builtin' ? this.t(`userProfile.navbar.${e.id}`) : e.label;
  }

  private icon(e: NavEntry, index: number): TemplateResult | typeof nothing {
    if (e.kind === 'builtin') return html`<span class="icon">${e.id === 'account' ? accountIcon : securityIcon}</span>`;
    const el = e.kind === 'element' ? e.el : e.kind === 'link' && e.icon instanceof HTMLElement ? e.icon : undefined;
    if (el) {
      const name = this.iconSlots.get(el);
      return html`<span class="icon">${name ? html`<slot name=${name}></slot>` : nothing}</span>`;
    }
    const page = e.kind === 'js' ? e.page : e.kind === 'link' ? (e.icon as UserProfileCustomPage | undefined) : undefined;
    if (page?.labelIcon && safeHref(page.labelIcon)) return html`<img class="icon" src=${page.labelIcon} alt="" />`;
    if (page?.mountIcon) return html`<span class="icon" data-entry=${index}></span>`;
    return html`<span class="icon"></span>`;
  }

  private followLink(e: MouseEvent, href: string): void {
    const url = new URL(href, location.href);
    if (url.origin !== location.origin || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || !this.instance) return;
    e.preventDefault();
    void this.instance.navigate(url.href);
  }

  private navItem(e: NavEntry, index: number): TemplateResult {
    const label = this.label(e);
    const content = html`${this.icon(e, index)}<span class="label">${label}</span>`;
    if (e.kind === 'link') {
      return html`<li>
        <a class="nav-item" part="navbar-button navbarButton navbarButton__link" href=${e.href} @click=${(ev: MouseEvent) => this.followLink(ev, e.href)}
          >${content}</a
        >
      </li>`;
    }
    const current = e.url === this.page;
    const parts = `navbar-button navbarButton navbarButton__${e.url}`;
    if (this.mode === 'virtual') {
      return html`<li>
        <button type="button" class="nav-item" part=${parts} aria-current=${current ? 'page' : nothing} @click=${() => this.showPage(e.url)}>${content}</button>
      </li>`;
    }
    return html`<li>
      <a
        class="nav-item"
        part=${parts}
        href=${this.hrefFor(e.url)}
        aria-current=${current ? 'page' : nothing}
        @click=${(ev: MouseEvent) => {
          if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
          ev.preventDefault();
          this.showPage(e.url);
        }}
        >${content}</a
      >
    </li>`;
  }

  private handleNavKeydown(e: KeyboardEvent): void {
    const items = Array.from(this.renderRoot.querySelectorAll<HTMLElement>('.nav-item'));
    const at = items.indexOf(this.shadowRoot?.activeElement as HTMLElement);
    if (['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) moveInMenu(e, items, at);
    else if (e.key === 'Escape' && this.navOpen) {
      this.navOpen = false;
      this.renderRoot.querySelector<HTMLElement>('.nav-toggle')?.focus();
    }
  }

  private dialogTemplate(): TemplateResult | typeof nothing {
    const d = this.dialog;
    if (!d) return nothing;
    const typedOk = !d.typed || d.value === d.typed.text;
    return html`<dialog
      class="cl-dialog"
      part="confirm-dialog modalContent"
      aria-labelledby=${d.ids.title}
      aria-describedby=${d.ids.body}
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.closeDialog(false);
      }}
    >
      <form
        class="cl-form"
        method="dialog"
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          if (d.confirmLabel && typedOk) this.closeDialog(true);
        }}
      >
        <h2 class="cl-dialog-title" part="header-title headerTitle" id=${d.ids.title}>${d.title}</h2>
        <div id=${d.ids.body} class="cl-dialog-body">${d.lines.map((l) => html`<p>${l}</p>`)} ${d.typed ? html`<p>${d.typed.hint}</p>` : nothing}</div>
        ${
          d.typed
            ? html`<div class="cl-field">
                <label class="cl-label" for=${d.ids.input}>${d.typed.label}</label>
                <input
                  class="cl-input"
                  id=${d.ids.input}
                  name="confirmation"
                  autocomplete="off"
                  autofocus
                  .value=${d.value}
                  @input=${(e: Event) => (this.dialog = { ...d, value: (e.target as HTMLInputElement).value })}
                />
              </div>`
            : nothing
        }
        <div class="cl-form-actions">
          <button
            type="button"
            class="cl-button cl-button-secondary"
            part="button formButtonReset"
            ?autofocus=${!d.typed}
            @click=${() => this.closeDialog(false)}
          >
            ${this.t('userProfile.formButtonReset')}
          </button>
          ${
            d.confirmLabel
              ? html`<button type="submit" class="cl-button cl-button-danger" part="button formButtonPrimary" ?disabled=${!typedOk}>${d.confirmLabel}</button>`
              : nothing
          }
        </div>
      </form>
    </dialog>`;
  }

  protected renderForm(): TemplateResult {
    const user = this.resources.user;
    const current = this.current;
    if (!user || current?.kind !== 'builtin') return html``;
    return html`<div class="cl-page" part="page-content profilePage profilePage__${current.id}">
        <p class="cl-success" part="alert alert__success" role="status">${this.announcement}</p>
        ${this.visibleSections(current.id).map((s) => {
          const id = `${this.headingId}-${s.id}`;
          return html`<section class="cl-section" part="profileSection profileSection__${s.id}" aria-labelledby=${id}>
            <h2 class="cl-section-title" part="profileSectionTitle profileSectionTitle__${s.id}" id=${id}>${this.t(s.title)}</h2>
            <div class="cl-section-content" part="profileSectionContent profileSectionContent__${s.id}">${s.render(this.host)}</div>
          </section>`;
        })}
      </div>
      ${this.dialogTemplate()}`;
  }

  protected override render(): TemplateResult {
    if (!this.resources.user) return html``;
    const current = this.current;
    const title =
      current?.kind === 'builtin'
        ? this.t(current.id === 'account' ? 'userProfile.start.headerTitle__account' : 'userProfile.start.headerTitle__security')
        : current
          ? current.label
          : '';
    return html`<div class="layout" part="base card rootBox cardBox">
      <nav class="navbar ${this.navOpen ? 'open' : ''}" part="navbar" aria-label=${this.t('userProfile.navbar.title')} @keydown=${this.handleNavKeydown}>
        <div class="nav-head">
          <p class="nav-title" part="navbar-title">${this.t('userProfile.navbar.title')}</p>
          <p class="nav-description" part="navbar-description">${this.t('userProfile.navbar.description')}</p>
          <button
            type="button"
            class="nav-toggle"
            part="navbar-toggle navbarMobileMenuButton"
            aria-expanded=${this.navOpen ? 'true' : 'false'}
            aria-controls="nav-list"
            @click=${() => (this.navOpen = !this.navOpen)}
          >
            ${menuIcon}<span>${this.t('userProfile.mobileButton__menu')}</span>
          </button>
        </div>
        <ul class="nav-list" id="nav-list" part="navbarButtons" role="list">
          ${this.entries.map((e, i) => this.navItem(e, i))}
        </ul>
      </nav>
      <div class="page" part="page pageScrollBox" role="region" aria-labelledby=${this.headingId}>
        <h1 class="page-title ${current?.kind === 'builtin' ? '' : 'visually-hidden'}" part="header-title headerTitle" id=${this.headingId} tabindex="-1">
          ${title}
        </h1>
        <slot name="page"></slot>
      </div>
    </div>`;
  }
}
