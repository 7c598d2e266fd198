// Session JWTs: the hot path. One signature, no database write.
import type { SessionClaims } from '../../types/index.js';
import { signJwt, signJwtAsync } from '../crypto/jwt.js';
import type { ServerContext } from '../context.js';
import { sha256 } from '../crypto/ids.js';
import { findLiveSessionForToken } from '../store/sessions.js';
import { tokenMints } from '../metrics.js';

export interface TokenSubject {
  id: string;
  user_id: string;
  first_factor_at: number;
}

function claims(ctx: ServerContext, session: TokenSubject, azp: string | undefined): SessionClaims {
  const now = ctx.now();
  const iat = Math.floor(now / 1000);
  const fvaMinutes = Math.max(0, Math.floor((now - session.first_factor_at) / 60_000));
  return {
    iss: ctx.issuer,
    sub: session.user_id,
    sid: session.id,
    ...(azp ? { azp } : {}),
    iat,
    nbf: iat - 10,
    exp: iat + ctx.config.session.tokenLifetimeSeconds,
    v: 2,
    fva: [fvaMinutes, -1],
  };
}

/** Mints a session token (RS256, `kid`, 60 s by default) for an active session. */
export function mintSessionToken(ctx: ServerContext, session: TokenSubject, azp: string | undefined): string {
  tokenMints.inc();
  return signJwt(ctx.key, claims(ctx, session, azp));
}

/** The same token, signed off the event loop: for the token endpoint, the hot path. */
export function mintSessionTokenAsync(ctx: ServerContext, session: TokenSubject, azp: string | undefined): Promise<string> {
  tokenMints.inc();
  return signJwtAsync(ctx.key, claims(ctx, session, azp));
}

/**
 * The live session `sessionId` of the client holding `clientToken`, in one indexed read
 * (sessions by primary key joined to clients by token hash). Undefined when there is none.
 */
export function liveSessionForToken(ctx: ServerContext, clientToken: string, sessionId: string): Promise<TokenSubject | undefined> {
  return findLiveSessionForToken(ctx.db, sha256(clientToken), sessionId, ctx.now());
}
