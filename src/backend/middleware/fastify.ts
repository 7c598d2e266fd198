// Fastify plugin: `app.register(clerkPlugin, { jwksUrl })` sets `request.auth` in an onRequest hook;
// `requireAuth()` is a preHandler answering 401. Written against the few members of Fastify it touches,
// so fastify stays an optional peer; the plugin is not encapsulated (like fastify-plugin), so the hook
// covers the routes of the instance that registered it.
import { assertKeySource, authenticateRequest, type Auth, type AuthenticateRequestOptions, type NodeRequestLike } from '../authenticate-request.js';
import { missingMiddleware, unauthorizedBody, WWW_AUTHENTICATE } from './unauthorized.js';

export interface FastifyRequestLike extends NodeRequestLike {
  auth?: Auth | null;
}
export interface FastifyReplyLike {
  code(statusCode: number): FastifyReplyLike;
  header(name: string, value: string): FastifyReplyLike;
  send(payload?: unknown): unknown;
}
export type FastifyHook = (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<void>;
export interface FastifyInstanceLike {
  hasRequestDecorator?(property: string): boolean;
  decorateRequest(property: string, value: null): unknown;
  addHook(name: 'onRequest', hook: FastifyHook): unknown;
}

/** The hook on its own, for `app.addHook('onRequest', clerkHook(options))` or a route's `onRequest`. */
export function clerkHook(options: AuthenticateRequestOptions): FastifyHook {
  assertKeySource(options);
  return async (request) => {
    request.auth = (await authenticateRequest(request, options)).toAuth();
  };
}

/** Decorates `request.auth` and fills it for every request. Register with the verify options. */
export function clerkPlugin(fastify: FastifyInstanceLike, options: AuthenticateRequestOptions, done: (err?: Error) => void): void {
  try {
    // Registered twice on one instance (say with other options per prefix): decorate once.
    if (!fastify.hasRequestDecorator?.('auth')) fastify.decorateRequest('auth', null);
    fastify.addHook('onRequest', clerkHook(options));
    done();
  } catch (e) {
    done(e as Error);
  }
}
// What fastify-plugin sets: no encapsulation, a readable name in errors.
Object.assign(clerkPlugin, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'clerk-wc' });

/** A preHandler that answers 401 (JSON, with the reason) unless the request is signed in. */
export function requireAuth(): FastifyHook {
  return async (request, reply) => {
    if (!request.auth) throw missingMiddleware('fastify');
    if (!request.auth.isSignedIn) await reply.code(401).header('www-authenticate', WWW_AUTHENTICATE).send(unauthorizedBody(request.auth));
  };
}

/** The auth of a request that went through clerkPlugin. */
export function getAuth(request: FastifyRequestLike): Auth {
  if (!request.auth) throw missingMiddleware('fastify');
  return request.auth;
}
