// Verifies webhooks sent by a clerk-wc server (or by Clerk through Svix): the Standard Webhooks format with
// `svix-id`, `svix-timestamp` and `svix-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`.
// Web Crypto only, so it runs in Node, Deno, Bun and edge runtimes alike.
//
//   app.post('/webhooks/clerk', async (c) => {
//     const event = await verifyWebhook(c.req.raw, process.env.CLERK_WEBHOOK_SIGNING_SECRET!);
//     if (event.type === 'user.created') await db.insertUser(event.data.id, event.data.email_addresses);
//     return c.body(null, 204);
//   });
import type { DeletedObjectJSON, SessionJSON, UserJSON, WaitlistEntryJSON } from './clerk-client.js';

/** Deliveries older (or further in the future) than this are refused as replays. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

interface EventEnvelope<T extends string, D> {
  type: T;
  data: D;
  object: 'event';
  /** Milliseconds since the epoch, when the event happened. */
  timestamp: number;
  instance_id: string;
}

export type WebhookEvent =
  | EventEnvelope<'user.created' | 'user.updated', UserJSON>
  | EventEnvelope<'user.deleted', DeletedObjectJSON>
  | EventEnvelope<'session.created' | 'session.ended' | 'session.removed' | 'session.revoked', SessionJSON>
  | EventEnvelope<'waitlistEntry.created' | 'waitlistEntry.updated', WaitlistEntryJSON>;
export type WebhookEventType = WebhookEvent['type'];

export const WEBHOOK_VERIFICATION_REASONS = [
  'missing-headers',
  'timestamp-invalid',
  'timestamp-too-old',
  'timestamp-too-new',
  'signature-invalid',
  'secret-invalid',
  'payload-invalid',
] as const;
export type WebhookVerificationReason = (typeof WEBHOOK_VERIFICATION_REASONS)[number];

/** A delivery that must not be trusted; answer it with 400 and do nothing else. */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
  constructor(
    readonly reason: WebhookVerificationReason,
    message: string,
  ) {
    super(message);
  }
}

export interface VerifyWebhookOptions {
  /** Allowed clock difference in seconds (default 300). */
  toleranceInSeconds?: number;
  /** The current time in ms (default Date.now()); for tests and replaying stored deliveries on purpose. */
  now?: number;
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) return undefined;
  try {
    const bin = atob(text);
    const out = new Uint8Array(new ArrayBuffer(bin.length));
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

function header(request: Request, name: string): string | null {
  // Standard Webhooks names the same headers `webhook-*`; Svix (and clerk-wc) send `svix-*`.
  return request.headers.get(`svix-${name}`) ?? request.headers.get(`webhook-${name}`);
}

/**
 * Checks a webhook request's signature and timestamp with the endpoint's `whsec_…` secret and returns the event.
 * Reads the request body. Throws WebhookVerificationError for a bad signature, an altered body, a missing
 * header or a timestamp outside the tolerance (a replay).
 */
export async function verifyWebhook(request: Request, secret: string, options: VerifyWebhookOptions = {}): Promise<WebhookEvent> {
  const key = decodeBase64(secret.startsWith('whsec_') ? secret.slice(6) : secret);
  if (!key || key.length === 0)
    throw new WebhookVerificationError('secret-invalid', 'The signing secret must be "whsec_" followed by base64, as the server configuration shows it.');
  const id = header(request, 'id');
  const timestamp = header(request, 'timestamp');
  const signatures = header(request, 'signature');
  if (!id || !timestamp || !signatures)
    throw new WebhookVerificationError('missing-headers', 'The request lacks the svix-id, svix-timestamp or svix-signature header.');
  if (!/^\d{1,12}$/.test(timestamp)) throw new WebhookVerificationError('timestamp-invalid', 'svix-timestamp must be seconds since the epoch.');
  const tolerance = options.toleranceInSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const age = Math.floor((options.now ?? Date.now()) / 1000) - Number(timestamp);
  if (age > tolerance)
    throw new WebhookVerificationError('timestamp-too-old', `The delivery is ${age} s old (more than ${tolerance} s): refused as a possible replay.`);
  if (age < -tolerance)
    throw new WebhookVerificationError('timestamp-too-new', 'The delivery is timestamped in the future: check the clocks of both machines.');
  const body = await request.text();
  const hmac = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const signed = new TextEncoder().encode(`${id}.${timestamp}.${body}`);
  let valid = false;
  // Several signatures may be listed (during a secret rotation): any one that verifies is enough.
  for (const entry of signatures.split(' ')) {
    const [version, value] = entry.split(',', 2);
    const sig = version === 'v1' && value ? decodeBase64(value) : undefined;
    // subtle.verify compares in constant time.
    if (sig && (await crypto.subtle.verify('HMAC', hmac, sig, signed))) valid = true;
  }
  if (!valid) throw new WebhookVerificationError('signature-invalid', 'No signature matches: the body was altered, or the secret is not this endpoint’s.');
  let event: unknown;
  try {
    event = JSON.parse(body);
  } catch {
    throw new WebhookVerificationError('payload-invalid', 'The signed body is not JSON.');
  }
  if (typeof event !== 'object' || event === null || typeof (event as { type?: unknown }).type !== 'string') {
    throw new WebhookVerificationError('payload-invalid', 'The signed body is not a webhook event.');
  }
  return event as WebhookEvent;
}
