// Password hashing (argon2id) and the common-password list.
import { hash, verify } from '@node-rs/argon2';

// algorithm 2 is Argon2id (a const enum in the package's types, unusable under isolatedModules).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// A real hash of a random password, so unknown users cost the same time as known ones.
let dummy: Promise<string> | undefined;
/** Spends one verification's time, for identifiers that have no password. */
export async function burnVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword(`dummy-${Math.random()}`);
  await verifyPassword(await dummy, password);
}

let common: Promise<Set<string>> | undefined;
/**
 * True when the password is on zxcvbn's published list of the most common passwords
 * (about 49,000 entries from leaked corpora); OWASP ASVS 6.2.4 asks for at least the top 3,000.
 */
export async function isCommonPassword(password: string): Promise<boolean> {
  common ??= import('@zxcvbn-ts/language-common').then((m) => new Set<string>(m.dictionary['passwords-common'] as string[]));
  return (await common).has(password.toLowerCase());
}
