// Shared machinery of the form elements (sign-in, sign-up, waitlist): the card in the shadow root, the form
// in the light DOM, field errors from `errors[].meta.paramName`, busy state, focus management.
import { html, nothing, render, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { isClerkAPIResponseError } from '../../core/errors.js';
import { ClerkElement } from './clerk-element.js';
import { adoptFormStyles } from './light-form.js';

export abstract class FormElement extends ClerkElement {
  @state() protected errors: Record<string, string> = {};
  @state() protected formError = '';
  @state() protected busy = false;

  private formHost: HTMLDivElement | undefined;
  /** Set when a step changes: the next render focuses the step's first field (or its first error). */
  private focusPending = true;

  /** Which form field an API error's `paramName` belongs to. */
  protected fieldFor(paramName: string | undefined): string | undefined {
    return paramName;
  }

  /** The title and subtitle of the current step. */
  protected abstract heading(): { title: string; subtitle?: string };
  /** The light-DOM form of the current step. */
  protected abstract renderForm(): TemplateResult;
  /** The card footer (links to the other flow). */
  protected renderFooter(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** The current step's name; with `routing="hash"` it is mirrored in the URL as `#/<step>`. */
  protected abstract get currentStep(): string;
  /** Goes back to a step the browser's history names; returns false when that step cannot be shown now. */
  protected abstract restoreStep(step: string): boolean;

  private readonly visited = new Set<string>();
  private readonly onHashChange = () => {
    const step = /^#\/([\w-]+)$/.exec(location.hash)?.[1] ?? 'start';
    if (step === this.currentStep || !this.visited.has(step)) return;
    const before = this.currentStep;
    if (this.restoreStep(step)) this.goTo(() => undefined, { fromHistory: true });
    else if (before !== this.currentStep) this.focusPending = true;
  };

  private get hashRouting(): boolean {
    return (this as unknown as { routing?: string }).routing === 'hash';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.visited.add(this.currentStep);
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  /** Moves to another step: clears errors, focuses its first field, and records it in the URL when routing by hash. */
  protected goTo(apply: () => void, opts: { fromHistory?: boolean } = {}): void {
    const before = this.currentStep;
    apply();
    this.errors = {};
    this.formError = '';
    this.focusPending = true;
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
    this.formError = '';
    try {
      await step();
    } catch (e) {
      if (isClerkAPIResponseError(e)) {
        const errors: Record<string, string> = {};
        for (const err of e.errors) {
          const name = this.fieldFor(err.meta?.paramName);
          if (name && !errors[name]) errors[name] = this.errorText(err);
          else if (!name) this.formError ||= this.errorText(err);
        }
        this.errors = errors;
        if (!e.errors.length) this.formError = e.message;
      } else {
        this.formError = (e as Error).message;
      }
      this.emit('clerk-error', { error: e });
      this.focusPending = true;
    } finally {
      this.busy = false;
      this.setState('loading', false);
    }
  }

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

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed as never);
    if (!this.formHost) {
      this.formHost = document.createElement('div');
      this.formHost.className = 'cl-form-host';
      this.append(this.formHost);
    }
    adoptFormStyles(this);
    render(this.renderForm(), this.formHost, { host: this });
    if (this.focusPending && !this.busy) {
      this.focusPending = false;
      // First error, else the first field of the step; never steal focus on the initial render of a page.
      const target = this.formHost.querySelector<HTMLElement>('[aria-invalid="true"]') ?? this.formHost.querySelector<HTMLElement>('input:not([hidden]):not([type=hidden])');
      if (target && (this.hasUpdatedOnce || this.matches(':focus-within'))) target.focus();
      this.hasUpdatedOnce = true;
    }
  }

  private hasUpdatedOnce = false;

  /** A submit handler that stops the browser's own submission. */
  protected onSubmit(handler: () => Promise<void>) {
    return (e: Event) => {
      e.preventDefault();
      void this.run(handler);
    };
  }

  protected formErrorTemplate(): TemplateResult | typeof nothing {
    return this.formError ? html`<p class="cl-form-error" role="alert">${this.formError}</p>` : nothing;
  }
}
