import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isClerkAPIResponseError } from '../../core/errors.js';
import type { SignIn, SignInFactor } from '../../core/resources/sign-in.js';
import { FormElement } from '../shared/form-element.js';
import { field, uid } from '../shared/light-form.js';
import { switchModal } from '../shared/modal-switch.js';
import { styles } from './sign-in.styles.js';

export const SIGN_IN_STEPS = ['start', 'password', 'email-code', 'alternative-methods', 'forgot-password', 'reset-password'] as const;
export type SignInStep = (typeof SIGN_IN_STEPS)[number];

/** Input limits: the server's (`src/server/routes/client.ts`) for the identifier and passwords (the code field has its own). */
const MAX = { identifier: 320, password: 1024 };

export interface SignInInitialValues {
  emailAddress?: string;
  username?: string;
}

/**
 * @tagname clerk-sign-in
 * @summary Sign-in: identifier, then password or an emailed code ("Use another method" lists the others); "forgot password"
 * resets with a code.
 *
 * @slot - The light-DOM form (rendered by the element; browsers and password managers autofill it).
 *
 * @event clerk-sign-in - The user signed in (`detail.sessionId`). Cancel it to stay on the page.
 * @event clerk-error - A step failed (`detail.error`).
 *
 * @csspart base - The card (also `card`).
 * @csspart header - The header; `header-title headerTitle`, `header-subtitle headerSubtitle` inside.
 * @csspart footer - The footer with the sign-up link.
 *
 * @cssproperty [--clerk-card-max-width=25rem] - The card's maximum width.
 * @cssstate loading - A request is in flight.
 */
export class ClerkSignIn extends FormElement {
  static override styles = styles;

  private readonly ids = {
    identifier: uid('identifier'),
    password: uid('password'),
    code: uid('code'),
    newPassword: uid('new-password'),
    confirm: uid('confirm'),
  };

  @state() private step: SignInStep = 'start';
  @state() private identifier = '';
  @state() private password = '';
  @state() private newPassword = '';
  @state() private confirmPassword = '';
  @state() private signOutOthers = true;
  private signIn: SignIn | undefined;
  /** The email factor the current code went to. */
  private emailFactor: SignInFactor | undefined;
  /** The step "Use another method" was chosen on (its list leaves that factor out; Back returns to it). */
  private methodsFrom: 'password' | 'email-code' = 'password';

  /** Where "Sign up" leads; the instance's sign-up URL when absent. */
  @property({ attribute: 'sign-up-url' }) signUpUrl: string | undefined;
  /** Where to go after signing in when the page's URL names no `redirect_url`. */
  @property({ attribute: 'fallback-redirect-url' }) fallbackRedirectUrl: string | undefined;
  /** Where to go after signing in, whatever the page's URL says. */
  @property({ attribute: 'force-redirect-url' }) forceRedirectUrl: string | undefined;
  /** `virtual` keeps steps inside the element (modals); `hash` and `path` are accepted as Clerk's are. */
  @property() routing: 'hash' | 'path' | 'virtual' = 'hash';
  /** Values to prefill (`emailAddress`, `username`). */
  @property({ attribute: false }) initialValues: SignInInitialValues | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.identifier ||= this.initialValues?.emailAddress ?? this.initialValues?.username ?? '';
  }

  protected get currentStep(): string {
    return this.step;
  }

  protected restoreStep(step: string): boolean {
    // Back to the identifier always works; a later step only for the sign-in still in progress.
    const later: string[] = ['password', 'email-code', 'alternative-methods', 'forgot-password'];
    if (step === 'start' || (this.signIn?.status === 'needs_first_factor' && later.includes(step))) {
      this.step = step as SignInStep;
      return true;
    }
    return false;
  }

  protected override fieldFor(paramName: string | undefined): string | undefined {
    if (paramName === 'identifier' || paramName === 'email_address' || paramName === 'username') return 'identifier';
    if (paramName === 'password') return this.step === 'reset-password' ? 'newPassword' : 'password';
    return paramName;
  }

  protected override labelFor(f: string): string | undefined {
    const keys: Record<string, string> = {
      identifier: this.identifierLabel,
      password: 'formFieldLabel__password',
      newPassword: 'formFieldLabel__newPassword',
      confirm: 'formFieldLabel__confirmPassword',
      code: this.step === 'forgot-password' ? 'signIn.forgotPassword.formTitle' : 'signIn.emailCode.formTitle',
    };
    return keys[f] ? this.t(keys[f]) : undefined;
  }

  private get identifierLabel(): string {
    const attrs = this.instance?.environment?.userSettings.attributes;
    const email = attrs?.emailAddress?.enabled ?? true;
    const username = attrs?.username?.enabled ?? false;
    return email && username ? 'formFieldLabel__emailAddress_username' : username ? 'formFieldLabel__username' : 'formFieldLabel__emailAddress';
  }

  private factor(strategy: string): SignInFactor | undefined {
    return this.signIn?.supportedFirstFactors?.find((f) => f.strategy === strategy);
  }

  /** The first factors this element can offer besides the one in use (`from`): the password, an email code to each address. */
  private othersThan(from: 'password' | 'email-code'): SignInFactor[] {
    const otherEmail = (f: SignInFactor) => f.strategy === 'email_code' && f.emailAddressId !== this.emailFactor?.emailAddressId;
    const factors = this.signIn?.supportedFirstFactors ?? [];
    return factors.filter((f) => (from === 'password' ? f.strategy === 'email_code' : f.strategy === 'password' || otherEmail(f)));
  }

  private methodLabel(f: SignInFactor): string {
    return f.strategy === 'password'
      ? this.t('signIn.alternativeMethods.blockButton__password')
      : this.t('signIn.alternativeMethods.blockButton__emailCode', { identifier: f.safeIdentifier ?? this.signIn?.identifier ?? '' });
  }

  private choose(f: SignInFactor): Promise<void> {
    if (f.strategy === 'password') {
      this.goTo(() => {
        this.step = 'password';
        this.password = '';
      });
      return Promise.resolve();
    }
    return this.sendCode(f);
  }

  private async start(): Promise<void> {
    const clerk = this.instance!;
    if (!clerk.client) await clerk.load();
    this.signIn = await clerk.client!.signIn.create({ identifier: this.identifier.trim() });
    if (this.factor('password')) this.goTo(() => (this.step = 'password'));
    else await this.sendCode();
  }

  private async attemptPassword(): Promise<void> {
    await this.orAlreadySignedIn(async () => {
      this.signIn = await this.signIn!.attemptFirstFactor({ strategy: 'password', password: this.password });
      await this.finish();
    });
  }

  private async sendCode(f = this.factor('email_code')): Promise<void> {
    this.signIn = await this.signIn!.prepareFirstFactor({ strategy: 'email_code', ...(f?.emailAddressId ? { emailAddressId: f.emailAddressId } : {}) });
    this.emailFactor = f;
    this.codeSent(() => (this.step = 'email-code'));
  }

  private async forgotPassword(): Promise<void> {
    const f = this.factor('reset_password_email_code');
    this.signIn = await this.signIn!.prepareFirstFactor({
      strategy: 'reset_password_email_code',
      ...(f?.emailAddressId ? { emailAddressId: f.emailAddressId } : {}),
    });
    this.codeSent(() => (this.step = 'forgot-password'));
  }

  private async attemptCode(): Promise<void> {
    const strategy = this.step === 'forgot-password' ? 'reset_password_email_code' : 'email_code';
    await this.orAlreadySignedIn(async () => {
      this.signIn = await this.signIn!.attemptFirstFactor({ strategy, code: this.code });
      if (this.signIn.status === 'needs_new_password') this.goTo(() => (this.step = 'reset-password'));
      else await this.finish();
    });
  }

  private async resetPassword(): Promise<void> {
    if (this.newPassword !== this.confirmPassword) {
      this.errors = { confirm: this.t('formFieldError__notMatchingPasswords') };
      return;
    }
    await this.orAlreadySignedIn(async () => {
      this.signIn = await this.signIn!.resetPassword({ password: this.newPassword, signOutOfOtherSessions: this.signOutOthers });
      await this.finish();
    });
  }

  /**
   * Multi-session: the account is already signed in on this browser (Clerk's `identifier_already_signed_in`, naming
   * its session): make that session active and go on, as clerk-js does, instead of showing the error.
   */
  private async orAlreadySignedIn(step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (e) {
      const held = isClerkAPIResponseError(e) ? e.errors.find((x) => x.code === 'identifier_already_signed_in')?.meta?.sessionId : undefined;
      if (typeof held !== 'string') throw e;
      await this.complete(held);
    }
  }

  private async finish(): Promise<void> {
    const sessionId = this.signIn?.createdSessionId;
    if (this.signIn?.status !== 'complete' || !sessionId) return;
    await this.complete(sessionId);
  }

  /** Makes the signed-in session active, then `clerk-sign-in` and the redirect. */
  private async complete(sessionId: string): Promise<void> {
    const clerk = this.instance!;
    await clerk.setActive({ session: sessionId });
    this.password = '';
    this.newPassword = '';
    this.confirmPassword = '';
    if (!this.emit('clerk-sign-in', { sessionId })) return;
    const target = this.forceRedirectUrl ?? this.fallbackRedirectUrl;
    if (this.forceRedirectUrl || !new URL(location.href).searchParams.has('redirect_url')) {
      if (target) await clerk.navigate(target);
      else if (this.routing !== 'virtual') await clerk.redirectToAfterSignIn();
    } else await clerk.redirectToAfterSignIn();
  }

  protected heading(): { title: string; subtitle?: string } {
    switch (this.step) {
      case 'password':
        return { title: this.t('signIn.password.title'), subtitle: this.t('signIn.password.subtitle') };
      case 'email-code':
        return { title: this.t('signIn.emailCode.title'), subtitle: this.t('signIn.emailCode.subtitle') };
      case 'alternative-methods':
        return { title: this.t('signIn.alternativeMethods.title'), subtitle: this.t('signIn.alternativeMethods.subtitle') };
      case 'forgot-password':
        return { title: this.t('signIn.forgotPassword.title'), subtitle: this.t('signIn.forgotPassword.subtitle') };
      case 'reset-password':
        return { title: this.t('signIn.resetPassword.title') };
      default:
        return { title: this.t('signIn.start.title'), subtitle: this.t('signIn.start.subtitle') };
    }
  }

  protected override renderFooter(): TemplateResult | typeof nothing {
    if (this.step !== 'start') return nothing;
    const url = this.signUpUrl ?? this.instance?.buildSignUpUrl();
    // In a modal, "Sign up" turns the modal into sign-up instead of leaving the page.
    return html`${this.t('signIn.start.actionText')}
      <a href=${url ?? '#'} @click=${(e: MouseEvent) => switchModal(this, 'clerk-sign-up', e)}>${this.t('signIn.start.actionLink')}</a>`;
  }

  /** "Use another method": the list of the other first factors, shown when there is one. */
  private anotherMethod(): TemplateResult | typeof nothing {
    const from = this.step === 'email-code' ? 'email-code' : 'password';
    const others = this.othersThan(from);
    if (!others.length) return nothing;
    return html`<button
      type="button"
      class="cl-link"
      @click=${() =>
        this.goTo(() => {
          this.methodsFrom = from;
          this.step = 'alternative-methods';
        })}
    >
      ${this.t('footerActionLink__useAnotherMethod')}
    </button>`;
  }

  /** Who is signing in, and "Back" to the identifier. */
  private identity(): TemplateResult {
    return this.identityRow(this.signIn?.identifier ?? this.identifier, () => (this.step = 'start'));
  }

  protected renderForm(): TemplateResult {
    switch (this.step) {
      case 'password':
        return html`<form class="cl-form" novalidate @submit=${this.onSubmit(() => this.attemptPassword())}>
          ${this.identity()}
          <input type="text" name="username" autocomplete="username" .value=${this.signIn?.identifier ?? ''} hidden />
          ${field({
            id: this.ids.password,
            name: 'password',
            type: 'password',
            autocomplete: 'current-password',
            maxlength: MAX.password,
            label: this.t('formFieldLabel__password'),
            value: this.password,
            error: this.errors.password,
            required: true,
            action: this.factor('reset_password_email_code')
              ? html`<button type="button" class="cl-link" @click=${() => void this.run(() => this.forgotPassword())}>
                  ${this.t('formFieldAction__forgotPassword')}
                </button>`
              : nothing,
            onInput: (v) => (this.password = v),
          })}
          ${this.formErrorTemplate()} ${this.submitButton()} ${this.anotherMethod()}
        </form>`;
      case 'alternative-methods':
        return html`<div class="cl-form">
          <ul class="cl-methods" role="list">
            ${this.othersThan(this.methodsFrom).map(
              (f) =>
                html`<li>
                  <button
                    type="button"
                    class="cl-method"
                    part="alternative-method alternativeMethodsBlockButton"
                    ?disabled=${this.busy}
                    @click=${() => void this.run(() => this.choose(f))}
                  >
                    ${this.methodLabel(f)}
                  </button>
                </li>`,
            )}
          </ul>
          ${this.formErrorTemplate()} ${this.backButton(() => (this.step = this.methodsFrom))}
        </div>`;
      case 'email-code':
      case 'forgot-password':
        return html`<form class="cl-form" novalidate @submit=${this.onSubmit(() => this.attemptCode())}>
          ${this.identity()}
          ${this.codeField(this.ids.code, this.step === 'email-code' ? 'signIn.emailCode.formTitle' : 'signIn.forgotPassword.formTitle', () => this.attemptCode())}
          ${this.formErrorTemplate()} ${this.submitButton()}
          ${
            this.step === 'email-code'
              ? this.resendButton('signIn.emailCode.resendButton', () => this.sendCode(this.emailFactor))
              : this.resendButton('signIn.forgotPassword.resendButton', () => this.forgotPassword())
          }
          ${this.step === 'email-code' ? this.anotherMethod() : nothing}
        </form>`;
      case 'reset-password':
        return html`<form class="cl-form" novalidate @submit=${this.onSubmit(() => this.resetPassword())}>
          <input type="text" name="username" autocomplete="username" .value=${this.signIn?.identifier ?? ''} hidden />
          ${field({
            id: this.ids.newPassword,
            name: 'new-password',
            type: 'password',
            autocomplete: 'new-password',
            maxlength: MAX.password,
            label: this.t('formFieldLabel__newPassword'),
            value: this.newPassword,
            error: this.errors.newPassword,
            required: true,
            onInput: (v) => (this.newPassword = v),
          })}
          ${field({
            id: this.ids.confirm,
            name: 'confirm-password',
            type: 'password',
            autocomplete: 'new-password',
            maxlength: MAX.password,
            label: this.t('formFieldLabel__confirmPassword'),
            value: this.confirmPassword,
            error: this.errors.confirm,
            required: true,
            onInput: (v) => (this.confirmPassword = v),
          })}
          <label class="cl-checkbox"
            ><input type="checkbox" .checked=${this.signOutOthers} @change=${(e: Event) => (this.signOutOthers = (e.target as HTMLInputElement).checked)} />
            ${this.t('formFieldLabel__signOutOfOtherSessions')}</label
          >
          ${this.formErrorTemplate()} ${this.submitButton(this.t('signIn.resetPassword.formButtonPrimary'))}
        </form>`;
      default:
        return html`<form class="cl-form" novalidate @submit=${this.onSubmit(() => this.start())}>
          ${field({
            id: this.ids.identifier,
            name: 'identifier',
            autocomplete: 'username',
            maxlength: MAX.identifier,
            label: this.t(this.identifierLabel),
            value: this.identifier,
            error: this.errors.identifier,
            required: true,
            onInput: (v) => (this.identifier = v),
          })}
          ${this.formErrorTemplate()} ${this.submitButton()}
        </form>`;
    }
  }
}
