// Security page, "Password": set or change it (the current one when there is one), the policy from the environment's
// password_settings as a hint, and "Sign out of all other devices" (`signOutOfOtherSessions`).
import { html, nothing } from 'lit';
import { field } from '../../shared/light-form.js';
import type { ProfileSection, SectionHost } from './types.js';

interface PasswordBag {
  current: string;
  next: string;
  confirm: string;
  signOutOthers: boolean;
  ids: { current: string; next: string; confirm: string };
}

const bag = (host: SectionHost) =>
  host.bag<PasswordBag>('password', () => ({
    current: '',
    next: '',
    confirm: '',
    signOutOthers: true,
    ids: { current: host.uid('current-password'), next: host.uid('new-password'), confirm: host.uid('confirm-password') },
  }));

/** "Your password must contain 8 or more characters." from the instance's policy. */
export function policyHint(host: SectionHost): string | undefined {
  const settings = host.environment?.userSettings.passwordSettings as (Record<string, unknown> & { minLength?: number }) | undefined;
  const min = settings?.minLength;
  if (!min) return undefined;
  const parts = [host.t('unstable__errors.passwordComplexity.minimumLength', { length: String(min) })];
  return `${host.t('unstable__errors.passwordComplexity.sentencePrefix')} ${parts.join(', ')}.`;
}

function form(host: SectionHost) {
  const b = bag(host);
  const user = host.user;
  const update = user.passwordEnabled;
  const max = host.environment?.userSettings.passwordSettings?.maxLength || 1024;
  const save = async () => {
    if (b.next !== b.confirm) return host.setError('confirm_password', host.t('formFieldError__notMatchingPasswords'));
    const signedOutOthers = b.signOutOthers;
    await user.updatePassword({ ...(update ? { currentPassword: b.current } : {}), newPassword: b.next, signOutOfOtherSessions: b.signOutOthers });
    b.current = b.next = b.confirm = '';
    host.edit(undefined);
    const done = host.t(update ? 'userProfile.passwordPage.successMessage__update' : 'userProfile.passwordPage.successMessage__set');
    host.announce(signedOutOthers ? `${done} ${host.t('userProfile.passwordPage.successMessage__signOutOfOtherSessions')}` : done);
    // The device list is stale when the other sessions were signed out.
    if (signedOutOthers) host.bag<{ stale?: boolean }>('devices', () => ({})).stale = true;
  };
  const password = (id: string, name: string, label: string, value: string, set: (v: string) => void, autocomplete: string, hint?: string) =>
    field({
      id,
      name,
      type: 'password',
      autocomplete,
      maxlength: max,
      label: host.t(label),
      value,
      error: host.errors[name],
      hint,
      required: true,
      onInput: set,
    });
  return html`<form
    class="cl-form"
    part="form profileSectionForm"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      void host.run('password', save);
    }}
  >
    <h3 class="cl-form-title" part="form-title formHeaderTitle">
      ${host.t(update ? 'userProfile.passwordPage.title__update' : 'userProfile.passwordPage.title__set')}
    </h3>
    <input type="text" name="username" autocomplete="username" .value=${user.primaryEmailAddress?.emailAddress ?? user.username ?? ''} hidden />
    ${update ? password(b.ids.current, 'current_password', 'formFieldLabel__currentPassword', b.current, (v) => (b.current = v), 'current-password') : nothing}
    ${password(b.ids.next, 'new_password', 'formFieldLabel__newPassword', b.next, (v) => (b.next = v), 'new-password', policyHint(host))}
    ${password(b.ids.confirm, 'confirm_password', 'formFieldLabel__confirmPassword', b.confirm, (v) => (b.confirm = v), 'new-password')}
    <label class="cl-checkbox"
      ><input
        type="checkbox"
        name="sign_out_of_other_sessions"
        .checked=${b.signOutOthers}
        @change=${(e: Event) => (b.signOutOthers = (e.target as HTMLInputElement).checked)}
      />
      ${host.t('formFieldLabel__signOutOfOtherSessions')}</label
    >
    <p class="cl-hint">${host.t('userProfile.passwordPage.checkboxInfoText__signOutOfOtherSessions')}</p>
    ${host.sectionError('password')}
    <div class="cl-form-actions">
      <button type="button" class="cl-button cl-button-secondary" part="button formButtonReset" @click=${() => host.edit(undefined)}>
        ${host.t('userProfile.formButtonReset')}
      </button>
      ${host.submitButton(host.t('userProfile.formButtonPrimary__save'))}
    </div>
  </form>`;
}

export const passwordSection: ProfileSection = {
  id: 'password',
  page: 'security',
  order: 10,
  title: 'userProfile.start.passwordSection.title',
  enabled: (host) => host.environment?.userSettings.attributes.password?.enabled !== false,
  render(host) {
    if (host.editing === 'password:edit') return form(host);
    const enabled = host.user.passwordEnabled;
    return html`<div class="cl-row" part="profileSectionItem profileSectionItem__password">
      <span aria-hidden=${enabled ? 'false' : 'true'}>${enabled ? '••••••••••' : ''}</span>
      <button
        type="button"
        class="cl-button-text"
        data-opens="password:edit"
        part="button profileSectionPrimaryButton profileSectionPrimaryButton__password"
        @click=${() => host.edit('password:edit')}
      >
        ${host.t(enabled ? 'userProfile.start.passwordSection.primaryButton__updatePassword' : 'userProfile.start.passwordSection.primaryButton__setPassword')}
      </button>
    </div>`;
  },
};
