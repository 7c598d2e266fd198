// /v1/me: the signed-in user's account.
import { Hono } from 'hono';
import { Errors } from '../errors.js';
import { emailJson, imageJson, userJson } from '../serialize/user.js';
import { sessionActivityJson } from '../serialize/activity.js';
import { sessionJson } from '../serialize/client.js';
import { addEmail, attemptEmail, changePassword, deleteUser, ownEmail, prepareEmail, removeEmail, requireUser, updateProfile } from '../services/me.js';
import { removeProfileImage, setProfileImage } from '../services/profile-images.js';
import { endSessions, isLive, userSession, userSessions } from '../services/sessions.js';
import { loadUser } from '../services/users.js';
import { bool, file, ignored, object, oneOf, route, str } from '../http/params.js';
import type { Call } from '../http/call.js';
import { type AppEnv, envelope, meSession, pathId } from './respond.js';

export const meRoutes = new Hono<AppEnv>();

/** What each /v1/me route accepts, keyed by method and path (checked against the spec by test/server/params-spec.test.ts). */
export const ME_PARAMS = {
  'GET /v1/me': route({}, { tolerates: 'reads' }),
  'PATCH /v1/me': route({
    first_name: str({ max: 256 }),
    last_name: str({ max: 256 }),
    username: str({ max: 256 }),
    primary_email_address_id: str({ max: 64 }),
    // Clerk moved it to PATCH /v1/me/metadata; clerk-js's user.update() still sends it here.
    unsafe_metadata: object({ extension: 'clerkjs' }),
  }),
  'DELETE /v1/me': route({}, { tolerates: 'lenient' }),
  'POST /v1/me/change_password': route({
    current_password: str({ max: 1024 }),
    new_password: str({ required: true, max: 1024 }),
    sign_out_of_other_sessions: bool(),
  }),
  'GET /v1/me/email_addresses': route({}, { tolerates: 'reads' }),
  'POST /v1/me/email_addresses': route({ email_address: str({ required: true, max: 320 }) }),
  'GET /v1/me/email_addresses/:id': route({}, { tolerates: 'reads' }),
  'POST /v1/me/email_addresses/:id/prepare_verification': route({
    strategy: oneOf(['email_code'] as const, { required: true }),
    redirect_url: ignored('redirects'),
  }),
  'POST /v1/me/email_addresses/:id/attempt_verification': route({
    code: str({ required: true, max: 16 }),
    // clerk-js sends the strategy along; only email_code exists.
    strategy: ignored('clerkjs', str({ max: 64 })),
  }),
  'DELETE /v1/me/email_addresses/:id': route({}, { tolerates: 'lenient' }),
  'GET /v1/me/sessions': route({}, { tolerates: 'reads' }),
  'GET /v1/me/sessions/active': route({}, { tolerates: 'reads' }),
  'POST /v1/me/sessions/:id/revoke': route({}),
  // multipart/form-data with a `file` part (clerk-js's File or Blob), or application/octet-stream (its base64 string).
  'POST /v1/me/profile_image': route({ file: file({ required: true }) }),
  'DELETE /v1/me/profile_image': route({}, { tolerates: 'lenient' }),
};
const P = ME_PARAMS;

async function me(call: Call) {
  const session = await meSession(call);
  return { session, me: await requireUser(call.ctx, session) };
}

async function userResponse(call: Call, id: string) {
  const u = await loadUser(call.ctx, id);
  if (!u) throw Errors.signedOut();
  return userJson(u.user, u.emails, call.ctx.now(), true, call.ctx.issuer);
}

meRoutes.get('/v1/me', async (c) => {
  const call = c.var.call;
  const { me: u } = await me(call);
  return envelope(c, userJson(u.user, u.emails, call.ctx.now(), true, call.ctx.issuer));
});

meRoutes.patch('/v1/me', async (c) => {
  const call = c.var.call;
  const { me: u } = await me(call);
  const patch = call.params.read(P['PATCH /v1/me']);
  await updateProfile(call.ctx, u, patch);
  return envelope(c, await userResponse(call, u.user.id));
});

meRoutes.delete('/v1/me', async (c) => {
  const call = c.var.call;
  const { me: u } = await me(call);
  await deleteUser(call.ctx, u);
  return envelope(c, { object: 'user', id: u.user.id, deleted: true });
});

meRoutes.post('/v1/me/change_password', async (c) => {
  const call = c.var.call;
  const { session, me: u } = await me(call);
  const { current_password, new_password, sign_out_of_other_sessions } = call.params.read(P['POST /v1/me/change_password']);
  await changePassword(call.ctx, u, session, { current: current_password, next: new_password, signOutOthers: sign_out_of_other_sessions });
  return envelope(c, await userResponse(call, u.user.id));
});

meRoutes.get('/v1/me/email_addresses', async (c) => {
  const { me: u } = await me(c.var.call);
  return c.json(u.emails.map((e) => emailJson(e)));
});

meRoutes.post('/v1/me/email_addresses', async (c) => {
  const call = c.var.call;
  const { me: u } = await me(call);
  const { email_address } = call.params.read(P['POST /v1/me/email_addresses']);
  const row = await addEmail(call.ctx, u, email_address);
  return envelope(c, emailJson(row));
});

meRoutes.get('/v1/me/email_addresses/:id', async (c) => {
  const { me: u } = await me(c.var.call);
  return envelope(c, emailJson(ownEmail(u, pathId(c, 'id'))));
});

meRoutes.post('/v1/me/email_addresses/:id/prepare_verification', async (c) => {
  const call = c.var.call;
  const { me: u } = await me(call);
  call.params.read(P['POST /v1/me/email_addresses/:id/prepare_verification']);
  const e = ownEmail(u, pathId(c, 'id'));
  const pending = await prepareEmail(call.ctx, e);
  return envelope(c, emailJson(e, { attempts: pending.attempts ?? 0, expire_at: pending.expire_at ?? 0 }));
});

meRoutes.post('/v1/me/email_addresses/:id/attempt_verification', async (c) => {
  const call = c.var.call;
  const { me: u } = await me(call);
  const { code } = call.params.read(P['POST /v1/me/email_addresses/:id/attempt_verification']);
  const e = ownEmail(u, pathId(c, 'id'));
  await attemptEmail(call.ctx, e, code);
  const fresh = await loadUser(call.ctx, u.user.id);
  return envelope(c, emailJson(ownEmail(fresh!, e.id)));
});

meRoutes.delete('/v1/me/email_addresses/:id', async (c) => {
  const call = c.var.call;
  const { me: u } = await me(call);
  const e = ownEmail(u, pathId(c, 'id'));
  await removeEmail(call.ctx, u, e);
  return envelope(c, { object: 'email_address', id: e.id, deleted: true });
});

async function userSessionsJson(call: Call, onlyLive: boolean) {
  const { me: u } = await me(call);
  const rows = await userSessions(call.ctx, u.user.id, onlyLive);
  return rows.map((s) => {
    const json = sessionJson(call.ctx, s, u, call.origin);
    const { last_active_token: _token, ...rest } = json;
    // Other devices' tokens never leave the server; latest_activity describes each session's device.
    return { ...(s.client_id === call.client?.id ? json : rest), latest_activity: sessionActivityJson(s) };
  });
}

meRoutes.get('/v1/me/sessions', async (c) => c.json(await userSessionsJson(c.var.call, false)));
meRoutes.get('/v1/me/sessions/active', async (c) => c.json(await userSessionsJson(c.var.call, true)));

meRoutes.post('/v1/me/sessions/:id/revoke', async (c) => {
  const call = c.var.call;
  const { me: u } = await me(call);
  call.params.read(P['POST /v1/me/sessions/:id/revoke']);
  const s = await userSession(call.ctx, u.user.id, pathId(c, 'id'));
  if (isLive(call.ctx, s)) await endSessions(call.ctx, [s.id], 'revoked');
  const fresh = await userSession(call.ctx, u.user.id, s.id);
  return envelope(c, sessionJson(call.ctx, fresh, u, call.origin));
});

meRoutes.post('/v1/me/profile_image', async (c) => {
  const call = c.var.call;
  // The caller first: only a signed-in user's upload is read.
  const { me: u } = await me(call);
  await c.var.upload();
  const { file: upload } = call.params.read(P['POST /v1/me/profile_image']);
  const image = await setProfileImage(call.ctx, u, upload);
  return envelope(c, imageJson(call.ctx.issuer, image));
});

meRoutes.delete('/v1/me/profile_image', async (c) => {
  const call = c.var.call;
  const { me: u } = await me(call);
  const id = await removeProfileImage(call.ctx, u);
  return envelope(c, { object: 'image', id, deleted: true });
});
