// Why a session token was refused. The reasons and their spelling follow @clerk/backend's
// TokenVerificationErrorReason, so code written against Clerk can switch on the same strings.

export const TOKEN_VERIFICATION_REASONS = [
  'token-invalid',
  'token-invalid-algorithm',
  'token-invalid-signature',
  'token-invalid-authorized-parties',
  'token-invalid-issuer',
  'token-expired',
  'token-not-active-yet',
  'token-iat-in-the-future',
  'jwk-kid-mismatch',
  'jwk-remote-failed-to-load',
  'jwk-remote-invalid',
  'jwk-local-missing',
] as const;
export type TokenVerificationReason = (typeof TOKEN_VERIFICATION_REASONS)[number];

/** A session token that did not verify; `reason` says why, `message` says what to do about it. */
export class TokenVerificationError extends Error {
  override readonly name = 'TokenVerificationError';
  constructor(
    readonly reason: TokenVerificationReason,
    message: string,
  ) {
    super(message);
  }
}
