// Instance-level routes: environment, waitlist, JWKS, OpenID configuration, health and readiness, dev outbox.
import { Hono } from 'hono';
import { Errors } from '../errors.js';
import { environmentJson } from '../serialize/environment.js';
import { publicKeys } from '../crypto/keys.js';
import { pingDatabase } from '../store/db.js';
import { recentOutboxMessages } from '../store/outbox.js';
import { joinWaitlist, waitlistEntryJson } from '../services/waitlist.js';
import { route, str } from '../http/params.js';
import type { AppEnv, Ctx } from './respond.js';

export const instanceRoutes = new Hono<AppEnv>();

/** What each instance-level route accepts, keyed by method and path (checked against the spec by test/server/params-spec.test.ts). */
export const INSTANCE_PARAMS = {
  'GET /v1/environment': route({}, { tolerates: 'reads' }),
  'PATCH /v1/environment': route({}, { tolerates: 'lenient' }),
  'POST /v1/waitlist': route({ email_address: str({ required: true, max: 320 }) }),
  'GET /.well-known/jwks.json': route({}, { tolerates: 'reads' }),
  'GET /.well-known/openid-configuration': route({}, { tolerates: 'reads' }),
  'GET /v1/health': route({}, { tolerates: 'reads' }),
  'GET /v1/ready': route({}, { tolerates: 'reads', extension: 'operations' }),
  'GET /v1/dev/outbox': route({ email_address: str({ max: 320 }) }, { tolerates: 'reads', extension: 'development' }),
};
const P = INSTANCE_PARAMS;

let environmentBody: string | undefined;
const environment = (c: Ctx) => {
  const { ctx } = c.var.call;
  // The environment is a pure function of the config: build it once.
  environmentBody ??= JSON.stringify(environmentJson(ctx.config, ctx.issuer));
  return c.body(environmentBody, 200, { 'content-type': 'application/json' });
};
instanceRoutes.get('/v1/environment', environment);
instanceRoutes.patch('/v1/environment', environment);

instanceRoutes.post('/v1/waitlist', async (c) => {
  const call = c.var.call;
  const { email_address } = call.params.read(P['POST /v1/waitlist']);
  return c.json(waitlistEntryJson(await joinWaitlist(call.ctx, email_address)));
});

instanceRoutes.get('/.well-known/jwks.json', async (c) => {
  return c.json({ keys: await publicKeys(c.var.call.ctx.db) }, 200, { 'cache-control': 'public, max-age=300' });
});

instanceRoutes.get('/.well-known/openid-configuration', (c) => {
  const iss = c.var.call.ctx.issuer;
  const u = (p: string) => `${iss}${p}`;
  return c.json({
    issuer: iss,
    authorization_endpoint: u('/oauth/authorize'),
    token_endpoint: u('/oauth/token'),
    revocation_endpoint: u('/oauth/token/revoke'),
    introspection_endpoint: u('/oauth/token_info'),
    userinfo_endpoint: u('/oauth/userinfo'),
    jwks_uri: u('/.well-known/jwks.json'),
    scopes_supported: ['openid', 'profile', 'email'],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'sid', 'azp', 'email', 'email_verified', 'name', 'given_name', 'family_name', 'preferred_username'],
    code_challenge_methods_supported: ['S256'],
    backchannel_logout_supported: false,
    frontchannel_logout_supported: false,
    end_session_endpoint: u('/oauth/end_session'),
  });
});

instanceRoutes.get('/v1/health', async (c) => {
  const { ctx } = c.var.call;
  try {
    await pingDatabase(ctx.db);
    return c.json({ status: 'healthy', database: ctx.dbKind });
  } catch (e) {
    return c.json({ status: 'unhealthy', message: `database unreachable: ${(e as Error).message}` }, 503);
  }
});

/**
 * Readiness for a load balancer: 200 only while this process takes traffic. It listens only after the migrations ran
 * and the signing key loaded; it answers 503 when the database is unreachable and from the moment shutdown begins.
 */
instanceRoutes.get('/v1/ready', async (c) => {
  const { ctx } = c.var.call;
  if (ctx.draining) return c.json({ status: 'draining' }, 503);
  try {
    await pingDatabase(ctx.db);
    return c.json({ status: 'ready', database: ctx.dbKind, kid: ctx.key.kid });
  } catch (e) {
    return c.json({ status: 'unready', message: `database unreachable: ${(e as Error).message}` }, 503);
  }
});

/** Development instances only: the outbox, so a person or a test can read the codes that were "sent". */
instanceRoutes.get('/v1/dev/outbox', async (c) => {
  const { ctx, params } = c.var.call;
  if (ctx.config.instanceType !== 'development') throw Errors.notFound('outbox');
  const { email_address: to } = params.read(P['GET /v1/dev/outbox']);
  const rows = await recentOutboxMessages(ctx.db, to);
  return c.json({
    data: rows.map((r) => ({
      object: 'email',
      id: r.id,
      to_email_address: r.to_address,
      subject: r.subject,
      body: r.body,
      code: /\b(\d{6})\b/.exec(r.body)?.[1] ?? null,
      created_at: r.created_at,
    })),
    total_count: rows.length,
  });
});
