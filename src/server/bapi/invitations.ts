// /v1/invitations (create, list, revoke) and /v1/waitlist_entries (list, invite).
import { Hono } from 'hono';
import { sql } from 'kysely';
import { invitationJson, waitlistEntryBackendJson } from '../serialize/backend.js';
import { createInvitation, inviteWaitlistEntry, revokeInvitation } from '../services/invitations.js';
import { containsPattern } from '../services/user-admin.js';
import { type BapiEnv, idParam, orderBy, pagination } from './respond.js';

export const invitationRoutes = new Hono<BapiEnv>();

const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
const WAITLIST_STATUSES = ['pending', 'invited', 'completed', 'rejected'] as const;

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
  const order = orderBy(p, ['created_at', 'email_address', 'expires_at'] as const, '-created_at');
  p.rejectUnknown();
  const now = ctx.now();
  let q = ctx.db.selectFrom('invitations');
  if (status === 'expired') q = q.where('status', '=', 'pending').where('expires_at', '<=', now);
  else if (status === 'pending') q = q.where('status', '=', 'pending').where('expires_at', '>', now);
  else if (status) q = q.where('status', '=', status);
  if (query) q = q.where(sql<boolean>`email_lower like ${containsPattern(query)} escape '\\'`);
  const field = order.field === 'email_address' ? 'email_lower' : order.field;
  const rows = await q.selectAll().orderBy(field, order.direction).orderBy('id', order.direction).limit(limit).offset(offset).execute();
  const data = rows.map((i) => invitationJson(ctx, i));
  if (!paginated) return c.json(data);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return c.json({ data, total_count: Number(total?.n ?? 0) });
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
  const order = orderBy(p, ['created_at', 'email_address'] as const, '-created_at');
  p.rejectUnknown();
  let q = ctx.db.selectFrom('waitlist_entries');
  if (status) q = q.where('status', '=', status);
  if (query) {
    const pattern = containsPattern(query);
    q = q.where((eb) => eb.or([sql<boolean>`email_lower like ${pattern} escape '\\'`, sql<boolean>`lower(id) like ${pattern} escape '\\'`]));
  }
  const field = order.field === 'email_address' ? 'email_lower' : order.field;
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy(field, order.direction).orderBy('id', order.direction).limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  const ids = rows.map((r) => r.invitation_id).filter((x): x is string => x !== null);
  const invitations = ids.length > 0 ? await ctx.db.selectFrom('invitations').selectAll().where('id', 'in', ids).execute() : [];
  const byId = new Map(invitations.map((i) => [i.id, i]));
  return c.json({
    data: rows.map((e) => waitlistEntryBackendJson(ctx, e, e.invitation_id ? byId.get(e.invitation_id) : undefined)),
    total_count: Number(total?.n ?? 0),
  });
});

invitationRoutes.post('/v1/waitlist_entries/:id/invite', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const ignoreExisting = p.bool('ignore_existing');
  p.rejectUnknown();
  const { entry, invitation } = await inviteWaitlistEntry(ctx, idParam(c, 'id'), ignoreExisting);
  return c.json(waitlistEntryBackendJson(ctx, entry, invitation));
});
