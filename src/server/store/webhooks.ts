// The webhook delivery queue: rows claimed with a lease by one worker at a time (see webhooks/worker.ts).
import type { Db, DbKind } from './db.js';
import type { WebhookDeliveryTable } from './schema.js';

export async function insertDeliveries(db: Db, rows: WebhookDeliveryTable[]): Promise<void> {
  await db.insertInto('webhook_deliveries').values(rows).execute();
}

/** Deletes finished rows: delivered ones last updated before `deliveredBefore`, failed ones before `failedBefore`. */
export async function pruneDeliveries(db: Db, deliveredBefore: number, failedBefore: number): Promise<void> {
  await db
    .deleteFrom('webhook_deliveries')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'delivered'), eb('updated_at', '<', deliveredBefore)]),
        eb.and([eb('status', '=', 'failed'), eb('updated_at', '<', failedBefore)]),
      ]),
    )
    .execute();
}

/**
 * Claims up to `batch` due rows for `owner` with one UPDATE that moves them past a lease of `leaseMs`; on PostgreSQL
 * the candidates are picked with FOR UPDATE SKIP LOCKED, so workers never wait on each other.
 */
export function claimDeliveries(db: Db, kind: DbKind, owner: string, now: number, leaseMs: number, batch: number): Promise<WebhookDeliveryTable[]> {
  let due = db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(batch);
  if (kind === 'postgres') due = due.forUpdate().skipLocked();
  return (
    db
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: now + leaseMs, lease_until: now + leaseMs, lease_owner: owner, updated_at: now })
      .where('id', 'in', due)
      // Re-checked on the row itself: a row another worker claimed meanwhile no longer qualifies.
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .returningAll()
      .execute()
  );
}

export type DeliveryOutcome = Pick<
  WebhookDeliveryTable,
  'status' | 'attempts' | 'next_attempt_at' | 'lease_until' | 'lease_owner' | 'last_error' | 'delivered_at' | 'updated_at'
>;

/** Records an attempt's outcome, only while `owner` still holds the row. */
export async function finishDelivery(db: Db, id: string, owner: string, outcome: DeliveryOutcome): Promise<void> {
  await db.updateTable('webhook_deliveries').set(outcome).where('id', '=', id).where('lease_owner', '=', owner).execute();
}

/** Hands a row back (due now) without counting an attempt, only while `owner` still holds it. */
export async function releaseDelivery(db: Db, id: string, owner: string, now: number): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: now, lease_until: null, lease_owner: null })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
}

/** Rows waiting for a delivery (pending, due or not): the queue depth the metrics report. */
export async function pendingDeliveryCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
