// The plain-fetch FAPI demo: a plain ES module that talks to the clerk-wc FAPI on the same origin.
// No build step and no dependencies. All user data is rendered with textContent.

/** An error response from the FAPI: `{ errors: [{ code, message, long_message, meta: { param_name } }] }`. */
class FapiError extends Error {
  constructor(status, errors) {
    const first = errors[0];
    super(first ? first.long_message || first.message : `Request failed (${status})`);
    this.status = status;
    this.errors = errors;
  }

  get code() {
    return this.errors[0]?.code;
  }

  get param() {
    return this.errors[0]?.meta?.param_name;
  }
}

/** Calls the FAPI with the `__client` cookie; bodies are form-urlencoded. Throws FapiError on 4xx/5xx. */
async function fapi(method, path, params) {
  const init = { method, credentials: 'include', headers: { accept: 'application/json' } };
  if (params) init.body = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== ''));
  let res;
  try {
    res = await fetch(path, init);
  } catch {
    throw new FapiError(0, [{ code: 'network_error', message: 'Could not reach the server. Is it running?', meta: {} }]);
  }
  let json = null;
  try {
    json = await res.json();
  } catch {
    // Not JSON: handled below.
  }
  if (!res.ok) {
    const errors =
      Array.isArray(json?.errors) && json.errors.length > 0 ? json.errors : [{ code: 'http_error', message: `The server answered ${res.status}.`, meta: {} }];
    throw new FapiError(res.status, errors);
  }
  return json;
}

// ---------------------------------------------------------------------------------------------
// State

const state = {
  /** GET /v1/environment */
  env: null,
  /** The latest Client JSON (or null before the server made one). */
  client: null,
  /** The code step in progress: { kind: 'sign_up' | 'sign_in', id, email } */
  pending: null,
  /** The JWT shown in the token panel. */
  token: null,
};

const $ = (id) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el;
};

/** The client's active session, or undefined when signed out. */
function activeSession(client) {
  if (!client || !Array.isArray(client.sessions)) return undefined;
  return client.sessions.find((s) => s.id === client.last_active_session_id && s.status === 'active');
}

function isDevelopment() {
  return state.env?.display_config?.instance_environment_type === 'development';
}

function attribute(name) {
  return state.env?.user_settings?.attributes?.[name] ?? { enabled: false, required: false };
}

/** Takes the client from an envelope (`{response, client}`) when the response has one. */
function absorb(json) {
  if (json && 'client' in json) state.client = json.client;
  return json?.response;
}

// ---------------------------------------------------------------------------------------------
// Users: names, initials, avatar colours

function primaryEmail(user) {
  const list = user?.email_addresses ?? [];
  return (list.find((e) => e.id === user.primary_email_address_id) ?? list[0])?.email_address ?? '';
}

function fullName(user) {
  return [user?.first_name, user?.last_name].filter((x) => typeof x === 'string' && x.trim() !== '').join(' ');
}

function displayName(user) {
  return fullName(user) || user?.username || primaryEmail(user) || 'there';
}

function initials(user) {
  const first = (user?.first_name ?? '').trim();
  const last = (user?.last_name ?? '').trim();
  if (first || last) return (Array.from(first)[0] ?? '') + (Array.from(last)[0] ?? '');
  const fallback = (primaryEmail(user) || user?.username || '?').trim();
  return Array.from(fallback)[0] ?? '?';
}

const AVATAR_HUES = 8;
function paintAvatar(el, user) {
  el.textContent = initials(user).toUpperCase();
  let hash = 0;
  for (const ch of user?.id ?? '') hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  for (let i = 0; i < AVATAR_HUES; i++) el.classList.remove(`avatar--hue-${i}`);
  el.classList.add(`avatar--hue-${hash % AVATAR_HUES}`);
}

// ---------------------------------------------------------------------------------------------
// Tokens

function decodeJwt(jwt) {
  const part = String(jwt).split('.')[1];
  if (!part) throw new Error('not a JWT');
  const b64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function describeTime(seconds, withCountdown) {
  if (typeof seconds !== 'number') return '—';
  const base = `${seconds} (${timeFormat.format(new Date(seconds * 1000))}`;
  if (!withCountdown) return `${base})`;
  const left = Math.round(seconds - Date.now() / 1000);
  return `${base}, ${left > 0 ? `expires in ${left} s` : 'expired'})`;
}

function renderToken() {
  const claims = (() => {
    try {
      return state.token ? decodeJwt(state.token) : null;
    } catch {
      return null;
    }
  })();
  $('claim-sub').textContent = claims?.sub ?? '—';
  $('claim-sid').textContent = claims?.sid ?? '—';
  $('claim-iat').textContent = describeTime(claims?.iat, false);
  $('claim-exp').textContent = describeTime(claims?.exp, true);
}

// The exp countdown ticks while the signed-in view is shown.
setInterval(() => {
  if (!$('view-signed-in').hidden && state.token) renderToken();
}, 1000);

// ---------------------------------------------------------------------------------------------
// Forms: busy state and errors

function setBusy(form, busy) {
  const buttons = form instanceof HTMLFormElement ? form.querySelectorAll('button') : [form];
  for (const b of buttons) {
    b.disabled = busy;
    b.classList.toggle('is-busy', busy && (b.type === 'submit' || !(form instanceof HTMLFormElement)));
  }
  if (form instanceof HTMLFormElement) form.setAttribute('aria-busy', String(busy));
}

function clearErrors(form) {
  for (const slot of form.querySelectorAll('[data-error-for]')) {
    slot.textContent = '';
    slot.hidden = true;
  }
  for (const input of form.querySelectorAll('input')) input.removeAttribute('aria-invalid');
}

/** Shows a message under the named field (or at the form top when there is no such field) and focuses it. */
function showError(form, param, message) {
  const input = param ? form.elements.namedItem(param) : null;
  const slot = input instanceof HTMLInputElement ? form.querySelector(`[data-error-for="${param}"]`) : null;
  if (slot && input instanceof HTMLInputElement && !input.closest('[hidden]')) {
    slot.textContent = message;
    slot.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  const top = form.querySelector('[data-error-for="form"]');
  if (top) {
    top.textContent = message;
    top.hidden = false;
  }
}

function showFapiError(form, e) {
  if (e instanceof FapiError) {
    const first = e.errors[0] ?? {};
    showError(form, e.param, first.long_message || first.message || e.message);
    // Another tab may have signed in meanwhile: show where we really are.
    if (e.code === 'session_exists') refreshClient().then(render);
  } else {
    console.warn(e);
    showError(form, undefined, 'Something went wrong. Please try again.');
  }
}

function setStatus(el, message) {
  el.textContent = message;
  el.hidden = !message;
}

/** Runs `task` with the form marked busy and its errors cleared; FAPI errors land in the form. */
async function submitting(form, task) {
  clearErrors(form);
  setBusy(form, true);
  try {
    await task();
  } catch (e) {
    showFapiError(form, e);
  } finally {
    setBusy(form, false);
  }
}

function value(form, name) {
  const el = form.elements.namedItem(name);
  return el instanceof HTMLInputElement && !el.closest('[hidden]') ? el.value.trim() : undefined;
}

/** Client-side check for empty required fields, so the server is asked only with something to say. */
function requireFields(form, fields) {
  for (const [name, label] of fields) {
    const el = form.elements.namedItem(name);
    if (el instanceof HTMLInputElement && !el.closest('[hidden]') && el.value.trim() === '') {
      showError(form, name, `Enter your ${label}.`);
      return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Views

const VIEWS = ['view-sign-in', 'view-sign-up', 'view-code', 'view-signed-in'];
let shownView = null;

function show(viewId, { focus = true } = {}) {
  for (const id of VIEWS) $(id).hidden = id !== viewId;
  const changed = shownView !== viewId;
  shownView = viewId;
  if (changed && focus) {
    const target = $(viewId).querySelector('input:not([type=hidden]):not([disabled])') ?? $(viewId).querySelector('h1');
    // Focus only when the person did something (not on the first paint), so screen readers hear the new step.
    if (target && document.body.dataset.ready === 'true') target.focus();
  }
}

function routeFromHash() {
  return location.hash === '#sign-up' ? 'sign-up' : 'sign-in';
}

function render() {
  $('loading').hidden = true;
  const session = activeSession(state.client);
  renderUserButton(session);
  if (session) {
    state.pending = null;
    renderSignedIn(session);
    show('view-signed-in');
  } else if (state.pending) {
    renderCodeStep();
    show('view-code');
  } else if (routeFromHash() === 'sign-up') {
    show('view-sign-up');
  } else {
    show('view-sign-in');
  }
  document.body.dataset.ready = 'true';
}

function renderSignedIn(session) {
  const user = session.user ?? {};
  paintAvatar($('welcome-avatar'), user);
  $('welcome-name').textContent = displayName(user);
  $('fact-email').textContent = primaryEmail(user) || '—';
  $('fact-username').textContent = user.username || '—';
  $('fact-user-id').textContent = user.id ?? '—';
  $('fact-session-id').textContent = session.id;
  // A token from a previous session is no use: start from the one the client carries.
  const current = state.token ? decodeSafe(state.token) : null;
  if (!current || current.sid !== session.id) {
    state.token = session.last_active_token?.jwt ?? null;
    setStatus($('token-status'), '');
  }
  renderToken();
}

function decodeSafe(jwt) {
  try {
    return decodeJwt(jwt);
  } catch {
    return null;
  }
}

function renderCodeStep() {
  const p = state.pending;
  $('code-title').textContent = p.kind === 'sign_up' ? 'Verify your email' : 'Check your email';
  $('code-purpose').textContent = p.kind === 'sign_up' ? 'Enter the verification code sent to' : 'Enter the sign-in code sent to';
  $('code-email').textContent = p.email || 'your email address';
  const dev = isDevelopment();
  $('code-dev-hint').hidden = !dev;
  if (dev) {
    const link = $('code-outbox-link');
    link.href = p.email && p.email.includes('@') ? `outbox.html?email_address=${encodeURIComponent(p.email)}` : 'outbox.html';
  }
}

// ---------------------------------------------------------------------------------------------
// The user button

function renderUserButton(session) {
  const box = $('user-button');
  box.hidden = !session;
  if (!session) {
    closeMenu(false);
    return;
  }
  const user = session.user ?? {};
  paintAvatar($('user-button-initials'), user);
  paintAvatar($('user-menu-avatar'), user);
  $('user-button-label').textContent = `Open user menu for ${displayName(user)}`;
  const name = fullName(user) || user.username || '';
  $('user-menu-name').textContent = name || primaryEmail(user);
  $('user-menu-email').textContent = name ? primaryEmail(user) : '';
  $('user-menu-email').hidden = !name;
}

function menuItems() {
  return Array.from($('user-menu').querySelectorAll('[role="menuitem"]:not([disabled])'));
}

function openMenu() {
  $('user-menu').hidden = false;
  $('user-button-trigger').setAttribute('aria-expanded', 'true');
  menuItems()[0]?.focus();
}

function closeMenu(returnFocus) {
  const wasOpen = !$('user-menu').hidden;
  $('user-menu').hidden = true;
  $('user-button-trigger').setAttribute('aria-expanded', 'false');
  if (wasOpen && returnFocus) $('user-button-trigger').focus();
}

function setUpUserButton() {
  const trigger = $('user-button-trigger');
  const menu = $('user-menu');
  // A <button> turns Enter and Space into clicks, so the keyboard and the mouse take the same path.
  trigger.addEventListener('click', () => (menu.hidden ? openMenu() : closeMenu(true)));
  trigger.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && menu.hidden) {
      e.preventDefault();
      openMenu();
    }
  });
  menu.addEventListener('keydown', (e) => {
    const items = menuItems();
    const i = items.indexOf(document.activeElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      closeMenu(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? (i + 1) % items.length : (i - 1 + items.length) % items.length;
      items[next]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      (e.key === 'Home' ? items[0] : items.at(-1))?.focus();
    } else if (e.key === 'Tab') {
      closeMenu(false);
    }
  });
  document.addEventListener('click', (e) => {
    if (!menu.hidden && e.target instanceof Node && !$('user-button').contains(e.target)) closeMenu(false);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !menu.hidden) closeMenu(true);
  });

  $('sign-out').addEventListener('click', async () => {
    const session = activeSession(state.client);
    if (!session) return;
    const item = $('sign-out');
    setBusy(item, true);
    try {
      absorb(await fapi('POST', `/v1/client/sessions/${encodeURIComponent(session.id)}/end`, {}));
      state.token = null;
      closeMenu(false);
      if (location.hash !== '#sign-in') history.replaceState(null, '', '#sign-in');
      render();
    } catch (e) {
      closeMenu(true);
      $('fatal').textContent = `Could not sign out: ${e.message}`;
      $('fatal').hidden = false;
    } finally {
      setBusy(item, false);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Sign in

function identifierLabel() {
  const email = attribute('email_address').enabled;
  const username = attribute('username').enabled;
  if (email && username) return 'Email address or username';
  return email ? 'Email address' : 'Username';
}

function setUpSignIn() {
  const form = $('sign-in-form');
  const idInput = $('sign-in-identifier');
  $('sign-in-identifier-label').textContent = identifierLabel();
  if (attribute('email_address').enabled && !attribute('username').enabled) {
    idInput.type = 'email';
    idInput.autocomplete = 'email';
  }
  const factors = state.env?.auth_config?.first_factors ?? [];
  const codeAllowed = factors.includes('email_code') && attribute('email_address').enabled;
  $('sign-in-with-code').hidden = !codeAllowed;
  $('sign-in-code-divider').hidden = !codeAllowed;
  $('sign-in-password-field').hidden = !factors.includes('password');

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const label = identifierLabel().toLowerCase();
    submitting(form, async () => {
      if (
        !requireFields(form, [
          ['identifier', label],
          ['password', 'password'],
        ])
      )
        return;
      const signIn = absorb(
        await fapi('POST', '/v1/client/sign_ins', { identifier: value(form, 'identifier'), password: $('sign-in-password').value, strategy: 'password' }),
      );
      if (signIn?.status !== 'complete') throw new Error(`Unexpected sign-in status: ${signIn?.status}`);
      form.reset();
      render();
    });
  });

  $('sign-in-with-code').addEventListener('click', () => {
    const button = $('sign-in-with-code');
    clearErrors(form);
    if (!requireFields(form, [['identifier', identifierLabel().toLowerCase()]])) return;
    setBusy(button, true);
    (async () => {
      try {
        const signIn = absorb(await fapi('POST', '/v1/client/sign_ins', { identifier: value(form, 'identifier') }));
        const factor = (signIn.supported_first_factors ?? []).find((f) => f.strategy === 'email_code');
        if (!factor) {
          showError(form, 'identifier', 'This account cannot sign in with an email code. Use the password instead.');
          return;
        }
        absorb(
          await fapi('POST', `/v1/client/sign_ins/${encodeURIComponent(signIn.id)}/prepare_first_factor`, {
            strategy: 'email_code',
            email_address_id: factor.email_address_id,
          }),
        );
        state.pending = { kind: 'sign_in', id: signIn.id, email: factor.safe_identifier ?? '' };
        form.reset();
        resetCodeForm();
        render();
      } catch (e) {
        showFapiError(form, e);
      } finally {
        setBusy(button, false);
      }
    })();
  });
}

// ---------------------------------------------------------------------------------------------
// Sign up

const FIELD_LABELS = { first_name: 'first name', last_name: 'last name', username: 'username', email_address: 'email address', password: 'password' };

function setUpSignUp() {
  const form = $('sign-up-form');
  for (const field of form.querySelectorAll('[data-attribute]')) {
    const attr = attribute(field.dataset.attribute);
    field.hidden = !attr.enabled;
    const input = field.querySelector('input');
    if (input) input.required = attr.required;
    const optional = field.querySelector('.optional');
    if (optional) optional.hidden = attr.required;
  }
  // Lay the name fields out side by side only when both are there.
  const row = form.querySelector('.field-row');
  row.hidden = Array.from(row.children).every((c) => c.hidden);
  const min = state.env?.user_settings?.password_settings?.min_length;
  if (typeof min === 'number') $('sign-up-password-hint').textContent = `At least ${min} characters.`;

  const mode = state.env?.user_settings?.sign_up?.mode ?? 'public';
  if (mode !== 'public') {
    form.hidden = true;
    $('sign-up-closed').hidden = false;
    $('sign-up-closed').textContent =
      mode === 'waitlist' ? 'Sign-ups are closed on this instance: it runs a waitlist.' : 'Sign-ups are restricted on this instance: ask for an invitation.';
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitting(form, async () => {
      const required = Object.keys(FIELD_LABELS)
        .filter((f) => attribute(f).required)
        .map((f) => [f, FIELD_LABELS[f]]);
      if (!requireFields(form, required)) return;
      const params = {};
      for (const f of Object.keys(FIELD_LABELS)) {
        if (!attribute(f).enabled) continue;
        params[f] = f === 'password' ? $('sign-up-password').value : value(form, f);
      }
      let signUp = absorb(await fapi('POST', '/v1/client/sign_ups', params));
      if (signUp.status === 'complete') {
        form.reset();
        render();
        return;
      }
      const missing = signUp.missing_fields?.[0];
      if (missing) {
        showError(form, missing, `Enter your ${FIELD_LABELS[missing] ?? missing.replace('_', ' ')}.`);
        return;
      }
      if ((signUp.unverified_fields ?? []).includes('email_address')) {
        signUp = absorb(await fapi('POST', `/v1/client/sign_ups/${encodeURIComponent(signUp.id)}/prepare_verification`, { strategy: 'email_code' }));
        state.pending = { kind: 'sign_up', id: signUp.id, email: signUp.email_address ?? '' };
        form.reset();
        resetCodeForm();
        render();
        return;
      }
      throw new Error(`Unexpected sign-up status: ${signUp.status}`);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The code step

function resetCodeForm() {
  const form = $('code-form');
  form.reset();
  clearErrors(form);
  setStatus($('code-status'), '');
}

function setUpCodeStep() {
  const form = $('code-form');
  const input = $('code-input');
  // Keep digits only, so a pasted "123 456" still works.
  input.addEventListener('input', () => {
    const digits = input.value.replace(/\D/g, '').slice(0, 6);
    if (digits !== input.value) input.value = digits;
  });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = state.pending;
    if (!p) return;
    submitting(form, async () => {
      setStatus($('code-status'), '');
      if (!requireFields(form, [['code', 'code']])) return;
      const code = input.value.trim();
      const path =
        p.kind === 'sign_up'
          ? `/v1/client/sign_ups/${encodeURIComponent(p.id)}/attempt_verification`
          : `/v1/client/sign_ins/${encodeURIComponent(p.id)}/attempt_first_factor`;
      const attempt = absorb(await fapi('POST', path, { strategy: 'email_code', code }));
      if (attempt?.status !== 'complete') {
        const missing = attempt?.missing_fields?.[0];
        throw new Error(missing ? `The sign-up still needs: ${missing.replace('_', ' ')}` : `Unexpected status: ${attempt?.status}`);
      }
      state.pending = null;
      form.reset();
      render();
    });
  });

  $('code-resend').addEventListener('click', async () => {
    const p = state.pending;
    if (!p) return;
    const button = $('code-resend');
    clearErrors(form);
    setBusy(button, true);
    try {
      const path =
        p.kind === 'sign_up'
          ? `/v1/client/sign_ups/${encodeURIComponent(p.id)}/prepare_verification`
          : `/v1/client/sign_ins/${encodeURIComponent(p.id)}/prepare_first_factor`;
      absorb(await fapi('POST', path, { strategy: 'email_code' }));
      input.value = '';
      setStatus($('code-status'), 'We sent you a new code.');
      input.focus();
    } catch (e) {
      showFapiError(form, e);
    } finally {
      setBusy(button, false);
    }
  });

  $('code-back').addEventListener('click', () => {
    const kind = state.pending?.kind;
    // Don't bring this attempt back on the next reload.
    if (state.pending) sessionStorage.setItem(DISMISSED_KEY, state.pending.id);
    state.pending = null;
    resetCodeForm();
    const hash = kind === 'sign_up' ? '#sign-up' : '#sign-in';
    if (location.hash !== hash) history.replaceState(null, '', hash);
    render();
  });
}

// ---------------------------------------------------------------------------------------------
// Fresh tokens

function setUpTokens() {
  $('fresh-token').addEventListener('click', async () => {
    const session = activeSession(state.client);
    if (!session) return;
    const button = $('fresh-token');
    setStatus($('token-error'), '');
    setBusy(button, true);
    try {
      const token = await fapi('POST', `/v1/client/sessions/${encodeURIComponent(session.id)}/tokens`, {});
      state.token = token.jwt;
      renderToken();
      setStatus($('token-status'), `Fresh token received at ${timeFormat.format(new Date())}.`);
    } catch (e) {
      setStatus($('token-error'), e instanceof FapiError ? e.message : 'Could not get a token.');
      // A 401 means the session ended elsewhere: show the signed-out page.
      if (e instanceof FapiError && e.status === 401) await refreshClient().then(render);
    } finally {
      setBusy(button, false);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Start

async function refreshClient() {
  const json = await fapi('GET', '/v1/client');
  state.client = json?.response ?? null;
}

const DISMISSED_KEY = 'clerk-wc-demo:dismissed-attempt';

/** Picks up a code step left half-way (e.g. after a reload). */
function resumePending() {
  const c = state.client;
  if (!c || activeSession(c)) return;
  const dismissed = sessionStorage.getItem(DISMISSED_KEY);
  const su = c.sign_up;
  const suVerification = su?.verifications?.email_address;
  if (su && su.id !== dismissed && su.status !== 'complete' && suVerification?.status === 'unverified' && (su.missing_fields ?? []).length === 0) {
    state.pending = { kind: 'sign_up', id: su.id, email: su.email_address ?? '' };
    return;
  }
  const si = c.sign_in;
  const siVerification = si?.first_factor_verification;
  if (si && si.id !== dismissed && si.status === 'needs_first_factor' && siVerification?.strategy === 'email_code' && siVerification.status === 'unverified') {
    const factor = (si.supported_first_factors ?? []).find((f) => f.strategy === 'email_code');
    state.pending = { kind: 'sign_in', id: si.id, email: factor?.safe_identifier ?? si.identifier ?? '' };
  }
}

async function start() {
  setUpUserButton();
  try {
    const [env, client] = await Promise.all([fapi('GET', '/v1/environment'), fapi('GET', '/v1/client')]);
    state.env = env;
    state.client = client?.response ?? null;
  } catch (e) {
    $('loading').hidden = true;
    $('fatal').textContent = `Could not load the instance: ${e.message}`;
    $('fatal').hidden = false;
    return;
  }
  const appName = state.env?.display_config?.application_name || 'clerk-wc';
  $('app-name').textContent = appName;
  for (const el of document.querySelectorAll('[data-app-name]')) el.textContent = appName;
  document.title = `${appName} · demo`;
  $('outbox-link').hidden = !isDevelopment();

  setUpSignIn();
  setUpSignUp();
  setUpCodeStep();
  setUpTokens();
  resumePending();
  window.addEventListener('hashchange', () => {
    if (activeSession(state.client)) return;
    state.pending = null;
    render();
  });
  render();
}

start();
