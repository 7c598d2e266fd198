// /v1/sessions (list, revoke) and /v1/jwks.
import { Hono } from 'hono';
import { publicKeys } from '../crypto/keys.js';
import { bool, oneOf, route, str } from '../http/params.js';
import { backendSessionJson } from '../serialize/backend.js';
import { endSessions, findSession, isLive, listSessionPage } from '../services/sessions.js';
import { SESSION_STATUSES } from '../store/sessions.js';
import { type BapiEnv, idParam, PAGINATION } from './respond.js';

export const sessionRoutes = new Hono<BapiEnv>();

/** What each /v1/sessions and /v1/jwks route accepts, keyed by method and path (checked by test/server/params-spec.test.ts). */
export const SESSION_PARAMS = {
  'GET /v1/sessions': route({
    user_id: str({ max: 64 }),
    client_id: str({ max: 64 }),
    status: oneOf(SESSION_STATUSES),
    paginated: bool(),
    ...PAGINATION,
  }),
  'GET /v1/sessions/:id': route({}),
  'POST /v1/sessions/:id/revoke': route({}),
  'GET /v1/jwks': route({}),
};
const P = SESSION_PARAMS;

sessionRoutes.get('/v1/sessions', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const { limit, offset, ...filter } = p.read(P['GET /v1/sessions']);
  const paginated = filter.paginated ?? false;
  const { user_id, client_id, status } = filter;
  const { rows, total } = await listSessionPage(ctx, { user_id, client_id, status }, { limit, offset }, paginated);
  const data = rows.map((s) => backendSessionJson(ctx, s));
  if (!paginated) return c.json(data);
  return c.json({ data, total_count: total });
});

sessionRoutes.get('/v1/sessions/:id', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  p.read(P['GET /v1/sessions/:id']);
  return c.json(backendSessionJson(ctx, await findSession(ctx, idParam(c, 'id'))));
});

sessionRoutes.post('/v1/sessions/:id/revoke', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  p.read(P['POST /v1/sessions/:id/revoke']);
  const id = idParam(c, 'id');
  const s = await findSession(ctx, id);
  // The session's token keeps verifying offline until it expires (60 s by default); the session can mint no more.
  if (isLive(ctx, s)) await endSessions(ctx, [s.id], 'revoked');
  return c.json(backendSessionJson(ctx, await findSession(ctx, id)));
});

sessionRoutes.get('/v1/jwks', async (c) => {
  c.var.bapi.params.read(P['GET /v1/jwks']);
  return c.json({ keys: await publicKeys(c.var.bapi.ctx.db) });
});
