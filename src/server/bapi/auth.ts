// Backend API authentication: `Authorization: Bearer sk_test_…` (sk_live_ in production instances).
import type { ServerContext } from '../context.js';
import { ApiError } from '../errors.js';
import { isSecretKey, secretKeyPrefix } from './secret-keys.js';

function unauthenticated(longMessage: string): ApiError {
  return new ApiError(401, { code: 'authentication_invalid', message: 'Invalid authentication', long_message: longMessage, meta: {} });
}

/** Throws a Clerk 401 unless the request carries one of the instance's secret keys. */
export async function authenticateBackend(ctx: ServerContext, authorization: string | null): Promise<void> {
  const prefix = secretKeyPrefix(ctx.config.instanceType);
  const where = 'It was printed when this server first started, or is the CLERK_SECRET_KEY it runs with.';
  const m = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  if (!m) throw unauthenticated(`Send the instance's secret key as "Authorization: Bearer ${prefix}…". ${where}`);
  const presented = m[1]!;
  if (presented.startsWith('pk_')) {
    throw unauthenticated(`A publishable key (pk_…) is public and never authorizes the Backend API. Use the secret key (${prefix}…). ${where}`);
  }
  if (!(await isSecretKey(ctx.db, ctx.config.instanceType, presented))) {
    throw unauthenticated(`The secret key is not valid for this instance. Use the ${prefix}… key of this server. ${where}`);
  }
}
