// Server configuration: a JSON config file, then environment variables, over safe local defaults.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { proxyTrust } from './http/client-ip.js';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from './log.js';
import { applyWebhookEnv, defaultWebhookDelivery, validateWebhooks, type WebhookDeliveryConfig, type WebhookEndpointConfig } from './webhooks/config.js';

export const SIGN_UP_MODES = ['public', 'restricted', 'waitlist'] as const;
export type SignUpMode = (typeof SIGN_UP_MODES)[number];
export const INSTANCE_TYPES = ['development', 'production'] as const;
export type InstanceType = (typeof INSTANCE_TYPES)[number];
export const ATTRIBUTE_STATES = ['on', 'off', 'required'] as const;
export type AttributeState = (typeof ATTRIBUTE_STATES)[number];

export interface ServerConfig {
  port: number;
  host: string;
  /** Public URL of the FAPI (token `iss`, publishable key host). Defaults to http://<host>:<port>. */
  publicUrl: string | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  instanceType: InstanceType;
  applicationName: string;
  attributes: {
    email_address: AttributeState;
    username: AttributeState;
    first_name: AttributeState;
    last_name: AttributeState;
    password: AttributeState;
  };
  /** First factors offered for sign-in. */
  firstFactors: Array<'password' | 'email_code'>;
  signUpMode: SignUpMode;
  /** One signed-in account per browser (`session_exists` for a second); false lets a client hold several sessions. */
  singleSessionMode: boolean;
  password: { minLength: number; maxLength: number; rejectCommon: boolean };
  session: { lifetimeSeconds: number; tokenLifetimeSeconds: number };
  /** How often a running server re-reads the active signing key (after `rotate-key`); 0 = only on SIGHUP. */
  keyRefreshSeconds: number;
  lockout: { enabled: boolean; maxAttempts: number; durationMinutes: number };
  rateLimit: { windowSeconds: number; max: number };
  /**
   * Proxies (IP addresses or CIDRs) whose `Forwarded` / `X-Forwarded-For` headers name the caller. Empty (the
   * default) believes no such header: the socket's peer is the caller.
   */
  trustedProxies: string[];
  /** On SIGTERM, how long requests in flight (and a webhook delivery) may take before their connections are cut. */
  shutdownTimeoutSeconds: number;
  /** The log (log.ts): pino's level, and `json` or `pretty` (unset: pretty in development, JSON in production). */
  logLevel: LogLevel;
  logFormat: LogFormat | undefined;
  /**
   * Prometheus metrics (metrics.ts), off by default: `token` serves GET /metrics on the FAPI's port to
   * `Authorization: Bearer <token>`; `port` serves it without a token on a port of its own (keep that one private).
   */
  metrics: { token: string | undefined; port: number | undefined };
  /** Origins allowed to call the FAPI with credentials. Empty means localhost origins in development. */
  allowedOrigins: string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Log every outbound message to the console. */
  logMail: boolean;
  /** End the user's other sessions when they change their password (unless the request says otherwise). */
  signOutOthersOnPasswordChange: boolean;
  /**
   * The hosted account pages (`/sign-in`, `/sign-up`, `/waitlist`, Clerk's Account Portal). Unset means on in
   * development instances and off in production: read it through accountPortalEnabled().
   */
  accountPortal: boolean | undefined;
  /** A folder of static files served at `/` next to the FAPI (the demo site); off when unset. */
  staticDir: string | undefined;
  urls: { signIn: string; signUp: string; afterSignIn: string; afterSignUp: string; home: string; waitlist: string; userProfile: string };
  /** Backend API secret key (CLERK_SECRET_KEY); when unset, one is generated on first start and printed once. */
  secretKey: string | undefined;
  /** Webhook endpoints `[{ url, secret, events? }]` and the delivery schedule (webhooks/config.ts). */
  webhooks: WebhookEndpointConfig[];
  webhookDelivery: WebhookDeliveryConfig;
}

export const DEFAULT_PORT = 4000;

export function defaultConfig(): ServerConfig {
  return {
    port: DEFAULT_PORT,
    host: '127.0.0.1',
    publicUrl: undefined,
    databaseUrl: undefined,
    dataDir: '.clerk-wc',
    instanceType: 'development',
    applicationName: 'clerk-wc',
    attributes: { email_address: 'required', username: 'on', first_name: 'on', last_name: 'on', password: 'required' },
    firstFactors: ['password', 'email_code'],
    signUpMode: 'public',
    singleSessionMode: true,
    password: { minLength: 8, maxLength: 72, rejectCommon: true },
    session: { lifetimeSeconds: 7 * 24 * 3600, tokenLifetimeSeconds: 60 },
    keyRefreshSeconds: 30,
    lockout: { enabled: true, maxAttempts: 10, durationMinutes: 60 },
    rateLimit: { windowSeconds: 60, max: 120 },
    trustedProxies: [],
    shutdownTimeoutSeconds: 10,
    logLevel: 'info',
    logFormat: undefined,
    metrics: { token: undefined, port: undefined },
    allowedOrigins: [],
    smtpUrl: undefined,
    mailFrom: 'clerk-wc <no-reply@localhost>',
    logMail: true,
    signOutOthersOnPasswordChange: true,
    accountPortal: undefined,
    staticDir: undefined,
    secretKey: undefined,
    webhooks: [],
    webhookDelivery: defaultWebhookDelivery(),
    urls: { signIn: '/sign-in', signUp: '/sign-up', afterSignIn: '/', afterSignUp: '/', home: '/', waitlist: '/waitlist', userProfile: '/user' },
  };
}

/** Whether the server serves the hosted account pages: `accountPortal`, else only in development instances. */
export function accountPortalEnabled(c: Pick<ServerConfig, 'accountPortal' | 'instanceType'>): boolean {
  return c.accountPortal ?? c.instanceType === 'development';
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep-merge plain objects; arrays and scalars from `over` replace those in `base`. */
function merge<T>(base: T, over: unknown): T {
  if (!isObject(over) || !isObject(base)) return (over === undefined ? base : over) as T;
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? merge(out[k], v) : v;
  return out as T;
}

function intEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function boolEnv(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (['1', 'true', 'on'].includes(raw)) return true;
  if (['0', 'false', 'off'].includes(raw)) return false;
  throw new Error(`${name} must be 1/true/on or 0/false/off, got "${raw}"`);
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

/** Reads `clerk-wc.config.json` (or CLERK_WC_CONFIG) and the environment. Throws with a readable message on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  let config = defaultConfig();
  const file = env.CLERK_WC_CONFIG ?? resolve(cwd, 'clerk-wc.config.json');
  if (existsSync(file)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`Could not parse config file ${file}: ${(e as Error).message}`, { cause: e });
    }
    config = merge(config, parsed);
  } else if (env.CLERK_WC_CONFIG) {
    throw new Error(`Config file ${file} (CLERK_WC_CONFIG) does not exist`);
  }
  const port = intEnv(env, 'PORT');
  if (port !== undefined) config.port = port;
  if (env.HOST) config.host = env.HOST;
  if (env.PUBLIC_URL) config.publicUrl = env.PUBLIC_URL.replace(/\/+$/, '');
  if (env.DATABASE_URL) config.databaseUrl = env.DATABASE_URL;
  if (env.CLERK_WC_DATA_DIR) config.dataDir = env.CLERK_WC_DATA_DIR;
  if (env.SMTP_URL) config.smtpUrl = env.SMTP_URL;
  if (env.MAIL_FROM) config.mailFrom = env.MAIL_FROM;
  if (env.ALLOWED_ORIGINS)
    config.allowedOrigins = env.ALLOWED_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (env.TRUSTED_PROXIES !== undefined)
    config.trustedProxies = env.TRUSTED_PROXIES.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  config.signUpMode = oneOf('SIGN_UP_MODE', env.SIGN_UP_MODE, SIGN_UP_MODES) ?? config.signUpMode;
  config.instanceType = oneOf('INSTANCE_TYPE', env.INSTANCE_TYPE, INSTANCE_TYPES) ?? config.instanceType;
  if (env.MAIL_LOG === '0') config.logMail = false;
  if (env.STATIC_DIR) config.staticDir = env.STATIC_DIR;
  config.accountPortal = boolEnv(env, 'ACCOUNT_PORTAL') ?? config.accountPortal;
  config.singleSessionMode = boolEnv(env, 'SINGLE_SESSION_MODE') ?? config.singleSessionMode;
  const lockMax = intEnv(env, 'LOCKOUT_MAX_ATTEMPTS');
  if (lockMax !== undefined) config.lockout.maxAttempts = lockMax;
  const lockMin = intEnv(env, 'LOCKOUT_DURATION_MINUTES');
  if (lockMin !== undefined) config.lockout.durationMinutes = lockMin;
  const rlMax = intEnv(env, 'RATE_LIMIT_MAX');
  if (rlMax !== undefined) config.rateLimit.max = rlMax;
  const tokenLife = intEnv(env, 'SESSION_TOKEN_LIFETIME');
  if (tokenLife !== undefined) config.session.tokenLifetimeSeconds = tokenLife;
  config.logLevel = oneOf('LOG_LEVEL', env.LOG_LEVEL, LOG_LEVELS) ?? config.logLevel;
  config.logFormat = oneOf('LOG_FORMAT', env.LOG_FORMAT, LOG_FORMATS) ?? config.logFormat;
  if (env.METRICS_TOKEN) config.metrics.token = env.METRICS_TOKEN;
  const metricsPort = intEnv(env, 'METRICS_PORT');
  if (metricsPort !== undefined) config.metrics.port = metricsPort;
  const shutdown = intEnv(env, 'SHUTDOWN_TIMEOUT_SECONDS');
  if (shutdown !== undefined) config.shutdownTimeoutSeconds = shutdown;
  const keyRefresh = intEnv(env, 'KEY_REFRESH_SECONDS');
  if (keyRefresh !== undefined) config.keyRefreshSeconds = keyRefresh;
  if (env.CLERK_SECRET_KEY) config.secretKey = env.CLERK_SECRET_KEY;
  applyWebhookEnv(config, env);
  validate(config);
  return config;
}

function validate(c: ServerConfig): void {
  for (const [k, v] of Object.entries(c.attributes)) oneOf(`attributes.${k}`, v, ATTRIBUTE_STATES);
  oneOf('signUpMode', c.signUpMode, SIGN_UP_MODES);
  oneOf('logLevel', c.logLevel, LOG_LEVELS);
  if (c.metrics.token !== undefined && (typeof c.metrics.token !== 'string' || c.metrics.token.length < 16))
    throw new Error('metrics.token must be a string of at least 16 characters');
  if (c.logFormat !== undefined) oneOf('logFormat', c.logFormat, LOG_FORMATS);
  if (c.accountPortal !== undefined && typeof c.accountPortal !== 'boolean')
    throw new Error(`accountPortal must be true or false, got ${JSON.stringify(c.accountPortal)}`);
  if (typeof c.singleSessionMode !== 'boolean') throw new Error(`singleSessionMode must be true or false, got ${JSON.stringify(c.singleSessionMode)}`);
  validateWebhooks(c);
  if (c.attributes.email_address === 'off' && c.attributes.username === 'off') throw new Error('Enable at least one identifier: email_address or username');
  if (c.password.minLength < 8 || c.password.maxLength < c.password.minLength) throw new Error('password.minLength must be >= 8 and <= password.maxLength');
  if (!Array.isArray(c.trustedProxies) || !c.trustedProxies.every((p) => typeof p === 'string'))
    throw new Error('trustedProxies must be a list of IP addresses or CIDRs');
  proxyTrust(c.trustedProxies); // throws with the malformed entry
  for (const o of c.allowedOrigins) {
    if (o !== new URL(o).origin) throw new Error(`allowedOrigins entry "${o}" must be an origin like https://app.example.com`);
  }
}
