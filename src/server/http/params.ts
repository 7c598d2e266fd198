// Request parameters: form or JSON bodies, camelCase or snake_case keys, typed accessors with Clerk errors.
import { ApiError, Errors } from '../errors.js';

export const MAX_BODY_BYTES = 64 * 1024;
/** The longest value any string parameter may carry unless a route says otherwise. */
export const MAX_PARAM_LENGTH = 4096;

/** Parameters every route accepts and ignores (clerk-js and native SDKs send them). */
export const IGNORED: ReadonlySet<string> = new Set([
  '_method',
  'timezone',
  '_clerk_js_version',
  '__clerk_api_version',
  '_clerk_session_id',
  '_is_native',
  'locale',
  'captcha_token',
  'captcha_widget_type',
  'captcha_error',
  '__clerk_db_jwt',
  'organization_id',
]);

/** Deepest nesting any JSON value may have; deeper values are refused before anything recurses over them. */
export const MAX_JSON_DEPTH = 32;

/** True when `value` nests deeper than `max` levels (checked without recursion). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

export function toSnake(key: string): string {
  return key.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
}

export type RawValue = string | number | boolean | null | RawValue[] | { [k: string]: RawValue };

/** A file from a multipart/form-data body (or a whole application/octet-stream body, under `file`). */
export interface UploadedFile {
  /** The file name the client gave ('' when none). Only ever shown back, never trusted. */
  name: string;
  bytes: Buffer;
}

/** Parses a request body by content type. Throws 400 on a broken body. */
export function parseBody(contentType: string | null, text: string): Record<string, RawValue> {
  if (text.trim() === '') return {};
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw Errors.bodyInvalid('The request body is not valid JSON.');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw Errors.bodyInvalid('The JSON request body must be an object.');
    if (nestsDeeperThan(parsed, MAX_JSON_DEPTH)) throw Errors.bodyInvalid(`The JSON request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
    return parsed as Record<string, RawValue>;
  }
  if (type === 'application/x-www-form-urlencoded' || type === '' || type === 'text/plain') {
    const out: Record<string, RawValue> = {};
    for (const [k, v] of new URLSearchParams(text)) {
      const key = k.endsWith('[]') ? k.slice(0, -2) : k;
      const prev = out[key];
      if (k.endsWith('[]')) out[key] = Array.isArray(prev) ? [...prev, v] : [v];
      else out[key] = v;
    }
    return out;
  }
  throw new ApiError(415, {
    code: 'request_body_invalid',
    message: 'Unsupported content type',
    long_message: 'Send the body as application/x-www-form-urlencoded or application/json.',
    meta: {},
  });
}

/** Typed, validated access to one request's parameters (query and body merged, keys in snake_case). */
export class Params {
  private readonly values = new Map<string, RawValue>();
  private readonly files = new Map<string, UploadedFile>();
  private readonly used = new Set<string>();

  constructor(...sources: Array<Record<string, RawValue>>) {
    for (const source of sources) this.add(source);
  }

  /** Adds parameters read later (an upload's body, read once the caller is known), and its files. */
  add(source: Record<string, RawValue>, files: ReadonlyMap<string, UploadedFile> = new Map()): void {
    for (const [k, v] of Object.entries(source)) this.values.set(toSnake(k), v);
    for (const [k, f] of files) this.files.set(k, f);
  }

  has(name: string): boolean {
    const v = this.values.get(name);
    return v !== undefined && v !== null && v !== '';
  }

  /** Raw value, for routing decisions such as `_method`. */
  raw(name: string): RawValue | undefined {
    return this.values.get(name);
  }

  /** A string parameter; `undefined` when absent, unless required. */
  str(name: string, opts: { required: true; max?: number }): string;
  str(name: string, opts?: { required?: boolean; max?: number }): string | undefined;
  str(name: string, opts: { required?: boolean; max?: number } = {}): string | undefined {
    this.used.add(name);
    const v = this.values.get(name);
    if (v === undefined || v === null || v === '') {
      if (opts.required) throw Errors.paramMissing(name);
      return undefined;
    }
    if (typeof v !== 'string') throw Errors.paramFormat(name, 'must be a string');
    const max = opts.max ?? MAX_PARAM_LENGTH;
    if (v.length > max) throw Errors.paramTooLong(name, max);
    // PostgreSQL text cannot hold NUL, and no legitimate value contains one.
    if (v.includes('\0')) throw Errors.paramFormat(name, 'must not contain NUL characters');
    return v;
  }

  /** A string parameter restricted to listed values. */
  oneOf<T extends string>(name: string, allowed: readonly T[], opts: { required?: boolean; max?: number } = {}): T | undefined {
    const v = this.str(name, { ...opts, max: opts.max ?? 128 });
    if (v !== undefined && !(allowed as readonly string[]).includes(v)) throw Errors.paramInvalid(name, `must be one of: ${allowed.join(', ')}`);
    return v as T | undefined;
  }

  bool(name: string): boolean | undefined {
    this.used.add(name);
    const v = this.values.get(name);
    if (v === undefined || v === null || v === '') return undefined;
    if (v === true || v === 'true' || v === '1') return true;
    if (v === false || v === 'false' || v === '0') return false;
    throw Errors.paramFormat(name, 'must be true or false');
  }

  /** A list of strings: repeated query keys, `name[]` form keys, a JSON array, or one string. */
  list(name: string, opts: { max?: number; maxItems?: number } = {}): string[] | undefined {
    this.used.add(name);
    const v = this.values.get(name);
    if (v === undefined || v === null || v === '') return undefined;
    const items = Array.isArray(v) ? v : [v];
    const maxItems = opts.maxItems ?? 100;
    if (items.length > maxItems) throw Errors.paramInvalid(name, `must have at most ${maxItems} items`);
    const max = opts.max ?? MAX_PARAM_LENGTH;
    return items.map((item) => {
      if (typeof item !== 'string') throw Errors.paramFormat(name, 'must be a list of strings');
      if (item.length > max) throw Errors.paramTooLong(name, max);
      if (item.includes('\0')) throw Errors.paramFormat(name, 'must not contain NUL characters');
      return item;
    });
  }

  /** An integer parameter within bounds (numbers in JSON, digits in query strings and forms). */
  int(name: string, opts: { min?: number; max?: number } = {}): number | undefined {
    this.used.add(name);
    const v = this.values.get(name);
    if (v === undefined || v === null || v === '') return undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d{1,15}$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n)) throw Errors.paramFormat(name, 'must be an integer');
    if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
      throw Errors.paramInvalid(name, `must be between ${opts.min ?? '-∞'} and ${opts.max ?? '∞'}`);
    }
    return n;
  }

  /** A JSON object parameter (sent as an object in JSON bodies or as a JSON string in forms). */
  object(name: string, maxBytes = 8192): Record<string, unknown> | undefined {
    this.used.add(name);
    let v: unknown = this.values.get(name);
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string') {
      if (v.length > maxBytes) throw Errors.paramTooLong(name, maxBytes);
      try {
        v = JSON.parse(v);
      } catch {
        throw Errors.paramFormat(name, 'must be a JSON object');
      }
      if (nestsDeeperThan(v, MAX_JSON_DEPTH)) throw Errors.paramFormat(name, `must not nest deeper than ${MAX_JSON_DEPTH} levels`);
    } else if (JSON.stringify(v).length > maxBytes) throw Errors.paramTooLong(name, maxBytes);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw Errors.paramFormat(name, 'must be a JSON object');
    return v as Record<string, unknown>;
  }

  /** An uploaded file; a plain value under that name is refused (it is not a file). */
  file(name: string, opts: { required: true }): UploadedFile;
  file(name: string, opts?: { required?: boolean }): UploadedFile | undefined;
  file(name: string, opts: { required?: boolean } = {}): UploadedFile | undefined {
    this.used.add(name);
    const f = this.files.get(name);
    if (f) return f;
    if (this.has(name)) throw Errors.paramFormat(name, 'must be a file, sent as multipart/form-data');
    if (opts.required) throw Errors.paramMissing(name);
    return undefined;
  }

  /** Reads every field a route declares (in declaration order), then rejects undeclared keys unless the route tolerates them. */
  read<D extends Fields>(route: RouteParams<D>): Values<D> {
    const out: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(route.fields)) {
      const value = field.read(this, name);
      if (field.ignored === undefined) out[name] = value;
    }
    if (route.tolerates === undefined) this.rejectUnknown();
    return out as Values<D>;
  }

  /** Rejects parameters the route did not read (Clerk answers `form_param_unknown`). Call after reading. */
  rejectUnknown(): void {
    for (const k of [...this.values.keys(), ...this.files.keys()]) if (!this.used.has(k) && !IGNORED.has(k)) throw Errors.paramUnknown(k);
  }
}

// ---- Declared parameters ------------------------------------------------------------------------
// Each FAPI route declares the keys it takes in one table entry (ROUTE_PARAMS in app.ts gathers the routes' tables):
//   route({ identifier: str({ max: 320 }), strategy: oneOf(SIGN_IN_STRATEGIES), redirect_url: ignored('redirects') })
// and reads typed values with `call.params.read(entry)`. Keys outside Clerk's spec carry `extension: 'reason'`;
// test/server/params-spec.test.ts checks every declaration against spec/fapi-2026-05-12.yml. The Backend API routes
// declare theirs the same way (BAPI_ROUTE_PARAMS in bapi/router.ts, checked against spec/bapi-2026-05-12.yml).

export type FieldKind = 'string' | 'enum' | 'boolean' | 'list' | 'integer' | 'object' | 'file';

/** One declared parameter: how it is validated, and whether the handler gets its value. */
export interface Field<T> {
  readonly kind: FieldKind;
  readonly required: boolean;
  /** The values an `enum` field allows. */
  readonly values?: readonly string[];
  /** Set when the key is accepted and validated but dropped: a one-word reason. */
  readonly ignored?: string;
  /** Set when the key is not in Clerk's spec for this operation: a one-word reason. */
  readonly extension?: string;
  read(p: Params, name: string): T;
}
export type Fields = Record<string, Field<unknown>>;

/** A route's declaration. `tolerates` (a one-word reason) keeps undeclared keys from being rejected. */
export interface RouteParams<D extends Fields = Fields> {
  readonly fields: D;
  readonly tolerates?: string;
  /** Set when the whole route is ours, not Clerk's (no operation in the spec): a one-word reason. */
  readonly extension?: string;
}

/** The typed values of a declaration: ignored fields left out, optional ones possibly undefined. */
export type Values<D extends Fields> = { [K in keyof D as D[K]['ignored'] extends string ? never : K]: D[K] extends Field<infer T> ? T : never };

interface Common {
  extension?: string;
}
type Req = { required: true };

function field<T>(kind: FieldKind, opts: Common & { required?: boolean }, read: (p: Params, name: string) => T, values?: readonly string[]): Field<T> {
  const f: { -readonly [K in keyof Field<T>]: Field<T>[K] } = { kind, required: opts.required === true, read };
  if (values) f.values = values;
  if (opts.extension !== undefined) f.extension = opts.extension;
  return f;
}

export function str(opts: Common & Req & { max?: number }): Field<string>;
export function str(opts?: Common & { required?: boolean; max?: number }): Field<string | undefined>;
export function str(opts: Common & { required?: boolean; max?: number } = {}): Field<string | undefined> {
  const { extension: _e, ...o } = opts;
  return field('string', opts, (p, name) => p.str(name, o));
}

export function oneOf<T extends string>(values: readonly T[], opts: Common & Req & { max?: number }): Field<T>;
export function oneOf<T extends string>(values: readonly T[], opts?: Common & { required?: boolean; max?: number }): Field<T | undefined>;
export function oneOf<T extends string>(values: readonly T[], opts: Common & { required?: boolean; max?: number } = {}): Field<T | undefined> {
  const { extension: _e, ...o } = opts;
  return field('enum', opts, (p, name) => p.oneOf(name, values, o), values);
}

export const bool = (opts: Common = {}): Field<boolean | undefined> => field('boolean', opts, (p, name) => p.bool(name));

export const list = (opts: Common & { max?: number; maxItems?: number } = {}): Field<string[] | undefined> => {
  const { extension: _e, ...o } = opts;
  return field('list', opts, (p, name) => p.list(name, o));
};

export const int = (opts: Common & { min?: number; max?: number } = {}): Field<number | undefined> => {
  const { extension: _e, ...o } = opts;
  return field('integer', opts, (p, name) => p.int(name, o));
};

export const object = (opts: Common & { maxBytes?: number } = {}): Field<Record<string, unknown> | undefined> =>
  field('object', opts, (p, name) => p.object(name, opts.maxBytes));

/** A file upload (multipart/form-data; routes/upload paths only, see http/body.ts). */
export function file(opts: Common & Req): Field<UploadedFile>;
export function file(opts?: Common & { required?: boolean }): Field<UploadedFile | undefined>;
export function file(opts: Common & { required?: boolean } = {}): Field<UploadedFile | undefined> {
  return field('file', opts, (p, name) => p.file(name, { required: opts.required === true }));
}

/** `as`, except that a JSON `null` reads as `null` (it clears a value) instead of as absent. */
export function nullable<T>(as: Field<T>): Field<T | null> {
  return { ...as, read: (p, name) => (p.raw(name) === null ? (as.read(p, name), null) : as.read(p, name)) };
}

/** A key the route accepts and validates (as `as`, a string by default) but does not use; `why` is one word. */
export function ignored<T>(why: string, as: Field<T> = str() as Field<T>): Field<T> & { readonly ignored: string } {
  return { ...as, ignored: why };
}

/** A route's declaration; `opts.tolerates` (one word) keeps today's lenience for routes that never rejected unknown keys. */
export const route = <D extends Fields>(fields: D, opts: { tolerates?: string; extension?: string } = {}): RouteParams<D> => ({ fields, ...opts });
