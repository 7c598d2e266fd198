// Account page, "Profile": the avatar (upload / replace / remove, with a preview) and first and last name.
import { html, nothing } from 'lit';
import { field } from '../../shared/light-form.js';
import { avatar } from '../../user-button/avatar.js';
import type { ProfileSection, SectionHost } from './types.js';

/** What the server takes (Clerk's limits and types): checked here first, and the server's 4xx still shows. */
export const AVATAR_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
export const AVATAR_MAX_BYTES = 10 * 1024 * 1024;

interface ProfileBag {
  firstName: string;
  lastName: string;
  /** An object URL of the file being uploaded, shown until the server's image replaces it. */
  preview: string | undefined;
  brokenImage: string | undefined;
  ids: { first: string; last: string; file: string };
}

const bag = (host: SectionHost) =>
  host.bag<ProfileBag>('profile', () => ({
    firstName: '',
    lastName: '',
    preview: undefined,
    brokenImage: undefined,
    ids: { first: host.uid('first-name'), last: host.uid('last-name'), file: host.uid('avatar') },
  }));

/** The client-side check of a chosen file: the localized reason it is refused, or undefined. */
export function avatarProblem(file: File, t: SectionHost['t']): string | undefined {
  if (!AVATAR_TYPES.includes(file.type)) return t('unstable__errors.avatar_file_type_invalid');
  if (file.size > AVATAR_MAX_BYTES) return t('unstable__errors.avatar_file_size_exceeded');
  return undefined;
}

async function upload(host: SectionHost, file: File): Promise<void> {
  const b = bag(host);
  const problem = avatarProblem(file, host.t.bind(host));
  if (problem) return host.setError('file', problem);
  b.preview = URL.createObjectURL(file);
  host.update();
  try {
    await host.run('profile', async () => void (await host.user.setProfileImage({ file })));
  } finally {
    URL.revokeObjectURL(b.preview);
    b.preview = undefined;
    host.update();
  }
}

function avatarBox(host: SectionHost, size: 'small' | 'large') {
  const b = bag(host);
  const user = host.user;
  const ok = b.brokenImage !== user.imageUrl;
  const parts = `avatar avatarBox userPreviewAvatarBox avatar-${size}`;
  if (b.preview) {
    return html`<span class="avatar" part=${parts} aria-hidden="true"><img class="avatar-image" src=${b.preview} alt="" /></span>`;
  }
  return avatar(user, parts, ok, () => {
    b.brokenImage = user.imageUrl;
    host.update();
  });
}

function form(host: SectionHost) {
  const b = bag(host);
  const user = host.user;
  const save = async () => {
    await host.user.update({ firstName: b.firstName.trim(), lastName: b.lastName.trim() });
    host.edit(undefined);
    host.announce(host.t('userProfile.profilePage.successMessage'));
  };
  return html`<form
    class="cl-form cl-profile-form"
    part="form profileSectionForm"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      void host.run('profile', save);
    }}
  >
    <h3 class="cl-form-title" part="form-title formHeaderTitle">${host.t('userProfile.profilePage.title')}</h3>
    <div class="cl-avatar-row">
      ${avatarBox(host, 'large')}
      <div class="cl-avatar-actions">
        <span class="cl-label">${host.t('userProfile.profilePage.imageFormTitle')}</span>
        <div class="cl-actions">
          <button
            type="button"
            class="cl-button cl-button-secondary"
            part="button fileDropAreaButtonPrimary"
            aria-describedby="${b.ids.file}-hint"
            ?disabled=${host.busy}
            @click=${(e: Event) => (e.currentTarget as HTMLElement).parentElement?.querySelector<HTMLInputElement>('input[type=file]')?.click()}
          >
            ${host.t('userProfile.profilePage.imageFormSubtitle')}
          </button>
          <input
            id=${b.ids.file}
            name="file"
            type="file"
            hidden
            accept=${AVATAR_TYPES.join(',')}
            @change=${(e: Event) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) void upload(host, file);
            }}
          />
          ${
            user.hasImage
              ? html`<button
                  type="button"
                  class="cl-button cl-button-danger-text"
                  part="button avatarImageActionsRemove"
                  ?disabled=${host.busy}
                  @click=${() => void host.run('profile', async () => void (await host.user.setProfileImage({ file: null })))}
                >
                  ${host.t('userProfile.profilePage.imageFormDestructiveActionSubtitle')}
                </button>`
              : nothing
          }
        </div>
        <p class="cl-hint" id="${b.ids.file}-hint">${host.t('userProfile.profilePage.fileDropAreaHint')}</p>
        ${host.errors.file ? html`<p class="cl-error" role="alert">${host.errors.file}</p>` : nothing}
      </div>
    </div>
    <div class="cl-name-row">
      ${field({
        id: b.ids.first,
        name: 'first_name',
        autocomplete: 'given-name',
        maxlength: 256,
        label: host.t('formFieldLabel__firstName'),
        value: b.firstName,
        error: host.errors.first_name,
        onInput: (v) => (b.firstName = v),
      })}
      ${field({
        id: b.ids.last,
        name: 'last_name',
        autocomplete: 'family-name',
        maxlength: 256,
        label: host.t('formFieldLabel__lastName'),
        value: b.lastName,
        error: host.errors.last_name,
        onInput: (v) => (b.lastName = v),
      })}
    </div>
    ${host.sectionError('profile')}
    <div class="cl-form-actions">
      <button type="button" class="cl-button cl-button-secondary" part="button formButtonReset" @click=${() => host.edit(undefined)}>
        ${host.t('userProfile.formButtonReset')}
      </button>
      ${host.submitButton(host.t('userProfile.formButtonPrimary__save'))}
    </div>
  </form>`;
}

export const profileSection: ProfileSection = {
  id: 'profile',
  page: 'account',
  order: 10,
  title: 'userProfile.start.profileSection.title',
  render(host) {
    if (host.editing === 'profile:edit') return form(host);
    const user = host.user;
    return html`<div class="cl-row" part="profileSectionItem profileSectionItem__profile">
      <div class="cl-identity-row">${avatarBox(host, 'small')}<span class="cl-strong">${user.fullName ?? ''}</span></div>
      <button
        type="button"
        class="cl-button-text"
        data-opens="profile:edit"
        part="button profileSectionPrimaryButton profileSectionPrimaryButton__profile"
        @click=${() => {
          const b = bag(host);
          b.firstName = user.firstName ?? '';
          b.lastName = user.lastName ?? '';
          host.edit('profile:edit');
        }}
      >
        ${host.t('userProfile.start.profileSection.primaryButton')}
      </button>
    </div>`;
  },
};
