// A Backend API client for the user's own servers, shaped like @clerk/backend's `createClerkClient`:
//
//   const clerk = createClerkClient({ secretKey: process.env.CLERK_SECRET_KEY, apiUrl: 'http://localhost:4000' });
//   const user = await clerk.users.getUser(userId);          // user.firstName, user.emailAddresses[0].emailAddress
//   const { data, totalCount } = await clerk.users.getUserList({ limit: 20, query: 'ada' });
//
// Parameters are camelCase and sent snake_case; responses come back camelCased, as Clerk's SDK returns them.
// Metadata objects (publicMetadata…) travel untouched both ways: they are the application's own data.
// A refused call throws ClerkAPIResponseError with the HTTP status and Clerk's `errors[]`.
import type { JwksJSON } from '../types/index.js';

// ---- wire shapes (snake_case, spec/bapi-2026-05-12.yml) -------------------------------------------

export type Metadata = Record<string, unknown>;

export interface VerificationJSON {
  object?: string;
  status: string;
  strategy: string;
  attempts: number | null;
  expire_at: number | null;
}

export interface EmailAddressJSON {
  id: string;
  object: 'email_address';
  email_address: string;
  reserved: boolean;
  verification: VerificationJSON | null;
  linked_to: Array<{ type: string; id: string }>;
  created_at: number;
  updated_at: number;
}

export interface UserJSON {
  id: string;
  object: 'user';
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  image_url: string;
  has_image: boolean;
  primary_email_address_id: string | null;
  primary_phone_number_id: string | null;
  primary_web3_wallet_id: string | null;
  password_enabled: boolean;
  two_factor_enabled: boolean;
  totp_enabled: boolean;
  backup_code_enabled: boolean;
  email_addresses: EmailAddressJSON[];
  phone_numbers: unknown[];
  web3_wallets: unknown[];
  external_accounts: unknown[];
  public_metadata: Metadata;
  private_metadata: Metadata;
  unsafe_metadata: Metadata;
  external_id: string | null;
  last_sign_in_at: number | null;
  last_active_at: number | null;
  banned: boolean;
  locked: boolean;
  lockout_expires_in_seconds: number | null;
  password_last_updated_at: number | null;
  legal_accepted_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface SessionJSON {
  object: 'session';
  id: string;
  user_id: string;
  client_id: string;
  status: 'active' | 'revoked' | 'ended' | 'expired' | 'removed' | 'abandoned' | 'replaced' | 'pending';
  last_active_at: number;
  expire_at: number;
  abandon_at: number;
  created_at: number;
  updated_at: number;
}

export interface InvitationJSON {
  object: 'invitation';
  id: string;
  email_address: string;
  public_metadata: Metadata;
  revoked?: boolean;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  /** The `__clerk_ticket` link; only in the response that created the invitation. */
  url?: string;
  expires_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface WaitlistEntryJSON {
  object: 'waitlist_entry';
  id: string;
  email_address: string;
  status: 'pending' | 'invited' | 'completed' | 'rejected';
  is_locked?: boolean;
  invitation: InvitationJSON | null;
  created_at: number;
  updated_at: number;
}

export interface DeletedObjectJSON {
  object: string;
  id?: string;
  deleted: boolean;
}

export type { JwksJSON };

// ---- camelCase, at the type level and at run time ----------------------------------------------------------

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** `T` with every key camelCased, recursively, except inside `*_metadata` values. */
export type Camelized<T> =
  T extends Array<infer U>
    ? Array<Camelized<U>>
    : T extends object
      ? { [K in keyof T as K extends string ? CamelCase<K> : K]: K extends `${string}_metadata` ? T[K] : Camelized<T[K]> }
      : T;

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snake = (key: string) => key.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Renames keys recursively; values of metadata keys are left exactly as they are. */
function renameKeys(value: unknown, rename: (k: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => renameKeys(v, rename));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[rename(k)] = /_metadata$|Metadata$/.test(k) ? v : renameKeys(v, rename);
  return out;
}

export type EmailAddress = Camelized<EmailAddressJSON>;
export type User = Camelized<UserJSON> & {
  /** "First Last", or null when both are empty. */
  fullName: string | null;
  /** The primary email address object, or null. */
  primaryEmailAddress: EmailAddress | null;
};
export type Session = Camelized<SessionJSON>;
export type Invitation = Camelized<InvitationJSON>;
export type WaitlistEntry = Camelized<WaitlistEntryJSON>;
export type DeletedObject = Camelized<DeletedObjectJSON>;
export type Jwks = JwksJSON;

function toUser(json: unknown): User {
  const u = renameKeys(json, camel) as Camelized<UserJSON>;
  const fullName = [u.firstName, u.lastName].filter(Boolean).join(' ');
  return { ...u, fullName: fullName || null, primaryEmailAddress: u.emailAddresses.find((e) => e.id === u.primaryEmailAddressId) ?? null };
}

// ---- errors ---------------------------------------------------------------------------------------------------

export interface ClerkAPIError {
  code: string;
  message: string;
  longMessage?: string;
  meta?: Record<string, unknown>;
}

/** A Backend API call answered with an error status; `errors` are Clerk's error objects, camelCased. */
export class ClerkAPIResponseError extends Error {
  override readonly name = 'ClerkAPIResponseError';
  readonly clerkError = true;
  constructor(
    readonly status: number,
    readonly errors: ClerkAPIError[],
    /** Seconds to wait, from Retry-After on a 429. */
    readonly retryAfter?: number,
  ) {
    super(errors[0]?.longMessage ?? errors[0]?.message ?? `Backend API request failed with status ${status}`);
  }
}

export function isClerkAPIResponseError(e: unknown): e is ClerkAPIResponseError {
  return e instanceof ClerkAPIResponseError;
}

// ---- parameters -----------------------------------------------------------------------------------------------

export interface PaginationParams {
  limit?: number;
  offset?: number;
}

export interface PaginatedResourceResponse<T> {
  data: T;
  totalCount: number;
}

export interface UserListParams extends PaginationParams {
  emailAddress?: string[];
  username?: string[];
  userId?: string[];
  /** Partial, case-insensitive match on id, email addresses, username and name. */
  query?: string;
  /** `created_at`, `updated_at`, `last_sign_in_at`, `last_active_at`, with `+` or `-` (default `-created_at`). */
  orderBy?: string;
}

export interface CreateUserParams {
  emailAddress?: string[];
  password?: string;
  username?: string;
  firstName?: string;
  lastName?: string;
  skipPasswordChecks?: boolean;
  skipPasswordRequirement?: boolean;
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
  unsafeMetadata?: Metadata;
}

export interface UpdateUserParams {
  firstName?: string | null;
  lastName?: string | null;
  username?: string | null;
  password?: string;
  skipPasswordChecks?: boolean;
  signOutOfOtherSessions?: boolean;
  primaryEmailAddressId?: string;
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
  unsafeMetadata?: Metadata;
}

export interface SessionListParams extends PaginationParams {
  userId?: string;
  clientId?: string;
  status?: SessionJSON['status'];
}

export interface CreateInvitationParams {
  emailAddress: string;
  redirectUrl?: string;
  publicMetadata?: Metadata;
  notify?: boolean;
  ignoreExisting?: boolean;
  expiresInDays?: number;
}

export interface InvitationListParams extends PaginationParams {
  status?: InvitationJSON['status'];
  query?: string;
  orderBy?: string;
}

export interface WaitlistEntryListParams extends PaginationParams {
  query?: string;
  status?: WaitlistEntryJSON['status'];
  orderBy?: string;
}

// ---- the client -----------------------------------------------------------------------------------------------

export interface ClerkClientOptions {
  /** `sk_test_…` / `sk_live_…`; defaults to CLERK_SECRET_KEY. */
  secretKey?: string | undefined;
  /** The clerk-wc server, e.g. `http://localhost:4000`; defaults to CLERK_API_URL. */
  apiUrl?: string | undefined;
  apiVersion?: string | undefined;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch | undefined;
}

type Query = Record<string, string | number | boolean | string[] | undefined>;

function env(name: string): string | undefined {
  return typeof process !== 'undefined' ? process.env?.[name] : undefined;
}

function queryString(params: Query | undefined): string {
  if (!params) return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    // Lists go as repeated keys (`email_address=a&email_address=b`), as Clerk's SDK sends them.
    for (const item of Array.isArray(v) ? v : [v]) q.append(snake(k), String(item));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

const path = (...parts: string[]) => parts.map((p) => `/${encodeURIComponent(p)}`).join('');

/** A Backend API client for a clerk-wc server (the same methods and result shapes as @clerk/backend's). */
export function createClerkClient(options: ClerkClientOptions = {}) {
  const secretKey = options.secretKey ?? env('CLERK_SECRET_KEY');
  const apiUrl = (options.apiUrl ?? env('CLERK_API_URL'))?.replace(/\/+$/, '');
  const version = options.apiVersion ?? 'v1';
  const doFetch = options.fetch ?? fetch;

  async function request<T>(method: string, route: string, init: { query?: Query; body?: object } = {}): Promise<T> {
    if (!secretKey)
      throw new Error('createClerkClient: no secretKey. Pass { secretKey } or set CLERK_SECRET_KEY to the sk_… key the server printed on first start.');
    if (!secretKey.startsWith('sk_')) throw new Error('createClerkClient: secretKey must be the secret key (sk_…), never the publishable key (pk_…).');
    if (!apiUrl) throw new Error('createClerkClient: no apiUrl. Pass { apiUrl } (the clerk-wc server, e.g. http://localhost:4000) or set CLERK_API_URL.');
    const base = apiUrl.endsWith(`/${version}`) ? apiUrl : `${apiUrl}/${version}`;
    const headers: Record<string, string> = { authorization: `Bearer ${secretKey}`, accept: 'application/json', 'user-agent': 'clerk-wc-backend' };
    let body: string | undefined;
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(renameKeys(init.body, snake));
    }
    const res = await doFetch(`${base}${route}${queryString(init.query)}`, { method, headers, body });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const raw = isPlainObject(json) && Array.isArray(json.errors) ? (json.errors as unknown[]) : [];
      const errors =
        raw.length > 0
          ? (renameKeys(raw, camel) as ClerkAPIError[])
          : [{ code: 'unexpected_response', message: `HTTP ${res.status}`, longMessage: text.slice(0, 200) || `HTTP ${res.status}` }];
      const retryAfter = Number(res.headers.get('retry-after'));
      throw new ClerkAPIResponseError(res.status, errors, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
    }
    return json as T;
  }

  const camelize = <T>(json: unknown) => renameKeys(json, camel) as Camelized<T>;
  const page = <J, R>(json: { data: J[]; total_count: number }, map: (j: J) => R): PaginatedResourceResponse<R[]> => ({
    data: json.data.map(map),
    totalCount: json.total_count,
  });

  const users = {
    async getUser(userId: string): Promise<User> {
      return toUser(await request('GET', path('users', userId)));
    },
    /** One page of users and the number of all that match (two calls, as Clerk's SDK makes them). */
    async getUserList(params: UserListParams = {}): Promise<PaginatedResourceResponse<User[]>> {
      const { limit, offset, orderBy, ...filter } = params;
      const [list, count] = await Promise.all([
        request<unknown[]>('GET', '/users', { query: { ...filter, limit, offset, orderBy } }),
        request<{ total_count: number }>('GET', '/users/count', { query: filter }),
      ]);
      return { data: list.map(toUser), totalCount: count.total_count };
    },
    async getCount(params: Omit<UserListParams, 'limit' | 'offset' | 'orderBy'> = {}): Promise<number> {
      return (await request<{ total_count: number }>('GET', '/users/count', { query: params })).total_count;
    },
    async createUser(params: CreateUserParams): Promise<User> {
      return toUser(await request('POST', '/users', { body: params }));
    },
    async updateUser(userId: string, params: UpdateUserParams): Promise<User> {
      return toUser(await request('PATCH', path('users', userId), { body: params }));
    },
    async deleteUser(userId: string): Promise<DeletedObject> {
      return camelize<DeletedObjectJSON>(await request('DELETE', path('users', userId)));
    },
    async lockUser(userId: string): Promise<User> {
      return toUser(await request('POST', path('users', userId, 'lock')));
    },
    async unlockUser(userId: string): Promise<User> {
      return toUser(await request('POST', path('users', userId, 'unlock')));
    },
  };

  const sessions = {
    async getSessionList(params: SessionListParams = {}): Promise<PaginatedResourceResponse<Session[]>> {
      const json = await request<{ data: SessionJSON[]; total_count: number }>('GET', '/sessions', { query: { ...params, paginated: true } });
      return page(json, (s) => camelize<SessionJSON>(s));
    },
    async getSession(sessionId: string): Promise<Session> {
      return camelize<SessionJSON>(await request('GET', path('sessions', sessionId)));
    },
    /** Ends the session now; its last token stays valid offline until it expires (60 s by default). */
    async revokeSession(sessionId: string): Promise<Session> {
      return camelize<SessionJSON>(await request('POST', path('sessions', sessionId, 'revoke')));
    },
  };

  const invitations = {
    async createInvitation(params: CreateInvitationParams): Promise<Invitation> {
      return camelize<InvitationJSON>(await request('POST', '/invitations', { body: params }));
    },
    async revokeInvitation(invitationId: string): Promise<Invitation> {
      return camelize<InvitationJSON>(await request('POST', path('invitations', invitationId, 'revoke')));
    },
    async getInvitationList(params: InvitationListParams = {}): Promise<PaginatedResourceResponse<Invitation[]>> {
      const json = await request<{ data: InvitationJSON[]; total_count: number }>('GET', '/invitations', { query: { ...params, paginated: true } });
      return page(json, (i) => camelize<InvitationJSON>(i));
    },
  };

  const waitlistEntries = {
    async list(params: WaitlistEntryListParams = {}): Promise<PaginatedResourceResponse<WaitlistEntry[]>> {
      const json = await request<{ data: WaitlistEntryJSON[]; total_count: number }>('GET', '/waitlist_entries', { query: { ...params } });
      return page(json, (e) => camelize<WaitlistEntryJSON>(e));
    },
    /** Emails the person an invitation (a `__clerk_ticket` link) and marks the entry invited. */
    async invite(waitlistEntryId: string, params: { ignoreExisting?: boolean } = {}): Promise<WaitlistEntry> {
      return camelize<WaitlistEntryJSON>(await request('POST', path('waitlist_entries', waitlistEntryId, 'invite'), { body: params }));
    },
  };

  const jwks = {
    async getJwks(): Promise<Jwks> {
      return request<JwksJSON>('GET', '/jwks');
    },
  };

  return { users, sessions, invitations, waitlistEntries, jwks };
}

export type ClerkClient = ReturnType<typeof createClerkClient>;
