// Start-up of the Backend API and webhooks: the instance id, the secret key (created and shown once on first
// start), and the webhook worker. startServer (index.ts) attaches the result to the context as `backend`.
import type { ServerContext } from '../context.js';
import { newId } from '../crypto/ids.js';
import { ensureInstanceIdRow } from '../store/instance.js';
import { WebhookWorker } from '../webhooks/worker.js';
import { ensureSecretKey } from './secret-keys.js';

export interface BackendRuntime {
  /** `ins_…`, the `instance_id` of webhook payloads. */
  instanceId: string;
  /** The line the start-up banner shows for the secret key: the whole key only on the start that created it. */
  secretKeyNote: string;
  /** Asks the webhook worker to deliver what was just queued. */
  wakeWebhooks(): void;
  /** Stops the webhook worker after its current deliveries (at most `graceMs`); call before closing the store. */
  stop(graceMs?: number): Promise<void>;
}

export async function startBackendApi(ctx: ServerContext): Promise<BackendRuntime> {
  // Conditional, so concurrent first starts agree on one id.
  const instanceId = (await ensureInstanceIdRow(ctx.db, newId('ins'))) ?? 'ins_default';
  const key = await ensureSecretKey(ctx.db, ctx.config.instanceType, ctx.config.secretKey);
  const secretKeyNote = key.created
    ? `${key.created}  (Backend API; shown only now: store it, e.g. as CLERK_SECRET_KEY)`
    : `${key.hint} (${key.source === 'env' ? 'CLERK_SECRET_KEY' : 'printed on first start'})`;
  const worker = new WebhookWorker(ctx);
  worker.start();
  return { instanceId, secretKeyNote, wakeWebhooks: () => worker.wake(), stop: (graceMs) => worker.stop(graceMs) };
}
