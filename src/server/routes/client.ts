// /v1/client: the browser's Client, its sign-in and sign-up attempts and its sessions.
import { Hono } from 'hono';
import { ensureClient } from '../http/call.js';
import { Errors } from '../errors.js';
import { sessionJson, signInJson, signUpJson } from '../serialize/client.js';
import { forgetClient } from '../services/clients.js';
import { loadUser } from '../services/users.js';
import { clientSession, isLive, signOutClient, signOutSession, touchSession } from '../services/sessions.js';
import { attemptFirstFactor, clientSignIn, createSignIn, identifySignIn, prepareFirstFactor, resetPassword, SIGN_IN_STRATEGIES } from '../services/sign-in.js';
import { attemptVerification, clientSignUp, createSignUp, prepareVerification, updateSignUp, type SignUpInput } from '../services/sign-up.js';
import { mintSessionToken } from '../services/tokens.js';
import { bool, ignored, object, oneOf, route, str } from '../http/params.js';
import type { Call } from '../http/call.js';
import type { SignInTable, SignUpTable } from '../store/schema.js';
import { type AppEnv, type ClientJson, type Ctx, currentClientJson, envelope, pathId } from './respond.js';

export const clientRoutes = new Hono<AppEnv>();

const signUpFields = {
  email_address: str({ max: 320 }),
  username: str({ max: 256 }),
  first_name: str({ max: 256 }),
  last_name: str({ max: 256 }),
  password: str({ max: 1024 }),
  unsafe_metadata: object(),
  legal_accepted: bool(),
  strategy: oneOf(['email_code', 'ticket'] as const, { max: 64 }),
  // An invitation link's `__clerk_ticket`: it verifies the invited address (services/invitations.ts). Only with strategy=ticket.
  ticket: str({ max: 200 }),
  transfer: ignored('oauth', bool()),
  redirect_url: ignored('redirects'),
  action_complete_redirect_url: ignored('redirects'),
};

/** What each /v1/client route accepts, keyed by method and path (checked against the spec by test/server/params-spec.test.ts). */
export const CLIENT_PARAMS = {
  'GET /v1/client': route({}, { tolerates: 'reads' }),
  'PUT /v1/client': route({}),
  'POST /v1/client': route({}),
  'POST /v1/dev_browser': route({}, { tolerates: 'lenient' }),
  'DELETE /v1/client': route({}, { tolerates: 'lenient' }),
  'DELETE /v1/client/sessions': route({}, { tolerates: 'lenient' }),
  'POST /v1/client/sign_ins': route({
    password: str({ max: 1024 }),
    identifier: str({ max: 320 }),
    strategy: oneOf(SIGN_IN_STRATEGIES),
    transfer: ignored('oauth', bool()),
    redirect_url: ignored('redirects'),
    action_complete_redirect_url: ignored('redirects'),
  }),
  'GET /v1/client/sign_ins/:id': route({}, { tolerates: 'reads' }),
  // clerk-js sends the identifier to an existing sign-in when it was created empty.
  'POST /v1/client/sign_ins/:id': route({ identifier: str({ required: true, max: 320 }) }, { extension: 'clerkjs' }),
  'POST /v1/client/sign_ins/:id/prepare_first_factor': route({
    strategy: oneOf(SIGN_IN_STRATEGIES, { required: true }),
    email_address_id: str({ max: 64 }),
    redirect_url: ignored('redirects'),
  }),
  'POST /v1/client/sign_ins/:id/attempt_first_factor': route({
    strategy: oneOf(SIGN_IN_STRATEGIES, { required: true }),
    password: str({ max: 1024 }),
    code: str({ max: 16 }),
  }),
  'POST /v1/client/sign_ins/:id/reset_password': route({ password: str({ required: true, max: 1024 }), sign_out_of_other_sessions: bool() }),
  'POST /v1/client/sign_ups': route(signUpFields),
  'GET /v1/client/sign_ups/:id': route({}, { tolerates: 'reads' }),
  'PATCH /v1/client/sign_ups/:id': route(signUpFields),
  'POST /v1/client/sign_ups/:id/prepare_verification': route({
    strategy: oneOf(['email_code'] as const, { required: true }),
    redirect_url: ignored('redirects'),
  }),
  'POST /v1/client/sign_ups/:id/attempt_verification': route({
    strategy: oneOf(['email_code'] as const, { required: true }),
    code: str({ required: true, max: 16 }),
  }),
  'GET /v1/client/sessions/:id': route({}, { tolerates: 'reads' }),
  'POST /v1/client/sessions/:id/touch': route({ active_organization_id: ignored('organizations'), intent: ignored('unused') }),
  'POST /v1/client/sessions/:id/end': route({}),
  'POST /v1/client/sessions/:id/remove': route({}),
  // The hot path (app.ts) reads nothing; this fallback answers the precise error and reads nothing either.
  'POST /v1/client/sessions/:id/tokens': route({}, { tolerates: 'hotpath' }),
  'POST /v1/client/sessions/:id/tokens/:template': route({}, { tolerates: 'lenient' }),
};
const P = CLIENT_PARAMS;

const signInResponse = async (call: Call, si: SignInTable) => signInJson(call.ctx, si, si.user_id ? await loadUser(call.ctx, si.user_id) : undefined);

clientRoutes.get('/v1/client', async (c) => {
  const client = await currentClientJson(c.var.call);
  return c.json({ response: client, client });
});

const newClient = async (c: Ctx) => {
  const call = c.var.call;
  call.params.read(P['PUT /v1/client']);
  call.client = undefined;
  await ensureClient(call);
  return envelope(c, (client: ClientJson) => client);
};
clientRoutes.put('/v1/client', newClient);
clientRoutes.post('/v1/client', newClient);

/** clerk-js in development instances keeps its client in a "dev browser" token passed as `__clerk_db_jwt`. */
clientRoutes.post('/v1/dev_browser', async (c) => {
  const call = c.var.call;
  if (call.ctx.config.instanceType !== 'development') throw Errors.notFound('dev browser');
  call.client = undefined;
  await ensureClient(call);
  const token = call.issuedToken;
  call.issuedToken = undefined;
  return c.json({ object: 'dev_browser', id: token, token });
});

clientRoutes.delete('/v1/client', async (c) => {
  const call = c.var.call;
  if (!call.client) throw Errors.notFound('client');
  await signOutClient(call);
  const response = await currentClientJson(call);
  await forgetClient(call);
  return c.json({ response, client: null });
});

clientRoutes.delete('/v1/client/sessions', async (c) => {
  const call = c.var.call;
  if (!call.client) throw Errors.notFound('client');
  await signOutClient(call);
  return envelope(c, (client: ClientJson) => client);
});

// Sign-ins

clientRoutes.post('/v1/client/sign_ins', async (c) => {
  const call = c.var.call;
  const { identifier, strategy, password } = call.params.read(P['POST /v1/client/sign_ins']);
  // Clerk infers the password strategy when a password comes without one (`signIn.create({ identifier, password })`).
  const input = { identifier, strategy: strategy ?? (password ? 'password' : undefined), password };
  const si = await createSignIn(call, input);
  return envelope(c, await signInResponse(call, si));
});

clientRoutes.get('/v1/client/sign_ins/:id', async (c) => {
  const call = c.var.call;
  const si = await clientSignIn(call, pathId(c, 'id'));
  return envelope(c, await signInResponse(call, si));
});

clientRoutes.post('/v1/client/sign_ins/:id', async (c) => {
  const call = c.var.call;
  const { identifier } = call.params.read(P['POST /v1/client/sign_ins/:id']);
  const si = await identifySignIn(call, await clientSignIn(call, pathId(c, 'id')), identifier);
  return envelope(c, await signInResponse(call, si));
});

clientRoutes.post('/v1/client/sign_ins/:id/prepare_first_factor', async (c) => {
  const call = c.var.call;
  const input = call.params.read(P['POST /v1/client/sign_ins/:id/prepare_first_factor']);
  const si = await prepareFirstFactor(call, await clientSignIn(call, pathId(c, 'id')), input);
  return envelope(c, await signInResponse(call, si));
});

clientRoutes.post('/v1/client/sign_ins/:id/attempt_first_factor', async (c) => {
  const call = c.var.call;
  const input = call.params.read(P['POST /v1/client/sign_ins/:id/attempt_first_factor']);
  const si = await attemptFirstFactor(call, await clientSignIn(call, pathId(c, 'id')), input);
  return envelope(c, await signInResponse(call, si));
});

clientRoutes.post('/v1/client/sign_ins/:id/reset_password', async (c) => {
  const call = c.var.call;
  const { password, sign_out_of_other_sessions } = call.params.read(P['POST /v1/client/sign_ins/:id/reset_password']);
  const si = await resetPassword(call, await clientSignIn(call, pathId(c, 'id')), { password, signOutOfOtherSessions: sign_out_of_other_sessions ?? false });
  return envelope(c, await signInResponse(call, si));
});

// Sign-ups

function signUpInput(call: Call, key: 'POST /v1/client/sign_ups' | 'PATCH /v1/client/sign_ups/:id'): SignUpInput {
  const { strategy, ticket, ...input } = call.params.read(P[key]);
  if (strategy !== 'ticket') {
    // Without strategy=ticket a ticket is not a parameter of the request.
    if (call.params.raw('ticket') !== undefined) throw Errors.paramUnknown('ticket');
    return input;
  }
  if (ticket === undefined) throw Errors.paramMissing('ticket');
  return { ...input, ticket };
}

const signUpResponse = (call: Call, su: SignUpTable) => signUpJson(call.ctx, su);

clientRoutes.post('/v1/client/sign_ups', async (c) => {
  const call = c.var.call;
  const su = await createSignUp(call, signUpInput(call, 'POST /v1/client/sign_ups'));
  return envelope(c, signUpResponse(call, su));
});

clientRoutes.get('/v1/client/sign_ups/:id', async (c) => {
  const call = c.var.call;
  return envelope(c, signUpResponse(call, await clientSignUp(call, pathId(c, 'id'))));
});

clientRoutes.patch('/v1/client/sign_ups/:id', async (c) => {
  const call = c.var.call;
  const input = signUpInput(call, 'PATCH /v1/client/sign_ups/:id');
  const su = await updateSignUp(call, await clientSignUp(call, pathId(c, 'id')), input);
  return envelope(c, signUpResponse(call, su));
});

clientRoutes.post('/v1/client/sign_ups/:id/prepare_verification', async (c) => {
  const call = c.var.call;
  call.params.read(P['POST /v1/client/sign_ups/:id/prepare_verification']);
  const su = await prepareVerification(call, await clientSignUp(call, pathId(c, 'id')));
  return envelope(c, signUpResponse(call, su));
});

clientRoutes.post('/v1/client/sign_ups/:id/attempt_verification', async (c) => {
  const call = c.var.call;
  const { code } = call.params.read(P['POST /v1/client/sign_ups/:id/attempt_verification']);
  const su = await attemptVerification(call, await clientSignUp(call, pathId(c, 'id')), code);
  return envelope(c, signUpResponse(call, su));
});

// Sessions

const sessionResponse = async (call: Call, id: string) => {
  const s = await clientSession(call, id);
  return sessionJson(call.ctx, s, await loadUser(call.ctx, s.user_id), call.origin);
};

clientRoutes.get('/v1/client/sessions/:id', async (c) => {
  const call = c.var.call;
  return envelope(c, await sessionResponse(call, pathId(c, 'id')));
});

clientRoutes.post('/v1/client/sessions/:id/touch', async (c) => {
  const call = c.var.call;
  const s = await clientSession(call, pathId(c, 'id'));
  call.params.read(P['POST /v1/client/sessions/:id/touch']);
  if (!isLive(call.ctx, s)) throw Errors.signedOut();
  await touchSession(call, s);
  return envelope(c, await sessionResponse(call, s.id));
});

for (const action of ['end', 'remove'] as const) {
  clientRoutes.post(`/v1/client/sessions/:id/${action}`, async (c) => {
    const call = c.var.call;
    call.params.read(P[`POST /v1/client/sessions/:id/${action}`]);
    const s = await clientSession(call, pathId(c, 'id'));
    await signOutSession(call, s, action === 'end' ? 'ended' : 'removed');
    return envelope(c, await sessionResponse(call, s.id));
  });
}

// The hot path: one indexed read, no write, one signature.
clientRoutes.post('/v1/client/sessions/:id/tokens', async (c) => {
  const call = c.var.call;
  const s = await clientSession(call, pathId(c, 'id'));
  if (!isLive(call.ctx, s)) throw Errors.signedOut();
  return c.json({ object: 'token', jwt: mintSessionToken(call.ctx, s, call.origin) });
});

clientRoutes.post('/v1/client/sessions/:id/tokens/:template', async (c) => {
  const call = c.var.call;
  const s = await clientSession(call, pathId(c, 'id'));
  if (!isLive(call.ctx, s)) throw Errors.signedOut();
  // No JWT templates exist yet; every name is unknown.
  throw Errors.templateNotFound(pathId(c, 'template').slice(0, 64));
});
