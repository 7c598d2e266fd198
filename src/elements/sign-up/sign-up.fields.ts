// The sign-up form's fields: their order, FAPI names, labels, autocomplete tokens, and the defaults used when the
// environment is unknown.
import { ClerkAPIResponseError } from '../../core/errors.js';

/** The form's fields in the order they are shown; each is a key of `userSettings.attributes`. */
export const SIGN_UP_FIELDS = ['firstName', 'lastName', 'username', 'emailAddress', 'password'] as const;
export type SignUpField = (typeof SIGN_UP_FIELDS)[number];

export interface FieldSpec {
  /** The FAPI's name for it (`errors[].meta.param_name`, `missing_fields`). */
  param: string;
  label: string;
  autocomplete: string;
  type: string;
  placeholder?: string;
  /** The server's length limit for it (`src/server/routes/client.ts`). */
  maxlength: number;
}

export const FIELDS: Record<SignUpField, FieldSpec> = {
  firstName: { param: 'first_name', label: 'formFieldLabel__firstName', autocomplete: 'given-name', type: 'text', maxlength: 256 },
  lastName: { param: 'last_name', label: 'formFieldLabel__lastName', autocomplete: 'family-name', type: 'text', maxlength: 256 },
  username: { param: 'username', label: 'formFieldLabel__username', autocomplete: 'username', type: 'text', maxlength: 256 },
  emailAddress: {
    param: 'email_address',
    label: 'formFieldLabel__emailAddress',
    autocomplete: 'email',
    type: 'email',
    placeholder: 'formFieldInputPlaceholder__emailAddress',
    maxlength: 320,
  },
  // 1024, the request's limit, not the instance's (shorter) password rule: a longer pasted or generated password is
  // refused with the rule, never cut short silently by the browser.
  password: {
    param: 'password',
    label: 'formFieldLabel__password',
    autocomplete: 'new-password',
    type: 'password',
    placeholder: 'formFieldInputPlaceholder__password',
    maxlength: 1024,
  },
};

/** What the form asks for when the environment could not be read: Clerk's default instance. */
export const FALLBACK: Record<SignUpField, { enabled: boolean; required: boolean }> = {
  firstName: { enabled: false, required: false },
  lastName: { enabled: false, required: false },
  username: { enabled: false, required: false },
  emailAddress: { enabled: true, required: true },
  password: { enabled: true, required: true },
};

export const EMPTY: Record<SignUpField, string> = { firstName: '', lastName: '', username: '', emailAddress: '', password: '' };

/** Required fields the sign-up still misses, as the FAPI would report them, so they land on their inputs. */
export function missingFieldsError(fields: string[]): ClerkAPIResponseError {
  return new ClerkAPIResponseError(422, {
    errors: fields.map((f) => ({ code: 'form_param_missing', message: `${f} is missing`, long_message: `${f} must be included.`, meta: { param_name: f } })),
  });
}
