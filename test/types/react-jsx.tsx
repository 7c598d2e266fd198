// Type test (checked by `tsc` in npm test, never run): the JSX types accept real props and reject wrong ones.
import type { JSX } from 'react';
import type { ClerkElementProps } from '../../src/jsx.ts';
import type { CLERK_ELEMENTS } from '../../src/elements/registry.ts';
import type { ClerkLoaded } from '../../src/elements/control/loaded.component.ts';
import type { ClerkSignIn } from '../../src/elements/sign-in/sign-in.component.ts';
import type { ClerkUserButton } from '../../src/elements/user-button/user-button.component.ts';

export const ok = (
  <div>
    <clerk-sign-in routing="virtual" fallbackRedirectUrl="/home" onclerk-sign-in={(e) => e.detail.sessionId.toUpperCase()} />
    <clerk-user-button showName afterSignOutUrl="/" className="header-button" />
    <clerk-protect role="org:admin" condition={(has) => has({ permission: 'org:invoices:create' })}>
      <p slot="fallback">no</p>
    </clerk-protect>
    <clerk-sign-in-button mode="modal">
      <button type="button">Sign in</button>
    </clerk-sign-in-button>
  </div>
);

// @ts-expect-error routing has three values
export const badRouting = <clerk-sign-in routing="sideways" />;
// @ts-expect-error the event detail is typed
export const badEvent = <clerk-sign-in onclerk-sign-in={(e) => e.detail.nope.toString()} />;

// The tag map and the JSX props come from the registry: every tag of the table, each with its own class.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Tag = (typeof CLERK_ELEMENTS)[number]['tag'];
export const everyTagHasJsxProps: Same<keyof ClerkElementProps, Tag> = true;
export const everyTagIsIntrinsic: Same<Extract<keyof JSX.IntrinsicElements, `clerk-${string}`>, Tag> = true;
export const tagMapHasTheClass: [Same<HTMLElementTagNameMap['clerk-sign-in'], ClerkSignIn>, Same<HTMLElementTagNameMap['clerk-loaded'], ClerkLoaded>] = [
  true,
  true,
];
export const createElementIsTyped = (): ClerkUserButton => document.createElement('clerk-user-button');
// @ts-expect-error a tag that is not in the registry has no JSX props
export const notATag: ClerkElementProps['clerk-nope'] = {};
