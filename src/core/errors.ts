// Errors the client throws: FAPI errors keep Clerk's shape, in camelCase, as clerk-js exposes them.
import type { ClerkErrorsJSON } from '../types/index.js';

export interface ClerkAPIError {
  code: string;
  message: string;
  longMessage?: string;
  meta?: { paramName?: string; sessionId?: string; [key: string]: unknown };
}

function camelMeta(meta: Record<string, unknown> | undefined): ClerkAPIError['meta'] {
  if (!meta) return undefined;
  return Object.fromEntries(Object.entries(meta).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]));
}

/** A FAPI request answered with `errors[]`: `status` is the HTTP status, `errors` the list in camelCase. */
export class ClerkAPIResponseError extends Error {
  readonly clerkError = true;
  readonly status: number;
  readonly errors: ClerkAPIError[];
  readonly retryAfter: number | undefined;

  constructor(status: number, body: Partial<ClerkErrorsJSON> | undefined, retryAfter?: number) {
    const errors = (body?.errors ?? []).map((e) => ({ code: e.code, message: e.message, longMessage: e.long_message, meta: camelMeta(e.meta) }));
    super(errors[0]?.longMessage ?? errors[0]?.message ?? `Request failed with status ${status}`);
    this.name = 'ClerkAPIResponseError';
    this.status = status;
    this.errors = errors;
    this.retryAfter = retryAfter;
  }
}

/** A failure on this side of the wire (network down, bad configuration). */
export class ClerkRuntimeError extends Error {
  readonly clerkRuntimeError = true;
  readonly code: string;

  constructor(message: string, code: string) {
    super(message);
    this.name = 'ClerkRuntimeError';
    this.code = code;
  }
}

export function isClerkAPIResponseError(e: unknown): e is ClerkAPIResponseError {
  return typeof e === 'object' && e !== null && (e as { clerkError?: boolean }).clerkError === true;
}
