// Compact RS256 JWT signing with node:crypto (one signature, no extra allocations on the hot path).
import { sign } from 'node:crypto';
import type { SigningKey } from './keys.js';

export interface SessionClaims {
  iss: string;
  sub: string;
  sid: string;
  azp?: string;
  iat: number;
  nbf: number;
  exp: number;
  v: 2;
  fva: [number, number];
  [claim: string]: unknown;
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');

export function signJwt(key: SigningKey, claims: SessionClaims): string {
  const header = b64(JSON.stringify({ alg: 'RS256', kid: key.kid, typ: 'JWT' }));
  const body = `${header}.${b64(JSON.stringify(claims))}`;
  return `${body}.${sign('RSA-SHA256', Buffer.from(body), key.privateKey).toString('base64url')}`;
}
