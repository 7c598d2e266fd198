// Credential forms live in the light DOM: browsers and password managers do not look inside shadow roots
// for autofill. The element's shadow root draws the card and slots this form in; the form's styles come
// from one constructable stylesheet adopted by the element's root (strict-CSP safe), with :where() selectors
// so any page rule wins.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

const FORM_CSS = `
:where(.cl-form) { display: grid; gap: calc(var(--_space) * 1.1); margin: 0; }
:where(.cl-field) { display: grid; gap: 0.375rem; }
:where(.cl-field-row) { display: flex; justify-content: space-between; align-items: baseline; gap: 0.5rem; }
:where(.cl-label) { font-weight: 600; font-size: 0.8125rem; color: var(--_text); }
:where(.cl-optional) { font-size: 0.75rem; color: var(--_muted); }
:where(.cl-input) { box-sizing: border-box; inline-size: 100%; padding-block: 0.55rem; padding-inline: 0.75rem;
  font: inherit; color: var(--_input-text, var(--_text)); background: var(--_input-bg); border: 1px solid var(--_border);
  border-radius: calc(var(--_radius) * 0.75); outline: none; }
:where(.cl-input):focus-visible { border-color: var(--_link); box-shadow: var(--_focus); }
:where(.cl-input)[aria-invalid='true'] { border-color: var(--_danger); }
:where(.cl-input.cl-code) { letter-spacing: 0.5em; font-size: 1.25rem; text-align: center; font-variant-numeric: tabular-nums; }
:where(.cl-error) { color: var(--_danger); font-size: 0.8125rem; margin: 0; }
:where(.cl-form-error) { color: var(--_danger); font-size: 0.8125rem; margin: 0; padding: 0.5rem 0.75rem;
  border: 1px solid color-mix(in srgb, var(--_danger) 40%, transparent); border-radius: calc(var(--_radius) * 0.75); }
:where(.cl-button) { font: inherit; font-weight: 600; cursor: pointer; border-radius: calc(var(--_radius) * 0.75);
  padding-block: 0.6rem; padding-inline: 1rem; border: 1px solid transparent; }
:where(.cl-button-primary) { color: var(--_on-primary); background: var(--_primary); }
:where(.cl-button-primary):hover { background: color-mix(in srgb, var(--_primary) 88%, black); }
:where(.cl-button):focus-visible { outline: none; box-shadow: var(--_focus); }
:where(.cl-button)[disabled] { opacity: 0.6; cursor: progress; }
:where(.cl-link) { font: inherit; font-weight: 500; color: var(--_link); background: none; border: 0; padding: 0; cursor: pointer; text-decoration: none; }
:where(.cl-link):hover { text-decoration: underline; }
:where(.cl-link):focus-visible { outline: none; box-shadow: var(--_focus); border-radius: 2px; }
:where(.cl-identity) { display: flex; align-items: center; justify-content: center; gap: 0.5rem; color: var(--_muted); }
:where(.cl-hint) { color: var(--_muted); font-size: 0.75rem; margin: 0; }
:where(.cl-checkbox) { display: flex; gap: 0.5rem; align-items: center; font-size: 0.8125rem; }
:where(.cl-input)[aria-invalid='true']:focus-visible { box-shadow: 0 0 0 3px color-mix(in srgb, var(--_danger) 35%, transparent); }
/* Two equal columns whatever their content: a long error wraps under its own field instead of widening it, and the
   row's height does not stretch the other field's input. */
:where(.cl-name-row) { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(8rem, 100%), 1fr)); gap: calc(var(--_space) * 0.75);
  align-items: start; }
:where(.cl-field) { min-inline-size: 0; align-content: start; }
:where(.cl-error, .cl-hint) { overflow-wrap: anywhere; }
:where(.cl-link)[disabled] { color: var(--_muted); cursor: default; text-decoration: none; }
:where(.cl-methods) { display: grid; gap: 0.5rem; margin: 0; padding: 0; list-style: none; }
:where(.cl-method) { box-sizing: border-box; inline-size: 100%; font: inherit; font-weight: 500; color: var(--_text); text-align: start; cursor: pointer;
  background: var(--_bg); border: 1px solid var(--_border); border-radius: calc(var(--_radius) * 0.75); padding-block: 0.6rem; padding-inline: 0.875rem;
  overflow-wrap: anywhere; }
:where(.cl-method):hover { background: var(--_neutral); }
:where(.cl-method):focus-visible { outline: none; box-shadow: var(--_focus); }
:where(.cl-method)[disabled] { opacity: 0.6; cursor: progress; }
:where(a.cl-button) { display: block; text-align: center; text-decoration: none; }
:where(.cl-identity) > :where(span) { overflow-wrap: anywhere; }
`;

let sheet: CSSStyleSheet | undefined;
const adopted = new WeakSet<Node>();

/** Adopts the form stylesheet into the document or shadow root that holds `el` (once per root). */
export function adoptFormStyles(el: Element): void {
  const root = el.getRootNode() as Document | ShadowRoot;
  if (adopted.has(root) || !('adoptedStyleSheets' in root)) return;
  sheet ??= new CSSStyleSheet();
  if (sheet.cssRules.length === 0) sheet.replaceSync(FORM_CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  adopted.add(root);
}

let counter = 0;
/** An id unique in the document (labels and descriptions in the light DOM need them). */
export function uid(prefix: string): string {
  counter += 1;
  return `cl-${prefix}-${counter}`;
}

export interface FieldOptions {
  id: string;
  name: string;
  label: string;
  type?: string;
  autocomplete?: string;
  value: string;
  error?: string | undefined;
  hint?: string | undefined;
  optionalText?: string | undefined;
  required?: boolean;
  inputmode?: string;
  placeholder?: string | undefined;
  maxlength?: number;
  action?: TemplateResult | typeof nothing;
  code?: boolean;
  onInput: (value: string) => void;
}

/** A labelled input with its error tied through aria-invalid / aria-describedby. */
export function field(o: FieldOptions): TemplateResult {
  const errorId = `${o.id}-error`;
  const hintId = `${o.id}-hint`;
  const describedBy = [o.error ? errorId : '', o.hint ? hintId : ''].filter(Boolean).join(' ');
  return html`<div class="cl-field" part="form-field formField">
    <div class="cl-field-row">
      <label class="cl-label" for=${o.id}>${o.label}</label>
      ${o.optionalText ? html`<span class="cl-optional">${o.optionalText}</span>` : nothing}${o.action ?? nothing}
    </div>
    <input
      class="cl-input ${o.code ? 'cl-code' : ''}"
      id=${o.id}
      name=${o.name}
      type=${o.type ?? 'text'}
      autocomplete=${ifDefined(o.autocomplete)}
      inputmode=${ifDefined(o.inputmode)}
      placeholder=${ifDefined(o.placeholder)}
      maxlength=${ifDefined(o.maxlength)}
      ?required=${o.required ?? false}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy || undefined)}
      .value=${live(o.value)}
      @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
    />
    ${o.hint ? html`<p class="cl-hint" id=${hintId}>${o.hint}</p>` : nothing} ${o.error ? html`<p class="cl-error" id=${errorId}>${o.error}</p>` : nothing}
  </div>`;
}
