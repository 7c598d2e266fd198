import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { ClerkService } from './clerk.service';

/** Signed-out visitors go to sign-in, which brings them back here afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) =>
  inject(ClerkService).isSignedIn() || inject(Router).createUrlTree(['/sign-in'], { queryParams: { redirect: state.url } });

/** Signed-in users have nothing to do on sign-in or sign-up: on to the dashboard. */
export const signedOutGuard: CanActivateFn = () => !inject(ClerkService).isSignedIn() || inject(Router).createUrlTree(['/dashboard']);
