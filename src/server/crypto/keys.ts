// RS256 signing keys: created once, stored in the database so every process signs with the same key.
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Db } from '../store/db.js';
import { newId } from './ids.js';

export interface PublicJwk {
  kty: 'RSA';
  kid: string;
  use: 'sig';
  alg: 'RS256';
  n: string;
  e: string;
}

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

/** Loads the active signing key, creating it on first start. Safe when several processes start at once. */
export async function loadSigningKey(db: Db): Promise<SigningKey> {
  let row = await db.selectFrom('signing_keys').selectAll().where('active', '=', 1).orderBy('created_at', 'desc').executeTakeFirst();
  if (!row) {
    const key = generate();
    await db
      .insertInto('signing_keys')
      .values({ kid: key.kid, private_pem: key.privatePem, public_jwk: JSON.stringify(key.jwk), active: 1, created_at: Date.now() })
      .execute();
    // Another process may have inserted its own key at the same moment: the oldest active one wins.
    row = await db.selectFrom('signing_keys').selectAll().where('active', '=', 1).orderBy('created_at', 'asc').orderBy('kid').executeTakeFirstOrThrow();
    if (row.kid !== key.kid) await db.deleteFrom('signing_keys').where('kid', '=', key.kid).execute();
  }
  return { kid: row.kid, privateKey: createPrivateKey(row.private_pem), jwk: JSON.parse(row.public_jwk) as PublicJwk };
}

/** Every public key that tokens may still be signed with (active and retired). */
export async function publicKeys(db: Db): Promise<PublicJwk[]> {
  const rows = await db.selectFrom('signing_keys').select(['public_jwk']).orderBy('created_at', 'desc').execute();
  return rows.map((r) => JSON.parse(r.public_jwk) as PublicJwk);
}

