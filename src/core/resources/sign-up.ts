// client.signUp: the sign-up attempt (fields → email code → user and session).
import type { Json } from '../fapi.js';
import { Resource } from './base.js';

export const SIGN_UP_STATUSES = ['missing_requirements', 'complete', 'abandoned'] as const;
export type SignUpStatus = (typeof SIGN_UP_STATUSES)[number];

export interface SignUpParams {
  /** `ticket` signs up with an invitation's `__clerk_ticket`; its email address counts as verified. */
  strategy?: 'ticket';
  ticket?: string;
  emailAddress?: string;
  password?: string;
  username?: string;
  firstName?: string;
  lastName?: string;
  unsafeMetadata?: Record<string, unknown>;
  legalAccepted?: boolean;
}

export class SignUp extends Resource {
  declare status: SignUpStatus | null;
  declare requiredFields: string[];
  declare optionalFields: string[];
  declare missingFields: string[];
  declare unverifiedFields: string[];
  declare emailAddress: string | null;
  declare username: string | null;
  declare firstName: string | null;
  declare lastName: string | null;
  declare createdSessionId: string | null;
  declare createdUserId: string | null;
  declare verifications: { emailAddress: { status: string; strategy: string; nextAction: string; expireAt: Date | null } | null };

  constructor(host: ConstructorParameters<typeof Resource>[0], json: Json | null) {
    super(host, json);
    this.status ??= null;
  }

  create(params: SignUpParams): Promise<this> {
    return this.call('POST', '/client/sign_ups', { ...params });
  }

  update(params: SignUpParams): Promise<this> {
    return this.call('PATCH', `/client/sign_ups/${this.id}`, { ...params });
  }

  prepareEmailAddressVerification(params: { strategy?: 'email_code' } = {}): Promise<this> {
    return this.call('POST', `/client/sign_ups/${this.id}/prepare_verification`, { strategy: params.strategy ?? 'email_code' });
  }

  attemptEmailAddressVerification(params: { code: string }): Promise<this> {
    return this.call('POST', `/client/sign_ups/${this.id}/attempt_verification`, { strategy: 'email_code', code: params.code });
  }

  reload(): Promise<this> {
    return this.call('GET', `/client/sign_ups/${this.id}`);
  }
}
