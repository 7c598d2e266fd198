import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FormElement } from '../shared/form-element.js';
import { field, uid } from '../shared/light-form.js';
import { styles } from './waitlist.styles.js';

/**
 * @tagname clerk-waitlist
 * @summary Waitlist: an email address joins the instance's waitlist, then a confirmation.
 *
 * @slot - The light-DOM form (rendered by the element).
 *
 * @event clerk-waitlist-join - The address joined (`detail.id`, `detail.emailAddress`). Cancel it to stay put.
 * @event clerk-error - Joining failed (`detail.error`).
 *
 * @csspart base - The card (also `card`).
 * @csspart header - The header; `header-title headerTitle`, `header-subtitle headerSubtitle` inside.
 * @csspart footer - The footer with the sign-in link.
 *
 * @cssproperty [--clerk-card-max-width=25rem] - The card's maximum width.
 * @cssstate loading - A request is in flight.
 */
export class ClerkWaitlist extends FormElement {
  static override styles = styles;

  private readonly emailId = uid('waitlist-email');
  @state() private email = '';
  @state() private joined = false;

  /** Where to go after joining; stays on the confirmation when absent. */
  @property({ attribute: 'after-join-waitlist-url' }) afterJoinWaitlistUrl: string | undefined;
  /** Where "Sign in" leads; the instance's sign-in URL when absent. */
  @property({ attribute: 'sign-in-url' }) signInUrl: string | undefined;

  protected override fieldFor(paramName: string | undefined): string | undefined {
    return paramName === 'email_address' ? 'email' : paramName;
  }

  protected override labelFor(f: string): string | undefined {
    return f === 'email' ? this.t('formFieldLabel__emailAddress') : undefined;
  }

  protected get currentStep(): string {
    return this.joined ? 'joined' : 'start';
  }

  protected restoreStep(): boolean {
    // Joining cannot be undone by the back button.
    return false;
  }

  private async join(): Promise<void> {
    const clerk = this.instance!;
    const entry = await clerk.joinWaitlist({ emailAddress: this.email.trim() });
    this.goTo(() => (this.joined = true));
    if (!this.emit('clerk-waitlist-join', { id: entry.id, emailAddress: this.email.trim() })) return;
    if (this.afterJoinWaitlistUrl) await clerk.navigate(this.afterJoinWaitlistUrl);
  }

  protected heading(): { title: string; subtitle?: string } {
    return this.joined
      ? { title: this.t('waitlist.success.title'), subtitle: this.t('waitlist.success.subtitle') }
      : { title: this.t('waitlist.start.title'), subtitle: this.t('waitlist.start.subtitle') };
  }

  protected override renderFooter(): TemplateResult | typeof nothing {
    const url = this.signInUrl ?? this.instance?.buildSignInUrl();
    return html`${this.t('waitlist.start.actionText')} <a href=${url ?? '#'}>${this.t('waitlist.start.actionLink')}</a>`;
  }

  protected renderForm(): TemplateResult {
    if (this.joined) return html`<p class="cl-hint" role="status">${this.t('waitlist.success.message')}</p>`;
    return html`<form class="cl-form" novalidate @submit=${this.onSubmit(() => this.join())}>
      ${field({
        id: this.emailId,
        name: 'email',
        type: 'email',
        autocomplete: 'email',
        maxlength: 320,
        label: this.t('formFieldLabel__emailAddress'),
        placeholder: this.t('formFieldInputPlaceholder__emailAddress'),
        value: this.email,
        error: this.errors.email,
        required: true,
        onInput: (v) => (this.email = v),
      })}
      ${this.formErrorTemplate()} ${this.submitButton(this.t('waitlist.start.formButton'))}
    </form>`;
  }
}
