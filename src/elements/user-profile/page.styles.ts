// The light-DOM side of <clerk-user-profile> (sections, their forms, the confirmation dialog): one constructable
// stylesheet adopted by the element's root, `:where()` selectors so any page rule wins (strict-CSP safe). The form
// basics (fields, buttons) come from the shared form sheet.
import { adoptFormStyles } from '../shared/light-form.js';

const PROFILE_CSS = `
:where(.cl-page) { display: grid; gap: calc(var(--_space) * 1.25); }
:where(.cl-success) { margin: 0; color: var(--_text); font-size: 0.8125rem; }
:where(.cl-success:empty) { display: none; }
:where(.cl-success:not(:empty)) { padding: 0.5rem 0.75rem; border: 1px solid color-mix(in srgb, #12b76a 45%, transparent);
  background: color-mix(in srgb, #12b76a 10%, transparent); border-radius: calc(var(--_radius) * 0.75); }
:where(.cl-section) { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: calc(var(--_space) * 1);
  padding-block-end: calc(var(--_space) * 1.25); border-block-end: 1px solid var(--_border); }
:where(.cl-section:last-child) { border-block-end: 0; }
:where(.cl-section-title) { margin: 0; padding-block-start: 0.4rem; font-size: 0.8125rem; font-weight: 600; color: var(--_text); }
:where(.cl-section-content) { display: grid; gap: 0.75rem; min-inline-size: 0; }
:where(.cl-row) { display: flex; align-items: center; justify-content: space-between; gap: 0.75rem; min-block-size: 2.25rem; flex-wrap: wrap; }
:where(.cl-list) { display: grid; gap: 0.75rem; margin: 0; padding: 0; list-style: none; }
:where(.cl-stack) { display: grid; justify-content: start; gap: 0.125rem; min-block-size: 0; }
:where(.cl-item-text) { display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; min-inline-size: 0; }
:where(.cl-device-text) { display: grid; gap: 0.125rem; }
:where(.cl-item-actions) { display: flex; gap: 0.75rem; flex-wrap: wrap; }
:where(.cl-identity-row) { display: flex; align-items: center; gap: 0.75rem; }
:where(.cl-strong) { font-weight: 600; }
:where(.cl-muted) { color: var(--_muted); font-size: 0.8125rem; }
:where(.cl-wrap) { overflow-wrap: anywhere; }
:where(.cl-badge) { display: inline-block; padding: 0.0625rem 0.4rem; font-size: 0.6875rem; font-weight: 600; color: var(--_muted);
  border: 1px solid var(--_border); border-radius: calc(var(--_radius) * 0.5); background: var(--_neutral); }
:where(.cl-badge-warning) { color: color-mix(in srgb, #b54708 80%, var(--_text)); border-color: color-mix(in srgb, #f79009 50%, transparent);
  background: color-mix(in srgb, #f79009 12%, transparent); }
:where(.cl-button-text) { font: inherit; font-weight: 600; font-size: 0.8125rem; color: var(--_link); background: none; border: 0;
  padding: 0.25rem 0.375rem; margin-inline: -0.375rem; border-radius: calc(var(--_radius) * 0.5); cursor: pointer; }
:where(.cl-button-text):hover { background: var(--_neutral); }
:where(.cl-button-text):focus-visible { outline: none; box-shadow: var(--_focus); }
:where(.cl-button-text)[disabled] { opacity: 0.6; cursor: progress; }
:where(.cl-add) { justify-self: start; }
:where(.cl-danger) { color: var(--_danger); }
:where(.cl-button-secondary) { color: var(--_text); background: var(--_bg); border-color: var(--_border); }
:where(.cl-button-secondary):hover { background: var(--_neutral); }
:where(.cl-button-danger) { color: #fff; background: var(--_danger); }
:where(.cl-button-danger):hover { background: color-mix(in srgb, var(--_danger) 88%, black); }
:where(.cl-button-danger-text) { color: var(--_danger); background: none; }
:where(.cl-form-title) { margin: 0; font-size: 0.9375rem; font-weight: 600; }
:where(.cl-section .cl-form) { padding: calc(var(--_space) * 1); border: 1px solid var(--_border); border-radius: var(--_radius); }
:where(.cl-form-actions) { display: flex; justify-content: flex-end; gap: 0.5rem; flex-wrap: wrap; }
:where(.cl-avatar-row) { display: flex; gap: 1rem; align-items: center; }
:where(.cl-avatar-actions) { display: grid; gap: 0.375rem; }
:where(.cl-actions) { display: flex; gap: 0.5rem; flex-wrap: wrap; }
:where(.cl-page .avatar) { display: inline-grid; place-items: center; flex: none; inline-size: 2.75rem; block-size: 2.75rem; border-radius: 50%;
  overflow: hidden; background: var(--_primary); color: var(--_on-primary); font-weight: 600; user-select: none; }
:where(.cl-page [part~='avatar-large']) { inline-size: 4rem; block-size: 4rem; font-size: 1.25rem; }
:where(.cl-page .avatar-image) { inline-size: 100%; block-size: 100%; object-fit: cover; }
:where(.cl-dialog) { box-sizing: border-box; inline-size: min(28rem, calc(100vw - 2rem)); padding: calc(var(--_space) * 1.5);
  color: var(--_text); background: var(--_bg); border: 1px solid var(--_border); border-radius: calc(var(--_radius) * 1.5); box-shadow: var(--_shadow);
  font-family: var(--_font); font-size: var(--_font-size); }
:where(.cl-dialog)::backdrop { background: rgb(0 0 0 / 0.45); }
:where(.cl-dialog-title) { margin: 0; font-size: 1rem; font-weight: 700; }
:where(.cl-dialog-body) { display: grid; gap: 0.5rem; color: var(--_muted); }
:where(.cl-dialog-body p) { margin: 0; }
@container profile (inline-size < 40rem) {
  :where(.cl-section) { grid-template-columns: 1fr; gap: 0.5rem; }
}
`;

let sheet: CSSStyleSheet | undefined;
const adopted = new WeakSet<Node>();

/** Adopts the form sheet and the profile's sheet into the root that holds `el` (once per root). */
export function adoptProfileStyles(el: Element): void {
  adoptFormStyles(el);
  const root = el.getRootNode() as Document | ShadowRoot;
  if (adopted.has(root) || !('adoptedStyleSheets' in root)) return;
  sheet ??= new CSSStyleSheet();
  if (sheet.cssRules.length === 0) sheet.replaceSync(PROFILE_CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  adopted.add(root);
}
