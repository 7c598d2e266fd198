// /v1/invitations (create, list, revoke) and /v1/waitlist_entries (list, invite).
import { Hono } from 'hono';
import { bool, int, object, oneOf, route, str } from '../http/params.js';
import { invitationJson, waitlistEntryBackendJson } from '../serialize/backend.js';
import { createInvitation, inviteWaitlistEntry, listInvitationPage, listWaitlistPage, revokeInvitation } from '../services/invitations.js';
import { INVITATION_ORDER_FIELDS, INVITATION_STATUSES } from '../store/invitations.js';
import { WAITLIST_ORDER_FIELDS, WAITLIST_STATUSES } from '../store/waitlist.js';
import { type BapiEnv, idParam, orderBy, PAGINATION } from './respond.js';

export const invitationRoutes = new Hono<BapiEnv>();

/** What each /v1/invitations and /v1/waitlist_entries route accepts (checked by test/server/params-spec.test.ts). */
export const INVITATION_PARAMS = {
  'POST /v1/invitations': route({
    email_address: str({ required: true, max: 320 }),
    redirect_url: str({ max: 2048 }),
    public_metadata: object(),
    notify: bool(),
    ignore_existing: bool(),
    expires_in_days: int({ min: 1, max: 365 }),
    template_slug: oneOf(['invitation', 'waitlist_invitation'] as const),
  }),
  'GET /v1/invitations': route({
    status: oneOf(INVITATION_STATUSES),
    query: str({ max: 320 }),
    paginated: bool(),
    ...PAGINATION,
    order_by: orderBy(INVITATION_ORDER_FIELDS, '-created_at'),
  }),
  'POST /v1/invitations/:id/revoke': route({}),
  'GET /v1/waitlist_entries': route({
    ...PAGINATION,
    query: str({ max: 320 }),
    status: oneOf(WAITLIST_STATUSES),
    order_by: orderBy(WAITLIST_ORDER_FIELDS, '-created_at'),
  }),
  'POST /v1/waitlist_entries/:id/invite': route({ ignore_existing: bool() }),
};
const P = INVITATION_PARAMS;

invitationRoutes.post('/v1/invitations', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const { template_slug: template, ...fields } = p.read(P['POST /v1/invitations']);
  const input = { ...fields, template };
  const { invitation, url } = await createInvitation(ctx, input);
  return c.json(invitationJson(ctx, invitation, url));
});

invitationRoutes.get('/v1/invitations', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const { status, query, limit, offset, order_by: order, ...rest } = p.read(P['GET /v1/invitations']);
  const paginated = rest.paginated ?? false;
  const { rows, total } = await listInvitationPage(ctx, { status, query }, { limit, offset, order }, paginated);
  const data = rows.map((i) => invitationJson(ctx, i));
  if (!paginated) return c.json(data);
  return c.json({ data, total_count: total });
});

invitationRoutes.post('/v1/invitations/:id/revoke', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  p.read(P['POST /v1/invitations/:id/revoke']);
  return c.json(invitationJson(ctx, await revokeInvitation(ctx, idParam(c, 'id'))));
});

invitationRoutes.get('/v1/waitlist_entries', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const { limit, offset, query, status, order_by: order } = p.read(P['GET /v1/waitlist_entries']);
  const { rows, invitations, total } = await listWaitlistPage(ctx, { status, query }, { limit, offset, order });
  return c.json({
    data: rows.map((e) => waitlistEntryBackendJson(ctx, e, e.invitation_id ? invitations.get(e.invitation_id) : undefined)),
    total_count: total,
  });
});

invitationRoutes.post('/v1/waitlist_entries/:id/invite', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const { ignore_existing } = p.read(P['POST /v1/waitlist_entries/:id/invite']);
  const { entry, invitation } = await inviteWaitlistEntry(ctx, idParam(c, 'id'), ignore_existing);
  return c.json(waitlistEntryBackendJson(ctx, entry, invitation));
});
