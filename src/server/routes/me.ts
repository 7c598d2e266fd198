// /v1/me: the signed-in user's account.
import { Hono } from 'hono';
import { Errors } from '../http/errors.js';
import { emailJson, userJson } from '../serialize/user.js';
import { LIVE_SESSION, sessionJson } from '../serialize/client.js';
import { addEmail, attemptEmail, changePassword, deleteUser, ownEmail, prepareEmail, removeEmail, requireUser, updateProfile } from '../services/me.js';
import { endSessions, isLive } from '../services/sessions.js';
import { loadUser } from '../services/users.js';
import type { Call } from '../http/call.js';
import { type AppEnv, envelope, meSession, pathId } from './respond.js';

export const meRoutes = new Hono<AppEnv>();

async function me(call: Call) {
  const session = await meSession(call);
  return { session, me: await requireUser(call.ctx, session) };
}

async function userResponse(call: Call, id: string) {
  const u = await loadUser(call.ctx, id);
  if (!u) throw Errors.signedOut();
  return userJson(u.user, u.emails, call.ctx.now(), true);
}

meRoutes.get('/v1/me', async (c) => {
  const call = c.env.call;
  const { me: u } = await me(call);
  return envelope(c, userJson(u.user, u.emails, call.ctx.now(), true));
});

meRoutes.patch('/v1/me', async (c) => {
  const call = c.env.call;
  const { me: u } = await me(call);
  const p = call.params;
  const patch = {
    first_name: p.str('first_name', { max: 256 }),
    last_name: p.str('last_name', { max: 256 }),
    username: p.str('username', { max: 256 }),
    primary_email_address_id: p.str('primary_email_address_id', { max: 64 }),
    unsafe_metadata: p.object('unsafe_metadata'),
  };
  p.rejectUnknown();
  await updateProfile(call.ctx, u, patch);
  return envelope(c, await userResponse(call, u.user.id));
});

meRoutes.delete('/v1/me', async (c) => {
  const call = c.env.call;
  const { me: u } = await me(call);
  await deleteUser(call.ctx, u);
  return envelope(c, { object: 'user', id: u.user.id, deleted: true });
});

meRoutes.post('/v1/me/change_password', async (c) => {
  const call = c.env.call;
  const { session, me: u } = await me(call);
  const p = call.params;
  const input = {
    current: p.str('current_password', { max: 1024 }),
    next: p.str('new_password', { required: true, max: 1024 }),
    signOutOthers: p.bool('sign_out_of_other_sessions'),
  };
  p.rejectUnknown();
  await changePassword(call.ctx, u, session, input);
  return envelope(c, await userResponse(call, u.user.id));
});

meRoutes.get('/v1/me/email_addresses', async (c) => {
  const { me: u } = await me(c.env.call);
  return c.json(u.emails.map((e) => emailJson(e)));
});

meRoutes.post('/v1/me/email_addresses', async (c) => {
  const call = c.env.call;
  const { me: u } = await me(call);
  const address = call.params.str('email_address', { required: true, max: 320 });
  call.params.rejectUnknown();
  const row = await addEmail(call.ctx, u, address);
  return envelope(c, emailJson(row));
});

meRoutes.get('/v1/me/email_addresses/:id', async (c) => {
  const { me: u } = await me(c.env.call);
  return envelope(c, emailJson(ownEmail(u, pathId(c, 'id'))));
});

meRoutes.post('/v1/me/email_addresses/:id/prepare_verification', async (c) => {
  const call = c.env.call;
  const { me: u } = await me(call);
  call.params.oneOf('strategy', ['email_code'] as const, { required: true });
  call.params.str('redirect_url');
  call.params.rejectUnknown();
  const e = ownEmail(u, pathId(c, 'id'));
  const pending = await prepareEmail(call.ctx, e);
  return envelope(c, emailJson(e, { attempts: pending.attempts ?? 0, expire_at: pending.expire_at ?? 0 }));
});

meRoutes.post('/v1/me/email_addresses/:id/attempt_verification', async (c) => {
  const call = c.env.call;
  const { me: u } = await me(call);
  const code = call.params.str('code', { required: true, max: 16 });
  call.params.str('strategy', { max: 64 });
  call.params.rejectUnknown();
  const e = ownEmail(u, pathId(c, 'id'));
  await attemptEmail(call.ctx, e, code);
  const fresh = await loadUser(call.ctx, u.user.id);
  return envelope(c, emailJson(ownEmail(fresh!, e.id)));
});

meRoutes.delete('/v1/me/email_addresses/:id', async (c) => {
  const call = c.env.call;
  const { me: u } = await me(call);
  const e = ownEmail(u, pathId(c, 'id'));
  await removeEmail(call.ctx, u, e);
  return envelope(c, { object: 'email_address', id: e.id, deleted: true });
});

async function userSessions(call: Call, onlyLive: boolean) {
  const { me: u } = await me(call);
  let q = call.ctx.db.selectFrom('sessions').selectAll().where('user_id', '=', u.user.id);
  if (onlyLive) q = q.where('status', '=', LIVE_SESSION).where('expire_at', '>', call.ctx.now());
  const rows = await q.orderBy('created_at', 'desc').limit(100).execute();
  return rows.map((s) => {
    const json = sessionJson(call.ctx, s, u, call.origin);
    const { last_active_token: _token, ...rest } = json;
    // Other devices' tokens never leave the server; latest_activity describes the device.
    return s.client_id === call.client?.id ? json : { ...rest, latest_activity: { id: `sess_activity_${s.id.slice(5)}`, object: 'session_activity', is_mobile: false } };
  });
}

meRoutes.get('/v1/me/sessions', async (c) => c.json(await userSessions(c.env.call, false)));
meRoutes.get('/v1/me/sessions/active', async (c) => c.json(await userSessions(c.env.call, true)));

meRoutes.post('/v1/me/sessions/:id/revoke', async (c) => {
  const call = c.env.call;
  const { me: u } = await me(call);
  call.params.rejectUnknown();
  const s = await call.ctx.db.selectFrom('sessions').selectAll().where('id', '=', pathId(c, 'id')).where('user_id', '=', u.user.id).executeTakeFirst();
  if (!s) throw Errors.notFound('session');
  if (isLive(call.ctx, s)) await endSessions(call.ctx, [s.id], 'revoked');
  const fresh = await call.ctx.db.selectFrom('sessions').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow();
  return envelope(c, sessionJson(call.ctx, fresh, u, call.origin));
});
