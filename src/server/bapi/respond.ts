// Shared types and helpers of the Backend API routes.
import type { Context } from 'hono';
import type { ServerContext } from '../context.js';
import { type Field, type Fields, int, type Params, str } from '../http/params.js';
import { Errors } from '../errors.js';
import type { NodeBindings } from '../http/client-ip.js';

export interface BapiCall {
  ctx: ServerContext;
  params: Params;
}

/** The Backend API app's request state (Variables, set by bapi/router.ts); `Bindings` is the node adapter's own. */
export type BapiEnv = { Bindings: NodeBindings; Variables: { url: URL; bapi: BapiCall } };
export type BapiCtx = Context<BapiEnv>;

/** A path parameter, bounded so an absurd id is a 404 rather than a slow query. */
export function idParam(c: BapiCtx, name: string): string {
  const v = c.req.param(name) ?? '';
  return v.length > 100 || v.includes('\0') ? '' : v;
}

export const LIMIT = { min: 1, max: 500, default: 10 } as const;

/** `limit` (1–500, default 10) and `offset` (default 0), as every Backend API list takes them. */
export const PAGINATION = {
  limit: { ...int({ min: LIMIT.min, max: LIMIT.max }), read: (p: Params, name: string) => p.int(name, { min: LIMIT.min, max: LIMIT.max }) ?? LIMIT.default },
  offset: { ...int({ min: 0, max: 1_000_000 }), read: (p: Params, name: string) => p.int(name, { min: 0, max: 1_000_000 }) ?? 0 },
} satisfies Fields;

/** `order_by` as `field`, `+field` or `-field` over the allowed fields. */
export function orderBy<T extends string>(allowed: readonly T[], fallback: `${'+' | '-'}${T}`): Field<{ field: T; direction: 'asc' | 'desc' }> {
  return {
    ...str({ max: 64 }),
    read(p, name) {
      const raw = p.str(name, { max: 64 }) ?? fallback;
      const direction = raw.startsWith('+') ? 'asc' : raw.startsWith('-') ? 'desc' : 'asc';
      const field = raw.replace(/^[+-]/, '');
      if (!(allowed as readonly string[]).includes(field))
        throw Errors.paramInvalid(name, `must be one of ${allowed.join(', ')}, optionally prefixed with + or -`);
      return { field: field as T, direction };
    },
  };
}
