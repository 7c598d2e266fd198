// Queues webhook events: one row per endpoint in `webhook_deliveries`, delivered by the worker (worker.ts).
// Services call these right after the change they report; with no endpoint configured they cost nothing.
import type { ServerContext } from '../context.js';
import type { SessionTable, WaitlistEntryTable } from '../store/schema.js';
import { newId } from '../crypto/ids.js';
import { backendSessionJson, backendUserJson, deletedJson, waitlistEntryBackendJson } from '../serialize/backend.js';
import { loadUser } from '../services/users.js';
import { findInvitationById } from '../store/invitations.js';
import { insertDeliveries } from '../store/webhooks.js';
import type { WebhookEventType } from './event-types.js';
import { log } from '../log.js';

function endpointsFor(ctx: ServerContext, type: WebhookEventType) {
  return ctx.config.webhooks.filter((w) => !w.events || w.events.includes(type));
}

/** True when at least one endpoint wants `type` (so callers can skip building the payload). */
export function wantsEvent(ctx: ServerContext, type: WebhookEventType): boolean {
  return endpointsFor(ctx, type).length > 0;
}

/** Queues `{ data, object: 'event', type, timestamp, instance_id }` for every endpoint that wants it. Never throws. */
export async function emitEvent(ctx: ServerContext, type: WebhookEventType, data: unknown): Promise<void> {
  const endpoints = endpointsFor(ctx, type);
  if (endpoints.length === 0) return;
  try {
    const now = ctx.now();
    const msgId = newId('msg');
    const payload = JSON.stringify({ data, object: 'event', type, timestamp: now, instance_id: ctx.backend?.instanceId ?? '' });
    await insertDeliveries(
      ctx.db,
      endpoints.map((e) => ({
        id: newId('whd'),
        msg_id: msgId,
        endpoint_url: e.url,
        event_type: type,
        payload,
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        lease_until: null,
        lease_owner: null,
        last_error: null,
        delivered_at: null,
        created_at: now,
        updated_at: now,
      })),
    );
    ctx.backend?.wakeWebhooks();
  } catch (e) {
    // The change itself has happened; a failed enqueue must not turn it into an error for the caller.
    log.error({ err: e, event_type: type }, 'webhooks: could not queue the event');
  }
}

/** Builds a payload that needs a read; a failed read is logged like a failed enqueue, never thrown. */
async function emitLoaded(ctx: ServerContext, type: WebhookEventType, load: () => Promise<unknown>): Promise<void> {
  if (!wantsEvent(ctx, type)) return;
  let data: unknown;
  try {
    data = await load();
  } catch (e) {
    log.error({ err: e, event_type: type }, 'webhooks: could not build the event');
    return;
  }
  if (data !== undefined) await emitEvent(ctx, type, data);
}

/** `user.created` / `user.updated` with the user as the Backend API shows it now. */
export async function emitUserEvent(ctx: ServerContext, type: 'user.created' | 'user.updated', userId: string): Promise<void> {
  await emitLoaded(ctx, type, async () => {
    const u = await loadUser(ctx, userId);
    return u ? backendUserJson(ctx, u) : undefined;
  });
}

export async function emitUserDeleted(ctx: ServerContext, userId: string): Promise<void> {
  await emitEvent(ctx, 'user.deleted', deletedJson('user', userId));
}

export async function emitSessionEvent(
  ctx: ServerContext,
  type: 'session.created' | 'session.ended' | 'session.removed' | 'session.revoked',
  s: SessionTable,
): Promise<void> {
  await emitEvent(ctx, type, backendSessionJson(ctx, s));
}

export async function emitWaitlistEvent(ctx: ServerContext, type: 'waitlistEntry.created' | 'waitlistEntry.updated', e: WaitlistEntryTable): Promise<void> {
  await emitLoaded(ctx, type, async () => {
    const invitation = e.invitation_id ? await findInvitationById(ctx.db, e.invitation_id) : undefined;
    return waitlistEntryBackendJson(ctx, e, invitation);
  });
}
