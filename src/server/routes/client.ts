// /v1/client: the browser's Client, its sign-in and sign-up attempts and its sessions.
import { Hono } from 'hono';
import { ensureClient, rotateClientToken, updateClient } from '../http/call.js';
import { Errors } from '../http/errors.js';
import { LIVE_SESSION, sessionJson, signInJson, signUpJson } from '../serialize/client.js';
import { loadUser } from '../services/users.js';
import { clientSession, endSessions, isLive, signOutSession, touchSession } from '../services/sessions.js';
import { attemptFirstFactor, clientSignIn, createSignIn, identifySignIn, prepareFirstFactor, resetPassword, SIGN_IN_STRATEGIES } from '../services/sign-in.js';
import { attemptVerification, clientSignUp, createSignUp, prepareVerification, updateSignUp, type SignUpInput } from '../services/sign-up.js';
import { mintSessionToken } from '../services/tokens.js';
import type { Params } from '../http/params.js';
import type { Call } from '../http/call.js';
import type { SignInTable, SignUpTable } from '../store/schema.js';
import { type AppEnv, type ClientJson, type Ctx, currentClientJson, envelope, pathId } from './respond.js';

export const clientRoutes = new Hono<AppEnv>();

const signInResponse = async (call: Call, si: SignInTable) => signInJson(call.ctx, si, si.user_id ? await loadUser(call.ctx, si.user_id) : undefined);

async function endAllSessions(call: Call): Promise<void> {
  if (!call.client) return;
  const live = await call.ctx.db.selectFrom('sessions').select('id').where('client_id', '=', call.client.id).where('status', '=', LIVE_SESSION).execute();
  await endSessions(call.ctx, live.map((s) => s.id), 'ended');
  await updateClient(call, { last_active_session_id: null });
  await rotateClientToken(call);
}

clientRoutes.get('/v1/client', async (c) => {
  const client = await currentClientJson(c.env.call);
  return c.json({ response: client, client });
});

const newClient = async (c: Ctx) => {
  const call = c.env.call;
  call.params.rejectUnknown();
  call.client = undefined;
  await ensureClient(call);
  return envelope(c, (client: ClientJson) => client);
};
clientRoutes.put('/v1/client', newClient);
clientRoutes.post('/v1/client', newClient);

/** clerk-js in development instances keeps its client in a "dev browser" token passed as `__clerk_db_jwt`. */
clientRoutes.post('/v1/dev_browser', async (c) => {
  const call = c.env.call;
  if (call.ctx.config.instanceType !== 'development') throw Errors.notFound('dev browser');
  call.client = undefined;
  await ensureClient(call);
  const token = call.issuedToken;
  call.issuedToken = undefined;
  return c.json({ object: 'dev_browser', id: token, token });
});

clientRoutes.delete('/v1/client', async (c) => {
  const call = c.env.call;
  if (!call.client) throw Errors.notFound('client');
  await endAllSessions(call);
  const response = await currentClientJson(call);
  await call.ctx.db.deleteFrom('clients').where('id', '=', call.client.id).execute();
  call.client = undefined;
  call.issuedToken = null;
  return c.json({ response, client: null });
});

clientRoutes.delete('/v1/client/sessions', async (c) => {
  const call = c.env.call;
  if (!call.client) throw Errors.notFound('client');
  await endAllSessions(call);
  return envelope(c, (client: ClientJson) => client);
});

// Sign-ins

clientRoutes.post('/v1/client/sign_ins', async (c) => {
  const call = c.env.call;
  const p = call.params;
  const password = p.str('password', { max: 1024 });
  // Clerk infers the password strategy when a password comes without one (`signIn.create({ identifier, password })`).
  const input = { identifier: p.str('identifier', { max: 320 }), strategy: p.oneOf('strategy', SIGN_IN_STRATEGIES) ?? (password ? 'password' : undefined), password };
  p.bool('transfer');
  p.str('redirect_url');
  p.str('action_complete_redirect_url');
  p.rejectUnknown();
  const si = await createSignIn(call, input);
  return envelope(c, await signInResponse(call, si));
});

clientRoutes.get('/v1/client/sign_ins/:id', async (c) => {
  const call = c.env.call;
  const si = await clientSignIn(call, pathId(c, 'id'));
  return envelope(c, await signInResponse(call, si));
});

clientRoutes.post('/v1/client/sign_ins/:id', async (c) => {
  // clerk-js sends the identifier to an existing sign-in when it was created empty.
  const call = c.env.call;
  const identifier = call.params.str('identifier', { required: true, max: 320 });
  call.params.rejectUnknown();
  const si = await identifySignIn(call, await clientSignIn(call, pathId(c, 'id')), identifier);
  return envelope(c, await signInResponse(call, si));
});

clientRoutes.post('/v1/client/sign_ins/:id/prepare_first_factor', async (c) => {
  const call = c.env.call;
  const p = call.params;
  const strategy = p.oneOf('strategy', SIGN_IN_STRATEGIES, { required: true })!;
  const email_address_id = p.str('email_address_id', { max: 64 });
  p.str('redirect_url');
  p.rejectUnknown();
  const si = await prepareFirstFactor(call, await clientSignIn(call, pathId(c, 'id')), { strategy, email_address_id });
  return envelope(c, await signInResponse(call, si));
});

clientRoutes.post('/v1/client/sign_ins/:id/attempt_first_factor', async (c) => {
  const call = c.env.call;
  const p = call.params;
  const strategy = p.oneOf('strategy', SIGN_IN_STRATEGIES, { required: true })!;
  const password = p.str('password', { max: 1024 });
  const code = p.str('code', { max: 16 });
  p.rejectUnknown();
  const si = await attemptFirstFactor(call, await clientSignIn(call, pathId(c, 'id')), { strategy, password, code });
  return envelope(c, await signInResponse(call, si));
});

clientRoutes.post('/v1/client/sign_ins/:id/reset_password', async (c) => {
  const call = c.env.call;
  const p = call.params;
  const password = p.str('password', { required: true, max: 1024 });
  const signOutOfOtherSessions = p.bool('sign_out_of_other_sessions') ?? false;
  p.rejectUnknown();
  const si = await resetPassword(call, await clientSignIn(call, pathId(c, 'id')), { password, signOutOfOtherSessions });
  return envelope(c, await signInResponse(call, si));
});

// Sign-ups

function signUpInput(p: Params): SignUpInput {
  const input: SignUpInput = {
    email_address: p.str('email_address', { max: 320 }),
    username: p.str('username', { max: 256 }),
    first_name: p.str('first_name', { max: 256 }),
    last_name: p.str('last_name', { max: 256 }),
    password: p.str('password', { max: 1024 }),
    unsafe_metadata: p.object('unsafe_metadata'),
    legal_accepted: p.bool('legal_accepted'),
  };
  const strategy = p.str('strategy', { max: 64 });
  if (strategy !== undefined && strategy !== 'email_code' && strategy !== 'ticket') throw Errors.paramInvalid('strategy', 'must be email_code or ticket');
  // An invitation link's `__clerk_ticket`: it verifies the invited address (services/invitations.ts).
  if (strategy === 'ticket') input.ticket = p.str('ticket', { required: true, max: 200 });
  p.bool('transfer');
  p.str('redirect_url');
  p.str('action_complete_redirect_url');
  p.rejectUnknown();
  return input;
}

const signUpResponse = (call: Call, su: SignUpTable) => signUpJson(call.ctx, su);

clientRoutes.post('/v1/client/sign_ups', async (c) => {
  const call = c.env.call;
  const su = await createSignUp(call, signUpInput(call.params));
  return envelope(c, signUpResponse(call, su));
});

clientRoutes.get('/v1/client/sign_ups/:id', async (c) => {
  const call = c.env.call;
  return envelope(c, signUpResponse(call, await clientSignUp(call, pathId(c, 'id'))));
});

clientRoutes.patch('/v1/client/sign_ups/:id', async (c) => {
  const call = c.env.call;
  const input = signUpInput(call.params);
  const su = await updateSignUp(call, await clientSignUp(call, pathId(c, 'id')), input);
  return envelope(c, signUpResponse(call, su));
});

clientRoutes.post('/v1/client/sign_ups/:id/prepare_verification', async (c) => {
  const call = c.env.call;
  call.params.oneOf('strategy', ['email_code'] as const, { required: true });
  call.params.str('redirect_url');
  call.params.rejectUnknown();
  const su = await prepareVerification(call, await clientSignUp(call, pathId(c, 'id')));
  return envelope(c, signUpResponse(call, su));
});

clientRoutes.post('/v1/client/sign_ups/:id/attempt_verification', async (c) => {
  const call = c.env.call;
  call.params.oneOf('strategy', ['email_code'] as const, { required: true });
  const code = call.params.str('code', { required: true, max: 16 });
  call.params.rejectUnknown();
  const su = await attemptVerification(call, await clientSignUp(call, pathId(c, 'id')), code);
  return envelope(c, signUpResponse(call, su));
});

// Sessions

const sessionResponse = async (call: Call, id: string) => {
  const s = await clientSession(call, id);
  return sessionJson(call.ctx, s, await loadUser(call.ctx, s.user_id), call.origin);
};

clientRoutes.get('/v1/client/sessions/:id', async (c) => {
  const call = c.env.call;
  return envelope(c, await sessionResponse(call, pathId(c, 'id')));
});

clientRoutes.post('/v1/client/sessions/:id/touch', async (c) => {
  const call = c.env.call;
  const s = await clientSession(call, pathId(c, 'id'));
  call.params.str('active_organization_id');
  call.params.str('intent');
  call.params.rejectUnknown();
  if (!isLive(call.ctx, s)) throw Errors.signedOut();
  await touchSession(call, s);
  return envelope(c, await sessionResponse(call, s.id));
});

for (const action of ['end', 'remove'] as const) {
  clientRoutes.post(`/v1/client/sessions/:id/${action}`, async (c) => {
    const call = c.env.call;
    call.params.rejectUnknown();
    const s = await clientSession(call, pathId(c, 'id'));
    await signOutSession(call, s, action === 'end' ? 'ended' : 'removed');
    return envelope(c, await sessionResponse(call, s.id));
  });
}

// The hot path: one indexed read, no write, one signature.
clientRoutes.post('/v1/client/sessions/:id/tokens', async (c) => {
  const call = c.env.call;
  const s = await clientSession(call, pathId(c, 'id'));
  if (!isLive(call.ctx, s)) throw Errors.signedOut();
  return c.json({ object: 'token', jwt: mintSessionToken(call.ctx, s, call.origin) });
});

clientRoutes.post('/v1/client/sessions/:id/tokens/:template', async (c) => {
  const call = c.env.call;
  const s = await clientSession(call, pathId(c, 'id'));
  if (!isLive(call.ctx, s)) throw Errors.signedOut();
  // No JWT templates exist yet; every name is unknown.
  throw Errors.templateNotFound(pathId(c, 'template').slice(0, 64));
});
