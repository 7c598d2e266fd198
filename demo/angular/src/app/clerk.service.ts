import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import { Clerk, createStores, toAngularSignal } from 'clerk-wc';
// Defines every <clerk-*> element; they find this app's instance through window.Clerk.
import 'clerk-wc/elements';

/** The one Clerk instance of the app, and its state as Angular signals. */
@Injectable({ providedIn: 'root' })
export class ClerkService {
  private readonly router = inject(Router);

  /** The FAPI is served by the same origin as the app (`clerk-wc-server --static-dir demo`). */
  readonly clerk = new Clerk('', { proxyUrl: window.location.origin });

  private readonly stores = createStores(this.clerk);
  private readonly destroyRef = inject(DestroyRef);
  /** `{ isLoaded, isSignedIn, userId, sessionId, … }`, following every sign-in and sign-out (in any tab). */
  readonly state = toAngularSignal(this.stores.$authStore, { signal }, this.destroyRef);
  /** The signed-in user (`null` when signed out). */
  readonly user = toAngularSignal(this.stores.$userStore, { signal }, this.destroyRef);

  readonly isLoaded = computed(() => this.state().isLoaded);
  readonly isSignedIn = computed(() => this.state().isSignedIn === true);
  readonly email = computed(() => this.user()?.primaryEmailAddress?.emailAddress ?? '');
  readonly displayName = computed(() => this.user()?.displayName ?? '');

  constructor() {
    window.Clerk = this.clerk;
  }

  /** Loads Clerk with this app's URLs; Clerk's own navigations (sign-out, redirects) go through the router. */
  load(): Promise<void> {
    const app = (route: string) => `${this.home()}#${route}`;
    return this.clerk.load({
      signInUrl: app('/sign-in'),
      signUpUrl: app('/sign-up'),
      afterSignOutUrl: app('/'),
      signInFallbackRedirectUrl: app('/dashboard'),
      signUpFallbackRedirectUrl: app('/dashboard'),
      routerPush: (to) => this.routeTo(to),
      routerReplace: (to) => this.routeTo(to, true),
    });
  }

  /**
   * The page the app lives on (`…/apps/angular/`). The demo server's CSP has `base-uri 'none'`, so there is no
   * `<base href>`: the app's URLs are relative to the page itself, and the router uses the hash.
   */
  private home(): string {
    return `${window.location.origin}${window.location.pathname}`;
  }

  /** `/apps/angular/#/dashboard` → the router's `/dashboard`; anything else is a page load. */
  private routeTo(to: string, replaceUrl = false): Promise<boolean> | void {
    const url = new URL(to, window.location.href);
    if (`${url.origin}${url.pathname}` === this.home() && url.hash.startsWith('#/')) {
      return this.router.navigateByUrl(url.hash.slice(1), { replaceUrl });
    }
    window.location.assign(url);
  }
}
