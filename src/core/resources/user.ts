// user: the signed-in account, and its email addresses. /v1/me calls name the session they act for.
import type { FapiBody, Json } from '../fapi.js';
import { camelize, Resource, type ResourceHost } from './base.js';
import { SessionWithActivities } from './session.js';

export class EmailAddress extends Resource {
  declare emailAddress: string;
  declare verification: { status: string; strategy: string; expireAt: Date | null } | null;

  constructor(
    host: ResourceHost,
    json: Json,
    private readonly sessionId: string,
  ) {
    super(host, json);
    Object.defineProperty(this, 'sessionId', { enumerable: false });
  }

  private q() {
    return { _clerk_session_id: this.sessionId };
  }

  prepareVerification(params: { strategy?: 'email_code' } = {}): Promise<this> {
    return this.call('POST', `/me/email_addresses/${this.id}/prepare_verification`, { strategy: params.strategy ?? 'email_code' }, this.q());
  }

  attemptVerification(params: { code: string }): Promise<this> {
    return this.call('POST', `/me/email_addresses/${this.id}/attempt_verification`, { code: params.code }, this.q());
  }

  async destroy(): Promise<void> {
    await this.host.fapi.request({ method: 'DELETE', path: `/me/email_addresses/${this.id}`, query: this.q() });
  }

  override toString(): string {
    return this.emailAddress;
  }
}

/** An uploaded image (Clerk's ImageResource). */
export interface ImageResource {
  id: string;
  name: string | null;
  publicUrl: string;
}

export interface UserUpdateParams {
  firstName?: string;
  lastName?: string;
  username?: string;
  primaryEmailAddressId?: string;
  unsafeMetadata?: Record<string, unknown>;
}

export class User extends Resource {
  declare username: string | null;
  declare firstName: string | null;
  declare lastName: string | null;
  declare imageUrl: string;
  declare hasImage: boolean;
  declare primaryEmailAddressId: string | null;
  declare emailAddresses: EmailAddress[];
  declare passwordEnabled: boolean;
  /** Whether the user may delete their own account (`DELETE /v1/me`). */
  declare deleteSelfEnabled: boolean;
  declare publicMetadata: Record<string, unknown>;
  declare unsafeMetadata: Record<string, unknown>;
  declare createdAt: Date;
  declare updatedAt: Date;
  declare lastSignInAt: Date | null;

  constructor(
    host: ResourceHost,
    json: Json,
    private readonly sessionId: string,
  ) {
    super(host, null);
    Object.defineProperty(this, 'sessionId', { enumerable: false });
    this.assign(json);
  }

  protected override fromJson(json: Json): Json {
    const out = super.fromJson(json);
    out.emailAddresses = ((json.email_addresses as Json[]) ?? []).map((e) => new EmailAddress(this.host, e, this.sessionId));
    return out;
  }

  get fullName(): string | null {
    const name = [this.firstName, this.lastName].filter(Boolean).join(' ');
    return name || null;
  }

  get primaryEmailAddress(): EmailAddress | null {
    return this.emailAddresses.find((e) => e.id === this.primaryEmailAddressId) ?? null;
  }

  /** What to call the user: full name, else username, else primary email. */
  get displayName(): string {
    return this.fullName ?? this.username ?? this.primaryEmailAddress?.emailAddress ?? '';
  }

  private q() {
    return { _clerk_session_id: this.sessionId };
  }

  private async me(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: FapiBody): Promise<Json> {
    return this.host.fapi.request({ method, path: `/me${path}`, query: this.q(), ...(body ? { body } : {}) });
  }

  update(params: UserUpdateParams): Promise<this> {
    return this.call('PATCH', '/me', { ...params }, this.q());
  }

  reload(): Promise<this> {
    return this.call('GET', '/me', undefined, this.q());
  }

  async delete(): Promise<void> {
    await this.me('DELETE', '');
  }

  async updatePassword(params: { currentPassword?: string; newPassword: string; signOutOfOtherSessions?: boolean }): Promise<this> {
    const res = await this.me('POST', '/change_password', { ...params });
    return this.assign(res.response as Json);
  }

  async createEmailAddress(params: { email: string }): Promise<EmailAddress> {
    const res = await this.me('POST', '/email_addresses', { emailAddress: params.email });
    return new EmailAddress(this.host, res.response as Json, this.sessionId);
  }

  /**
   * Sets the profile image (`POST /v1/me/profile_image`, multipart field `file`), or removes it with `file: null`
   * (`DELETE /v1/me/profile_image`). The response piggybacks the client, which refreshes this user.
   */
  /** Uploads (multipart `file`) or, with `file: null`, removes the profile image; the uploaded image, as Clerk answers. */
  async setProfileImage(params: { file: Blob | null }): Promise<ImageResource | null> {
    if (params.file === null) {
      await this.me('DELETE', '/profile_image');
      return null;
    }
    const form = new FormData();
    form.append('file', params.file);
    const res = await this.host.fapi.request<{ response: Json }>({ method: 'POST', path: '/me/profile_image', query: this.q(), form });
    const image = camelize(res.response) as { id: string; name: string | null; publicUrl: string };
    return { id: image.id, name: image.name ?? null, publicUrl: image.publicUrl };
  }

  /** The user's active sessions on every device. */
  async getSessions(): Promise<SessionWithActivities[]> {
    const list = (await this.me('GET', '/sessions/active')) as unknown as Json[];
    return list.map((s) => new SessionWithActivities(this.host, s));
  }
}
