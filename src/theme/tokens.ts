// Design tokens: public custom properties (`--clerk-*`, set on :root or on an element) resolved into private
// ones (`--_*`) with light defaults, dark defaults under prefers-color-scheme or theme="dark".
import { css } from 'lit';

const light = css`
  --_primary: var(--clerk-color-primary, #6c47ff);
  --_on-primary: var(--clerk-color-on-primary, #ffffff);
  --_link: var(--clerk-color-link, var(--_primary));
  --_bg: var(--clerk-color-background, #ffffff);
  --_text: var(--clerk-color-text, #212126);
  --_muted: var(--clerk-color-text-secondary, #5e5f6e);
  --_danger: var(--clerk-color-danger, #d92d20);
  --_input-bg: var(--clerk-color-input-background, #ffffff);
  --_input-text: var(--clerk-color-input-text, var(--_text));
  --_border: var(--clerk-color-border, #d4d4da);
  --_neutral: var(--clerk-color-neutral, color-mix(in srgb, var(--_text) 7%, transparent));
  --_shadow: var(--clerk-shadow, 0 1px 3px rgb(0 0 0 / 0.08), 0 8px 24px rgb(0 0 0 / 0.08));
`;

const dark = css`
  --_primary: var(--clerk-color-primary, #6c47ff);
  --_on-primary: var(--clerk-color-on-primary, #ffffff);
  /* Links sit on the dark card, not on the primary: a lighter tint keeps them readable. */
  --_link: var(--clerk-color-link, color-mix(in srgb, var(--_primary) 50%, white));
  --_bg: var(--clerk-color-background, #1b1b1f);
  --_text: var(--clerk-color-text, #f3f3f6);
  --_muted: var(--clerk-color-text-secondary, #b2b2bd);
  --_danger: var(--clerk-color-danger, #ff8077);
  --_input-bg: var(--clerk-color-input-background, #25252b);
  --_border: var(--clerk-color-border, #3d3d46);
  --_neutral: var(--clerk-color-neutral, color-mix(in srgb, var(--_text) 10%, transparent));
  --_shadow: var(--clerk-shadow, 0 1px 3px rgb(0 0 0 / 0.4), 0 8px 24px rgb(0 0 0 / 0.4));
`;

/** Host defaults every element shares. */
export const tokens = css`
  :host {
    ${light}
    --_font: var(--clerk-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--clerk-font-size, 0.875rem);
    --_radius: var(--clerk-border-radius, 0.5rem);
    --_space: var(--clerk-spacing, 1rem);
    --_focus: 0 0 0 3px color-mix(in srgb, var(--_primary) 35%, transparent);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
    color-scheme: light;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
      color-scheme: dark;
    }
  }
  :host([theme='dark']) {
    ${dark}
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none !important;
  }
`;
