// Type test (checked by `tsc` in npm test, never run): the JSX types accept real props and reject wrong ones.
import type {} from '../../src/jsx.ts';

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
