// session: one signed-in device; its token comes from the instance's token cache.
import type { Json } from '../fapi.js';
import { Resource } from './base.js';
import { User } from './user.js';

export const SESSION_STATUSES = ['active', 'ended', 'expired', 'removed', 'revoked', 'abandoned'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface GetTokenOptions {
  /** A JWT template name; the default session token when absent. */
  template?: string;
  /** Mint a new token even when the cached one is still fresh. */
  skipCache?: boolean;
}

export class Session extends Resource {
  declare status: SessionStatus;
  declare expireAt: Date;
  declare lastActiveAt: Date;
  declare lastActiveToken: { jwt: string } | null;
  declare user: User | null;
  declare publicUserData: { firstName: string | null; lastName: string | null; identifier: string; imageUrl: string; userId: string } | null;
  declare factorVerificationAge: [number, number] | null;

  protected override fromJson(json: Json): Json {
    const out = super.fromJson(json);
    out.user = json.user ? new User(this.host, json.user as Json, json.id as string) : null;
    return out;
  }

  getToken(options: GetTokenOptions = {}): Promise<string | null> {
    return this.host.getSessionToken(this.id, options.template, options.skipCache ?? false);
  }

  touch(): Promise<this> {
    return this.call('POST', `/client/sessions/${this.id}/touch`);
  }

  end(): Promise<this> {
    return this.call('POST', `/client/sessions/${this.id}/end`);
  }

  remove(): Promise<this> {
    return this.call('POST', `/client/sessions/${this.id}/remove`);
  }
}

/** A session as the account's device list shows it (`user.getSessions()`): it can be revoked from any device. */
export class SessionWithActivities extends Session {
  declare latestActivity: {
    id: string;
    isMobile: boolean;
    browserName?: string;
    browserVersion?: string;
    deviceType?: string;
    ipAddress?: string;
    city?: string;
    country?: string;
  } | null;

  /** Signs that device out (`POST /v1/me/sessions/{id}/revoke`). */
  revoke(): Promise<this> {
    return this.call('POST', `/me/sessions/${this.id}/revoke`);
  }
}
