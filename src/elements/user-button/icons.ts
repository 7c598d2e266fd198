// The menu items' icons (the two defaults, "Add account"), drawn with strokes in currentColor so they follow the theme.
import { html, type TemplateResult } from 'lit';

export const cogIcon: TemplateResult = html`<svg
  viewBox="0 0 16 16"
  fill="none"
  stroke="currentColor"
  stroke-width="1.5"
  stroke-linecap="round"
  stroke-linejoin="round"
  aria-hidden="true"
>
  <circle cx="8" cy="8" r="4.5" />
  <circle cx="8" cy="8" r="1.75" />
  <path d="M13.25 8h1.5M11.71 11.71l1.06 1.06M8 13.25v1.5M4.29 11.71l-1.06 1.06M2.75 8h-1.5M4.29 4.29 3.23 3.23M8 2.75v-1.5M11.71 4.29l1.06-1.06" />
</svg>`;

export const signOutIcon: TemplateResult = html`<svg
  viewBox="0 0 16 16"
  fill="none"
  stroke="currentColor"
  stroke-width="1.5"
  stroke-linecap="round"
  stroke-linejoin="round"
  aria-hidden="true"
>
  <path d="M6.25 2.75h-2.5a1 1 0 0 0-1 1v8.5a1 1 0 0 0 1 1h2.5" />
  <path d="M10.5 5l3 3-3 3" />
  <path d="M13.25 8H6.75" />
</svg>`;

export const plusIcon: TemplateResult = html`<svg
  viewBox="0 0 16 16"
  fill="none"
  stroke="currentColor"
  stroke-width="1.5"
  stroke-linecap="round"
  stroke-linejoin="round"
  aria-hidden="true"
>
  <circle cx="8" cy="8" r="6.25" />
  <path d="M8 5.25v5.5M5.25 8h5.5" />
</svg>`;
