// The outbox: every message the server "sent", for development instances and tests to read.
import type { Db } from './db.js';
import type { OutboxTable } from './schema.js';

export async function insertOutboxMessage(db: Db, row: OutboxTable): Promise<void> {
  await db.insertInto('outbox').values(row).execute();
}

/** The 50 newest messages, optionally only those to one address. */
export function recentOutboxMessages(db: Db, to: string | undefined): Promise<OutboxTable[]> {
  let q = db.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(50);
  if (to) q = q.where('to_address', '=', to);
  return q.execute();
}
