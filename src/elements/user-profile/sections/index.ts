// The built-in sections, in one list: a page shows the enabled sections whose `page` it is, by `order`. A new section
// (TOTP, passkeys, connected accounts) is one more module and one more entry here.
import { deleteSection } from './delete.js';
import { devicesSection } from './devices.js';
import { emailsSection } from './emails.js';
import { passwordSection } from './password.js';
import { profileSection } from './profile.js';
import type { ProfileSection, SectionHost } from './types.js';
import { usernameSection } from './username.js';

export type { ProfileSection, SectionHost } from './types.js';

/** Every built-in section; `afterDelete` ends the session once the account is deleted. */
export function builtInSections(afterDelete: (host: SectionHost) => Promise<void>): ProfileSection[] {
  return [profileSection, usernameSection, emailsSection, passwordSection, devicesSection, deleteSection(afterDelete)];
}
