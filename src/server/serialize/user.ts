// JSON shapes of User, EmailAddress and PublicUserData (FAPI spec: Client.User, Client.EmailAddress).
import type { EmailAddressTable, UserTable } from '../store/schema.js';

/** The spec's verification variant for a strategy: invitation tickets and Backend API creation have their own. */
export function verificationObject(strategy: string | null): string {
  return strategy === 'ticket' ? 'verification_ticket' : strategy === 'admin' ? 'verification_admin' : 'verification_otp';
}

export function verificationJson(strategy: string | null, verifiedAt: number | null, pending?: { attempts: number; expire_at: number } | null) {
  if (verifiedAt !== null)
    return { object: verificationObject(strategy), status: 'verified', strategy: strategy ?? 'email_code', attempts: 1, expire_at: verifiedAt };
  if (pending) return { object: 'verification_otp', status: 'unverified', strategy: 'email_code', attempts: pending.attempts, expire_at: pending.expire_at };
  return null;
}

export function emailJson(e: EmailAddressTable, pending?: { attempts: number; expire_at: number } | null) {
  return {
    id: e.id,
    object: 'email_address',
    email_address: e.email_address,
    reserved: false,
    verification: verificationJson(e.verification_strategy, e.verified_at, pending),
    linked_to: [],
    matches_sso_connection: false,
    created_at: e.created_at,
    updated_at: e.updated_at,
  };
}

/** Where the server serves images (routes/images.ts): `<issuer>/__clerk-wc/images/<id>`. */
export const IMAGE_PATH = '/__clerk-wc/images/';
/** The picture of a user without one (a neutral silhouette, served by routes/images.ts). */
export const DEFAULT_IMAGE = 'default.svg';

/** `image_url`, `has_image` and `profile_image_url` of a user with image `imageId` (null: the default picture). */
export function imageFields(issuer: string, imageId: string | null) {
  const url = `${issuer}${IMAGE_PATH}${imageId ?? DEFAULT_IMAGE}`;
  return { image_url: url, has_image: imageId !== null, profile_image_url: url };
}

/** The spec's Image: what POST /v1/me/profile_image answers. */
export function imageJson(issuer: string, image: { id: string; name: string }) {
  return { object: 'image', id: image.id, name: image.name, public_url: `${issuer}${IMAGE_PATH}${image.id}` };
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function userJson(u: UserTable, emails: EmailAddressTable[], now: number, deleteSelfEnabled: boolean, issuer: string) {
  const lockedFor = u.locked_until && u.locked_until > now ? Math.ceil((u.locked_until - now) / 1000) : null;
  const image = imageFields(issuer, u.image_id);
  return {
    id: u.id,
    object: 'user',
    username: u.username,
    first_name: u.first_name,
    last_name: u.last_name,
    image_url: image.image_url,
    has_image: image.has_image,
    profile_image_url: image.profile_image_url,
    primary_email_address_id: u.primary_email_address_id,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    password_enabled: u.password_hash !== null,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    email_addresses: emails.map((e) => emailJson(e)),
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    organization_memberships: [],
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    password_last_updated_at: u.password_updated_at,
    public_metadata: parseJson(u.public_metadata),
    private_metadata: {},
    unsafe_metadata: parseJson(u.unsafe_metadata),
    external_id: null,
    last_sign_in_at: u.last_sign_in_at,
    banned: false,
    locked: lockedFor !== null,
    lockout_expires_in_seconds: lockedFor,
    verification_attempts_remaining: null,
    deprovisioned: false,
    created_at: u.created_at,
    updated_at: u.updated_at,
    delete_self_enabled: deleteSelfEnabled,
    create_organization_enabled: false,
    create_organizations_limit: 0,
    last_active_at: u.last_active_at,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    legal_accepted_at: null,
  };
}

export function primaryEmail(u: UserTable, emails: EmailAddressTable[]): EmailAddressTable | undefined {
  return emails.find((e) => e.id === u.primary_email_address_id) ?? emails[0];
}

export function publicUserDataJson(u: UserTable, emails: EmailAddressTable[], issuer: string) {
  const image = imageFields(issuer, u.image_id);
  return {
    first_name: u.first_name,
    last_name: u.last_name,
    image_url: image.image_url,
    has_image: image.has_image,
    identifier: primaryEmail(u, emails)?.email_address ?? u.username ?? '',
    profile_image_url: image.profile_image_url,
    user_id: u.id,
    username: u.username,
    banned: false,
    deprovisioned: false,
  };
}
