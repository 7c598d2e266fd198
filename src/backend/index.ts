// `clerk-wc/backend`: for the app's own server. Verify session tokens offline against the FAPI server's JWKS,
// authenticate requests, call the Backend API, verify webhooks. Framework middleware: clerk-wc/backend/express,
// clerk-wc/backend/hono, clerk-wc/backend/fastify.
export { verifyToken, jwksUrlFromPublishableKey, TokenVerificationError, TOKEN_VERIFICATION_REASONS } from './verify-token.js';
export type { TokenVerificationReason, VerifyTokenOptions } from './verify-token.js';
export type { FactorVerificationAge, SessionClaims } from '../types/index.js';
export { JwksCache, jwksCacheFor } from './jwks.js';
export type { JwksCacheOptions } from './jwks.js';
export { authenticateRequest, tokenFromRequest } from './authenticate-request.js';
export type {
  Auth,
  AuthenticateRequestOptions,
  RequestLike,
  RequestState,
  SignedInAuth,
  SignedInState,
  SignedOutAuth,
  SignedOutReason,
  SignedOutState,
} from './authenticate-request.js';
export { createClerkClient, ClerkAPIResponseError, isClerkAPIResponseError } from './clerk-client.js';
export type {
  ClerkClient,
  ClerkClientOptions,
  CreateInvitationParams,
  CreateUserParams,
  DeletedObject,
  EmailAddress,
  Invitation,
  PaginatedResourceResponse,
  Session,
  SessionListParams,
  UpdateUserParams,
  User,
  UserListParams,
  WaitlistEntry,
  WaitlistEntryListParams,
} from './clerk-client.js';
export { verifyWebhook, WebhookVerificationError, WEBHOOK_VERIFICATION_REASONS } from './webhooks.js';
export { fileClientStorage } from './client-storage.js';
export type { FileClientStorage } from './client-storage.js';
export type { VerifyWebhookOptions, WebhookEvent, WebhookEventType, WebhookVerificationReason } from './webhooks.js';
