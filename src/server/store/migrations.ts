// Schema migrations, run on start. The same DDL runs on SQLite and PostgreSQL.
import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter } from 'kysely';

const ms = 'bigint' as const;

const initial: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('instance')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('publishable_key', 'text', (c) => c.notNull())
      .addColumn('created_at', ms, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('signing_keys')
      .addColumn('kid', 'text', (c) => c.primaryKey())
      .addColumn('private_pem', 'text', (c) => c.notNull())
      .addColumn('public_jwk', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('created_at', ms, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('clients')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('sign_in_id', 'text')
      .addColumn('sign_up_id', 'text')
      .addColumn('last_active_session_id', 'text')
      .addColumn('last_authentication_strategy', 'text')
      .addColumn('expires_at', ms, (c) => c.notNull())
      .addColumn('created_at', ms, (c) => c.notNull())
      .addColumn('updated_at', ms, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text')
      .addColumn('username_lower', 'text', (c) => c.unique())
      .addColumn('first_name', 'text')
      .addColumn('last_name', 'text')
      .addColumn('password_hash', 'text')
      .addColumn('password_updated_at', ms)
      .addColumn('primary_email_address_id', 'text')
      .addColumn('public_metadata', 'text', (c) => c.notNull())
      .addColumn('private_metadata', 'text', (c) => c.notNull())
      .addColumn('unsafe_metadata', 'text', (c) => c.notNull())
      .addColumn('failed_attempts', 'integer', (c) => c.notNull())
      .addColumn('locked_until', ms)
      .addColumn('last_sign_in_at', ms)
      .addColumn('last_active_at', ms)
      .addColumn('created_at', ms, (c) => c.notNull())
      .addColumn('updated_at', ms, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('email_addresses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('email_address', 'text', (c) => c.notNull())
      // Case-insensitive uniqueness lives in the database: email_lower is the lower-cased address.
      .addColumn('email_lower', 'text', (c) => c.notNull().unique())
      .addColumn('verified_at', ms)
      .addColumn('verification_strategy', 'text')
      .addColumn('created_at', ms, (c) => c.notNull())
      .addColumn('updated_at', ms, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('email_addresses_user').on('email_addresses').column('user_id').execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('expire_at', ms, (c) => c.notNull())
      .addColumn('abandon_at', ms, (c) => c.notNull())
      .addColumn('last_active_at', ms, (c) => c.notNull())
      .addColumn('first_factor_at', ms, (c) => c.notNull())
      .addColumn('created_at', ms, (c) => c.notNull())
      .addColumn('updated_at', ms, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_client').on('sessions').column('client_id').execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
    await db.schema
      .createTable('sign_ins')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('identifier', 'text')
      .addColumn('user_id', 'text')
      .addColumn('first_factor', 'text')
      .addColumn('created_session_id', 'text')
      .addColumn('abandon_at', ms, (c) => c.notNull())
      .addColumn('created_at', ms, (c) => c.notNull())
      .addColumn('updated_at', ms, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sign_ups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('email_address', 'text')
      .addColumn('username', 'text')
      .addColumn('first_name', 'text')
      .addColumn('last_name', 'text')
      .addColumn('password_hash', 'text')
      .addColumn('unsafe_metadata', 'text', (c) => c.notNull())
      .addColumn('legal_accepted_at', ms)
      .addColumn('email_verification', 'text')
      .addColumn('created_user_id', 'text')
      .addColumn('created_session_id', 'text')
      .addColumn('abandon_at', ms, (c) => c.notNull())
      .addColumn('created_at', ms, (c) => c.notNull())
      .addColumn('updated_at', ms, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('verification_codes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('strategy', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('expire_at', ms, (c) => c.notNull())
      .addColumn('consumed_at', ms)
      .addColumn('created_at', ms, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('verification_codes_subject').on('verification_codes').column('subject').execute();
    await db.schema
      .createTable('waitlist_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email_address', 'text', (c) => c.notNull())
      .addColumn('email_lower', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', ms, (c) => c.notNull())
      .addColumn('updated_at', ms, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', ms, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('outbox_to').on('outbox').columns(['to_address', 'created_at']).execute();
  },
};

/** Backend API (secret keys, invitations) and the webhook delivery queue (issue #6). */
const backendApi: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('instance').addColumn('instance_id', 'text').execute();
    await db.schema.alterTable('sign_ups').addColumn('invitation_id', 'text').execute();
    await db.schema.alterTable('waitlist_entries').addColumn('invitation_id', 'text').execute();
    await db.schema
      .createTable('secret_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('hint', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', ms, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('invitations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email_address', 'text', (c) => c.notNull())
      .addColumn('email_lower', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('public_metadata', 'text', (c) => c.notNull())
      .addColumn('redirect_url', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('expires_at', ms, (c) => c.notNull())
      .addColumn('created_at', ms, (c) => c.notNull())
      .addColumn('updated_at', ms, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('invitations_email').on('invitations').columns(['email_lower', 'status']).execute();
    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('msg_id', 'text', (c) => c.notNull())
      .addColumn('endpoint_url', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', ms, (c) => c.notNull())
      .addColumn('lease_until', ms)
      .addColumn('lease_owner', 'text')
      .addColumn('last_error', 'text')
      .addColumn('delivered_at', ms)
      .addColumn('created_at', ms, (c) => c.notNull())
      .addColumn('updated_at', ms, (c) => c.notNull())
      .execute();
    // The worker's claim query: pending rows that are due, oldest first.
    await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
    // The worker's pruning of finished rows.
    await db.schema.createIndex('webhook_deliveries_finished').on('webhook_deliveries').columns(['status', 'updated_at']).execute();
  },
};

/** The rate limits' counters on PostgreSQL (store/rate-limits.ts; the columns, in order, are rate-limiter-flexible's). */
const rateLimits: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'varchar(255)', (c) => c.primaryKey())
      .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('expire', ms)
      .execute();
  },
};

/** Profile images (bytes in the database: bytea on PostgreSQL, blob on SQLite) and each session's latest activity (issue #11). */
const imagesAndActivity: Migration = {
  async up(db: Kysely<any>) {
    const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
    await db.schema
      .createTable('images')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('bytes', binary, (c) => c.notNull())
      .addColumn('created_at', ms, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('images_user').on('images').column('user_id').execute();
    await db.schema.alterTable('users').addColumn('image_id', 'text').execute();
    for (const column of ['activity_browser_name', 'activity_browser_version', 'activity_device_type', 'activity_ip_address']) {
      await db.schema.alterTable('sessions').addColumn(column, 'text').execute();
    }
    await db.schema.alterTable('sessions').addColumn('activity_is_mobile', 'integer').execute();
  },
};

const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_backend_api_webhooks': backendApi,
  '0003_rate_limits': rateLimits,
  '0004_images_session_activity': imagesAndActivity,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/** Brings the schema up to date (or up to `upTo`, for upgrade tests); throws with the failing migration's name. */
export async function migrate(db: Kysely<any>, upTo?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await (upTo ? migrator.migrateTo(upTo) : migrator.migrateToLatest());
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
}
