// A tiny hash router: `#/dashboard` is the route `/dashboard`. The server needs no SPA fallback.
const read = () => location.hash.replace(/^#/, '').split('?')[0] || '/';

let path = $state(read());
window.addEventListener('hashchange', () => (path = read()));

export const route = {
  get path() {
    return path;
  },
};

/** Goes to `to` (`#/sign-in`, or a URL of this page such as Clerk's routerPush gives); other pages load normally. */
export function navigate(to, { replace = false } = {}) {
  const url = new URL(to, location.href);
  if (url.origin !== location.origin || url.pathname !== location.pathname || url.search !== location.search) {
    location.assign(url);
    return;
  }
  history[replace ? 'replaceState' : 'pushState'](null, '', url);
  path = read();
  window.scrollTo(0, 0);
}
