// Which sign-up fields are required, optional, missing and unverified (seed 001, sign-up flow).
import type { ServerConfig } from '../config.js';
import type { SignUpTable } from '../store/schema.js';

export const SIGN_UP_FIELDS = ['email_address', 'username', 'first_name', 'last_name', 'password'] as const;
export type SignUpField = (typeof SIGN_UP_FIELDS)[number];

export interface SignUpFieldState {
  required: SignUpField[];
  optional: SignUpField[];
  missing: SignUpField[];
  unverified: SignUpField[];
}

function present(su: SignUpTable, field: SignUpField): boolean {
  return field === 'password' ? su.password_hash !== null : su[field] !== null;
}

export function emailVerified(su: SignUpTable): boolean {
  return su.email_verification !== null && (JSON.parse(su.email_verification) as { status: string }).status === 'verified';
}

export function signUpFields(config: ServerConfig, su: SignUpTable): SignUpFieldState {
  const required = SIGN_UP_FIELDS.filter((f) => config.attributes[f] === 'required');
  const optional = SIGN_UP_FIELDS.filter((f) => config.attributes[f] === 'on');
  return {
    required,
    optional,
    missing: required.filter((f) => !present(su, f)),
    unverified: su.email_address !== null && !emailVerified(su) ? ['email_address'] : [],
  };
}
