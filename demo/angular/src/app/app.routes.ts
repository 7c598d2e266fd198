import type { Routes } from '@angular/router';
import { signedInGuard, signedOutGuard } from './auth.guard';
import { DashboardPage } from './pages/dashboard.page';
import { HomePage } from './pages/home.page';
import { SignInPage } from './pages/sign-in.page';
import { SignUpPage } from './pages/sign-up.page';
import { WaitlistPage } from './pages/waitlist.page';

export const routes: Routes = [
  { path: '', component: HomePage, title: 'clerk-wc · Angular' },
  { path: 'sign-in', component: SignInPage, canActivate: [signedOutGuard], title: 'Sign in · clerk-wc Angular' },
  { path: 'sign-up', component: SignUpPage, canActivate: [signedOutGuard], title: 'Sign up · clerk-wc Angular' },
  { path: 'dashboard', component: DashboardPage, canActivate: [signedInGuard], title: 'Dashboard · clerk-wc Angular' },
  { path: 'waitlist', component: WaitlistPage, title: 'Waitlist · clerk-wc Angular' },
  { path: '**', redirectTo: '' },
];
