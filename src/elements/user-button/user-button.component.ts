// <clerk-user-button>: the avatar, its menu (account, actions, custom items) and, in multi-session applications, the
// other signed-in accounts to switch to, "Add account" and "Sign out of all accounts".
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Session } from '../../core/resources/session.js';
import type { User } from '../../core/resources/user.js';
import { ClerkElement } from '../shared/clerk-element.js';
import { avatar, identity } from './avatar.js';
import { cogIcon, plusIcon, signOutIcon } from './icons.js';
import { menuEntries, type MenuEntry, type UserButtonMenuItem } from './menu-items.js';
import { moveInMenu } from './menu-keyboard.js';
import { styles } from './user-button.styles.js';

export type { UserButtonMenuItem } from './menu-items.js';

type FocusTarget = 'first' | 'last' | undefined;

/** How "Manage account" opens the profile: Clerk's `userProfileMode`. */
export type UserProfileMode = 'modal' | 'navigation';

/** The profile modal's opener, when the instance has one (`Clerk.openUserProfile`). */
type ProfileOpener = { openUserProfile?: (props: Record<string, unknown>) => void };

/** floating-ui is most of the positioning weight: it loads when the menu is about to open, not with the avatar. */
const loadAnchor = () => import('./anchor.js');
const prefetch = () => void loadAnchor().catch(() => undefined);

/**
 * @tagname clerk-user-button
 * @summary The signed-in user's avatar; it opens a menu with the account, "Manage account", "Sign out", custom items and, in multi-session applications, the other accounts.
 *
 * Renders nothing while signed out. The menu follows the WAI-ARIA menu button pattern: Enter, Space or ArrowDown
 * on the avatar open it on the first item (ArrowUp on the last), ArrowUp/ArrowDown/Home/End and a typed letter
 * move, Escape closes and returns to the avatar, Tab closes and moves on, a click outside closes.
 *
 * In a multi-session application (the environment's `single_session_mode` is false) the menu also lists the
 * browser's other signed-in accounts (a click switches to one with `setActive`), "Add account" (to the sign-in page,
 * for one more account) and "Sign out of all accounts"; "Sign out" then signs out of the active account only.
 *
 * @event clerk-manage-account - "Manage account" (or a custom item with `open`: `detail.initialPage`) was chosen (`detail.userProfileUrl`). Cancel it to open no profile modal and stay on the page.
 * @event clerk-sign-out - The user signed out from the menu: of the active account (`detail.sessionId`) or of all accounts (`null`). Cancel it to skip the redirect.
 * @event clerk-switch-session - The user switched to another signed-in account (`detail.sessionId`). Cancel it to skip the `after-switch-session-url` redirect.
 * @event clerk-error - Signing out or switching failed, or the menu's positioning code could not load (`detail.error`).
 *
 * @csspart base - The wrapper (also `userButtonBox`).
 * @csspart trigger - The button that opens the menu (also `userButtonTrigger`).
 * @csspart avatar - The avatar in the trigger (also `userButtonAvatarBox`); `avatar-image userButtonAvatarImage` inside.
 * @csspart name - The name next to the avatar with `show-name` (also `userButtonOuterIdentifier`).
 * @csspart popover - The menu card (also `userButtonPopoverCard`).
 * @csspart user-preview - The account summary at the top of the card (also `userPreview`), with `user-preview-avatar userPreviewAvatarBox`, `user-preview-name userPreviewMainIdentifier`, `user-preview-email userPreviewSecondaryIdentifier`.
 * @csspart menu - The list of items (also `userButtonPopoverActions`).
 * @csspart menu-item - Each item (also `userButtonPopoverActionButton`, with `userButtonPopoverActionButton__manageAccount` / `__signOut` / `__addAccount` / `__signOutAll`; custom items `userButtonPopoverCustomItemButton`).
 * @csspart account - Another signed-in account to switch to (multi-session; also `menu-item userPreview`), with `account-name` and `account-email`.
 * @csspart menu-item-icon - An item's icon (also `userButtonPopoverActionButtonIcon`).
 *
 * @cssproperty [--clerk-user-button-avatar-size=2rem] - The avatar's diameter.
 * @cssproperty [--clerk-user-button-popover-width=16rem] - The menu card's minimum width (it grows to fit a long email).
 * @cssstate signed-in - A user is signed in (the element is visible).
 * @cssstate open - The menu is open.
 * @cssstate loading - Signing out or switching accounts.
 */
export class ClerkUserButton extends ClerkElement {
  static override styles = styles;

  @query('.trigger') private trigger!: HTMLButtonElement | null;
  @query('.popover') private card!: HTMLElement | null;

  @state() private isOpen = false;
  @state() private brokenImage: string | undefined;
  private entries: MenuEntry[] = menuEntries(undefined);
  private pendingFocus: FocusTarget;
  private anchored: { stop: () => void } | undefined;
  private openedByDefault = false;
  /** Icon elements handed to a custom item's `mountIcon`, to hand back to its `unmountIcon`. */
  private mountedIcons = new Map<HTMLElement, UserButtonMenuItem>();

  /** Shows the user's name next to the avatar. */
  @property({ attribute: 'show-name', type: Boolean }) showName = false;
  /** Opens the menu as soon as a user is signed in. */
  @property({ attribute: 'default-open', type: Boolean }) defaultOpen = false;
  /** Where "Manage account" leads in `navigation` mode; without it (and without a profile modal) the element only emits `clerk-manage-account`. */
  @property({ attribute: 'user-profile-url' }) userProfileUrl: string | undefined;
  /**
   * `modal` opens the profile with `Clerk.openUserProfile(userProfileProps)`; `navigation` goes to `user-profile-url`.
   * Unset: `navigation` when `user-profile-url` is set, else `modal` (Clerk's default).
   */
  @property({ attribute: 'user-profile-mode' }) userProfileMode: UserProfileMode | undefined;
  /** Props for the profile modal (`Clerk.openUserProfile(props)`), Clerk's `userProfileProps`. */
  @property({ attribute: false }) userProfileProps: Record<string, unknown> | undefined;
  /** Where to go after "Sign out" (of the last or all accounts); `Clerk.load({ afterSignOutUrl })` when absent, else nowhere. */
  @property({ attribute: 'after-sign-out-url' }) afterSignOutUrl: string | undefined;
  /** Multi-session: where to go after switching accounts; `Clerk.load({ afterSwitchSessionUrl })` when absent, else nowhere. */
  @property({ attribute: 'after-switch-session-url' }) afterSwitchSessionUrl: string | undefined;
  /**
   * Multi-session: where to go after "Sign out" of the active account while others stay signed in;
   * `Clerk.load({ afterMultiSessionSingleSignOutUrl })` when absent, else nowhere (the next account is shown).
   */
  @property({ attribute: 'after-multi-session-single-sign-out-url' }) afterMultiSessionSingleSignOutUrl: string | undefined;
  /** Multi-session: where "Add account" goes; the instance's sign-in URL (with a `redirect_url` back here) when absent. */
  @property({ attribute: 'sign-in-url' }) signInUrl: string | undefined;
  /**
   * Extra items (`href` links, `onClick` actions, `open: 'billing'` profile pages, opened as
   * `openUserProfile({ ...userProfileProps, initialPage: 'billing' })`), and `{ label: 'manageAccount' | 'signOut' }`
   * entries that move the defaults (Clerk's `customMenuItems`).
   */
  @property({ attribute: false }) customMenuItems: UserButtonMenuItem[] | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.hide();
    this.isOpen = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('customMenuItems')) this.entries = menuEntries(this.customMenuItems);
    const user = this.resources.user;
    if (!user) this.isOpen = false;
    if (user && this.defaultOpen && !this.openedByDefault) this.isOpen = true;
    if (user && this.defaultOpen) this.openedByDefault = true;
    this.setState('signed-in', !!user);
    this.setState('open', this.isOpen);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncIcons();
    if (!(changed as Map<PropertyKey, unknown>).has('isOpen')) return;
    if (this.isOpen) void this.show();
    else this.hide();
  }

  private readonly handleOutsidePointer = (e: PointerEvent): void => {
    if (!e.composedPath().includes(this)) this.dismiss(false);
  };

  private handleTriggerClick(): void {
    if (this.isOpen) this.dismiss(true);
    else this.openOn('first');
  }

  private handleTriggerKeydown(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.openOn(e.key === 'ArrowUp' ? 'last' : 'first');
    } else if (e.key === 'Escape' && this.isOpen) {
      e.preventDefault();
      e.stopPropagation();
      this.dismiss(true);
    }
  }

  private handleMenuKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.dismiss(true);
    } else if (e.key === 'Tab') {
      // Shift+Tab goes back to the trigger, just before the menu. Tab closes first and lets the browser move on
      // from the trigger, past the element (tabbing out of a showing popover, Chromium returns to its start).
      try {
        this.card?.hidePopover?.();
      } catch {
        /* not shown as a popover */
      }
      this.dismiss(true);
      if (e.shiftKey) e.preventDefault();
    } else {
      const items = this.items();
      moveInMenu(e, items, items.indexOf(this.shadowRoot?.activeElement as HTMLElement));
    }
  }

  /** Focus moving out of the menu (by a script, or a click on something focusable) closes it. */
  private handleMenuFocusOut(e: FocusEvent): void {
    const to = e.relatedTarget;
    if (to instanceof Node && to !== this && !this.renderRoot.contains(to)) this.dismiss(false);
  }

  private readonly handleImageError = (): void => {
    this.brokenImage = this.resources.user?.imageUrl;
  };

  /** Opens the menu (focus stays where it is). */
  open(): void {
    if (this.resources.user) this.isOpen = true;
  }

  /** Closes the menu; focus inside it goes back to the avatar. */
  close(): void {
    const active = this.shadowRoot?.activeElement;
    this.dismiss(!!active && !!this.card?.contains(active));
  }

  /** Opens the menu when closed, closes it when open. */
  toggle(): void {
    if (this.isOpen) this.close();
    else this.open();
  }

  private openOn(target: FocusTarget): void {
    if (!this.resources.user) return;
    this.pendingFocus = target;
    if (this.isOpen) this.focusPending();
    this.isOpen = true;
  }

  private dismiss(focusTrigger: boolean): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.pendingFocus = undefined;
    if (focusTrigger) this.trigger?.focus();
  }

  private async show(): Promise<void> {
    // Listening starts with the open state, not once positioning has loaded: an early click outside still closes.
    document.addEventListener('pointerdown', this.handleOutsidePointer, true);
    await this.updateComplete;
    let anchor: Awaited<ReturnType<typeof loadAnchor>>['anchor'];
    try {
      ({ anchor } = await loadAnchor());
    } catch (error) {
      this.emit('clerk-error', { error });
      return this.dismiss(false);
    }
    const { trigger, card } = this;
    if (!this.isOpen || !trigger || !card || this.anchored) return;
    const { placed, stop } = anchor(trigger, card);
    this.anchored = { stop };
    await placed;
    if (this.isOpen) this.focusPending();
  }

  private hide(): void {
    this.anchored?.stop();
    this.anchored = undefined;
    document.removeEventListener('pointerdown', this.handleOutsidePointer, true);
  }

  private focusPending(): void {
    const items = this.items();
    const target = this.pendingFocus === 'last' ? items.at(-1) : this.pendingFocus === 'first' ? items[0] : undefined;
    this.pendingFocus = undefined;
    target?.focus();
  }

  private items(): HTMLElement[] {
    return Array.from(this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]'));
  }

  /** Whether the instance lets a browser hold several accounts (the environment's `single_session_mode` is false). */
  private get multiSession(): boolean {
    return this.instance?.environment?.authConfig.singleSessionMode === false;
  }

  /** The client's signed-in sessions other than the active one (multi-session), oldest first. */
  private otherSessions(): Session[] {
    if (!this.multiSession) return [];
    const active = this.resources.session?.id;
    return (this.resources.client?.activeSessions ?? []).filter((s) => s.id !== active && s.user);
  }

  /** "Manage account", or a custom item's `open` page: the profile modal, or `user-profile-url` in navigation mode. */
  private manageAccount(initialPage?: string): void {
    this.dismiss(true);
    const url = this.userProfileUrl;
    const detail = initialPage ? { userProfileUrl: url, initialPage } : { userProfileUrl: url };
    if (!this.emit('clerk-manage-account', detail)) return;
    const mode = this.userProfileMode ?? (url ? 'navigation' : 'modal');
    const opener = this.instance as ProfileOpener | undefined;
    if (mode === 'modal' && typeof opener?.openUserProfile === 'function') {
      opener.openUserProfile({ ...(this.userProfileProps ?? {}), ...(initialPage ? { initialPage } : {}) });
    } else if (url) void this.instance?.navigate(url);
  }

  /**
   * "Sign out" (`all` false) and "Sign out of all accounts" (`all`). In a multi-session application with other accounts
   * signed in, "Sign out" ends the active session only (`signOut({ sessionId })`, as Clerk's user button does) and the
   * next account becomes active; otherwise every session ends.
   */
  private async signOut(all = false): Promise<void> {
    const clerk = this.instance;
    if (!clerk) return;
    const sessionId = this.resources.session?.id ?? null;
    const onlyThis = !all && !!sessionId && this.otherSessions().length > 0;
    this.dismiss(true);
    this.setState('loading', true);
    try {
      // The callback form lets a listener cancel the redirect; the navigation is the one signOut would do.
      const then = (to: string | undefined) => async () => {
        if (!this.emit('clerk-sign-out', { sessionId: all ? null : sessionId })) return;
        if (to) await clerk.navigate(to);
      };
      if (onlyThis) {
        await clerk.signOut(then(this.afterMultiSessionSingleSignOutUrl ?? clerk.loadOptions.afterMultiSessionSingleSignOutUrl), { sessionId });
      } else {
        await clerk.signOut(then(this.afterSignOutUrl ?? clerk.loadOptions.afterSignOutUrl));
      }
    } catch (error) {
      this.emit('clerk-error', { error });
    } finally {
      this.setState('loading', false);
    }
  }

  /** Multi-session: makes another signed-in account the active one, then goes to `after-switch-session-url`. */
  private async switchTo(session: Session): Promise<void> {
    const clerk = this.instance;
    if (!clerk) return;
    this.dismiss(true);
    this.setState('loading', true);
    try {
      await clerk.setActive({ session: session.id });
      if (!this.emit('clerk-switch-session', { sessionId: session.id })) return;
      const to = this.afterSwitchSessionUrl ?? clerk.loadOptions.afterSwitchSessionUrl;
      if (to) await clerk.navigate(to);
    } catch (error) {
      this.emit('clerk-error', { error });
    } finally {
      this.setState('loading', false);
    }
  }

  /** Multi-session: "Add account" goes to sign-in (as Clerk's does), where one more account signs in next to this one. */
  private addAccount(): void {
    const clerk = this.instance;
    this.dismiss(false);
    if (!clerk) return;
    void clerk.navigate(this.signInUrl ?? clerk.buildSignInUrl());
  }

  private followLink(e: MouseEvent, href: string): void {
    this.dismiss(false);
    const url = new URL(href, location.href);
    // Same-origin links go through the app's router (Clerk.load({ routerPush })); others are plain links.
    if (url.origin !== location.origin || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || !this.instance) return;
    e.preventDefault();
    void this.instance.navigate(url.href);
  }

  private runAction(item: UserButtonMenuItem): void {
    this.dismiss(true);
    item.onClick?.();
  }

  /** Calls `mountIcon` for icon elements that appeared (or changed item) and `unmountIcon` for those that went. */
  private syncIcons(): void {
    const now = new Map<HTMLElement, UserButtonMenuItem>();
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('[data-entry]')) {
      const entry = this.entries[Number(el.dataset.entry)];
      if (entry && 'item' in entry && entry.item.mountIcon) now.set(el, entry.item);
    }
    for (const [el, item] of this.mountedIcons) if (now.get(el) !== item) item.unmountIcon?.(el);
    for (const [el, item] of now) if (this.mountedIcons.get(el) !== item) item.mountIcon?.(el);
    this.mountedIcons = now;
  }

  private customIcon(item: UserButtonMenuItem, index: number): TemplateResult {
    if (item.labelIcon) return html`<img class="icon" part="menu-item-icon userButtonPopoverActionButtonIcon" src=${item.labelIcon} alt="" />`;
    if (item.mountIcon) return html`<span class="icon" part="menu-item-icon userButtonPopoverActionButtonIcon" data-entry=${index}></span>`;
    return html`<span class="icon" aria-hidden="true"></span>`;
  }

  private renderEntry(entry: MenuEntry, index: number): TemplateResult {
    const parts = 'menu-item userButtonPopoverActionButton';
    switch (entry.kind) {
      case 'manageAccount':
      case 'signOut': {
        const manage = entry.kind === 'manageAccount';
        return html`<button
          class="item"
          part="${parts} userButtonPopoverActionButton__${entry.kind}"
          type="button"
          role="menuitem"
          tabindex="-1"
          data-item=${entry.kind}
          @click=${() => (manage ? this.manageAccount() : this.signOut())}
        >
          <span class="icon" part="menu-item-icon userButtonPopoverActionButtonIcon">${manage ? cogIcon : signOutIcon}</span
          >${this.t(`userButton.action__${entry.kind}`)}
        </button>`;
      }
      case 'link':
        return html`<a
          class="item"
          part="${parts} userButtonPopoverCustomItemButton"
          role="menuitem"
          tabindex="-1"
          href=${entry.href}
          @click=${(e: MouseEvent) => this.followLink(e, entry.href)}
          >${this.customIcon(entry.item, index)}${entry.item.label}</a
        >`;
      case 'profile':
        return html`<button
          class="item"
          part="${parts} userButtonPopoverCustomItemButton"
          type="button"
          role="menuitem"
          tabindex="-1"
          @click=${() => this.manageAccount(entry.page)}
        >
          ${this.customIcon(entry.item, index)}${entry.item.label}
        </button>`;
      case 'action':
        return html`<button
          class="item"
          part="${parts} userButtonPopoverCustomItemButton"
          type="button"
          role="menuitem"
          tabindex="-1"
          @click=${() => this.runAction(entry.item)}
        >
          ${this.customIcon(entry.item, index)}${entry.item.label}
        </button>`;
    }
  }

  private renderPopover(user: User): TemplateResult {
    const { main, secondary } = identity(user);
    const imageOk = this.brokenImage !== user.imageUrl;
    return html`<div
      class="popover"
      part="popover userButtonPopoverCard"
      popover="manual"
      @keydown=${this.handleMenuKeydown}
      @focusout=${this.handleMenuFocusOut}
    >
      <div class="preview" part="user-preview userPreview">
        ${avatar(user, 'user-preview-avatar userPreviewAvatarBox', imageOk, this.handleImageError)}
        <div class="identity">
          <span class="main" id="identity-main" part="user-preview-name userPreviewMainIdentifier">${main}</span>
          ${secondary ? html`<span class="secondary" part="user-preview-email userPreviewSecondaryIdentifier">${secondary}</span>` : nothing}
        </div>
      </div>
      <div class="menu" id="menu" part="menu userButtonPopoverActions" role="menu" aria-labelledby="identity-main">
        ${this.entries.map((e, i) => this.renderEntry(e, i))} ${this.multiSession ? this.renderAccounts() : nothing}
      </div>
    </div>`;
  }

  /** Multi-session: the other accounts, "Add account" and (with other accounts) "Sign out of all accounts". */
  private renderAccounts(): TemplateResult {
    const others = this.otherSessions();
    const parts = 'menu-item userButtonPopoverActionButton';
    return html`${others.map((s) => this.renderAccount(s))}
      <button
        class="item section"
        part="${parts} userButtonPopoverActionButton__addAccount"
        type="button"
        role="menuitem"
        tabindex="-1"
        data-item="addAccount"
        @click=${this.addAccount}
      >
        <span class="icon" part="menu-item-icon userButtonPopoverActionButtonIcon">${plusIcon}</span>${this.t('userButton.action__addAccount')}
      </button>
      ${
        others.length > 0
          ? html`<button
              class="item section"
              part="${parts} userButtonPopoverActionButton__signOutAll"
              type="button"
              role="menuitem"
              tabindex="-1"
              data-item="signOutAll"
              @click=${() => this.signOut(true)}
            >
              <span class="icon" part="menu-item-icon userButtonPopoverActionButtonIcon">${signOutIcon}</span>${this.t('userButton.action__signOutAll')}
            </button>`
          : nothing
      }`;
  }

  private renderAccount(session: Session): TemplateResult {
    const user = session.user!;
    const { main, secondary } = identity(user);
    return html`<button
      class="item account section"
      part="menu-item account userPreview"
      type="button"
      role="menuitem"
      tabindex="-1"
      data-session=${session.id}
      @click=${() => this.switchTo(session)}
    >
      ${avatar(user, 'account-avatar userPreviewAvatarBox', true, () => undefined)}
      <span class="identity">
        <span class="main" part="account-name userPreviewMainIdentifier">${main}</span>
        ${secondary ? html`<span class="secondary" part="account-email userPreviewSecondaryIdentifier">${secondary}</span>` : nothing}
      </span>
    </button>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const user = this.resources.user;
    if (!user) return nothing;
    const imageOk = this.brokenImage !== user.imageUrl;
    return html`<div class="base" part="base userButtonBox">
      <button
        class="trigger"
        part="trigger userButtonTrigger"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${this.isOpen ? 'true' : 'false'}
        aria-controls=${this.isOpen ? 'menu' : nothing}
        @click=${this.handleTriggerClick}
        @keydown=${this.handleTriggerKeydown}
        @pointerenter=${prefetch}
        @focus=${prefetch}
      >
        <span class="visually-hidden">${this.t('userButton.action__openUserMenu')}</span>
        ${this.showName ? html`<span class="name" part="name userButtonOuterIdentifier">${user.displayName}</span>` : nothing}
        ${avatar(user, 'avatar userButtonAvatarBox', imageOk, this.handleImageError)}
      </button>
      ${this.isOpen ? this.renderPopover(user) : nothing}
    </div>`;
  }
}
