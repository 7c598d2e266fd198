// Security page, "Delete account": only when the user may (`user.deleteSelfEnabled`, environment actions.delete_self);
// confirmed by typing "Delete account" as Clerk asks; then the session ends and the page goes to the after-sign-out URL.
import { html } from 'lit';
import type { ProfileSection, SectionHost } from './types.js';

async function deleteAccount(host: SectionHost, afterSignOut: (host: SectionHost) => Promise<void>): Promise<void> {
  const t = host.t.bind(host);
  const ok = await host.confirm({
    title: t('userProfile.deletePage.title'),
    lines: [t('userProfile.deletePage.messageLine1'), t('userProfile.deletePage.messageLine2')],
    confirmLabel: t('userProfile.deletePage.confirm'),
    typed: { text: t('userProfile.deletePage.confirm'), label: t('formFieldLabel__confirmDeletion'), hint: t('userProfile.deletePage.actionDescription') },
  });
  if (ok) await host.run('danger', () => afterSignOut(host));
}

export function deleteSection(afterSignOut: (host: SectionHost) => Promise<void>): ProfileSection {
  return {
    id: 'danger',
    page: 'security',
    order: 100,
    title: 'userProfile.start.dangerSection.title',
    enabled: (host) =>
      host.user.deleteSelfEnabled !== false && (host.environment?.userSettings.actions as { deleteSelf?: boolean } | undefined)?.deleteSelf !== false,
    render(host) {
      return html`<div class="cl-row" part="profileSectionItem profileSectionItem__danger">
          <span></span>
          <button
            type="button"
            class="cl-button cl-button-danger"
            part="button profileSectionPrimaryButton profileSectionPrimaryButton__danger deleteAccountButton"
            ?disabled=${host.busy}
            @click=${() => void deleteAccount(host, afterSignOut)}
          >
            ${host.t('userProfile.start.dangerSection.deleteAccountButton')}
          </button>
        </div>
        ${host.sectionError('danger')}`;
    },
  };
}
