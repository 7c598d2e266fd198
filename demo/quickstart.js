// Clerk's JavaScript quickstart (seed 004), unchanged but for building the two divs with the DOM instead of
// innerHTML and coming back to this page after signing in or out; it lives in a file because this page runs
// under a strict Content-Security-Policy.
window.addEventListener('load', async function () {
  await Clerk.load();

  const app = document.getElementById('app');
  const div = document.createElement('div');
  app.replaceChildren(div);

  if (Clerk.user) {
    div.id = 'user-button';
    Clerk.mountUserButton(div, { afterSignOutUrl: '/quickstart.html' });
  } else {
    div.id = 'sign-in';
    Clerk.mountSignIn(div, { fallbackRedirectUrl: '/quickstart.html' });
  }
});
