// JSON shapes of Client, Session, SignIn and SignUp, as the FAPI spec defines them, from rows loaded by the services.
import type { ServerContext } from '../context.js';
import type { SessionTable, SignInTable, SignUpTable } from '../store/schema.js';
import { LIVE_SESSION, sessionStatus } from '../store/sessions.js';
import type { ClientState } from '../services/clients.js';
import type { UserWithEmails } from '../services/users.js';
import { signUpFields } from '../services/sign-up-fields.js';
import { mintSessionToken } from '../services/tokens.js';
import { imageFields, publicUserDataJson, userJson, verificationObject } from './user.js';

export function sessionJson(ctx: ServerContext, s: SessionTable, owner: UserWithEmails | undefined, azp: string | undefined) {
  const now = ctx.now();
  const status = sessionStatus(s, now);
  return {
    id: s.id,
    object: 'session',
    status,
    expire_at: s.expire_at,
    abandon_at: s.abandon_at,
    last_active_at: s.last_active_at,
    last_active_token: status === LIVE_SESSION ? { object: 'token', jwt: mintSessionToken(ctx, s, azp) } : null,
    actor: null,
    last_active_organization_id: null,
    user: owner ? userJson(owner.user, owner.emails, now, true, ctx.issuer) : null,
    public_user_data: owner ? publicUserDataJson(owner.user, owner.emails, ctx.issuer) : null,
    factor_verification_age: [Math.max(0, Math.floor((now - s.first_factor_at) / 60_000)), -1],
    tasks: null,
    created_at: s.created_at,
    updated_at: s.updated_at,
  };
}

function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(1, local.length - 1))}@${domain}`;
}

export function signInJson(ctx: ServerContext, si: SignInTable, owner: UserWithEmails | undefined) {
  const factors: Array<Record<string, unknown>> = [];
  if (owner) {
    const { user, emails } = owner;
    const byEmail = si.identifier?.includes('@') ?? false;
    if (user.password_hash && ctx.config.firstFactors.includes('password')) factors.push({ strategy: 'password' });
    for (const e of emails.filter((x) => x.verified_at !== null)) {
      // Show the address in full only to someone who already typed it.
      const safe = byEmail && e.email_lower === si.identifier?.toLowerCase() ? e.email_address : maskEmail(e.email_address);
      const base = { safe_identifier: safe, email_address_id: e.id, primary: e.id === user.primary_email_address_id };
      if (ctx.config.firstFactors.includes('email_code')) factors.push({ strategy: 'email_code', ...base });
      factors.push({ strategy: 'reset_password_email_code', ...base });
    }
  }
  return {
    object: 'sign_in_attempt',
    id: si.id,
    status: si.status,
    supported_identifiers: supportedIdentifiers(ctx),
    supported_first_factors: factors,
    supported_second_factors: null,
    first_factor_verification: si.first_factor ? JSON.parse(si.first_factor) : null,
    second_factor_verification: null,
    identifier: si.identifier,
    user_data: owner ? { first_name: owner.user.first_name, last_name: owner.user.last_name, ...imageFields(ctx.issuer, owner.user.image_id) } : null,
    created_session_id: si.created_session_id,
    abandon_at: si.abandon_at,
  };
}

export function supportedIdentifiers(ctx: ServerContext): string[] {
  const a = ctx.config.attributes;
  return [...(a.email_address !== 'off' ? ['email_address'] : []), ...(a.username !== 'off' ? ['username'] : [])];
}

export function signUpJson(ctx: ServerContext, su: SignUpTable) {
  const fields = signUpFields(ctx.config, su);
  const emailVerification = su.email_verification ? JSON.parse(su.email_verification) : null;
  return {
    object: 'sign_up_attempt',
    id: su.id,
    status: su.status,
    required_fields: fields.required,
    optional_fields: fields.optional,
    missing_fields: fields.missing,
    unverified_fields: fields.unverified,
    verifications: {
      // Null until a verification is prepared, then the OTP state with Clerk's next_action hint.
      email_address: emailVerification
        ? {
            object: verificationObject(emailVerification.strategy),
            ...emailVerification,
            next_action: emailVerification.status === 'verified' ? '' : 'needs_attempt',
            supported_strategies: ['email_code'],
          }
        : null,
      phone_number: null,
      web3_wallet: null,
      external_account: null,
    },
    username: su.username,
    email_address: su.email_address,
    phone_number: null,
    web3_wallet: null,
    password_enabled: su.password_hash !== null,
    first_name: su.first_name,
    last_name: su.last_name,
    unsafe_metadata: JSON.parse(su.unsafe_metadata) as Record<string, unknown>,
    public_metadata: {},
    custom_action: false,
    external_id: null,
    created_session_id: su.created_session_id,
    created_user_id: su.created_user_id,
    abandon_at: su.abandon_at,
    legal_accepted_at: su.legal_accepted_at,
  };
}

export function clientJson(ctx: ServerContext, state: ClientState, azp: string | undefined) {
  const { client, sessions, signIn, signUp, users } = state;
  const now = ctx.now();
  const live = sessions.filter((s) => sessionStatus(s, now) === LIVE_SESSION);
  const open = <T extends { status: string; abandon_at: number }>(x: T | undefined) => (x && x.status !== 'complete' && x.abandon_at > now ? x : undefined);
  const si = open(signIn);
  const su = open(signUp);
  return {
    object: 'client',
    id: client.id,
    sessions: live.map((s) => sessionJson(ctx, s, users.get(s.user_id), azp)),
    sign_in: si ? signInJson(ctx, si, si.user_id ? users.get(si.user_id) : undefined) : null,
    sign_up: su ? signUpJson(ctx, su) : null,
    last_active_session_id: live.some((s) => s.id === client.last_active_session_id) ? client.last_active_session_id : (live.at(-1)?.id ?? null),
    last_authentication_strategy: client.last_authentication_strategy,
    cookie_expires_at: client.expires_at,
    captcha_bypass: false,
    created_at: client.created_at,
    updated_at: client.updated_at,
  };
}
