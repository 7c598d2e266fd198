// Random identifiers and secrets.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A Clerk-style id: `<prefix>_` plus 27 base62 characters (~160 bits). */
export function newId(prefix: string): string {
  const bytes = randomBytes(27);
  let out = '';
  // 256 % 62 leaves a tiny bias; ids need uniqueness, not uniformity.
  for (const b of bytes) out += ALPHABET[b % 62];
  return `${prefix}_${out}`;
}

/** An opaque bearer secret (client tokens). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** Six random digits, uniformly drawn. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Constant-time comparison of two strings of any length. */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}
