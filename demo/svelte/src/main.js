import { mount } from 'svelte';
// Defines every <clerk-*> tag; they find the instance through window.Clerk (set in ./lib/clerk.js).
import 'clerk-wc/elements';
import { clerk, appearance } from './lib/clerk.js';
import { navigate } from './lib/router.svelte.js';
import App from './App.svelte';
import './app.css';

// One load for the whole app: the elements read `appearance` from here, and navigate through the hash router.
void clerk.load({
  appearance,
  signInUrl: '#/sign-in',
  signUpUrl: '#/sign-up',
  afterSignOutUrl: '#/',
  routerPush: (to) => navigate(to),
  routerReplace: (to) => navigate(to, { replace: true }),
});

mount(App, { target: document.getElementById('app') });
