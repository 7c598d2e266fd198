import { createApp, watch } from 'vue';
import 'clerk-wc/elements';
import { auth, clerk } from './clerk';
import { router } from './router';
import App from './App.vue';
import './style.css';

const base = new URL(import.meta.env.BASE_URL, window.location.origin);
const trim = (path: string) => path.replace(/\/+$/, '');

/** A URL inside this app (`/apps/vue/#/sign-up`) as a route path (`/sign-up`); null for any other URL. */
function routeOf(to: string): string | null {
  const url = new URL(to, window.location.href);
  const inApp = url.origin === base.origin && trim(url.pathname) === trim(base.pathname);
  return inApp && url.hash.startsWith('#/') ? url.hash.slice(1) : null;
}

void clerk.load({
  // Applies to every element; an element's own `appearance` property is merged over it.
  appearance: {
    variables: { colorPrimary: '#0f766e', borderRadius: '0.625rem' },
  },
  signInUrl: `${base.pathname}#/sign-in`,
  signUpUrl: `${base.pathname}#/sign-up`,
  // Navigation the elements and `clerk.navigate()` do stays inside the router when it can.
  routerPush: (to) => {
    const route = routeOf(to);
    return route ? router.push(route) : window.location.assign(to);
  },
  routerReplace: (to) => {
    const route = routeOf(to);
    return route ? router.replace(route) : window.location.replace(to);
  },
});

// Signed out from anywhere (the user button, another tab, an expired session): leave protected pages.
watch(
  () => auth.value.isSignedIn,
  (signedIn) => {
    if (signedIn === false && router.currentRoute.value.meta.requiresAuth) void router.replace({ name: 'home' });
  },
);

createApp(App).use(router).mount('#app');
