// Compact RS256 JWT signing with node:crypto (one signature, no extra allocations on the hot path).
import { sign } from 'node:crypto';
import type { SessionClaims } from '../../types/index.js';
import type { SigningKey } from './keys.js';

const b64 = (s: string) => Buffer.from(s).toString('base64url');

function signingInput(key: SigningKey, claims: SessionClaims): string {
  return `${b64(JSON.stringify({ alg: 'RS256', kid: key.kid, typ: 'JWT' }))}.${b64(JSON.stringify(claims))}`;
}

export function signJwt(key: SigningKey, claims: SessionClaims): string {
  const body = signingInput(key, claims);
  return `${body}.${sign('RSA-SHA256', Buffer.from(body), key.privateKey).toString('base64url')}`;
}

/** Signs on libuv's thread pool, so the event loop keeps serving requests while RSA runs. */
export function signJwtAsync(key: SigningKey, claims: SessionClaims): Promise<string> {
  const body = signingInput(key, claims);
  return new Promise((resolve, reject) => {
    sign('RSA-SHA256', Buffer.from(body), key.privateKey, (err, sig) => (err ? reject(err) : resolve(`${body}.${sig.toString('base64url')}`)));
  });
}
