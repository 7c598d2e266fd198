// The instance row: created on first start, holds the publishable key.
import type { Db } from './db.js';

/** `pk_test_` (or `pk_live_`) + base64(`<fapi host>$`), as Clerk encodes its Frontend API host. */
export function publishableKeyFor(issuer: string, type: 'development' | 'production'): string {
  const host = new URL(issuer).host;
  return `${type === 'production' ? 'pk_live_' : 'pk_test_'}${Buffer.from(`${host}$`).toString('base64')}`;
}

/** Returns the publishable key for this issuer, recording the instance on first start. */
export async function ensureInstance(db: Db, issuer: string, type: 'development' | 'production'): Promise<string> {
  const key = publishableKeyFor(issuer, type);
  const row = await db.selectFrom('instance').select(['publishable_key']).where('id', '=', 'default').executeTakeFirst();
  if (!row) {
    await db
      .insertInto('instance')
      .values({ id: 'default', publishable_key: key, created_at: Date.now() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  } else if (row.publishable_key !== key) {
    // The host changed (another port or PUBLIC_URL): the key follows the host it encodes.
    await db.updateTable('instance').set({ publishable_key: key }).where('id', '=', 'default').execute();
  }
  return key;
}

/** Gives the instance its `ins_…` id unless it has one (conditional, so concurrent first starts agree); returns the id. */
export async function ensureInstanceIdRow(db: Db, candidate: string): Promise<string | null | undefined> {
  await db.updateTable('instance').set({ instance_id: candidate }).where('id', '=', 'default').where('instance_id', 'is', null).execute();
  const row = await db.selectFrom('instance').select(['instance_id']).where('id', '=', 'default').executeTakeFirst();
  return row?.instance_id;
}
