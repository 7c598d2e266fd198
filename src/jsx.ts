// JSX types for the elements (`import type {} from 'clerk-wc/jsx'` once in a React 19 app): every tag with its
// properties (React 19 sets them as properties on custom elements) and its `clerk-*` events as `onclerk-…` props.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { LitElement } from 'lit';
import type { ClerkElementEventMap, ClerkEventName } from './elements/shared/events.js';
import type {
  ClerkRedirectToSignIn,
  ClerkRedirectToSignUp,
  ClerkSignInButton,
  ClerkSignOutButton,
  ClerkSignUpButton,
} from './elements/buttons/buttons.component.js';
import type { ClerkLoaded } from './elements/control/loaded.component.js';
import type { ClerkLoading } from './elements/control/loading.component.js';
import type { ClerkSignedIn } from './elements/control/signed-in.component.js';
import type { ClerkSignedOut } from './elements/control/signed-out.component.js';
import type { ClerkModal } from './elements/modal/modal.component.js';
import type { ClerkProtect } from './elements/protect/protect.component.js';
import type { ClerkSignIn } from './elements/sign-in/sign-in.component.js';
import type { ClerkSignUp } from './elements/sign-up/sign-up.component.js';
import type { ClerkUserButton } from './elements/user-button/user-button.component.js';
import type { ClerkWaitlist } from './elements/waitlist/waitlist.component.js';

/** An element's own public properties (not those every HTMLElement or LitElement has). */
export type ElementProps<E extends HTMLElement> = Partial<Omit<E, keyof LitElement | 'role'>> & { role?: string | null };

/** `onclerk-sign-in` and the others: one prop per event of the elements' event map. */
type Events = { [K in ClerkEventName as `on${K}`]?: (event: ClerkElementEventMap[K]) => void };

/** Tag → props, framework-neutral; the React augmentation below adds React's HTML attributes. */
export interface ClerkElementProps {
  'clerk-sign-in': ElementProps<ClerkSignIn>;
  'clerk-sign-up': ElementProps<ClerkSignUp>;
  'clerk-user-button': ElementProps<ClerkUserButton>;
  'clerk-waitlist': ElementProps<ClerkWaitlist>;
  'clerk-protect': ElementProps<ClerkProtect>;
  'clerk-signed-in': ElementProps<ClerkSignedIn>;
  'clerk-signed-out': ElementProps<ClerkSignedOut>;
  'clerk-loaded': ElementProps<ClerkLoaded>;
  'clerk-loading': ElementProps<ClerkLoading>;
  'clerk-sign-in-button': ElementProps<ClerkSignInButton>;
  'clerk-sign-up-button': ElementProps<ClerkSignUpButton>;
  'clerk-sign-out-button': ElementProps<ClerkSignOutButton>;
  'clerk-redirect-to-sign-in': ElementProps<ClerkRedirectToSignIn>;
  'clerk-redirect-to-sign-up': ElementProps<ClerkRedirectToSignUp>;
  'clerk-modal': ElementProps<ClerkModal>;
}

type ReactProps<E extends HTMLElement, P> = DetailedHTMLProps<HTMLAttributes<E>, E> & P & Events & { [attribute: `${string}-${string}`]: unknown };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'clerk-sign-in': ReactProps<ClerkSignIn, ClerkElementProps['clerk-sign-in']>;
      'clerk-sign-up': ReactProps<ClerkSignUp, ClerkElementProps['clerk-sign-up']>;
      'clerk-user-button': ReactProps<ClerkUserButton, ClerkElementProps['clerk-user-button']>;
      'clerk-waitlist': ReactProps<ClerkWaitlist, ClerkElementProps['clerk-waitlist']>;
      'clerk-protect': ReactProps<ClerkProtect, ClerkElementProps['clerk-protect']>;
      'clerk-signed-in': ReactProps<ClerkSignedIn, ClerkElementProps['clerk-signed-in']>;
      'clerk-signed-out': ReactProps<ClerkSignedOut, ClerkElementProps['clerk-signed-out']>;
      'clerk-loaded': ReactProps<ClerkLoaded, ClerkElementProps['clerk-loaded']>;
      'clerk-loading': ReactProps<ClerkLoading, ClerkElementProps['clerk-loading']>;
      'clerk-sign-in-button': ReactProps<ClerkSignInButton, ClerkElementProps['clerk-sign-in-button']>;
      'clerk-sign-up-button': ReactProps<ClerkSignUpButton, ClerkElementProps['clerk-sign-up-button']>;
      'clerk-sign-out-button': ReactProps<ClerkSignOutButton, ClerkElementProps['clerk-sign-out-button']>;
      'clerk-redirect-to-sign-in': ReactProps<ClerkRedirectToSignIn, ClerkElementProps['clerk-redirect-to-sign-in']>;
      'clerk-redirect-to-sign-up': ReactProps<ClerkRedirectToSignUp, ClerkElementProps['clerk-redirect-to-sign-up']>;
      'clerk-modal': ReactProps<ClerkModal, ClerkElementProps['clerk-modal']>;
    }
  }
}
