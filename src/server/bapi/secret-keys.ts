// Backend API secret keys (`sk_test_…`, `sk_live_…`): created on first start or taken from CLERK_SECRET_KEY.
// Only a SHA-256 of each key is stored; a presented key is compared with every stored hash in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InstanceType } from '../config.js';
import type { Db } from '../store/db.js';
import { newId } from '../crypto/ids.js';
import { isUniqueViolation } from '../store/db.js';
import { deleteSecretKeysExcept, firstSecretKey, insertSecretKey, secretKeyHashes } from '../store/keys.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Characters after the prefix: 40 base62 characters ≈ 238 bits. */
const KEY_LENGTH = 40;
/** A configured key must carry at least this many characters after its prefix. */
export const MIN_SECRET_LENGTH = 24;

export function secretKeyPrefix(type: InstanceType): 'sk_live_' | 'sk_test_' {
  return type === 'production' ? 'sk_live_' : 'sk_test_';
}

function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    // Rejection sampling keeps every character uniform (248 = 4 × 62).
    for (const b of randomBytes(length * 2)) if (b < 248 && out.length < length) out += ALPHABET[b % 62];
  }
  return out;
}

export function generateSecretKey(type: InstanceType): string {
  return `${secretKeyPrefix(type)}${randomBase62(KEY_LENGTH)}`;
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

/** `sk_test_…wxyz`: the prefix and last four characters. */
export function secretKeyHint(key: string): string {
  return `${key.slice(0, 8)}…${key.slice(-4)}`;
}

/** Throws a readable message when a configured key does not fit the instance. */
export function checkConfiguredSecretKey(key: string, type: InstanceType): void {
  const prefix = secretKeyPrefix(type);
  if (!key.startsWith(prefix)) throw new Error(`CLERK_SECRET_KEY must start with ${prefix} in a ${type} instance`);
  if (!/^[A-Za-z0-9_-]+$/.test(key.slice(prefix.length)) || key.length - prefix.length < MIN_SECRET_LENGTH) {
    throw new Error(`CLERK_SECRET_KEY must be ${prefix} followed by at least ${MIN_SECRET_LENGTH} letters, digits, "_" or "-"`);
  }
}

export interface SecretKeyState {
  /** The full key, only when this start created it: print it once. */
  created: string | undefined;
  /** A hint of the key in use, for the start-up banner. */
  hint: string;
  source: 'generated' | 'env';
}

/**
 * Makes the stored keys match the configuration. With `configured` (CLERK_SECRET_KEY) that key becomes the only
 * one; without it, a key is generated when the store has none. Safe when several processes start at once.
 */
export async function ensureSecretKey(db: Db, type: InstanceType, configured: string | undefined): Promise<SecretKeyState> {
  const now = Date.now();
  if (configured) {
    checkConfiguredSecretKey(configured, type);
    const hash = digest(configured).toString('base64url');
    try {
      await insertSecretKey(db, { id: newId('sk'), key_hash: hash, hint: secretKeyHint(configured), source: 'env', created_at: now });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
    // The configured key replaces any other: setting CLERK_SECRET_KEY is how a leaked key is retired.
    await deleteSecretKeysExcept(db, hash);
    return { created: undefined, hint: secretKeyHint(configured), source: 'env' };
  }
  const existing = await firstSecretKey(db);
  if (existing) return { created: undefined, hint: existing.hint, source: existing.source === 'env' ? 'env' : 'generated' };
  const key = generateSecretKey(type);
  // The fixed id makes concurrent first starts collide instead of creating two keys: one of them wins.
  try {
    await insertSecretKey(db, { id: 'sk_first', key_hash: digest(key).toString('base64url'), hint: secretKeyHint(key), source: 'generated', created_at: now });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const winner = await firstSecretKey(db);
    if (!winner) throw e;
    return { created: undefined, hint: winner.hint, source: 'generated' };
  }
  return { created: key, hint: secretKeyHint(key), source: 'generated' };
}

/** True when `presented` is one of the stored keys. Every stored hash is compared, each in constant time. */
export async function isSecretKey(db: Db, type: InstanceType, presented: string): Promise<boolean> {
  if (!presented.startsWith(secretKeyPrefix(type)) || presented.length > 200) return false;
  const candidate = digest(presented);
  let match = false;
  for (const hash of await secretKeyHashes(db)) {
    const stored = Buffer.from(hash, 'base64url');
    if (stored.length === candidate.length && timingSafeEqual(stored, candidate)) match = true;
  }
  return match;
}
