// Delivers queued webhooks (emit.ts) in the Standard Webhooks / Svix format, with retries and exponential backoff.
//
// Several server processes may share one database: a worker claims due rows with one UPDATE that moves their
// `next_attempt_at` past a lease and records itself as `lease_owner` (on PostgreSQL the candidate rows are picked
// with FOR UPDATE SKIP LOCKED, so workers never wait on each other). Only the owner may record the outcome; a
// worker that dies leaves its rows to be claimed again when the lease runs out.
import { createHmac } from 'node:crypto';
import type { ServerContext } from '../context.js';
import type { WebhookDeliveryTable } from '../store/schema.js';
import { newId } from '../crypto/ids.js';
import { claimDeliveries, finishDelivery, pruneDeliveries, releaseDelivery } from '../store/webhooks.js';
import { webhookKey } from './config.js';
import { log, loggableUrl } from '../log.js';
import { webhookFailures, webhookRetries } from '../metrics.js';

/** How long a claimed delivery stays with its worker; longer than a delivery can take. */
const LEASE_MS = 60_000;
const REQUEST_TIMEOUT_MS = 15_000;
const BATCH = 20;
const BACKOFF_FACTOR = 3;
const MAX_RETRY_DELAY_MS = 10 * 3600_000;
/** Finished rows are kept for inspection, then pruned: delivered ones for a week, failed ones for a month. */
const KEEP_DELIVERED_MS = 7 * 24 * 3600_000;
const KEEP_FAILED_MS = 30 * 24 * 3600_000;
const PRUNE_EVERY_MS = 10 * 60_000;

/** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed with the decoded `whsec_` secret. */
export function signatureHeader(key: Buffer, msgId: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${msgId}.${timestamp}.${body}`).digest('base64')}`;
}

/** Wait before attempt `attempts + 1`, ±10 % so retries of many messages spread out. */
export function retryDelay(baseMs: number, attempts: number): number {
  const plain = Math.min(baseMs * BACKOFF_FACTOR ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
  return Math.round(plain * (0.9 + Math.random() * 0.2));
}

export class WebhookWorker {
  private readonly owner = newId('wkr');
  private readonly stopping = new AbortController();
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private prunedAt = 0;
  /** Set by stop(): no new pass or batch starts; the deliveries in flight may finish. */
  private closing = false;

  constructor(private readonly ctx: ServerContext) {}

  start(): void {
    if (this.ctx.config.webhooks.length === 0) return;
    this.timer = setInterval(() => this.wake(), this.ctx.config.webhookDelivery.pollIntervalMs);
    this.timer.unref();
    this.wake();
  }

  /** Looks for due deliveries now (after an event was queued), or right after the current pass. */
  wake(): void {
    if (this.closing || !this.timer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((e: unknown) => log.error({ err: e }, 'webhooks: worker pass failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /**
   * Stops polling and claiming; the deliveries in flight get `graceMs` to finish (0: none). Those still running then are
   * aborted and their rows handed back at once, for another process or the next start.
   */
  async stop(graceMs = 0): Promise<void> {
    this.closing = true;
    clearInterval(this.timer);
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (this.running && graceMs > 0) await Promise.race([this.running, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    this.stopping.abort();
    await this.running;
  }

  private async drain(): Promise<void> {
    const now = this.ctx.now();
    if (now - this.prunedAt > PRUNE_EVERY_MS) {
      this.prunedAt = now;
      await pruneDeliveries(this.ctx.db, now - KEEP_DELIVERED_MS, now - KEEP_FAILED_MS);
    }
    while (!this.closing) {
      const batch = await this.claim();
      if (batch.length === 0) return;
      await Promise.all(batch.map((d) => this.deliver(d)));
    }
  }

  private async claim(): Promise<WebhookDeliveryTable[]> {
    return claimDeliveries(this.ctx.db, this.ctx.dbKind, this.owner, this.ctx.now(), LEASE_MS, BATCH);
  }

  private async deliver(d: WebhookDeliveryTable): Promise<void> {
    const { config } = this.ctx;
    const endpoint = config.webhooks.find((w) => w.url === d.endpoint_url);
    const key = endpoint ? webhookKey(endpoint.secret) : undefined;
    if (!endpoint || !key) return this.finish(d, { ok: false, error: 'endpoint is no longer configured', final: true });
    const timestamp = Math.floor(Date.now() / 1000);
    let error: string;
    try {
      const res = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'clerk-wc-webhooks',
          'svix-id': d.msg_id,
          'svix-timestamp': String(timestamp),
          'svix-signature': signatureHeader(key, d.msg_id, timestamp, d.payload),
        },
        body: d.payload,
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(REQUEST_TIMEOUT_MS), this.stopping.signal]),
      });
      await res.body?.cancel().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) return this.finish(d, { ok: true });
      error = `HTTP ${res.status}`;
    } catch (e) {
      if (this.stopping.signal.aborted) return this.release(d);
      error = (e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message;
    }
    return this.finish(d, { ok: false, error, final: false });
  }

  private async finish(d: WebhookDeliveryTable, outcome: { ok: true } | { ok: false; error: string; final: boolean }): Promise<void> {
    const now = this.ctx.now();
    const attempts = d.attempts + 1;
    const { retryBaseMs, maxAttempts } = this.ctx.config.webhookDelivery;
    const failed = !outcome.ok && (outcome.final || attempts >= maxAttempts);
    const delay = outcome.ok || failed ? 0 : retryDelay(retryBaseMs, attempts);
    await finishDelivery(this.ctx.db, d.id, this.owner, {
      status: outcome.ok ? 'delivered' : failed ? 'failed' : 'pending',
      attempts,
      next_attempt_at: now + delay,
      lease_until: null,
      lease_owner: null,
      last_error: outcome.ok ? null : outcome.error.slice(0, 500),
      delivered_at: outcome.ok ? now : null,
      updated_at: now,
    });
    if (!outcome.ok) {
      (failed ? webhookFailures : webhookRetries).inc();
      const next = failed ? 'giving up' : `retry in ${delay} ms`;
      log.warn(
        {
          event_type: d.event_type,
          msg_id: d.msg_id,
          endpoint: loggableUrl(d.endpoint_url),
          attempt: attempts,
          max_attempts: maxAttempts,
          error: outcome.error,
        },
        `webhooks: delivery failed; ${next}`,
      );
    }
  }

  /** Gives an interrupted delivery back without counting an attempt. */
  private async release(d: WebhookDeliveryTable): Promise<void> {
    await releaseDelivery(this.ctx.db, d.id, this.owner, this.ctx.now()).catch(() => undefined);
  }
}
