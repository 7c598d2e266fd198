// /v1/sessions (list, revoke) and /v1/jwks.
import { Hono } from 'hono';
import { publicKeys } from '../crypto/keys.js';
import { Errors } from '../http/errors.js';
import { LIVE_SESSION } from '../serialize/client.js';
import { backendSessionJson } from '../serialize/backend.js';
import { endSessions, isLive } from '../services/sessions.js';
import { type BapiEnv, idParam, pagination } from './respond.js';

export const sessionRoutes = new Hono<BapiEnv>();

export const SESSION_STATUSES = ['abandoned', 'active', 'ended', 'expired', 'removed', 'replaced', 'revoked'] as const;

sessionRoutes.get('/v1/sessions', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const userId = p.str('user_id', { max: 64 });
  const clientId = p.str('client_id', { max: 64 });
  const status = p.oneOf('status', SESSION_STATUSES);
  const paginated = p.bool('paginated') ?? false;
  const { limit, offset } = pagination(p);
  p.rejectUnknown();
  const now = ctx.now();
  let q = ctx.db.selectFrom('sessions');
  if (userId) q = q.where('user_id', '=', userId);
  if (clientId) q = q.where('client_id', '=', clientId);
  // Expired and abandoned are states in time, not stored: a stored `active` row past its deadlines.
  if (status === 'active') q = q.where('status', '=', LIVE_SESSION).where('expire_at', '>', now).where('abandon_at', '>', now);
  else if (status === 'expired') q = q.where('status', '=', LIVE_SESSION).where('expire_at', '<=', now);
  else if (status === 'abandoned') q = q.where('status', '=', LIVE_SESSION).where('expire_at', '>', now).where('abandon_at', '<=', now);
  else if (status) q = q.where('status', '=', status);
  const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
  const data = rows.map((s) => backendSessionJson(ctx, s));
  if (!paginated) return c.json(data);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return c.json({ data, total_count: Number(total?.n ?? 0) });
});

sessionRoutes.get('/v1/sessions/:id', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  p.rejectUnknown();
  const s = await ctx.db.selectFrom('sessions').selectAll().where('id', '=', idParam(c, 'id')).executeTakeFirst();
  if (!s) throw Errors.notFound('session');
  return c.json(backendSessionJson(ctx, s));
});

sessionRoutes.post('/v1/sessions/:id/revoke', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  p.rejectUnknown();
  const id = idParam(c, 'id');
  const s = await ctx.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) throw Errors.notFound('session');
  // The session's token keeps verifying offline until it expires (60 s by default); the session can mint no more.
  if (isLive(ctx, s)) await endSessions(ctx, [s.id], 'revoked');
  const fresh = await ctx.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return c.json(backendSessionJson(ctx, fresh));
});

sessionRoutes.get('/v1/jwks', async (c) => {
  c.var.bapi.params.rejectUnknown();
  return c.json({ keys: await publicKeys(c.var.bapi.ctx.db) });
});
