// client.signIn: the sign-in attempt (identifier → first factor → session).
import type { Json } from '../fapi.js';
import { Resource } from './base.js';

export const SIGN_IN_STATUSES = ['needs_identifier', 'needs_first_factor', 'needs_second_factor', 'needs_new_password', 'complete', 'abandoned'] as const;
export type SignInStatus = (typeof SIGN_IN_STATUSES)[number];

export interface SignInFactor {
  strategy: string;
  safeIdentifier?: string;
  emailAddressId?: string;
  primary?: boolean;
}

export interface SignInCreateParams {
  identifier?: string;
  strategy?: 'password' | 'email_code' | 'reset_password_email_code';
  password?: string;
}

export class SignIn extends Resource {
  declare status: SignInStatus | null;
  declare identifier: string | null;
  declare supportedIdentifiers: string[];
  declare supportedFirstFactors: SignInFactor[];
  declare firstFactorVerification: { status: string; strategy: string; attempts: number | null; expireAt: Date | null } | null;
  declare createdSessionId: string | null;
  declare userData: { firstName: string | null; lastName: string | null; imageUrl: string; hasImage: boolean } | null;

  constructor(host: ConstructorParameters<typeof Resource>[0], json: Json | null) {
    super(host, json);
    this.status ??= null;
  }

  create(params: SignInCreateParams): Promise<this> {
    return this.call('POST', '/client/sign_ins', { ...params });
  }

  prepareFirstFactor(params: { strategy: 'email_code' | 'reset_password_email_code'; emailAddressId?: string }): Promise<this> {
    return this.call('POST', `/client/sign_ins/${this.id}/prepare_first_factor`, { ...params });
  }

  attemptFirstFactor(
    params: { strategy: 'password'; password: string } | { strategy: 'email_code' | 'reset_password_email_code'; code: string },
  ): Promise<this> {
    return this.call('POST', `/client/sign_ins/${this.id}/attempt_first_factor`, { ...params });
  }

  resetPassword(params: { password: string; signOutOfOtherSessions?: boolean }): Promise<this> {
    return this.call('POST', `/client/sign_ins/${this.id}/reset_password`, { ...params });
  }

  reload(): Promise<this> {
    return this.call('GET', `/client/sign_ins/${this.id}`);
  }
}
