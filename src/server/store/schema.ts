// Table types shared by SQLite and PostgreSQL. Times are epoch milliseconds; JSON is stored as text.
export interface InstanceTable {
  id: string;
  publishable_key: string;
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

export interface Database {
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
}
