// Table types shared by SQLite and PostgreSQL. Times are epoch milliseconds; JSON is stored as text.
export interface InstanceTable {
  id: string;
  publishable_key: string;
  /** `ins_…`, names the instance in webhook payloads (0002; set on first start after it). */
  instance_id: string | null;
  created_at: number;
}

export interface SigningKeyTable {
  kid: string;
  private_pem: string;
  public_jwk: string;
  active: number;
  created_at: number;
}

export interface ClientTable {
  id: string;
  token_hash: string;
  sign_in_id: string | null;
  sign_up_id: string | null;
  last_active_session_id: string | null;
  last_authentication_strategy: string | null;
  expires_at: number;
  created_at: number;
  updated_at: number;
}

export interface UserTable {
  id: string;
  username: string | null;
  username_lower: string | null;
  first_name: string | null;
  last_name: string | null;
  password_hash: string | null;
  password_updated_at: number | null;
  primary_email_address_id: string | null;
  public_metadata: string;
  private_metadata: string;
  unsafe_metadata: string;
  failed_attempts: number;
  locked_until: number | null;
  last_sign_in_at: number | null;
  last_active_at: number | null;
  /** The profile image (`images.id`), or null: no image (0004). */
  image_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface EmailAddressTable {
  id: string;
  user_id: string;
  email_address: string;
  email_lower: string;
  verified_at: number | null;
  /** Strategy that verified the address (email_code, from_sign_up…), or null while unverified. */
  verification_strategy: string | null;
  created_at: number;
  updated_at: number;
}

export interface SessionTable {
  id: string;
  client_id: string;
  user_id: string;
  status: string;
  expire_at: number;
  abandon_at: number;
  last_active_at: number;
  first_factor_at: number;
  /** The device of the latest sign-in or touch (0004), from its User-Agent and IP; null before that or when unknown. */
  activity_browser_name: string | null;
  activity_browser_version: string | null;
  activity_device_type: string | null;
  /** 1 for a phone or tablet, 0 otherwise. */
  activity_is_mobile: number | null;
  activity_ip_address: string | null;
  created_at: number;
  updated_at: number;
}

export interface SignInTable {
  id: string;
  client_id: string;
  status: string;
  identifier: string | null;
  user_id: string | null;
  /** JSON: the current first-factor verification ({strategy, status, attempts, expire_at}) or null. */
  first_factor: string | null;
  created_session_id: string | null;
  abandon_at: number;
  created_at: number;
  updated_at: number;
}

export interface SignUpTable {
  id: string;
  client_id: string;
  status: string;
  email_address: string | null;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  password_hash: string | null;
  unsafe_metadata: string;
  legal_accepted_at: number | null;
  /** JSON: email verification state ({strategy, status, attempts, expire_at}) or null. */
  email_verification: string | null;
  created_user_id: string | null;
  created_session_id: string | null;
  /** The invitation whose ticket verified the email address (strategy `ticket`), or null. */
  invitation_id: string | null;
  abandon_at: number;
  created_at: number;
  updated_at: number;
}

export interface VerificationCodeTable {
  id: string;
  /** What the code proves: `sign_in:<id>`, `sign_up:<id>` or `email:<id>`. */
  subject: string;
  strategy: string;
  code_hash: string;
  attempts: number;
  expire_at: number;
  consumed_at: number | null;
  created_at: number;
}

export interface WaitlistEntryTable {
  id: string;
  email_address: string;
  email_lower: string;
  status: string;
  /** The invitation sent when the entry was invited (Backend API), or null. */
  invitation_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  created_at: number;
}

/** Backend API secret keys: only a SHA-256 of each key is stored. */
export interface SecretKeyTable {
  id: string;
  key_hash: string;
  /** `sk_test_…abcd`: enough to tell keys apart in logs, useless to an attacker. */
  hint: string;
  /** `generated` on first start or `env` (CLERK_SECRET_KEY). */
  source: string;
  created_at: number;
}

export interface InvitationTable {
  id: string;
  email_address: string;
  email_lower: string;
  /** SHA-256 of the `__clerk_ticket` token; the token itself is only in the email and the create response. */
  token_hash: string;
  public_metadata: string;
  redirect_url: string | null;
  /** pending, accepted or revoked (expired is derived from expires_at). */
  status: string;
  expires_at: number;
  created_at: number;
  updated_at: number;
}

/** One webhook message for one endpoint: the durable delivery queue. */
export interface WebhookDeliveryTable {
  id: string;
  /** `msg_…`, the `svix-id`: the same for every endpoint and every retry of one event. */
  msg_id: string;
  endpoint_url: string;
  event_type: string;
  /** The exact JSON body that is signed and sent. */
  payload: string;
  /** pending, delivered or failed (gave up after the last attempt). */
  status: string;
  attempts: number;
  next_attempt_at: number;
  /** A worker holds the row until this time; another may claim it after (a crashed worker's rows come back). */
  lease_until: number | null;
  lease_owner: string | null;
  last_error: string | null;
  delivered_at: number | null;
  created_at: number;
  updated_at: number;
}

/** rate-limiter-flexible's counters (PostgreSQL only; store/rate-limits.ts). */
export interface RateLimitTable {
  key: string;
  points: number;
  expire: number | null;
}

/** An uploaded profile image (0004): the bytes live in the database, so every process serves them. */
export interface ImageTable {
  id: string;
  user_id: string;
  /** image/png, image/jpeg, image/webp or image/gif, as the bytes say (never the upload's claim). */
  content_type: string;
  /** The uploaded file's name (at most 255 characters), or '' when it had none. */
  name: string;
  size: number;
  /** Hex SHA-256 of the bytes: the ETag. */
  sha256: string;
  bytes: Buffer;
  created_at: number;
}

export interface Database {
  rate_limits: RateLimitTable;
  instance: InstanceTable;
  signing_keys: SigningKeyTable;
  clients: ClientTable;
  users: UserTable;
  email_addresses: EmailAddressTable;
  sessions: SessionTable;
  sign_ins: SignInTable;
  sign_ups: SignUpTable;
  verification_codes: VerificationCodeTable;
  waitlist_entries: WaitlistEntryTable;
  outbox: OutboxTable;
  secret_keys: SecretKeyTable;
  invitations: InvitationTable;
  webhook_deliveries: WebhookDeliveryTable;
  images: ImageTable;
}
