// The waitlist: one entry per email address, joining twice returns the same entry.
import type { ServerContext } from '../context.js';
import type { WaitlistEntryTable } from '../store/schema.js';
import { newId } from '../crypto/ids.js';
import { Errors } from '../errors.js';
import { isUniqueViolation } from '../store/db.js';
import { findWaitlistEntryByEmail, insertWaitlistEntry } from '../store/waitlist.js';
import { emitWaitlistEvent } from '../webhooks/emit.js';
import { isEmail } from './users.js';

export async function joinWaitlist(ctx: ServerContext, address: string): Promise<WaitlistEntryTable> {
  const email = address.trim();
  if (!isEmail(email)) throw Errors.paramFormat('email_address', 'must be a valid email address');
  const lower = email.toLowerCase();
  const find = () => findWaitlistEntryByEmail(ctx.db, lower);
  const existing = await find();
  if (existing) return existing;
  const now = ctx.now();
  const row: WaitlistEntryTable = {
    id: newId('wle'),
    email_address: email,
    email_lower: lower,
    status: 'pending',
    invitation_id: null,
    created_at: now,
    updated_at: now,
  };
  try {
    await insertWaitlistEntry(ctx.db, row);
    await emitWaitlistEvent(ctx, 'waitlistEntry.created', row);
    return row;
  } catch (e) {
    // A concurrent join of the same address won the insert: answer with its entry.
    if (isUniqueViolation(e)) return (await find()) ?? row;
    throw e;
  }
}

/** The spec's WaitlistEntry is deliberately thin: it never tells a caller who else is waiting. */
export function waitlistEntryJson(e: WaitlistEntryTable) {
  return { object: 'waitlist_entry', id: e.id };
}
