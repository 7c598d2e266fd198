// Type test (checked by `tsc` in npm test, never run): the `clerk-*` events are typed once, by the elements' event map,
// for `emit()` inside the elements, for `addEventListener` on any element or the document, and for the JSX props.
import type {} from '../../src/jsx.ts';
import type { ClerkElement } from '../../src/elements/shared/clerk-element.ts';
import type { ClerkElementEventMap, ClerkEventDetail } from '../../src/elements/shared/events.ts';

declare const el: HTMLElement;

el.addEventListener('clerk-sign-in', (e) => e.detail.sessionId.toUpperCase());
el.addEventListener('clerk-sign-up', (e) => `${e.detail.sessionId} ${e.detail.userId}`);
el.addEventListener('clerk-sign-out', (e) => e.detail.sessionId?.toUpperCase());
el.addEventListener('clerk-manage-account', (e) => e.detail.userProfileUrl?.length);
el.addEventListener('clerk-manage-account', (e) => e.detail.initialPage?.length);
el.addEventListener('clerk-switch-session', (e) => e.detail.sessionId.length);
el.addEventListener('clerk-waitlist-join', (e) => e.detail.emailAddress.toLowerCase() + e.detail.id);
el.addEventListener('clerk-error', (e) => e.detail.error);
document.addEventListener('clerk-sign-in', (e) => e.detail.sessionId.length);
// @ts-expect-error a sign-in's detail has no userId
el.addEventListener('clerk-sign-in', (e) => e.detail.userId);
// @ts-expect-error the signed-out session may be null
el.addEventListener('clerk-sign-out', (e) => e.detail.sessionId.length);
// @ts-expect-error the modal's close event has no detail
document.addEventListener('clerk-modal-close', (e) => e.detail.reason);

/** A subclass, as an element would be: `emit` is protected. */
export abstract class Probe extends (Object as unknown as typeof ClerkElement) {
  probe(): void {
    this.emit('clerk-sign-in', { sessionId: 'sess_1' });
    this.emit('clerk-sign-up', { sessionId: 'sess_1', userId: 'user_1' });
    this.emit('clerk-sign-out', { sessionId: null });
    this.emit('clerk-error', { error: new Error('x') });
    // @ts-expect-error a wrong detail shape
    this.emit('clerk-sign-in', { session: 'sess_1' });
    // @ts-expect-error a missing field of the detail
    this.emit('clerk-sign-up', { sessionId: 'sess_1' });
    // @ts-expect-error a wrong field type
    this.emit('clerk-waitlist-join', { id: 1, emailAddress: 'a@b.co' });
    // @ts-expect-error the detail is required
    this.emit('clerk-sign-in');
    // @ts-expect-error not an event of the map
    this.emit('clerk-sign-on', { sessionId: 'sess_1' });
  }
}

export const detail: ClerkEventDetail<'clerk-sign-up'> = { sessionId: 'sess_1', userId: 'user_1' };
// @ts-expect-error the detail type follows the map
export const wrong: ClerkEventDetail<'clerk-sign-up'> = { sessionId: 'sess_1' };
export type SignIn = ClerkElementEventMap['clerk-sign-in'];

// JSX: `onclerk-…` props are derived from the same map.
export const ok = <clerk-user-button onclerk-sign-out={(e) => e.detail.sessionId} onclerk-error={(e) => e.detail.error} />;
// @ts-expect-error the JSX event prop's detail follows the map
export const bad = <clerk-waitlist onclerk-waitlist-join={(e) => e.detail.sessionId} />;
