// /v1/users: list, count, read, create, update (fields, or metadata merged or replaced), delete, lock and unlock users.
import { Hono } from 'hono';
import { bool, file, list, nullable, object, route, str } from '../http/params.js';
import { backendUserJson, deletedJson } from '../serialize/backend.js';
import { deleteUser } from '../services/me.js';
import { removeProfileImage, setProfileImage } from '../services/profile-images.js';
import {
  countUsers,
  createUser,
  listUsers,
  lockUser,
  METADATA_FIELDS,
  METADATA_MAX_CHARS,
  requireUserById,
  unlockUser,
  updateUser,
  updateUserMetadata,
  USER_ORDER_FIELDS,
} from '../services/user-admin.js';
import { type BapiEnv, idParam, orderBy, PAGINATION } from './respond.js';

export const userRoutes = new Hono<BapiEnv>();

const userFilter = {
  email_address: list({ max: 320 }),
  username: list({ max: 256 }),
  user_id: list({ max: 100 }),
  query: str({ max: 256 }),
};

const userFields = {
  password: str({ max: 1024 }),
  skip_password_checks: bool(),
};

/** The metadata fields: an object each, or a JSON `null` (kept as null: it clears or deletes). */
const metadataFields = {
  public_metadata: nullable(object({ maxBytes: METADATA_MAX_CHARS })),
  private_metadata: nullable(object({ maxBytes: METADATA_MAX_CHARS })),
  unsafe_metadata: nullable(object({ maxBytes: METADATA_MAX_CHARS })),
} satisfies Record<(typeof METADATA_FIELDS)[number], unknown>;

/** What each /v1/users route accepts, keyed by method and path (checked against the spec by test/server/params-spec.test.ts). */
export const USER_PARAMS = {
  'GET /v1/users': route({ ...userFilter, ...PAGINATION, order_by: orderBy(USER_ORDER_FIELDS, '-created_at') }),
  'GET /v1/users/count': route(userFilter),
  'POST /v1/users': route({
    email_address: list({ max: 320, maxItems: 10 }),
    username: str({ max: 256 }),
    first_name: str({ max: 256 }),
    last_name: str({ max: 256 }),
    ...userFields,
    skip_password_requirement: bool(),
    public_metadata: object(),
    private_metadata: object(),
    unsafe_metadata: object(),
  }),
  'GET /v1/users/:id': route({}),
  // A JSON `null` clears a name or the username; absent leaves it as it is.
  'PATCH /v1/users/:id': route({
    first_name: nullable(str({ max: 256 })),
    last_name: nullable(str({ max: 256 })),
    username: nullable(str({ max: 256 })),
    ...userFields,
    sign_out_of_other_sessions: bool(),
    primary_email_address_id: str({ max: 64 }),
    // Accepted here too (the spec has them only on the metadata endpoints).
    public_metadata: object({ extension: 'sdk' }),
    private_metadata: object({ extension: 'sdk' }),
    unsafe_metadata: object({ extension: 'sdk' }),
  }),
  'PATCH /v1/users/:id/metadata': route(metadataFields),
  'PUT /v1/users/:id/metadata': route(metadataFields),
  'DELETE /v1/users/:id': route({}),
  'POST /v1/users/:id/lock': route({}),
  'POST /v1/users/:id/unlock': route({}),
  // multipart/form-data with a `file` part, as @clerk/backend's updateUserProfileImage sends it.
  'POST /v1/users/:id/profile_image': route({ file: file({ required: true }) }),
  'DELETE /v1/users/:id/profile_image': route({}),
};
const P = USER_PARAMS;

userRoutes.get('/v1/users', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const { limit, offset, order_by: order, ...filter } = p.read(P['GET /v1/users']);
  const users = await listUsers(ctx, filter, { limit, offset, order });
  return c.json(users.map((u) => backendUserJson(ctx, u)));
});

userRoutes.get('/v1/users/count', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const filter = p.read(P['GET /v1/users/count']);
  return c.json({ object: 'total_count', total_count: await countUsers(ctx, filter) });
});

userRoutes.post('/v1/users', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const input = p.read(P['POST /v1/users']);
  return c.json(backendUserJson(ctx, await createUser(ctx, input)));
});

userRoutes.get('/v1/users/:id', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  p.read(P['GET /v1/users/:id']);
  return c.json(backendUserJson(ctx, await requireUserById(ctx, idParam(c, 'id'))));
});

userRoutes.patch('/v1/users/:id', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const u = await requireUserById(ctx, idParam(c, 'id'));
  const input = p.read(P['PATCH /v1/users/:id']);
  return c.json(backendUserJson(ctx, await updateUser(ctx, u, input)));
});

// Clerk's two metadata endpoints: PATCH deep-merges (null deletes a key), PUT replaces each given field whole.
for (const [method, mode] of [
  ['patch', 'merge'],
  ['put', 'replace'],
] as const) {
  userRoutes[method]('/v1/users/:id/metadata', async (c) => {
    const { ctx, params: p } = c.var.bapi;
    const u = await requireUserById(ctx, idParam(c, 'id'));
    // Absent fields read as undefined, which updateUserMetadata leaves alone.
    const input = p.read(P[`${method === 'patch' ? 'PATCH' : 'PUT'} /v1/users/:id/metadata`]);
    return c.json(backendUserJson(ctx, await updateUserMetadata(ctx, u, input, mode)));
  });
}

userRoutes.delete('/v1/users/:id', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  p.read(P['DELETE /v1/users/:id']);
  const u = await requireUserById(ctx, idParam(c, 'id'));
  await deleteUser(ctx, u);
  return c.json(deletedJson('user', u.user.id));
});

for (const action of ['lock', 'unlock'] as const) {
  userRoutes.post(`/v1/users/:id/${action}`, async (c) => {
    const { ctx, params: p } = c.var.bapi;
    p.read(P[`POST /v1/users/:id/${action}`]);
    const u = await requireUserById(ctx, idParam(c, 'id'));
    return c.json(backendUserJson(ctx, action === 'lock' ? await lockUser(ctx, u) : await unlockUser(ctx, u)));
  });
}

userRoutes.post('/v1/users/:id/profile_image', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const u = await requireUserById(ctx, idParam(c, 'id'));
  const { file: upload } = p.read(P['POST /v1/users/:id/profile_image']);
  await setProfileImage(ctx, u, upload);
  return c.json(backendUserJson(ctx, await requireUserById(ctx, u.user.id)));
});

userRoutes.delete('/v1/users/:id/profile_image', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  p.read(P['DELETE /v1/users/:id/profile_image']);
  const u = await requireUserById(ctx, idParam(c, 'id'));
  await removeProfileImage(ctx, u);
  return c.json(backendUserJson(ctx, await requireUserById(ctx, u.user.id)));
});
