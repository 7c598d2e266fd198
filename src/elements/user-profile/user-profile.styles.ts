// The profile's shadow styles: the card, the navigation (a sidebar; a "Menu" toggle under 40rem of width) and the page.
import { css } from 'lit';
import { tokens } from '../../theme/tokens.js';

export const styles = [
  tokens,
  css`
    :host {
      display: block;
      inline-size: min(100%, var(--clerk-user-profile-max-width, 55rem));
      /* A modal sizes its content by this property. */
      --clerk-card-max-width: var(--clerk-user-profile-max-width, 55rem);
      container: profile / inline-size;
    }
    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }
    .layout {
      box-sizing: border-box;
      display: grid;
      grid-template-columns: minmax(11rem, 14rem) 1fr;
      min-block-size: 36rem;
      background: var(--_bg);
      color: var(--_text);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 1.5);
      box-shadow: var(--_shadow);
      overflow: hidden;
    }
    .navbar {
      display: grid;
      align-content: start;
      gap: calc(var(--_space) * 1.25);
      padding: calc(var(--_space) * 1.5) calc(var(--_space) * 0.75);
      background: var(--_neutral);
      border-inline-end: 1px solid var(--_border);
    }
    .nav-head {
      display: grid;
      gap: 0.25rem;
      padding-inline: 0.75rem;
    }
    .nav-title {
      margin: 0;
      font-size: 1.125rem;
      font-weight: 700;
    }
    .nav-description {
      margin: 0;
      color: var(--_muted);
      font-size: 0.8125rem;
    }
    .nav-toggle {
      display: none;
    }
    .nav-list {
      display: grid;
      gap: 0.125rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .nav-item {
      box-sizing: border-box;
      display: flex;
      align-items: center;
      gap: 0.625rem;
      inline-size: 100%;
      padding: 0.5rem 0.75rem;
      font: inherit;
      font-weight: 500;
      color: var(--_muted);
      text-align: start;
      text-decoration: none;
      background: none;
      border: 0;
      border-radius: calc(var(--_radius) * 0.75);
      cursor: pointer;
    }
    .nav-item:hover {
      color: var(--_text);
      background: var(--_neutral);
    }
    .nav-item[aria-current='page'] {
      color: var(--_text);
      background: var(--_bg);
      box-shadow: 0 0 0 1px var(--_border);
    }
    .nav-item:focus-visible,
    .nav-toggle:focus-visible,
    .page-title:focus-visible {
      outline: none;
      box-shadow: var(--_focus);
    }
    .icon {
      display: inline-grid;
      place-items: center;
      flex: none;
      inline-size: 1rem;
      block-size: 1rem;
    }
    .icon svg,
    img.icon,
    .icon ::slotted(*) {
      inline-size: 1rem;
      block-size: 1rem;
    }
    .page {
      display: grid;
      align-content: start;
      gap: calc(var(--_space) * 1.25);
      min-inline-size: 0;
      padding: calc(var(--_space) * 1.75) calc(var(--_space) * 2);
    }
    .page-title {
      margin: 0;
      padding-block-end: calc(var(--_space) * 0.75);
      font-size: 1.0625rem;
      font-weight: 700;
      border-block-end: 1px solid var(--_border);
      border-radius: 2px;
    }
    @container profile (inline-size < 40rem) {
      .layout {
        grid-template-columns: 1fr;
        min-block-size: 0;
      }
      .navbar {
        padding: calc(var(--_space) * 0.75);
        border-inline-end: 0;
        border-block-end: 1px solid var(--_border);
        gap: 0.5rem;
      }
      .nav-head {
        grid-template-columns: 1fr auto;
        align-items: center;
      }
      .nav-description {
        display: none;
      }
      .nav-toggle {
        display: inline-flex;
        align-items: center;
        gap: 0.375rem;
        padding: 0.375rem 0.625rem;
        font: inherit;
        font-weight: 500;
        color: var(--_text);
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) * 0.75);
        cursor: pointer;
      }
      .nav-toggle svg {
        inline-size: 1rem;
        block-size: 1rem;
      }
      .navbar:not(.open) .nav-list {
        display: none;
      }
      .page {
        padding: calc(var(--_space) * 1.25);
      }
    }
  `,
];
