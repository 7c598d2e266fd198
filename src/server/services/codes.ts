// One-time email codes: 6 digits, 10 minutes, 3 attempts, single use, stored as an HMAC, compared in constant time.
import { createHmac } from 'node:crypto';
import type { ServerContext } from '../context.js';
import { newCode, newId, safeEqual } from '../crypto/ids.js';
import { Errors } from '../errors.js';
import { codeConsumed, consumeCode, findCodeBySubject, replaceCode, reserveCodeAttempt } from '../store/verifications.js';

export const CODE_TTL_MS = 10 * 60_000;
export const CODE_MAX_ATTEMPTS = 3;
/** Clerk's test code, accepted for `+clerk_test` addresses in development instances. */
export const TEST_CODE = '424242';

export type CodeStrategy = 'email_code' | 'reset_password_email_code';

export interface VerificationState {
  status: 'unverified' | 'verified' | 'failed' | 'expired';
  strategy: string;
  attempts: number | null;
  expire_at: number | null;
}

function digest(ctx: ServerContext, id: string, code: string): string {
  return createHmac('sha256', ctx.codePepper).update(`${id}:${code}`).digest('base64url');
}

export function isTestEmail(ctx: ServerContext, email: string): boolean {
  return ctx.config.instanceType === 'development' && /\+clerk_test[^@]*@/i.test(email);
}

const SUBJECTS: Record<CodeStrategy, (app: string) => string> = {
  email_code: (app) => `Your ${app} verification code`,
  reset_password_email_code: (app) => `Reset your ${app} password`,
};

/** Sends a fresh code to `email` for `subject`, replacing any earlier code. */
export async function issueCode(ctx: ServerContext, subject: string, strategy: CodeStrategy, email: string): Promise<VerificationState> {
  const now = ctx.now();
  const test = isTestEmail(ctx, email);
  const code = test ? TEST_CODE : newCode();
  const id = newId('vc');
  const expire_at = now + CODE_TTL_MS;
  await replaceCode(ctx.db, { id, subject, strategy, code_hash: digest(ctx, id, code), attempts: 0, expire_at, consumed_at: null, created_at: now });
  if (!test) {
    const app = ctx.config.applicationName;
    await ctx.mailer.send({
      to: email,
      subject: SUBJECTS[strategy](app),
      text: `${code} is your ${app} verification code.\n\nIt expires in 10 minutes. If you did not ask for it, ignore this message.`,
    });
  }
  return { status: 'unverified', strategy, attempts: 0, expire_at };
}

/**
 * Checks a code for `subject`; consumes it on success. The attempt is counted before the comparison, in one statement,
 * so however many requests race, at most CODE_MAX_ATTEMPTS comparisons run per code. `beforeCompare` runs after that
 * count and before the comparison (the sign-in counts the check against the account there). Throws Clerk errors.
 */
export async function checkCode(
  ctx: ServerContext,
  subject: string,
  strategy: CodeStrategy,
  code: string,
  beforeCompare?: () => Promise<void>,
): Promise<VerificationState> {
  const now = ctx.now();
  const row = await findCodeBySubject(ctx.db, subject);
  if (!row || row.strategy !== strategy) throw Errors.verificationMissing();
  if (row.consumed_at !== null) throw Errors.alreadyVerified();
  if (row.expire_at <= now) throw Errors.verificationExpired();
  const attempts = await reserveCodeAttempt(ctx.db, row.id, CODE_MAX_ATTEMPTS);
  if (attempts === undefined) throw (await codeConsumed(ctx.db, row.id)) ? Errors.alreadyVerified() : Errors.verificationFailed();
  await beforeCompare?.();
  if (!safeEqual(digest(ctx, row.id, code), row.code_hash)) throw attempts >= CODE_MAX_ATTEMPTS ? Errors.verificationFailed() : Errors.codeIncorrect();
  // Only one request may consume the code, however many race with the right digits.
  if (!(await consumeCode(ctx.db, row.id, now))) throw Errors.alreadyVerified();
  return { status: 'verified', strategy, attempts, expire_at: row.expire_at };
}
