// Security page, "Active devices": one row per session of the user (`user.getSessions()`, loaded when the page opens:
// the only request opening the profile makes), this device marked, the others signed out with `session.revoke()`.
import { html, nothing } from 'lit';
import type { SessionWithActivities } from '../../../core/resources/session.js';
import type { ProfileSection, SectionHost } from './types.js';

interface DevicesBag {
  sessions: SessionWithActivities[] | undefined;
  loading: boolean;
  /** Why the list could not be read. */
  error?: string | undefined;
  /** Set when something made the list stale (a password change that signed the others out). */
  stale?: boolean;
}

const bag = (host: SectionHost) => host.bag<DevicesBag>('devices', () => ({ sessions: undefined, loading: false }));

async function load(host: SectionHost): Promise<void> {
  const b = bag(host);
  if (b.loading) return;
  b.loading = true;
  b.stale = false;
  // Not through `run`: reading the list does not make the rest of the profile busy.
  try {
    b.sessions = await host.user.getSessions();
    b.error = undefined;
  } catch (e) {
    b.error = (e as { errors?: Array<{ longMessage?: string }> }).errors?.[0]?.longMessage ?? (e as Error).message;
  } finally {
    b.loading = false;
    host.update();
  }
}

/** "Dec 3, 2026, 10:04 AM": when the session was last active, in the localization's locale. */
function lastActive(host: SectionHost, at: Date | undefined): string {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(host.t('locale'), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  } catch {
    return at.toISOString();
  }
}

function row(host: SectionHost, s: SessionWithActivities) {
  const a = s.latestActivity;
  const current = s.id === host.clerk.session?.id;
  const device = a?.deviceType || (a?.isMobile ? 'Mobile device' : 'Desktop device');
  const browser = [a?.browserName, a?.browserVersion].filter(Boolean).join(' ');
  const place =
    [a?.ipAddress, [a?.city, a?.country].filter(Boolean).join(', ')].filter(Boolean).join(' (') + (a?.ipAddress && (a.city || a.country) ? ')' : '');
  return html`<li class="cl-row cl-device" part="profileSectionItem profileSectionItem__activeDevices activeDevice${current ? ' activeDevice__current' : ''}">
    <span class="cl-item-text cl-device-text">
      <span class="cl-strong">${device} ${current ? html`<span class="cl-badge" part="badge">${host.t('badge__thisDevice')}</span>` : nothing}</span>
      ${browser ? html`<span class="cl-muted">${browser}</span>` : nothing} ${place ? html`<span class="cl-muted">${place}</span>` : nothing}
      <span class="cl-muted">${lastActive(host, s.lastActiveAt)}</span>
    </span>
    ${
      current
        ? nothing
        : html`<button
            type="button"
            class="cl-button-text cl-danger"
            part="button profileSectionItemAction destructiveAction"
            aria-label="${host.t('userProfile.start.activeDevicesSection.destructiveAction')}: ${[device, browser].filter(Boolean).join(', ')}"
            ?disabled=${host.busy}
            @click=${() =>
              void host.run('devices', async () => {
                await s.revoke();
                const b = bag(host);
                b.sessions = b.sessions?.filter((x) => x.id !== s.id);
              })}
          >
            ${host.t('userProfile.start.activeDevicesSection.destructiveAction')}
          </button>`
    }
  </li>`;
}

export const devicesSection: ProfileSection = {
  id: 'activeDevices',
  page: 'security',
  order: 20,
  title: 'userProfile.start.activeDevicesSection.title',
  opened(host) {
    const b = bag(host);
    if (!b.sessions || b.stale) void load(host);
  },
  render(host) {
    const b = bag(host);
    if (b.stale && !b.loading) queueMicrotask(() => void load(host));
    // This device first, then by last activity.
    const current = host.clerk.session?.id;
    const list = [...(b.sessions ?? [])].sort(
      (x, y) => Number(y.id === current) - Number(x.id === current) || (y.lastActiveAt?.getTime?.() ?? 0) - (x.lastActiveAt?.getTime?.() ?? 0),
    );
    return html`${
      b.sessions
        ? html`<ul class="cl-list" role="list">
            ${list.map((s) => row(host, s))}
          </ul>`
        : b.error
          ? nothing
          : html`<p class="cl-muted" aria-busy="true">…</p>`
    }
    ${b.error ? html`<p class="cl-form-error" role="alert">${b.error}</p>` : nothing} ${host.sectionError('devices')}`;
  },
};
