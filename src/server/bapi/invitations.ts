// /v1/invitations (create, list, revoke) and /v1/waitlist_entries (list, invite).
import { Hono } from 'hono';
import { invitationJson, waitlistEntryBackendJson } from '../serialize/backend.js';
import { createInvitation, inviteWaitlistEntry, listInvitationPage, listWaitlistPage, revokeInvitation } from '../services/invitations.js';
import { INVITATION_ORDER_FIELDS, INVITATION_STATUSES } from '../store/invitations.js';
import { WAITLIST_ORDER_FIELDS, WAITLIST_STATUSES } from '../store/waitlist.js';
import { type BapiEnv, idParam, orderBy, pagination } from './respond.js';

export const invitationRoutes = new Hono<BapiEnv>();

invitationRoutes.post('/v1/invitations', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const input = {
    email_address: p.str('email_address', { required: true, max: 320 }),
    redirect_url: p.str('redirect_url', { max: 2048 }),
    public_metadata: p.object('public_metadata'),
    notify: p.bool('notify'),
    ignore_existing: p.bool('ignore_existing'),
    expires_in_days: p.int('expires_in_days', { min: 1, max: 365 }),
    template: p.oneOf('template_slug', ['invitation', 'waitlist_invitation'] as const),
  };
  p.rejectUnknown();
  const { invitation, url } = await createInvitation(ctx, input);
  return c.json(invitationJson(ctx, invitation, url));
});

invitationRoutes.get('/v1/invitations', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const status = p.oneOf('status', INVITATION_STATUSES);
  const query = p.str('query', { max: 320 });
  const paginated = p.bool('paginated') ?? false;
  const { limit, offset } = pagination(p);
  const order = orderBy(p, INVITATION_ORDER_FIELDS, '-created_at');
  p.rejectUnknown();
  const { rows, total } = await listInvitationPage(ctx, { status, query }, { limit, offset, order }, paginated);
  const data = rows.map((i) => invitationJson(ctx, i));
  if (!paginated) return c.json(data);
  return c.json({ data, total_count: total });
});

invitationRoutes.post('/v1/invitations/:id/revoke', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  p.rejectUnknown();
  return c.json(invitationJson(ctx, await revokeInvitation(ctx, idParam(c, 'id'))));
});

invitationRoutes.get('/v1/waitlist_entries', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const { limit, offset } = pagination(p);
  const query = p.str('query', { max: 320 });
  const status = p.oneOf('status', WAITLIST_STATUSES);
  const order = orderBy(p, WAITLIST_ORDER_FIELDS, '-created_at');
  p.rejectUnknown();
  const { rows, invitations, total } = await listWaitlistPage(ctx, { status, query }, { limit, offset, order });
  return c.json({
    data: rows.map((e) => waitlistEntryBackendJson(ctx, e, e.invitation_id ? invitations.get(e.invitation_id) : undefined)),
    total_count: total,
  });
});

invitationRoutes.post('/v1/waitlist_entries/:id/invite', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const ignoreExisting = p.bool('ignore_existing');
  p.rejectUnknown();
  const { entry, invitation } = await inviteWaitlistEntry(ctx, idParam(c, 'id'), ignoreExisting);
  return c.json(waitlistEntryBackendJson(ctx, entry, invitation));
});
