// Shared machinery of the form elements (sign-in, sign-up, waitlist): the card in the shadow root, the form
// in the light DOM, field errors from `errors[].meta.paramName`, busy state, focus management.
import { html, nothing, render, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { isClerkAPIResponseError, type ClerkAPIError } from '../../core/errors.js';
import { ClerkElement } from './clerk-element.js';
import { adoptFormStyles, field } from './light-form.js';

/** Internal (not composed, not documented): tells an enclosing `<clerk-modal>` the card's title, which names its dialog. */
function titleEvent(title: string): CustomEvent<string> {
  return new CustomEvent('cl-title', { detail: title, bubbles: true });
}

/**
 * The code field's limit. What is sent is the six digits the field keeps (the server takes at most 16); the field
 * itself takes more, so a pasted "Your code: 123 456" arrives whole before the digits are picked out.
 */
export const CODE_MAXLENGTH = 64;

/** The first field of a step, for focus. */
export const FIRST_FIELD = 'input:not([hidden]):not([type=hidden]), button.cl-method';

export abstract class FormElement extends ClerkElement {
  @state() protected errors: Record<string, string> = {};
  /** The API error code behind each field's message (`form_password_length_too_short`). */
  protected errorCodes: Record<string, string> = {};
  @state() protected formError = '';
  @state() protected busy = false;

  /** Seconds until "Resend" may be pressed again on a code step (Clerk waits 30 s). */
  @state() protected resendIn = 0;
  /** The code of a code step: the six digits kept of what was typed or pasted (`codeField`). */
  @state() protected code = '';

  private formHost: HTMLDivElement | undefined;
  /** Set when a step changes: the next render focuses the step's first field (or its first error). */
  private focusPending = true;
  /**
   * Set when a request finishes, cleared by the next edit of the form. Until then Enter in a field submits nothing:
   * a second Enter pressed with the first (or after a code that submitted itself) would otherwise send the same
   * wrong code again, or the next step's form empty. The submit button still works.
   */
  private awaitingEdit = false;
  private resendTimer: ReturnType<typeof setInterval> | undefined;
  private lastTitle = '';
  private readonly visited = new Set<string>();
  private hasUpdatedOnce = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.visited.add(this.currentStep);
    window.addEventListener('hashchange', this.handleHashChange);
    this.addEventListener('keydown', this.handleKeyDown);
    this.addEventListener('input', this.handleEdit);
    this.addEventListener('change', this.handleEdit);
    this.addEventListener('click', this.handleClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
    this.removeEventListener('keydown', this.handleKeyDown);
    this.removeEventListener('input', this.handleEdit);
    this.removeEventListener('change', this.handleEdit);
    this.removeEventListener('click', this.handleClick);
    this.stopResendTimer();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed as never);
    if (!this.formHost) {
      this.formHost = document.createElement('div');
      this.formHost.className = 'cl-form-host';
      this.append(this.formHost);
    }
    adoptFormStyles(this);
    render(this.renderForm(), this.formHost, { host: this });
    const { title } = this.heading();
    if (title !== this.lastTitle) {
      this.lastTitle = title;
      // A modal around the element labels its dialog with the card's title.
      this.dispatchEvent(titleEvent(title));
    }
    if (this.focusPending && !this.busy) {
      // First error, else the first field of the step; never steal focus on the initial render of a page, except
      // in a modal, where the first field takes the focus as soon as it is drawn.
      const target = this.formHost.querySelector<HTMLElement>('[aria-invalid="true"]') ?? this.formHost.querySelector<HTMLElement>(FIRST_FIELD);
      const inModal = this.closest('clerk-modal') !== null;
      if (!this.hasUpdatedOnce && inModal && !target) return;
      this.focusPending = false;
      if (target && (this.hasUpdatedOnce || inModal || this.matches(':focus-within'))) target.focus();
      this.hasUpdatedOnce = true;
    }
  }

  private readonly handleKeyDown = (e: KeyboardEvent) => {
    const target = e.target as Element | null;
    if (e.key !== 'Enter' || !(target instanceof HTMLInputElement) || !target.form) return;
    // preventDefault on the keydown cancels the browser's implicit submission.
    if (this.busy || this.awaitingEdit) e.preventDefault();
  };

  private readonly handleEdit = () => (this.awaitingEdit = false);

  private readonly handleClick = (e: MouseEvent) => {
    // The second click of a double click on a submit button: the first one already submitted.
    const button = (e.target as Element | null)?.closest?.('button[type=submit]');
    if (button && e.detail > 1) e.preventDefault();
  };

  private readonly handleHashChange = () => {
    const step = /^#\/([\w-]+)$/.exec(location.hash)?.[1] ?? 'start';
    if (step === this.currentStep || !this.visited.has(step)) return;
    const before = this.currentStep;
    if (this.restoreStep(step)) this.goTo(() => undefined, { fromHistory: true });
    else if (before !== this.currentStep) this.focusPending = true;
  };

  /** The label of a form field (as `fieldFor` names it), for server messages that name the raw parameter. */
  protected labelFor(_field: string): string | undefined {
    return undefined;
  }

  /** Which form field an API error's `paramName` belongs to. */
  protected fieldFor(paramName: string | undefined): string | undefined {
    return paramName;
  }

  /** The current step's name; with `routing="hash"` it is mirrored in the URL as `#/<step>`. */
  protected abstract get currentStep(): string;

  /** Goes back to a step the browser's history names; returns false when that step cannot be shown now. */
  protected abstract restoreStep(step: string): boolean;

  private get hashRouting(): boolean {
    return (this as unknown as { routing?: string }).routing === 'hash';
  }

  /** Starts the "Resend (30)" countdown: call when a code was sent. */
  protected startResendCountdown(seconds = 30): void {
    this.stopResendTimer();
    const until = Date.now() + seconds * 1000;
    this.resendIn = seconds;
    this.resendTimer = setInterval(() => {
      this.resendIn = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      if (this.resendIn === 0) this.stopResendTimer();
    }, 250);
  }

  private stopResendTimer(): void {
    if (this.resendTimer !== undefined) clearInterval(this.resendTimer);
    this.resendTimer = undefined;
  }

  /** Starts the resend countdown and moves to the code step `step` sets, with an empty code: call when a code was sent. */
  protected codeSent(step: () => void): void {
    this.startResendCountdown();
    this.goTo(() => {
      step();
      this.code = '';
    });
  }

  /** Moves to another step: clears errors, focuses its first field, and records it in the URL when routing by hash. */
  protected goTo(apply: () => void, opts: { fromHistory?: boolean } = {}): void {
    const before = this.currentStep;
    apply();
    this.errors = {};
    this.errorCodes = {};
    this.formError = '';
    this.focusPending = true;
    // A step the user chose (Back, another method) takes Enter at once; one a request led to waits for an edit.
    if (!this.busy) this.awaitingEdit = false;
    const step = this.currentStep;
    this.visited.add(step);
    if (this.hashRouting && !opts.fromHistory && step !== before) {
      // A history entry per step: the browser's back button walks back through the flow.
      history.pushState(null, '', step === 'start' ? location.pathname + location.search : `#/${step}`);
    }
  }

  /** Runs an API step: busy while it runs; Clerk errors land on their field or at the top of the form. */
  protected async run(step: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.setState('loading', true);
    this.errors = {};
    this.errorCodes = {};
    this.formError = '';
    let retryable = false;
    try {
      await step();
    } catch (e) {
      // A network failure may be retried with Enter at once; an answer from the server needs an edit first.
      retryable = !isClerkAPIResponseError(e);
      if (isClerkAPIResponseError(e)) {
        const errors: Record<string, string> = {};
        const codes: Record<string, string> = {};
        for (const err of e.errors) {
          const name = this.fieldFor(err.meta?.paramName);
          if (name && !errors[name]) {
            errors[name] = this.errorText(err);
            codes[name] = err.code;
          } else if (!name) this.formError ||= this.errorText(err);
        }
        this.errorCodes = codes;
        this.errors = errors;
        if (!e.errors.length) this.formError = e.message;
      } else {
        this.formError = (e as Error).message;
      }
      this.emit('clerk-error', { error: e });
      this.focusPending = true;
    } finally {
      this.busy = false;
      this.awaitingEdit = !retryable;
      this.setState('loading', false);
    }
  }

  /** A submit handler that stops the browser's own submission. */
  protected onSubmit(handler: () => Promise<void>) {
    return (e: Event) => {
      e.preventDefault();
      void this.run(handler);
    };
  }

  /**
   * The message for an API error, as the base class finds it; a server message that starts with the raw parameter
   * name (`last_name must be at most 256 characters long.`) names the field's label instead.
   */
  protected override errorText(e: ClerkAPIError): string {
    const text = super.errorText(e);
    const param = e.meta?.paramName;
    const fieldName = this.fieldFor(param);
    const label = fieldName ? this.labelFor(fieldName) : undefined;
    if (param && label && text.startsWith(`${param} `)) return `${label}${text.slice(param.length)}`;
    return text;
  }

  /** The title and subtitle of the current step. */
  protected abstract heading(): { title: string; subtitle?: string };

  /** The card footer (links to the other flow). */
  protected renderFooter(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** The "Didn't receive a code? Resend" button of a code step: disabled, with the seconds left, until it may be used. */
  protected resendButton(key: string, resend: () => Promise<void>): TemplateResult {
    const label = this.t(key);
    const waiting = this.resendIn > 0;
    return html`<button
      type="button"
      class="cl-link cl-resend"
      part="form-resend-code-link formResendCodeLink"
      ?disabled=${waiting || this.busy}
      @click=${() => void this.run(resend)}
    >
      ${waiting ? `${label} (${this.resendIn})` : label}
    </button>`;
  }

  /**
   * The verification-code field of a code step: `code` keeps the six digits of what is typed or pasted ("123 456",
   * "Code: 123456"), and the sixth submits the step (`attempt`). `key` names its label.
   */
  protected codeField(id: string, key: string, attempt: () => Promise<void>): TemplateResult {
    return field({
      id,
      name: 'code',
      autocomplete: 'one-time-code',
      inputmode: 'numeric',
      // Not 6: the browser would cut a pasted "123 456" or "Your code: 123456" before it reaches onInput.
      maxlength: CODE_MAXLENGTH,
      code: true,
      label: this.t(key),
      value: this.code,
      error: this.errors.code,
      required: true,
      onInput: (v) => {
        this.code = v.replace(/\D/g, '').slice(0, 6);
        if (this.code.length === 6 && !this.busy) void this.run(attempt);
      },
    });
  }

  /** The step's submit button (`formButtonPrimary`), disabled while a request runs. */
  protected submitButton(label = this.t('formButtonPrimary')): TemplateResult {
    return html`<button class="cl-button cl-button-primary" part="button button-primary formButtonPrimary" type="submit" ?disabled=${this.busy}>
      ${label}
    </button>`;
  }

  /** "Back": goes to the step `to` sets. */
  protected backButton(to: () => void): TemplateResult {
    return html`<button type="button" class="cl-link" @click=${() => this.goTo(to)}>${this.t('backButton')}</button>`;
  }

  /** The identity row of a step: who is signing in or up (`text`, never markup) and "Back" (`to`) to change it. */
  protected identityRow(text: string, to: () => void): TemplateResult {
    return html`<div class="cl-identity"><span>${text}</span>${this.backButton(to)}</div>`;
  }

  protected formErrorTemplate(): TemplateResult | typeof nothing {
    return this.formError ? html`<p class="cl-form-error" role="alert">${this.formError}</p>` : nothing;
  }

  /** The light-DOM form of the current step. */
  protected abstract renderForm(): TemplateResult;

  protected override render(): TemplateResult {
    const { title, subtitle } = this.heading();
    const footer = this.renderFooter();
    return html`<div class="card" part="base card">
      <header part="header">
        <h1 part="header-title headerTitle">${title}</h1>
        ${subtitle ? html`<p class="subtitle" part="header-subtitle headerSubtitle">${subtitle}</p>` : nothing}
      </header>
      <slot></slot>
      ${footer === nothing ? nothing : html`<footer part="footer">${footer}</footer>`}
    </div>`;
  }
}
