// Password rules from password_settings: length bounds and the common-password list.
import type { ServerContext } from '../context.js';
import { isCommonPassword } from '../crypto/passwords.js';
import { Errors } from '../errors.js';

export async function checkNewPassword(ctx: ServerContext, password: string, param = 'password'): Promise<void> {
  const { minLength, maxLength, rejectCommon } = ctx.config.password;
  // Length in code points, so a password of emoji is not counted twice.
  const length = [...password].length;
  if (length < minLength) throw Errors.passwordTooShort(minLength, param);
  if (length > maxLength) throw Errors.passwordTooLong(maxLength, param);
  if (rejectCommon && (await isCommonPassword(password))) throw Errors.passwordPwned(param);
}
