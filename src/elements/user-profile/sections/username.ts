// Account page, "Username": shown when the instance enables usernames (environment `user_settings.attributes.username`).
import { html } from 'lit';
import { field } from '../../shared/light-form.js';
import type { ProfileSection, SectionHost } from './types.js';

const bag = (host: SectionHost) => host.bag('username', () => ({ value: '', id: host.uid('username') }));

export const usernameSection: ProfileSection = {
  id: 'username',
  page: 'account',
  order: 20,
  title: 'userProfile.start.usernameSection.title',
  enabled: (host) => host.environment?.userSettings.attributes.username?.enabled === true,
  render(host) {
    const b = bag(host);
    const current = host.user.username;
    if (host.editing === 'username:edit') {
      const save = async () => {
        await host.user.update({ username: b.value.trim() });
        host.edit(undefined);
        host.announce(host.t('userProfile.usernamePage.successMessage'));
      };
      return html`<form
        class="cl-form"
        part="form profileSectionForm"
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          void host.run('username', save);
        }}
      >
        <h3 class="cl-form-title" part="form-title formHeaderTitle">
          ${host.t(current ? 'userProfile.usernamePage.title__update' : 'userProfile.usernamePage.title__set')}
        </h3>
        ${field({
          id: b.id,
          name: 'username',
          autocomplete: 'username',
          maxlength: 64,
          label: host.t('formFieldLabel__username'),
          value: b.value,
          error: host.errors.username,
          required: true,
          onInput: (v) => (b.value = v),
        })}
        ${host.sectionError('username')}
        <div class="cl-form-actions">
          <button type="button" class="cl-button cl-button-secondary" part="button formButtonReset" @click=${() => host.edit(undefined)}>
            ${host.t('userProfile.formButtonReset')}
          </button>
          ${host.submitButton(host.t('userProfile.formButtonPrimary__save'))}
        </div>
      </form>`;
    }
    return html`<div class="cl-row" part="profileSectionItem profileSectionItem__username">
      <span>${current ?? ''}</span>
      <button
        type="button"
        class="cl-button-text"
        data-opens="username:edit"
        part="button profileSectionPrimaryButton profileSectionPrimaryButton__username"
        @click=${() => {
          b.value = current ?? '';
          host.edit('username:edit');
        }}
      >
        ${host.t(current ? 'userProfile.start.usernameSection.primaryButton__updateUsername' : 'userProfile.start.usernameSection.primaryButton__setUsername')}
      </button>
    </div>`;
  },
};
