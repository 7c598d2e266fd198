// Account page, "Email addresses": the list with Primary / Unverified badges; add → verify with a code (the shared
// code field and resend countdown); set primary; remove behind a confirmation (the primary address cannot be removed,
// and the dialog says why).
import { html, nothing } from 'lit';
import type { EmailAddress } from '../../../core/resources/user.js';
import { field } from '../../shared/light-form.js';
import type { ProfileSection, SectionHost } from './types.js';

interface EmailsBag {
  value: string;
  /** The address being verified (new, or an unverified one). */
  verifying: EmailAddress | undefined;
  ids: { email: string; code: string };
}

const bag = (host: SectionHost) =>
  host.bag<EmailsBag>('emails', () => ({ value: '', verifying: undefined, ids: { email: host.uid('email'), code: host.uid('email-code') } }));

async function sendCode(host: SectionHost, email: EmailAddress): Promise<void> {
  const b = bag(host);
  b.verifying = await email.prepareVerification({ strategy: 'email_code' });
  host.startResendCountdown();
  host.edit('emails:verify');
}

async function attempt(host: SectionHost, code: string): Promise<void> {
  const b = bag(host);
  const email = b.verifying!;
  await email.attemptVerification({ code });
  host.edit(undefined);
  host.announce(host.t('userProfile.emailAddressPage.emailCode.successMessage', { identifier: email.emailAddress }));
  b.verifying = undefined;
}

async function remove(host: SectionHost, email: EmailAddress): Promise<void> {
  const t = host.t.bind(host);
  const identifier = email.emailAddress;
  if (email.id === host.user.primaryEmailAddressId) {
    await host.confirm({
      title: t('userProfile.emailAddressPage.removeResource.title'),
      lines: [t('userProfile.emailAddressPage.removeResource.primaryMessage', { identifier })],
    });
    return;
  }
  const ok = await host.confirm({
    title: t('userProfile.emailAddressPage.removeResource.title'),
    lines: [t('userProfile.emailAddressPage.removeResource.messageLine1', { identifier }), t('userProfile.emailAddressPage.removeResource.messageLine2')],
    confirmLabel: t('userProfile.formButtonPrimary__remove'),
  });
  if (!ok) return;
  // The DELETE piggybacks the client, whose user no longer lists the address.
  const done = await host.run('emails', () => email.destroy());
  if (done) host.announce(t('userProfile.emailAddressPage.removeResource.successMessage', { emailAddress: identifier }));
}

function addForm(host: SectionHost) {
  const b = bag(host);
  const add = async () => {
    const created = await host.user.createEmailAddress({ email: b.value.trim() });
    await sendCode(host, created);
  };
  return html`<form
    class="cl-form"
    part="form profileSectionForm"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      void host.run('emails', add);
    }}
  >
    <h3 class="cl-form-title" part="form-title formHeaderTitle">${host.t('userProfile.emailAddressPage.title')}</h3>
    ${field({
      id: b.ids.email,
      name: 'email_address',
      type: 'email',
      autocomplete: 'email',
      maxlength: 320,
      label: host.t('formFieldLabel__emailAddress'),
      placeholder: host.t('formFieldInputPlaceholder__emailAddress'),
      hint: host.t('userProfile.emailAddressPage.emailCode.formHint'),
      value: b.value,
      error: host.errors.email_address,
      required: true,
      onInput: (v) => (b.value = v),
    })}
    ${host.sectionError('emails')}
    <div class="cl-form-actions">
      <button type="button" class="cl-button cl-button-secondary" part="button formButtonReset" @click=${() => host.edit(undefined)}>
        ${host.t('userProfile.formButtonReset')}
      </button>
      ${host.submitButton(host.t('userProfile.formButtonPrimary__add'))}
    </div>
  </form>`;
}

function verifyForm(host: SectionHost) {
  const b = bag(host);
  const email = b.verifying!;
  const go = () => attempt(host, host.code);
  return html`<form
    class="cl-form"
    part="form profileSectionForm"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      void host.run('emails', go);
    }}
  >
    <h3 class="cl-form-title" part="form-title formHeaderTitle">${host.t('userProfile.emailAddressPage.verifyTitle')}</h3>
    <p class="cl-hint">${host.t('userProfile.emailAddressPage.emailCode.formSubtitle', { identifier: email.emailAddress })}</p>
    ${host.codeField(b.ids.code, 'userProfile.emailAddressPage.emailCode.formTitle', go)} ${host.sectionError('emails')}
    ${host.resendButton('userProfile.emailAddressPage.emailCode.resendButton', () => sendCode(host, email))}
    <div class="cl-form-actions">
      <button type="button" class="cl-button cl-button-secondary" part="button formButtonReset" @click=${() => host.edit(undefined)}>
        ${host.t('userProfile.formButtonReset')}
      </button>
      ${host.submitButton(host.t('formButtonPrimary__verify'))}
    </div>
  </form>`;
}

function row(host: SectionHost, email: EmailAddress) {
  const t = host.t.bind(host);
  const primary = email.id === host.user.primaryEmailAddressId;
  const verified = email.verification?.status === 'verified';
  const action = (label: string, part: string, run: () => Promise<void>) =>
    html`<button
      type="button"
      class="cl-button-text"
      part="button profileSectionItemAction ${part}"
      ?disabled=${host.busy}
      @click=${() => void host.run('emails', run)}
    >
      ${label}
    </button>`;
  return html`<li class="cl-row cl-stack" part="profileSectionItem profileSectionItem__emailAddresses">
    <span class="cl-item-text">
      <span class="cl-wrap">${email.emailAddress}</span>
      ${primary ? html`<span class="cl-badge" part="badge">${t('badge__primary')}</span>` : nothing}
      ${verified ? nothing : html`<span class="cl-badge cl-badge-warning" part="badge">${t('badge__unverified')}</span>`}
    </span>
    <span class="cl-item-actions">
      ${!primary && verified ? action(t('userProfile.start.emailAddressesSection.detailsAction__nonPrimary'), 'setPrimary', () => host.user.update({ primaryEmailAddressId: email.id }).then(() => undefined)) : nothing}
      ${
        !verified
          ? action(
              t(
                primary
                  ? 'userProfile.start.emailAddressesSection.detailsAction__primary'
                  : 'userProfile.start.emailAddressesSection.detailsAction__unverified',
              ),
              'verify',
              () => sendCode(host, email),
            )
          : nothing
      }
      <button
        type="button"
        class="cl-button-text cl-danger"
        part="button profileSectionItemAction destructiveAction"
        aria-label="${t('userProfile.start.emailAddressesSection.destructiveAction')}: ${email.emailAddress}"
        ?disabled=${host.busy}
        @click=${() => void remove(host, email)}
      >
        ${t('userProfile.start.emailAddressesSection.destructiveAction')}
      </button>
    </span>
  </li>`;
}

export const emailsSection: ProfileSection = {
  id: 'emailAddresses',
  page: 'account',
  order: 30,
  title: 'userProfile.start.emailAddressesSection.title',
  enabled: (host) => host.environment?.userSettings.attributes.emailAddress?.enabled !== false,
  render(host) {
    const user = host.user;
    // The primary address first, as Clerk lists them.
    const emails = [...user.emailAddresses].sort((a, b) => Number(b.id === user.primaryEmailAddressId) - Number(a.id === user.primaryEmailAddressId));
    const b = bag(host);
    return html`<ul class="cl-list" role="list">
        ${emails.map((e) => row(host, e))}
      </ul>
      ${host.editing === 'emails:add' ? addForm(host) : nothing} ${host.editing === 'emails:verify' && b.verifying ? verifyForm(host) : nothing}
      ${host.editing?.startsWith('emails:') ? nothing : host.sectionError('emails')}
      ${
        host.editing?.startsWith('emails:')
          ? nothing
          : html`<button
              type="button"
              class="cl-button-text cl-add"
              data-opens="emails:add"
              part="button profileSectionPrimaryButton profileSectionPrimaryButton__emailAddresses"
              @click=${() => {
                b.value = '';
                host.edit('emails:add');
              }}
            >
              + ${host.t('userProfile.start.emailAddressesSection.primaryButton')}
            </button>`
      }`;
  },
};
