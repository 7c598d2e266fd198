// /v1/users: list, count, read, create, update (fields, or metadata merged or replaced), delete, lock and unlock users.
import { Hono } from 'hono';
import type { Params } from '../http/params.js';
import { backendUserJson, deletedJson } from '../serialize/backend.js';
import { deleteUser } from '../services/me.js';
import {
  countUsers,
  createUser,
  listUsers,
  lockUser,
  METADATA_FIELDS,
  METADATA_MAX_CHARS,
  type MetadataInput,
  requireUserById,
  unlockUser,
  updateUser,
  updateUserMetadata,
  USER_ORDER_FIELDS,
  type UserFilter,
} from '../services/user-admin.js';
import { type BapiEnv, idParam, orderBy, pagination } from './respond.js';

export const userRoutes = new Hono<BapiEnv>();

function userFilter(p: Params): UserFilter {
  return {
    email_address: p.list('email_address', { max: 320 }),
    username: p.list('username', { max: 256 }),
    user_id: p.list('user_id', { max: 100 }),
    query: p.str('query', { max: 256 }),
  };
}

userRoutes.get('/v1/users', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const filter = userFilter(p);
  const page = { ...pagination(p), order: orderBy(p, USER_ORDER_FIELDS, '-created_at') };
  p.rejectUnknown();
  const users = await listUsers(ctx, filter, page);
  return c.json(users.map((u) => backendUserJson(ctx, u)));
});

userRoutes.get('/v1/users/count', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const filter = userFilter(p);
  p.rejectUnknown();
  return c.json({ object: 'total_count', total_count: await countUsers(ctx, filter) });
});

userRoutes.post('/v1/users', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const input = {
    email_address: p.list('email_address', { max: 320, maxItems: 10 }),
    username: p.str('username', { max: 256 }),
    first_name: p.str('first_name', { max: 256 }),
    last_name: p.str('last_name', { max: 256 }),
    password: p.str('password', { max: 1024 }),
    skip_password_checks: p.bool('skip_password_checks'),
    skip_password_requirement: p.bool('skip_password_requirement'),
    public_metadata: p.object('public_metadata'),
    private_metadata: p.object('private_metadata'),
    unsafe_metadata: p.object('unsafe_metadata'),
  };
  p.rejectUnknown();
  return c.json(backendUserJson(ctx, await createUser(ctx, input)));
});

userRoutes.get('/v1/users/:id', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  p.rejectUnknown();
  return c.json(backendUserJson(ctx, await requireUserById(ctx, idParam(c, 'id'))));
});

/** A JSON `null` clears a name or the username; absent leaves it as it is. */
function nullable(p: Params, name: string): string | null | undefined {
  return p.raw(name) === null ? (p.str(name), null) : p.str(name, { max: 256 });
}

userRoutes.patch('/v1/users/:id', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  const u = await requireUserById(ctx, idParam(c, 'id'));
  const input = {
    first_name: nullable(p, 'first_name'),
    last_name: nullable(p, 'last_name'),
    username: nullable(p, 'username'),
    password: p.str('password', { max: 1024 }),
    skip_password_checks: p.bool('skip_password_checks'),
    sign_out_of_other_sessions: p.bool('sign_out_of_other_sessions'),
    primary_email_address_id: p.str('primary_email_address_id', { max: 64 }),
    public_metadata: p.object('public_metadata'),
    private_metadata: p.object('private_metadata'),
    unsafe_metadata: p.object('unsafe_metadata'),
  };
  p.rejectUnknown();
  return c.json(backendUserJson(ctx, await updateUser(ctx, u, input)));
});

/** The metadata fields of a request: an object each, or a JSON `null` (kept as null: it clears or deletes). */
function metadataParams(p: Params): MetadataInput {
  const out: MetadataInput = {};
  for (const f of METADATA_FIELDS) {
    const v = p.raw(f) === null ? (p.object(f), null) : p.object(f, METADATA_MAX_CHARS);
    if (v !== undefined) out[f] = v;
  }
  return out;
}

// Clerk's two metadata endpoints: PATCH deep-merges (null deletes a key), PUT replaces each given field whole.
for (const [method, mode] of [
  ['patch', 'merge'],
  ['put', 'replace'],
] as const) {
  userRoutes[method]('/v1/users/:id/metadata', async (c) => {
    const { ctx, params: p } = c.var.bapi;
    const u = await requireUserById(ctx, idParam(c, 'id'));
    const input = metadataParams(p);
    p.rejectUnknown();
    return c.json(backendUserJson(ctx, await updateUserMetadata(ctx, u, input, mode)));
  });
}

userRoutes.delete('/v1/users/:id', async (c) => {
  const { ctx, params: p } = c.var.bapi;
  p.rejectUnknown();
  const u = await requireUserById(ctx, idParam(c, 'id'));
  await deleteUser(ctx, u);
  return c.json(deletedJson('user', u.user.id));
});

for (const action of ['lock', 'unlock'] as const) {
  userRoutes.post(`/v1/users/:id/${action}`, async (c) => {
    const { ctx, params: p } = c.var.bapi;
    p.rejectUnknown();
    const u = await requireUserById(ctx, idParam(c, 'id'));
    return c.json(backendUserJson(ctx, action === 'lock' ? await lockUser(ctx, u) : await unlockUser(ctx, u)));
  });
}
