// Theme switch for the gallery: light, dark (the elements' `theme` attribute), or a custom theme that only sets
// --clerk-* custom properties on :root. `?theme=dark` in the URL picks one at load (for screenshots).
const root = document.documentElement;

function apply(theme) {
  root.classList.toggle('theme-dark', theme === 'dark');
  root.classList.toggle('theme-custom', theme === 'custom');
  for (const el of document.querySelectorAll('clerk-sign-in, clerk-sign-up, clerk-waitlist, clerk-user-button, clerk-modal')) {
    el.setAttribute('theme', theme === 'dark' ? 'dark' : 'light');
  }
  const radio = document.querySelector(`input[name=theme][value=${theme}]`);
  if (radio) radio.checked = true;
}

const initial = new URLSearchParams(location.search).get('theme') ?? 'light';
apply(initial);
for (const radio of document.querySelectorAll('input[name=theme]')) radio.addEventListener('change', () => apply(radio.value));
// Elements added later (a modal) follow the current theme too.
new MutationObserver(() => apply(document.querySelector('input[name=theme]:checked')?.value ?? 'light')).observe(document.body, { childList: true });

await window.Clerk.load();
