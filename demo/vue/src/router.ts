import { createRouter, createWebHashHistory } from 'vue-router';
import { auth, loaded } from './clerk';
import HomeView from './views/HomeView.vue';
import SignInView from './views/SignInView.vue';
import SignUpView from './views/SignUpView.vue';
import DashboardView from './views/DashboardView.vue';
import WaitlistView from './views/WaitlistView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Signed-out visitors go to sign-in. */
    requiresAuth?: boolean;
    /** Signed-in visitors go on to the dashboard. */
    guestOnly?: boolean;
  }
}

export const router = createRouter({
  // Hash routing: the static server needs no fallback to index.html for deep links.
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    { path: '/sign-in', name: 'sign-in', component: SignInView, meta: { guestOnly: true } },
    { path: '/sign-up', name: 'sign-up', component: SignUpView, meta: { guestOnly: true } },
    { path: '/dashboard', name: 'dashboard', component: DashboardView, meta: { requiresAuth: true } },
    { path: '/waitlist', name: 'waitlist', component: WaitlistView },
    { path: '/:rest(.*)', redirect: '/' },
  ],
});

// The guard: signed-out visitors of a protected page go to sign-in, which brings them back afterwards.
router.beforeEach(async (to) => {
  if (!to.meta.requiresAuth && !to.meta.guestOnly) return true;
  await loaded;
  if (to.meta.requiresAuth && !auth.value.isSignedIn) return { name: 'sign-in', query: { redirect: to.fullPath } };
  if (to.meta.guestOnly && auth.value.isSignedIn) return afterAuthRoute(to.query.redirect);
  return true;
});

/** Where to go after signing in or up: the page the guard interrupted, else the dashboard. */
export function afterAuthRoute(redirect = router.currentRoute.value.query.redirect): string {
  return typeof redirect === 'string' && redirect.startsWith('/') ? redirect : '/dashboard';
}
