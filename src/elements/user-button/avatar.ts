// What the user button shows of a user: initials, the name, the email, the avatar. Text only, never markup.
import { html, type TemplateResult } from 'lit';
import type { User } from '../../core/resources/user.js';

/** The first character (a whole code point, so an emoji is not cut in half) of a string, upper-cased. */
const first = (s: string | null | undefined): string => (Array.from(s?.trim() ?? '')[0] ?? '').toUpperCase();

/** "AL" for Ada Lovelace; else the first letter of the username or email. */
export function initials(user: User): string {
  const fromName = first(user.firstName) + first(user.lastName);
  return fromName || first(user.username) || first(user.primaryEmailAddress?.emailAddress);
}

/** The main line (full name, else username, else email) and the email under it when it is not the main line. */
export function identity(user: User): { main: string; secondary: string | undefined } {
  const email = user.primaryEmailAddress?.emailAddress ?? '';
  const main = user.fullName ?? user.username ?? email;
  return { main, secondary: email && email !== main ? email : undefined };
}

/** The round avatar: the user's image when they have one (and it loads), else initials on the primary colour. */
export function avatar(user: User, parts: string, imageOk: boolean, onImageError: () => void): TemplateResult {
  const image = user.hasImage && user.imageUrl && imageOk;
  return html`<span class="avatar" part=${parts} aria-hidden="true"
    >${
      image
        ? html`<img
            class="avatar-image"
            part="avatar-image userButtonAvatarImage"
            src=${user.imageUrl}
            alt=""
            referrerpolicy="no-referrer"
            @error=${onImageError}
          />`
        : html`<span class="initials">${initials(user)}</span>`
    }</span
  >`;
}
