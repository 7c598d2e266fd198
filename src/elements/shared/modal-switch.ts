// Inside a <clerk-modal>, the link from sign-in to sign-up (and back) swaps the modal's element instead of leaving
// the page, as Clerk's modals do. Plain DOM: the sign-in and sign-up chunks must not pull in the modal's code.
import type { ClerkElement } from './clerk-element.js';

/** What the new element takes over from the old one. */
const CARRIED = ['clerk', 'appearance', 'localization', 'theme', 'forceRedirectUrl', 'fallbackRedirectUrl'] as const;

/**
 * A click handler for the footer link: in a modal, a plain left click replaces `from` with a new `to` element
 * (virtual routing, same instance, appearance, localization and redirect URLs); elsewhere the link is followed.
 */
export function switchModal(from: ClerkElement, to: 'clerk-sign-in' | 'clerk-sign-up', e: MouseEvent): void {
  const modal = from.parentElement;
  if (modal?.localName !== 'clerk-modal' || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  const next = document.createElement(to) as unknown as HTMLElement & Record<string, unknown>;
  const source = from as unknown as Record<string, unknown>;
  for (const key of CARRIED) if (source[key] !== undefined) next[key] = source[key];
  next.routing = 'virtual';
  // Clerk.closeSignIn() / closeSignUp() find the modal by the element it shows.
  modal.dataset.component = to;
  from.replaceWith(next);
}
