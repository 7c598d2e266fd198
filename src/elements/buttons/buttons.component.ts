// Unstyled control elements: buttons that wrap the page's own slotted button, and redirects.
import { css, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ClerkElement } from '../shared/clerk-element.js';

export const BUTTON_MODES = ['modal', 'redirect'] as const;
export type ButtonMode = (typeof BUTTON_MODES)[number];

const contents = css`
  :host {
    display: contents;
  }
`;

/** Shared by the three buttons: a click anywhere in the slotted content runs `activate()`. */
abstract class SlottedButton extends ClerkElement {
  static override styles = contents;

  /** URL to go to after signing in or up, whatever the page's URL says. */
  @property({ attribute: 'force-redirect-url' }) forceRedirectUrl: string | undefined;
  /** URL to go to after signing in or up when the page's URL names no `redirect_url`. */
  @property({ attribute: 'fallback-redirect-url' }) fallbackRedirectUrl: string | undefined;

  protected abstract activate(): Promise<unknown>;

  protected redirectProps() {
    return {
      ...(this.forceRedirectUrl ? { forceRedirectUrl: this.forceRedirectUrl } : {}),
      ...(this.fallbackRedirectUrl ? { fallbackRedirectUrl: this.fallbackRedirectUrl } : {}),
    };
  }

  /** Shown when nothing is slotted: a plain button, so the element works on its own. */
  protected abstract defaultLabel(): TemplateResult;

  protected override render(): TemplateResult {
    return html`<slot @click=${() => void this.activate()}>${this.defaultLabel()}</slot>`;
  }
}

/**
 * @tagname clerk-sign-in-button
 * @summary Wraps a button: a click opens sign-in in a modal (`mode="modal"`) or goes to the sign-in page.
 * @slot - The button to wrap; a plain "Sign in" button when empty.
 */
export class ClerkSignInButton extends SlottedButton {
  /** `redirect` (default) goes to the sign-in URL; `modal` opens `<clerk-sign-in>` in a dialog. */
  @property() mode: ButtonMode = 'redirect';

  protected activate(): Promise<unknown> {
    const clerk = this.instance;
    if (!clerk) return Promise.resolve();
    if (this.mode === 'modal') return Promise.resolve(clerk.openSignIn(this.redirectProps()));
    return clerk.redirectToSignIn({
      ...((this.forceRedirectUrl ?? this.fallbackRedirectUrl) ? { redirectUrl: this.forceRedirectUrl ?? this.fallbackRedirectUrl } : {}),
    });
  }

  protected defaultLabel(): TemplateResult {
    return html`<button type="button" part="button">${this.t('signUp.start.actionLink')}</button>`;
  }
}

/**
 * @tagname clerk-sign-up-button
 * @summary Wraps a button: a click opens sign-up in a modal (`mode="modal"`) or goes to the sign-up page.
 * @slot - The button to wrap; a plain "Sign up" button when empty.
 */
export class ClerkSignUpButton extends SlottedButton {
  /** `redirect` (default) goes to the sign-up URL; `modal` opens `<clerk-sign-up>` in a dialog. */
  @property() mode: ButtonMode = 'redirect';

  protected activate(): Promise<unknown> {
    const clerk = this.instance;
    if (!clerk) return Promise.resolve();
    if (this.mode === 'modal') return Promise.resolve(clerk.openSignUp(this.redirectProps()));
    return clerk.redirectToSignUp({
      ...((this.forceRedirectUrl ?? this.fallbackRedirectUrl) ? { redirectUrl: this.forceRedirectUrl ?? this.fallbackRedirectUrl } : {}),
    });
  }

  protected defaultLabel(): TemplateResult {
    return html`<button type="button" part="button">${this.t('signIn.start.actionLink')}</button>`;
  }
}

/**
 * @tagname clerk-sign-out-button
 * @summary Wraps a button: a click signs out (one session with `session-id`, else all), then optionally navigates.
 * @slot - The button to wrap; a plain "Sign out" button when empty.
 */
export class ClerkSignOutButton extends SlottedButton {
  /** Where to go after signing out. */
  @property({ attribute: 'redirect-url' }) redirectUrl: string | undefined;
  /** Sign out of this session only. */
  @property({ attribute: 'session-id' }) sessionId: string | undefined;

  protected activate(): Promise<unknown> {
    return (
      this.instance?.signOut({ ...(this.redirectUrl ? { redirectUrl: this.redirectUrl } : {}), ...(this.sessionId ? { sessionId: this.sessionId } : {}) }) ??
      Promise.resolve()
    );
  }

  protected defaultLabel(): TemplateResult {
    return html`<button type="button" part="button">${this.t('userButton.action__signOut')}</button>`;
  }
}

/** Shared by the redirects: once loaded (and signed out, or for the profile signed in), navigate once. */
abstract class LoadedRedirect extends ClerkElement {
  static override styles = contents;

  private done = false;
  /** Whether the redirect is for signed-in visitors (the profile) rather than signed-out ones. */
  protected readonly whenSignedIn: boolean = false;

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed as never);
    if (this.loaded && !!this.resources.session === this.whenSignedIn && !this.done) {
      this.done = true;
      void this.go();
    }
  }

  protected abstract go(): Promise<unknown>;

  protected override render(): TemplateResult {
    return html``;
  }
}

/**
 * @tagname clerk-redirect-to-sign-in
 * @summary Sends signed-out visitors to the sign-in page (with a `redirect_url` back here).
 */
export class ClerkRedirectToSignIn extends LoadedRedirect {
  protected go(): Promise<unknown> {
    return this.instance!.redirectToSignIn();
  }
}

/**
 * @tagname clerk-redirect-to-sign-up
 * @summary Sends signed-out visitors to the sign-up page (with a `redirect_url` back here).
 */
export class ClerkRedirectToSignUp extends LoadedRedirect {
  protected go(): Promise<unknown> {
    return this.instance!.redirectToSignUp();
  }
}

/**
 * @tagname clerk-redirect-to-user-profile
 * @summary Sends signed-in visitors to the account page (`user_profile_url`, the hosted `/user` by default).
 */
export class ClerkRedirectToUserProfile extends LoadedRedirect {
  protected override readonly whenSignedIn = true;

  protected go(): Promise<unknown> {
    return this.instance!.redirectToUserProfile();
  }
}
