import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { User } from '../../core/resources/user.js';
import { ClerkElement } from '../shared/clerk-element.js';
import { avatar, identity } from './avatar.js';
import { cogIcon, signOutIcon } from './icons.js';
import { menuEntries, type MenuEntry, type UserButtonMenuItem } from './menu-items.js';
import { moveInMenu } from './menu-keyboard.js';
import { styles } from './user-button.styles.js';

export type { UserButtonMenuItem } from './menu-items.js';

type FocusTarget = 'first' | 'last' | undefined;

/** floating-ui is most of the positioning weight: it loads when the menu is about to open, not with the avatar. */
const loadAnchor = () => import('./anchor.js');
const prefetch = () => void loadAnchor().catch(() => undefined);

/**
 * @tagname clerk-user-button
 * @summary The signed-in user's avatar; it opens a menu with the account, "Manage account", "Sign out" and custom items.
 *
 * Renders nothing while signed out. The menu follows the WAI-ARIA menu button pattern: Enter, Space or ArrowDown
 * on the avatar open it on the first item (ArrowUp on the last), ArrowUp/ArrowDown/Home/End and a typed letter
 * move, Escape closes and returns to the avatar, Tab closes and moves on, a click outside closes.
 *
 * @event clerk-manage-account - "Manage account" was chosen (`detail.userProfileUrl`). Cancel it to stay on the page when `user-profile-url` is set.
 * @event clerk-sign-out - The user signed out from the menu (`detail.sessionId`). Cancel it to skip the `after-sign-out-url` redirect.
 * @event clerk-error - Signing out failed, or the menu's positioning code could not load (`detail.error`).
 *
 * @csspart base - The wrapper (also `userButtonBox`).
 * @csspart trigger - The button that opens the menu (also `userButtonTrigger`).
 * @csspart avatar - The avatar in the trigger (also `userButtonAvatarBox`); `avatar-image userButtonAvatarImage` inside.
 * @csspart name - The name next to the avatar with `show-name` (also `userButtonOuterIdentifier`).
 * @csspart popover - The menu card (also `userButtonPopoverCard`).
 * @csspart user-preview - The account summary at the top of the card (also `userPreview`), with `user-preview-avatar userPreviewAvatarBox`, `user-preview-name userPreviewMainIdentifier`, `user-preview-email userPreviewSecondaryIdentifier`.
 * @csspart menu - The list of items (also `userButtonPopoverActions`).
 * @csspart menu-item - Each item (also `userButtonPopoverActionButton`, with `userButtonPopoverActionButton__manageAccount` / `__signOut`; custom items `userButtonPopoverCustomItemButton`).
 * @csspart menu-item-icon - An item's icon (also `userButtonPopoverActionButtonIcon`).
 *
 * @cssproperty [--clerk-user-button-avatar-size=2rem] - The avatar's diameter.
 * @cssproperty [--clerk-user-button-popover-width=16rem] - The menu card's minimum width (it grows to fit a long email).
 * @cssstate signed-in - A user is signed in (the element is visible).
 * @cssstate open - The menu is open.
 * @cssstate loading - Signing out.
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
  /** Where "Manage account" leads; without it the element only emits `clerk-manage-account`. */
  @property({ attribute: 'user-profile-url' }) userProfileUrl: string | undefined;
  /** Where to go after "Sign out"; `Clerk.load({ afterSignOutUrl })` when absent, else nowhere. */
  @property({ attribute: 'after-sign-out-url' }) afterSignOutUrl: string | undefined;
  /** Extra items, and `{ label: 'manageAccount' | 'signOut' }` entries that move the defaults (Clerk's `customMenuItems`). */
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

  private manageAccount(): void {
    this.dismiss(true);
    const url = this.userProfileUrl;
    if (this.emit('clerk-manage-account', { userProfileUrl: url }) && url) void this.instance?.navigate(url);
  }

  private async signOut(): Promise<void> {
    const clerk = this.instance;
    if (!clerk) return;
    const sessionId = this.resources.session?.id ?? null;
    this.dismiss(true);
    this.setState('loading', true);
    try {
      // The callback form lets a listener cancel the redirect; the navigation is the one signOut would do.
      await clerk.signOut(async () => {
        if (!this.emit('clerk-sign-out', { sessionId })) return;
        const to = this.afterSignOutUrl ?? clerk.loadOptions.afterSignOutUrl;
        if (to) await clerk.navigate(to);
      });
    } catch (error) {
      this.emit('clerk-error', { error });
    } finally {
      this.setState('loading', false);
    }
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
          @click=${manage ? this.manageAccount : this.signOut}
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
        ${this.entries.map((e, i) => this.renderEntry(e, i))}
      </div>
    </div>`;
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
