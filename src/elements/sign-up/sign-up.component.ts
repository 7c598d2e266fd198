import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ClerkAPIError } from '../../core/errors.js';
import type { SignUp, SignUpParams } from '../../core/resources/sign-up.js';
import { FormElement } from '../shared/form-element.js';
import { field, uid } from '../shared/light-form.js';
import { switchModal } from '../shared/modal-switch.js';
import { EMPTY, FALLBACK, FIELDS, missingFieldsError, SIGN_UP_FIELDS, type SignUpField } from './sign-up.fields.js';
import { styles } from './sign-up.styles.js';

export { SIGN_UP_FIELDS, type SignUpField };

export const SIGN_UP_STEPS = ['start', 'email-code'] as const;
export type SignUpStep = (typeof SIGN_UP_STEPS)[number];

export interface SignUpInitialValues {
  emailAddress?: string;
  username?: string;
  firstName?: string;
  lastName?: string;
}

/**
 * @tagname clerk-sign-up
 * @summary Sign-up: the fields the instance asks for (names, username, email, password), then the emailed code.
 * In `waitlist` or `restricted` sign-up mode it shows why sign-ups are closed (and the waitlist link) instead.
 *
 * @slot - The light-DOM form (rendered by the element; browsers and password managers autofill it). Its
 *   submit button carries `part="button button-primary formButtonPrimary"` for naming consistency.
 *
 * @event clerk-sign-up - The user signed up and is signed in (`detail.sessionId`, `detail.userId`). Cancel it to stay on the page.
 * @event clerk-error - A step failed (`detail.error`).
 *
 * @csspart base - The card (also `card`).
 * @csspart header - The header; `header-title headerTitle`, `header-subtitle headerSubtitle` inside.
 * @csspart footer - The footer with the sign-in link.
 *
 * @cssproperty [--clerk-card-max-width=25rem] - The card's maximum width.
 * @cssstate loading - A request is in flight.
 */
export class ClerkSignUp extends FormElement {
  static override styles = styles;

  private readonly ids: Record<SignUpField | 'code', string> = {
    firstName: uid('first-name'),
    lastName: uid('last-name'),
    username: uid('username'),
    emailAddress: uid('email'),
    password: uid('new-password'),
    code: uid('code'),
  };

  @state() private step: SignUpStep = 'start';
  @state() private values: Record<SignUpField, string> = { ...EMPTY };
  private signUp: SignUp | undefined;

  /** Where "Sign in" leads; the instance's sign-in URL when absent. */
  @property({ attribute: 'sign-in-url' }) signInUrl: string | undefined;
  /** Where to go after signing up when the page's URL names no `redirect_url`. */
  @property({ attribute: 'fallback-redirect-url' }) fallbackRedirectUrl: string | undefined;
  /** Where to go after signing up, whatever the page's URL says. */
  @property({ attribute: 'force-redirect-url' }) forceRedirectUrl: string | undefined;
  /** Where "Join waitlist" leads in waitlist mode; the instance's waitlist URL when absent. */
  @property({ attribute: 'waitlist-url' }) waitlistUrl: string | undefined;
  /** `virtual` keeps steps inside the element (modals); `hash` and `path` are accepted as Clerk's are. */
  @property() routing: 'hash' | 'path' | 'virtual' = 'hash';
  /** Values to prefill (`emailAddress`, `username`, `firstName`, `lastName`). */
  @property({ attribute: false }) initialValues: SignUpInitialValues | undefined;
  /** Metadata stored on the new user as `unsafeMetadata`. */
  @property({ attribute: false }) unsafeMetadata: Record<string, unknown> | undefined;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed as never);
    if (changed.has('initialValues') && this.initialValues) {
      const next = { ...this.values };
      for (const f of ['emailAddress', 'username', 'firstName', 'lastName'] as const) next[f] ||= this.initialValues[f] ?? '';
      this.values = next;
    }
  }

  private get mode(): 'public' | 'restricted' | 'waitlist' {
    return this.instance?.environment?.userSettings.signUp?.mode ?? 'public';
  }

  /** An invitation's ticket from the page URL (`?__clerk_ticket=…`, as invitation links carry it). */
  private get ticket(): string | null {
    return new URL(location.href).searchParams.get('__clerk_ticket');
  }

  /** Whether sign-ups are closed (shown once the environment says so); an invitation opens them. */
  private get closed(): boolean {
    return this.loaded && this.mode !== 'public' && !this.ticket;
  }

  private setting(f: SignUpField): { enabled: boolean; required: boolean } {
    const env = this.instance?.environment;
    if (!env) return FALLBACK[f];
    const a = env.userSettings.attributes[f];
    return { enabled: a?.enabled ?? false, required: (a?.enabled ?? false) && (a?.required ?? false) };
  }

  private get shownFields(): SignUpField[] {
    // With an invitation the address is the invited one: the server takes it from the ticket.
    return SIGN_UP_FIELDS.filter((f) => this.setting(f).enabled && !(this.ticket && f === 'emailAddress'));
  }

  protected get currentStep(): string {
    return this.step;
  }

  protected restoreStep(step: string): boolean {
    if (step === 'start' || (step === 'email-code' && this.signUp?.unverifiedFields.includes('email_address'))) {
      this.step = step as SignUpStep;
      return true;
    }
    return false;
  }

  protected override fieldFor(paramName: string | undefined): string | undefined {
    if (this.step === 'email-code') return paramName === 'code' ? 'code' : undefined;
    const f = SIGN_UP_FIELDS.find((x) => FIELDS[x].param === paramName || x === paramName);
    return f && this.setting(f).enabled ? f : undefined;
  }

  protected override labelFor(f: string): string | undefined {
    if (f === 'code') return this.t('signUp.emailCode.formTitle');
    const spec = FIELDS[f as SignUpField];
    return spec ? this.t(spec.label) : undefined;
  }

  protected override errorText(e: ClerkAPIError): string {
    const param = e.meta?.paramName;
    if (e.code === 'form_param_missing' && param && !this.fieldFor(param)) return e.longMessage ?? e.message;
    return super.errorText(e);
  }

  private async start(): Promise<void> {
    const clerk = this.instance!;
    if (!clerk.client) await clerk.load();
    const params: SignUpParams = {};
    const empty: string[] = [];
    for (const f of this.shownFields) {
      const v = f === 'password' ? this.values[f] : this.values[f].trim();
      if (v) params[f] = v;
      else if (this.setting(f).required) empty.push(FIELDS[f].param);
    }
    if (empty.length) throw missingFieldsError(empty);
    if (this.unsafeMetadata) params.unsafeMetadata = this.unsafeMetadata;
    const ticket = this.ticket;
    if (ticket) Object.assign(params, { strategy: 'ticket', ticket });
    // A fresh attempt each time: going back and changing the address must not reuse a half-verified one.
    this.signUp = await clerk.client!.signUp.create(params);
    await this.next();
  }

  private async sendCode(): Promise<void> {
    this.signUp = await this.signUp!.prepareEmailAddressVerification({ strategy: 'email_code' });
    this.codeSent(() => (this.step = 'email-code'));
  }

  private async attemptCode(): Promise<void> {
    if (!this.code) throw missingFieldsError(['code']);
    try {
      this.signUp = await this.signUp!.attemptEmailAddressVerification({ code: this.code });
    } catch (e) {
      // An empty input for the next try: with auto-submit, a kept wrong code would block typing a new one.
      this.code = '';
      throw e;
    }
    await this.next();
  }

  /** After each answer: done, or a code to send, or fields the instance still requires. */
  private async next(): Promise<void> {
    const su = this.signUp!;
    if (su.status === 'complete' && su.createdSessionId) return this.finish(su.createdSessionId, su.createdUserId ?? '');
    if (this.step === 'start' && su.unverifiedFields.includes('email_address')) return this.sendCode();
    if (su.missingFields.length) {
      if (this.step !== 'start') this.goTo(() => (this.step = 'start'));
      throw missingFieldsError(su.missingFields);
    }
    throw new Error(`The sign-up could not be completed (status ${su.status ?? 'unknown'}).`);
  }

  private async finish(sessionId: string, userId: string): Promise<void> {
    const clerk = this.instance!;
    await clerk.setActive({ session: sessionId });
    this.values = { ...this.values, password: '' };
    this.code = '';
    if (!this.emit('clerk-sign-up', { sessionId, userId })) return;
    if (this.forceRedirectUrl) {
      await clerk.navigate(this.forceRedirectUrl);
      return;
    }
    const fromQuery = new URL(location.href).searchParams.has('redirect_url');
    if (!fromQuery && this.fallbackRedirectUrl) await clerk.navigate(this.fallbackRedirectUrl);
    else if (fromQuery || this.routing !== 'virtual') await clerk.navigate(clerk.buildAfterSignInUrl('signUp'));
  }

  protected heading(): { title: string; subtitle?: string } {
    if (this.closed) {
      return {
        title: this.t('signUp.restrictedAccess.title'),
        subtitle: this.t(this.mode === 'waitlist' ? 'signUp.restrictedAccess.subtitleWaitlist' : 'signUp.restrictedAccess.subtitle'),
      };
    }
    if (this.step === 'email-code') return { title: this.t('signUp.emailCode.title'), subtitle: this.t('signUp.emailCode.subtitle') };
    return { title: this.t('signUp.start.title'), subtitle: this.t('signUp.start.subtitle') };
  }

  protected override renderFooter(): TemplateResult | typeof nothing {
    if (this.step !== 'start') return nothing;
    const url = this.signInUrl ?? this.instance?.buildSignInUrl();
    const keys = this.closed ? 'signUp.restrictedAccess' : 'signUp.start';
    // In a modal, "Sign in" turns the modal back into sign-in instead of leaving the page.
    const onClick = (e: MouseEvent) => switchModal(this, 'clerk-sign-in', e);
    return html`${this.t(`${keys}.actionText`)} <a href=${url ?? '#'} @click=${onClick}>${this.t(`${keys}.actionLink`)}</a>`;
  }

  private input(f: SignUpField): TemplateResult {
    const spec = FIELDS[f];
    const { required } = this.setting(f);
    const min = this.instance?.environment?.userSettings.passwordSettings?.minLength ?? 8;
    return field({
      id: this.ids[f],
      name: f,
      type: spec.type,
      autocomplete: spec.autocomplete,
      maxlength: spec.maxlength,
      label: this.t(spec.label),
      placeholder: spec.placeholder ? this.t(spec.placeholder) : undefined,
      optionalText: required ? undefined : this.t('formFieldHintText__optional'),
      // The rule, unless the error under the field already states it (a too short password): said once.
      hint:
        f === 'password' && !/^form_password_(length|size)/.test(this.errorCodes.password ?? '')
          ? `${this.t('unstable__errors.passwordComplexity.sentencePrefix')} ${this.t('unstable__errors.passwordComplexity.minimumLength', { length: String(min) })}.`
          : undefined,
      required,
      value: this.values[f],
      error: this.errors[f],
      onInput: (v) => (this.values = { ...this.values, [f]: v }),
    });
  }

  private renderClosed(): TemplateResult {
    if (this.mode !== 'waitlist') return html``;
    const url = this.waitlistUrl ?? (this.instance?.environment?.displayConfig.waitlistUrl as string | undefined) ?? '#';
    return html`<div class="cl-form">
      <a class="cl-button cl-button-primary" part="button button-primary formButtonPrimary" href=${url}
        >${this.t('signUp.restrictedAccess.blockButton__joinWaitlist')}</a
      >
    </div>`;
  }

  private renderCodeStep(): TemplateResult {
    return html`<form class="cl-form" novalidate @submit=${this.onSubmit(() => this.attemptCode())}>
      ${this.formErrorTemplate()} ${this.identityRow(this.signUp?.emailAddress ?? this.values.emailAddress, () => (this.step = 'start'))}
      ${this.codeField(this.ids.code, 'signUp.emailCode.formTitle', () => this.attemptCode())} ${this.submitButton()}
      ${this.resendButton('signUp.emailCode.resendButton', () => this.sendCode())}
    </form>`;
  }

  protected renderForm(): TemplateResult {
    // The fields depend on the environment: draw none until it is known rather than the wrong ones.
    if (!this.loaded) return html``;
    if (this.closed) return this.renderClosed();
    if (this.step === 'email-code') return this.renderCodeStep();
    const shown = this.shownFields;
    const names: SignUpField[] = shown.filter((f) => f === 'firstName' || f === 'lastName');
    // novalidate: empty and malformed fields get the same localized, focused errors as the server's, not browser bubbles.
    return html`<form class="cl-form" novalidate @submit=${this.onSubmit(() => this.start())}>
      ${this.formErrorTemplate()} ${names.length ? html`<div class="cl-name-row">${names.map((f) => this.input(f))}</div>` : nothing}
      ${shown.filter((f) => !names.includes(f)).map((f) => this.input(f))} ${this.submitButton()}
    </form>`;
  }
}
