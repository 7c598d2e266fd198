// RS256 signing keys, stored in the database so every process signs with the same key.
//
// Rotation: `rotateSigningKey` (CLI: `clerk-wc-server rotate-key`) inserts a new active key and retires the
// others. Retired keys stay in the table and in the JWKS, so tokens they signed keep verifying until they
// expire. Running servers switch to the new key within KEY_REFRESH_SECONDS or on SIGHUP (see index.ts).
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { PublicJwk } from '../../types/index.js';
import type { Db } from '../store/db.js';
import {
  deleteSigningKey,
  findSigningKey,
  insertSigningKey,
  newestActiveKid,
  newestActiveSigningKey,
  oldestActiveSigningKey,
  oldestSigningKeyRow,
  publicJwkTexts,
  replaceActiveSigningKey,
} from '../store/keys.js';
import { newId } from './ids.js';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwk: PublicJwk;
}

function generate(): { kid: string; privatePem: string; jwk: PublicJwk } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = newId('ins').replace('ins_', 'kid_');
  const { n, e } = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return { kid, privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), jwk: { kty: 'RSA', kid, use: 'sig', alg: 'RS256', n, e } };
}

type KeyRow = { kid: string; private_pem: string; public_jwk: string };

function fromRow(row: KeyRow): SigningKey {
  return { kid: row.kid, privateKey: createPrivateKey(row.private_pem), jwk: JSON.parse(row.public_jwk) as PublicJwk };
}

/** Loads the active signing key, creating it on first start. Safe when several processes start at once. */
export async function loadSigningKey(db: Db): Promise<SigningKey> {
  let row = await newestActiveSigningKey(db);
  if (!row) {
    const key = generate();
    await insertSigningKey(db, { kid: key.kid, private_pem: key.privatePem, public_jwk: JSON.stringify(key.jwk), active: 1, created_at: Date.now() });
    // Another process may have inserted its own key at the same moment: the oldest active one wins.
    row = await oldestActiveSigningKey(db);
    if (row.kid !== key.kid) await deleteSigningKey(db, key.kid);
  }
  return fromRow(row);
}

/**
 * The active key as the database has it now: `current` itself when it is still the active one (one indexed
 * read of the kid, no key parsing), else the newer key. Used by the periodic refresh and SIGHUP.
 */
export async function refreshSigningKey(db: Db, current: SigningKey): Promise<SigningKey> {
  const head = await newestActiveKid(db);
  if (!head || head === current.kid) return current;
  const row = await findSigningKey(db, head);
  return row ? fromRow(row) : current;
}

/** Makes a new key the active one and retires the others (which stay in the JWKS). Returns the new key. */
export async function rotateSigningKey(db: Db): Promise<SigningKey> {
  const key = generate();
  await replaceActiveSigningKey(db, { kid: key.kid, private_pem: key.privatePem, public_jwk: JSON.stringify(key.jwk) }, Date.now());
  return { kid: key.kid, privateKey: createPrivateKey(key.privatePem), jwk: key.jwk };
}

/**
 * The first key this store ever had. Verification-code hashes are peppered with it rather than with the
 * active key, so a rotation (or a restart after one) does not invalidate codes already mailed.
 */
export async function oldestSigningKey(db: Db): Promise<SigningKey> {
  return fromRow(await oldestSigningKeyRow(db));
}

/** Every public key that tokens may still be signed with (active and retired). */
export async function publicKeys(db: Db): Promise<PublicJwk[]> {
  return (await publicJwkTexts(db)).map((text) => JSON.parse(text) as PublicJwk);
}
