// Session JWTs: the hot path. One signature, no database write.
import { signJwt } from '../crypto/jwt.js';
import type { ServerContext } from '../context.js';

export interface TokenSubject {
  id: string;
  user_id: string;
  first_factor_at: number;
}

/** Mints a session token (RS256, `kid`, 60 s by default) for an active session. */
export function mintSessionToken(ctx: ServerContext, session: TokenSubject, azp: string | undefined): string {
  const now = ctx.now();
  const iat = Math.floor(now / 1000);
  const fvaMinutes = Math.max(0, Math.floor((now - session.first_factor_at) / 60_000));
  return signJwt(ctx.key, {
    iss: ctx.issuer,
    sub: session.user_id,
    sid: session.id,
    ...(azp ? { azp } : {}),
    iat,
    nbf: iat - 10,
    exp: iat + ctx.config.session.tokenLifetimeSeconds,
    v: 2,
    fva: [fvaMinutes, -1],
  });
}
