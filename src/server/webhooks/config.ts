// Webhook endpoints from the config file (`webhooks: [{ url, secret, events? }]`) or the environment
// (WEBHOOK_URL + WEBHOOK_SECRET), and the delivery schedule (WEBHOOK_RETRY_BASE_MS, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_POLL_MS).
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './event-types.js';

export interface WebhookEndpointConfig {
  url: string;
  /** `whsec_` + base64 of the signing key, as Svix and Clerk's dashboard show it. */
  secret: string;
  /** Event types this endpoint receives; all when absent. */
  events?: WebhookEventType[] | undefined;
}

export interface WebhookDeliveryConfig {
  /** Delay before the first retry; each later retry waits BACKOFF_FACTOR times longer (capped at MAX_RETRY_DELAY_MS). */
  retryBaseMs: number;
  /** Attempts before a delivery is marked failed. */
  maxAttempts: number;
  /** How often the worker looks for due deliveries (new events in this process wake it at once). */
  pollIntervalMs: number;
}

export function defaultWebhookDelivery(): WebhookDeliveryConfig {
  // 5 s, 15 s, 45 s, 2 min, 7 min, 20 min, 1 h, 3 h, then every 10 h: about two days in all, like Svix's schedule.
  return { retryBaseMs: 5000, maxAttempts: 12, pollIntervalMs: 1000 };
}

function count(env: NodeJS.ProcessEnv, name: string, min: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

/** Applies WEBHOOK_* variables: WEBHOOK_URL + WEBHOOK_SECRET add one endpoint (all events). */
export function applyWebhookEnv(config: { webhooks: WebhookEndpointConfig[]; webhookDelivery: WebhookDeliveryConfig }, env: NodeJS.ProcessEnv): void {
  if (env.WEBHOOK_URL || env.WEBHOOK_SECRET) {
    if (!env.WEBHOOK_URL || !env.WEBHOOK_SECRET) throw new Error('Set WEBHOOK_URL and WEBHOOK_SECRET together');
    const events = env.WEBHOOK_EVENTS
      ? (env.WEBHOOK_EVENTS.split(',')
          .map((s) => s.trim())
          .filter(Boolean) as WebhookEventType[])
      : undefined;
    config.webhooks = [...config.webhooks.filter((w) => w.url !== env.WEBHOOK_URL), { url: env.WEBHOOK_URL, secret: env.WEBHOOK_SECRET, events }];
  }
  const d = config.webhookDelivery;
  d.retryBaseMs = count(env, 'WEBHOOK_RETRY_BASE_MS', 1) ?? d.retryBaseMs;
  d.maxAttempts = count(env, 'WEBHOOK_MAX_ATTEMPTS', 1) ?? d.maxAttempts;
  d.pollIntervalMs = count(env, 'WEBHOOK_POLL_MS', 10) ?? d.pollIntervalMs;
}

/** The signing key inside a `whsec_…` secret, or undefined when the secret is malformed. */
export function webhookKey(secret: string): Buffer | undefined {
  const b64 = secret.startsWith('whsec_') ? secret.slice(6) : undefined;
  if (!b64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return undefined;
  const key = Buffer.from(b64, 'base64');
  return key.length >= 16 && key.length <= 128 ? key : undefined;
}

/** Throws a readable message for the first bad endpoint. */
export function validateWebhooks(config: { webhooks: unknown; webhookDelivery: WebhookDeliveryConfig }): void {
  if (!Array.isArray(config.webhooks)) throw new Error('webhooks must be an array of { url, secret, events? }');
  const seen = new Set<string>();
  config.webhooks.forEach((w: unknown, i) => {
    const where = `webhooks[${i}]`;
    if (typeof w !== 'object' || w === null) throw new Error(`${where} must be an object { url, secret, events? }`);
    const { url, secret, events } = w as Record<string, unknown>;
    let parsed: URL | undefined;
    try {
      parsed = typeof url === 'string' ? new URL(url) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) throw new Error(`${where}.url must be an http(s) URL`);
    if (seen.has(parsed.href)) throw new Error(`${where}.url is listed twice`);
    seen.add(parsed.href);
    if (typeof secret !== 'string' || !webhookKey(secret)) throw new Error(`${where}.secret must be "whsec_" followed by the base64 of 16 to 128 random bytes`);
    if (events !== undefined) {
      if (!Array.isArray(events)) throw new Error(`${where}.events must be an array of event types`);
      for (const e of events) {
        if (!(WEBHOOK_EVENT_TYPES as readonly unknown[]).includes(e))
          throw new Error(`${where}.events: unknown event type ${JSON.stringify(e)}; known: ${WEBHOOK_EVENT_TYPES.join(', ')}`);
      }
    }
  });
  const d = config.webhookDelivery;
  if (!(d.retryBaseMs >= 1) || !(d.maxAttempts >= 1) || !(d.pollIntervalMs >= 10))
    throw new Error('webhookDelivery needs retryBaseMs >= 1, maxAttempts >= 1 and pollIntervalMs >= 10');
}
