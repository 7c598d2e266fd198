// /v1/sessions (list, revoke) and /v1/jwks.
import { Hono } from 'hono';
import { publicKeys } from '../crypto/keys.js';
import { backendSessionJson } from '../serialize/backend.js';
import { endSessions, findSession, isLive, listSessionPage } from '../services/sessions.js';
import { SESSION_STATUSES } from '../store/sessions.js';
import { type BapiEnv, idParam, pagination } from './respond.js';

export const sessionRoutes = new Hono<BapiEnv>();

sessionRoutes.get('/v1/sessions', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const userId = p.str('user_id', { max: 64 });
  const clientId = p.str('client_id', { max: 64 });
  const status = p.oneOf('status', SESSION_STATUSES);
  const paginated = p.bool('paginated') ?? false;
  const { limit, offset } = pagination(p);
  p.rejectUnknown();
  const { rows, total } = await listSessionPage(ctx, { user_id: userId, client_id: clientId, status }, { limit, offset }, paginated);
  const data = rows.map((s) => backendSessionJson(ctx, s));
  if (!paginated) return c.json(data);
  return c.json({ data, total_count: total });
});

sessionRoutes.get('/v1/sessions/:id', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  p.rejectUnknown();
  return c.json(backendSessionJson(ctx, await findSession(ctx, idParam(c, 'id'))));
});

sessionRoutes.post('/v1/sessions/:id/revoke', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  p.rejectUnknown();
  const id = idParam(c, 'id');
  const s = await findSession(ctx, id);
  // The session's token keeps verifying offline until it expires (60 s by default); the session can mint no more.
  if (isLive(ctx, s)) await endSessions(ctx, [s.id], 'revoked');
  return c.json(backendSessionJson(ctx, await findSession(ctx, id)));
});

sessionRoutes.get('/v1/jwks', async (c) => {
  c.var.bapi.params.rejectUnknown();
  return c.json({ keys: await publicKeys(c.var.bapi.ctx.db) });
});
