import { css } from 'lit';
import { tokens } from '../../theme/tokens.js';

export const styles = [
  tokens,
  css`
    :host {
      --_avatar: var(--clerk-user-button-avatar-size, 2rem);
      display: inline-block;
      vertical-align: middle;
      line-height: normal;
    }
    .base {
      display: inline-flex;
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

    /* Trigger: the avatar, or a pill with the name before it. */
    .trigger {
      position: relative;
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_space) * 0.5);
      margin: 0;
      padding: 0;
      border: 0;
      border-radius: 999px;
      background: none;
      color: inherit;
      font: inherit;
      cursor: pointer;
      transition: background-color 120ms ease;
    }
    .trigger:has(.name) {
      padding-block: 0.125rem;
      padding-inline: 0.75rem 0.125rem;
    }
    .trigger:has(.name):hover,
    .trigger:has(.name)[aria-expanded='true'] {
      background: var(--_neutral);
    }
    .trigger:focus-visible {
      outline: none;
      box-shadow: var(--_focus);
    }
    .name {
      font-weight: 500;
      max-inline-size: 12rem;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    .avatar {
      display: inline-grid;
      place-items: center;
      flex: none;
      inline-size: var(--_avatar);
      block-size: var(--_avatar);
      border-radius: 50%;
      overflow: hidden;
      background: var(--_primary);
      color: var(--_on-primary);
      font-size: calc(var(--_avatar) * 0.4);
      font-weight: 600;
      letter-spacing: 0.02em;
      line-height: 1;
      user-select: none;
    }
    .trigger > .avatar {
      box-shadow:
        0 0 0 2px var(--_bg),
        0 0 0 3px var(--_border);
      transition: box-shadow 120ms ease;
    }
    .trigger:hover > .avatar,
    .trigger[aria-expanded='true'] > .avatar {
      box-shadow:
        0 0 0 2px var(--_bg),
        0 0 0 4px color-mix(in srgb, var(--_primary) 60%, var(--_border));
    }
    .avatar-image {
      inline-size: 100%;
      block-size: 100%;
      object-fit: cover;
    }

    /* The card. [popover] brings user-agent styles (inset: 0; margin: auto; border; padding) to undo. */
    .popover {
      position: fixed;
      inset: auto;
      inset-block-start: 0;
      inset-inline-start: 0;
      z-index: 1000;
      box-sizing: border-box;
      /* As wide as the longest line (an email), within bounds; only then does it wrap. */
      inline-size: max-content;
      min-inline-size: min(var(--clerk-user-button-popover-width, 16rem), calc(100vw - 1rem));
      max-inline-size: min(26rem, calc(100vw - 1rem));
      margin: 0;
      padding: 0;
      overflow: hidden;
      background: var(--_bg);
      color: var(--_text);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 1.5);
      box-shadow: var(--_shadow);
      font: inherit;
      animation: pop-in 120ms ease-out;
    }
    .popover:not([data-placement]) {
      visibility: hidden;
    }
    .popover[data-placement^='top'] {
      animation-name: pop-in-up;
    }
    @keyframes pop-in {
      from {
        opacity: 0;
        transform: translateY(-4px) scale(0.98);
      }
    }
    @keyframes pop-in-up {
      from {
        opacity: 0;
        transform: translateY(4px) scale(0.98);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .popover {
        animation: none;
      }
    }

    .preview {
      display: flex;
      align-items: center;
      gap: calc(var(--_space) * 0.75);
      padding: var(--_space);
    }
    .preview .avatar {
      --_avatar: 2.5rem;
    }
    .identity {
      display: grid;
      gap: 0.125rem;
      min-inline-size: 0;
    }
    .main {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .secondary {
      color: var(--_muted);
      font-size: 0.8125rem;
      /* An email has no good break points: fill the line, then wrap. */
      word-break: break-all;
    }

    .menu {
      display: grid;
      padding: calc(var(--_space) * 0.375);
      border-block-start: 1px solid var(--_border);
    }
    .item {
      display: flex;
      align-items: center;
      gap: calc(var(--_space) * 0.75);
      box-sizing: border-box;
      inline-size: 100%;
      margin: 0;
      padding-block: 0.5rem;
      padding-inline: calc(var(--_space) * 0.625);
      border: 0;
      border-radius: var(--_radius);
      background: none;
      color: var(--_text);
      font: inherit;
      font-weight: 500;
      text-align: start;
      text-decoration: none;
      cursor: pointer;
    }
    .item:hover,
    .item:focus-visible {
      background: var(--_neutral);
    }
    .item:focus {
      outline: none;
    }
    .item:focus-visible {
      box-shadow: inset 0 0 0 2px color-mix(in srgb, var(--_primary) 55%, transparent);
    }
    /* Multi-session: the other accounts and their actions, set off from the active account's. */
    .item.section:not(.section + .section) {
      margin-block-start: calc(var(--_space) * 0.375);
      box-shadow: 0 -1px 0 var(--_border);
      border-start-start-radius: 0;
      border-start-end-radius: 0;
    }
    .item.section:not(.section + .section):focus-visible {
      box-shadow:
        0 -1px 0 var(--_border),
        inset 0 0 0 2px color-mix(in srgb, var(--_primary) 55%, transparent);
    }
    .account .avatar {
      --_avatar: 2rem;
    }
    .account .main {
      font-weight: 500;
    }
    .icon {
      display: inline-grid;
      place-items: center;
      flex: none;
      inline-size: 1rem;
      block-size: 1rem;
      color: var(--_muted);
      object-fit: contain;
    }
    .icon svg {
      inline-size: 100%;
      block-size: 100%;
    }
  `,
];
