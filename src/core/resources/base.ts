// Resources wrap FAPI JSON in camelCase objects with the methods clerk-js users call.
import type { Fapi, FapiBody, Json } from '../fapi.js';

/** What a resource needs from the Clerk instance. */
export interface ResourceHost {
  readonly fapi: Fapi;
  /** Mints (or returns the cached) session token. */
  getSessionToken(sessionId: string, template: string | undefined, skipCache: boolean): Promise<string | null>;
  /** Asks the instance to pick up a client that a response did not piggyback. */
  reloadClient(): Promise<void>;
}

const camel = (k: string) => k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** snake_case keys → camelCase, `*_at` timestamps → Date; metadata objects are the user's own and stay as sent. */
export function camelize(value: unknown): any {
  if (Array.isArray(value)) return value.map(camelize);
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.endsWith('_metadata')) out[camel(k)] = v;
    else if (k.endsWith('_at') && typeof v === 'number') out[camel(k)] = new Date(v);
    else out[camel(k)] = camelize(v);
  }
  return out;
}

export abstract class Resource {
  declare id: string;
  /** The JSON this resource was last built from. */
  declare protected raw: Json;

  constructor(
    protected readonly host: ResourceHost,
    json: Json | null | undefined,
  ) {
    Object.defineProperty(this, 'host', { enumerable: false });
    this.assign(json);
  }

  protected assign(json: Json | null | undefined): this {
    Object.defineProperty(this, 'raw', { value: json ?? null, enumerable: false, writable: true, configurable: true });
    // An empty resource (no client yet, no sign-in yet) still gets its nested defaults.
    Object.assign(this, this.fromJson(json ?? {}));
    return this;
  }

  /** Turns JSON into own properties; subclasses add nested resources. */
  protected fromJson(json: Json): Json {
    return camelize(json);
  }

  /** Calls the FAPI and refreshes this resource from `response`. */
  protected async call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: FapiBody, query?: Record<string, string>): Promise<this> {
    const res = await this.host.fapi.request<{ response: Json }>({ method, path, ...(body ? { body } : {}), ...(query ? { query } : {}) });
    return this.assign(res.response);
  }
}
