// Clerk-style API errors: `{ errors: [{ code, message, long_message, meta }] }` with a 4xx status.
import type { ClerkErrorJSON, ClerkErrorsJSON } from '../types/index.js';

export class ApiError extends Error {
  readonly status: number;
  readonly errors: ClerkErrorJSON[];
  readonly headers: Record<string, string>;

  constructor(status: number, errors: ClerkErrorJSON | ClerkErrorJSON[], headers: Record<string, string> = {}) {
    const list = Array.isArray(errors) ? errors : [errors];
    super(list[0]?.long_message ?? 'API error');
    this.status = status;
    this.errors = list;
    this.headers = headers;
  }

  toJSON(): ClerkErrorsJSON {
    return { errors: this.errors, meta: {} };
  }
}

function err(code: string, message: string, longMessage: string, meta: Record<string, unknown> = {}): ClerkErrorJSON {
  return { code, message, long_message: longMessage, meta };
}

const param = (name: string) => ({ param_name: name });

export const Errors = {
  paramMissing: (name: string) => new ApiError(422, err('form_param_missing', `${name} is missing`, `${name} must be included.`, param(name))),
  paramUnknown: (raw: string) => {
    // The name comes from the caller: never echo more than a short prefix of it.
    const name = raw.length > 64 ? `${raw.slice(0, 64)}…` : raw;
    return new ApiError(422, err('form_param_unknown', `${name} is not a valid parameter`, `${name} is not a valid parameter for this request.`, param(name)));
  },
  paramInvalid: (name: string, why = 'has an invalid value') =>
    new ApiError(422, err('form_param_value_invalid', `${name} ${why}`, `The value of ${name} ${why}.`, param(name))),
  paramFormat: (name: string, why = 'is invalid') => new ApiError(422, err('form_param_format_invalid', `${name} ${why}`, `${name} ${why}.`, param(name))),
  paramTooLong: (name: string, max: number) =>
    new ApiError(422, err('form_param_max_length_exceeded', `${name} is too long`, `${name} must be at most ${max} characters long.`, param(name))),
  identifierNotFound: (name = 'identifier') =>
    new ApiError(422, err('form_identifier_not_found', "Couldn't find your account.", "Couldn't find your account.", param(name))),
  identifierExists: (name: string) =>
    new ApiError(
      422,
      err(
        'form_identifier_exists',
        `That ${name.replace('_', ' ')} is taken. Please try another.`,
        `That ${name.replace('_', ' ')} is taken. Please try another.`,
        param(name),
      ),
    ),
  passwordIncorrect: () =>
    new ApiError(
      422,
      err(
        'form_password_incorrect',
        'Password is incorrect. Try again, or use another method.',
        'Password is incorrect. Try again, or use another method.',
        param('password'),
      ),
    ),
  passwordTooShort: (min: number, name = 'password') =>
    new ApiError(
      422,
      err('form_password_length_too_short', `Passwords must be ${min} characters or more.`, `Passwords must be ${min} characters or more.`, param(name)),
    ),
  passwordTooLong: (max: number, name = 'password') =>
    new ApiError(
      422,
      err(
        'form_password_length_too_long',
        `Passwords must be less than ${max + 1} characters.`,
        `Passwords must be less than ${max + 1} characters.`,
        param(name),
      ),
    ),
  passwordPwned: (name = 'password') =>
    new ApiError(
      422,
      err(
        'form_password_pwned',
        'Password has been found in an online data breach. For account safety, please use a different password.',
        'This password is one of the most commonly used passwords and has appeared in data breaches. For account safety, please use a different password.',
        param(name),
      ),
    ),
  codeIncorrect: () =>
    new ApiError(422, err('form_code_incorrect', 'Incorrect code', 'The code you entered is incorrect. Check it and try again.', param('code'))),
  verificationExpired: () =>
    new ApiError(400, err('verification_expired', 'This verification has expired.', 'This verification has expired. Request a new code.', param('code'))),
  verificationFailed: () =>
    new ApiError(
      400,
      err('verification_failed', 'Too many failed attempts. Request a new code.', 'Too many failed attempts. You have to request a new code.', param('code')),
    ),
  verificationMissing: () =>
    new ApiError(400, err('verification_missing', 'No verification is in progress.', 'Prepare a verification before attempting it.', param('strategy'))),
  alreadyVerified: () =>
    new ApiError(
      400,
      err('verification_already_verified', 'This verification has already been verified.', 'This verification has already been verified.', param('code')),
    ),
  strategyInvalid: (name = 'strategy') =>
    new ApiError(
      422,
      err('strategy_for_user_invalid', 'Invalid verification strategy', 'The verification strategy is not valid for this account.', param(name)),
    ),
  userLocked: (seconds: number) =>
    new ApiError(
      403,
      err('user_locked', 'Your account is locked.', `Your account is locked. You will be able to try again in ${Math.ceil(seconds / 60)} minutes.`, {
        lockout_expires_in_seconds: seconds,
      }),
    ),
  notFound: (what = 'resource') => new ApiError(404, err('resource_not_found', `${what} not found`, `No ${what} was found with that id.`)),
  templateNotFound: (name: string) =>
    new ApiError(404, err('resource_not_found', 'JWT template not found', `No JWT template exists with name: ${name}`, param('template_name'))),
  signedOut: () => new ApiError(401, err('signed_out', 'Signed out', 'You are signed out.')),
  authenticationInvalid: () => new ApiError(401, err('authentication_invalid', 'Unauthenticated', 'The request was unauthenticated.')),
  sessionExists: () =>
    new ApiError(
      400,
      err('session_exists', "You're already signed in.", "You're currently in single session mode. You can only be signed into one account at a time."),
    ),
  /** Multi-session mode: this client is already signed in as that user (clerk-js then makes that session active). */
  alreadySignedIn: (sessionId: string) =>
    new ApiError(
      400,
      err('identifier_already_signed_in', "You're already signed in.", 'You are already signed in to this account on this device.', { session_id: sessionId }),
    ),
  originInvalid: () =>
    new ApiError(
      403,
      err(
        'origin_invalid',
        'Invalid origin',
        'The Origin of this request is not allowed. Add it to allowedOrigins in the server configuration.',
        param('origin'),
      ),
    ),
  tooManyRequests: (retryAfter: number) =>
    new ApiError(429, err('too_many_requests', 'Too many requests', `Too many requests. Try again in ${retryAfter} seconds.`), {
      'Retry-After': String(retryAfter),
    }),
  signUpRestricted: () =>
    new ApiError(403, err('sign_up_mode_restricted', 'Sign-ups are restricted', 'Sign-ups are restricted. Ask for an invitation to join.')),
  signUpWaitlist: () =>
    new ApiError(
      403,
      err(
        'sign_up_restricted_waitlist',
        'Sign-ups are currently unavailable. Join the waitlist, and you will be notified when access becomes available.',
        'Sign-ups are currently unavailable. Join the waitlist, and you will be notified when access becomes available.',
      ),
    ),
  bodyInvalid: (why: string) => new ApiError(400, err('request_body_invalid', 'Request body invalid', why)),
  // The unread rest of the upload would stall a kept-alive socket: close it instead.
  bodyTooLarge: (max: number) =>
    new ApiError(413, err('request_body_too_large', 'Request body too large', `The request body must be at most ${max} bytes.`), { Connection: 'close' }),
  /** An upload over the limit; `unread`: the rest of it is still coming (close the connection rather than read it). */
  fileTooLarge: (max: number, unread: boolean) =>
    new ApiError(
      413,
      err('request_body_too_large', 'File too large', `The file must be at most ${Math.round(max / 1024 / 1024)} MB.`, param('file')),
      unread ? { Connection: 'close' } : {},
    ),
  imageTypeInvalid: () =>
    new ApiError(422, err('form_param_format_invalid', 'file must be an image', 'The file must be a PNG, JPEG, WebP or GIF image.', param('file'))),
  // The client hung up before its body was complete: a client fault; the connection is gone anyway.
  bodyIncomplete: () =>
    new ApiError(400, err('request_body_invalid', 'Request body incomplete', 'The connection closed before the whole request body arrived.'), {
      Connection: 'close',
    }),
  methodNotAllowed: () => new ApiError(405, err('method_not_allowed', 'Method not allowed', 'This path does not accept that method.')),
  signInNotReady: (status: string) =>
    new ApiError(400, err('sign_in_status_invalid', 'This sign-in cannot do that now', `This sign-in is in status ${status} and cannot take this step.`)),
  signUpNotReady: () => new ApiError(400, err('sign_up_status_invalid', 'This sign-up is already complete', 'This sign-up has already been completed.')),
  lastEmail: () =>
    new ApiError(
      400,
      err(
        'form_identifier_required',
        'You cannot remove your only email address',
        'An email address is required; add another one before removing this one.',
        param('email_address_id'),
      ),
    ),
  deleteSelfDisabled: () =>
    new ApiError(403, err('delete_self_disabled', 'Deleting accounts is disabled', 'Deleting your own account is disabled in this instance.')),
  devBrowserUnauthenticated: () =>
    new ApiError(
      401,
      err(
        'dev_browser_unauthenticated',
        'Unauthenticated dev browser',
        'The dev browser token is unknown or expired. Create a new one with POST /v1/dev_browser.',
      ),
    ),
  internal: () =>
    new ApiError(500, err('internal_clerk_error', 'Oops, an unexpected error occurred', 'There was an internal error on our servers. Please try again.')),
};
