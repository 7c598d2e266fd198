// Validates server response bodies against Clerk's Frontend API OpenAPI 3.0.3 spec (and, through
// `specValidator`, any other Clerk spec such as the Backend API's).
//
//   import { validateResponse } from './spec.ts';
//   assert.deepEqual(validateResponse('POST', '/v1/client/sign_ins', res.status, body), []);
//
//   const bapi = specValidator(BAPI_SPEC_PATH, { pathPrefix: '/v1' });   // spec paths lack the /v1 of its server URL
//   assert.deepEqual(bapi.validateResponse('GET', '/v1/users', 200, body), []);
//
// The spec (spec/fapi-2026-05-12.yml, vendored with Clerk's MIT LICENSE; override with FAPI_SPEC) is
// loaded once, lazily. OpenAPI 3.0 schemas are converted to JSON Schema (draft-07, Ajv 8):
//   - `nullable: true` → 'null' added to `type` (and to `enum`), or the schema wrapped as
//     `anyOf: [schema, {type: 'null'}]` when it has `$ref`/allOf/oneOf/anyOf/not;
//   - `oneOf` → `anyOf` (the verification variants overlap, so "exactly one" would reject
//     valid bodies); `discriminator` is dropped;
//   - `$ref` siblings are ignored as OpenAPI 3.0 says (except `nullable`, which is honoured);
//   - OpenAPI-only keywords (`example`, `x-*`, `xml`, `externalDocs`, `deprecated`,
//     `readOnly`, `writeOnly`) are dropped; boolean `exclusiveMinimum/Maximum` become numbers.
// All component schemas are registered once as `definitions` of one Ajv schema with an $id,
// so (recursive) refs resolve lazily through Ajv. Validators are cached per schema object and
// per (method, template, status).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, '../..');
export const SPEC_PATH = process.env.FAPI_SPEC ?? resolve(REPO_ROOT, 'spec/fapi-2026-05-12.yml');
/** Clerk's Backend API spec; its paths are relative to `https://api.clerk.com/v1`. */
export const BAPI_SPEC_PATH = process.env.BAPI_SPEC ?? resolve(REPO_ROOT, 'spec/bapi-2026-05-12.yml');

const SPEC_ID = 'https://clerk-wc.test/fapi.json';
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const DROPPED_KEYWORDS = new Set(['nullable', 'discriminator', 'example', 'examples', 'xml', 'externalDocs', 'deprecated', 'readOnly', 'writeOnly']);
const MAX_PROBLEMS = 30;

type Obj = Record<string, unknown>;

interface PathEntry {
  template: string;
  /** One matcher per path segment: a literal string or a regex (template parameters). */
  segments: Array<string | RegExp>;
  item: Obj;
}

interface Loaded {
  spec: Obj;
  paths: PathEntry[];
  ajv: Ajv;
}

/** One spec: its file, the prefix its paths leave out, and what was built from it (lazily). */
interface SpecState {
  path: string;
  pathPrefix: string;
  loaded?: Loaded;
  validatorsByKey: Map<string, ValidateFunction>;
  validatorsBySchema: WeakMap<object, ValidateFunction>;
}

function newState(path: string, pathPrefix = ''): SpecState {
  return { path, pathPrefix, validatorsByKey: new Map(), validatorsBySchema: new WeakMap() };
}

const FAPI = newState(SPEC_PATH);

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function load(st: SpecState): Loaded {
  if (st.loaded) return st.loaded;
  const spec: unknown = parse(readFileSync(st.path, 'utf8'));
  if (!isObj(spec) || !isObj(spec.paths)) throw new Error(`${st.path}: not an OpenAPI document`);

  const paths: PathEntry[] = Object.entries(spec.paths).map(([template, item]) => ({
    template,
    segments: splitPath(template).map(segmentMatcher),
    item: isObj(item) ? item : {},
  }));

  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the
  // module object for the type checker but the function itself at runtime.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addFormat('base64', /^[A-Za-z0-9+/]*={0,2}$/);

  const components = isObj(spec.components) ? spec.components : {};
  const schemas = isObj(components.schemas) ? components.schemas : {};
  const definitions: Obj = {};
  for (const [name, schema] of Object.entries(schemas)) definitions[name] = convertSchema(schema);
  ajv.addSchema({ $id: SPEC_ID, definitions });

  st.loaded = { spec, paths, ajv };
  return st.loaded;
}

// ---- path matching ---------------------------------------------------------------------------

function splitPath(path: string): string[] {
  const p = path.split(/[?#]/, 1)[0] ?? '';
  const trimmed = p.length > 1 ? p.replace(/\/+$/, '') : p;
  return trimmed.split('/').slice(1);
}

function segmentMatcher(segment: string): string | RegExp {
  if (!segment.includes('{')) return segment;
  const parts = segment.split(/(\{[^}]+\})/).filter(Boolean);
  const source = parts.map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Templates matching the path, most specific first (a literal beats a parameter, left to right). */
function matchingTemplates(st: SpecState, requestPath: string): PathEntry[] {
  const actualPath = st.pathPrefix && requestPath.startsWith(`${st.pathPrefix}/`) ? requestPath.slice(st.pathPrefix.length) : requestPath;
  const actual = splitPath(actualPath).map(decodeSegment);
  const scored: Array<{ entry: PathEntry; score: number[] }> = [];
  for (const entry of load(st).paths) {
    if (entry.segments.length !== actual.length) continue;
    const score: number[] = [];
    let ok = true;
    for (let i = 0; i < actual.length; i++) {
      const m = entry.segments[i]!;
      const a = actual[i]!;
      if (typeof m === 'string') {
        if (m !== a) {
          ok = false;
          break;
        }
        score.push(0);
      } else {
        if (!m.test(a)) {
          ok = false;
          break;
        }
        score.push(1);
      }
    }
    if (ok) scored.push({ entry, score });
  }
  scored.sort((x, y) => {
    for (let i = 0; i < x.score.length; i++) {
      const d = x.score[i]! - y.score[i]!;
      if (d !== 0) return d;
    }
    return 0;
  });
  return scored.map((s) => s.entry);
}

function operationOf(entry: PathEntry, method: string): Obj | undefined {
  const m = method.toLowerCase();
  if (!METHODS.has(m)) return undefined;
  const op = entry.item[m];
  return isObj(op) ? op : undefined;
}

/**
 * The spec path template for a concrete request path, e.g.
 * `/v1/client/sign_ins/sia_123/attempt_first_factor` → `/v1/client/sign_ins/{sign_in_id}/attempt_first_factor`.
 * Only templates that document `method` are considered; literal segments win over parameters.
 */
export function findOperation(method: string, actualPath: string): { template: string } | undefined {
  return findIn(FAPI, method, actualPath);
}

/** A request parameter the spec documents for an operation: in the query or a property of the request body. */
export interface SpecParam {
  name: string;
  in: 'query' | 'body';
  required: boolean;
  /** The (dereferenced, OpenAPI) schema; `{}` when the spec gives none. */
  schema: Obj;
}

/** The query and request-body parameters (any content type, allOf/oneOf/anyOf branches merged) of an FAPI operation. */
export function operationParams(method: string, actualPath: string): { template: string; params: SpecParam[] } | undefined {
  return paramsIn(FAPI, method, actualPath);
}

let BAPI: SpecState | undefined;

/** The same for a Backend API operation (`/v1/users/user_1`: the spec's paths leave out the /v1 of its server URL). */
export function backendOperationParams(method: string, actualPath: string): { template: string; params: SpecParam[] } | undefined {
  BAPI ??= newState(BAPI_SPEC_PATH, '/v1');
  return paramsIn(BAPI, method, actualPath);
}

function paramsIn(st: SpecState, method: string, actualPath: string): { template: string; params: SpecParam[] } | undefined {
  const entry = matchingTemplates(st, actualPath).find((e) => operationOf(e, method));
  if (!entry) return undefined;
  const spec = load(st).spec;
  const deref = (v: unknown): Obj => {
    let o = v;
    for (let i = 0; i < 20 && isObj(o) && typeof o.$ref === 'string'; i++) {
      o = o.$ref
        .slice(2)
        .split('/')
        .reduce<unknown>((acc, k) => (isObj(acc) ? acc[k] : undefined), spec);
    }
    return isObj(o) ? o : {};
  };
  const op = operationOf(entry, method)!;
  const out = new Map<string, SpecParam>();
  const level = (v: unknown) => (Array.isArray(v) ? v : []);
  for (const raw of [...level(entry.item.parameters), ...level(op.parameters)]) {
    const p = deref(raw);
    if (p.in === 'query' && typeof p.name === 'string') out.set(p.name, { name: p.name, in: 'query', required: p.required === true, schema: deref(p.schema) });
  }
  // Only the top level and allOf branches make a property required; a oneOf/anyOf branch's `required` is one alternative.
  const walk = (schema: Obj, depth: number, binding = true) => {
    if (depth > 8) return;
    const required = new Set(binding && Array.isArray(schema.required) ? schema.required : []);
    if (isObj(schema.properties)) {
      for (const [name, prop] of Object.entries(schema.properties)) {
        const prev = out.get(name);
        out.set(name, { name, in: 'body', required: (prev?.required ?? false) || required.has(name), schema: deref(prop) });
      }
    }
    for (const k of ['allOf', 'oneOf', 'anyOf']) for (const branch of level(schema[k])) walk(deref(branch), depth + 1, binding && k === 'allOf');
  };
  const body = deref(op.requestBody);
  if (isObj(body.content)) for (const media of Object.values(body.content)) if (isObj(media)) walk(deref(media.schema), 0);
  return { template: entry.template, params: [...out.values()] };
}

function findIn(st: SpecState, method: string, actualPath: string): { template: string } | undefined {
  const entry = matchingTemplates(st, actualPath).find((e) => operationOf(e, method));
  return entry ? { template: entry.template } : undefined;
}

// ---- OpenAPI 3.0 schema → JSON Schema ------------------------------------------------------

function convertRef(ref: unknown): string {
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    return `${SPEC_ID}#/definitions/${ref.slice('#/components/schemas/'.length)}`;
  }
  throw new Error(`unsupported $ref in FAPI spec: ${String(ref)}`);
}

function makeNullable(schema: Obj): Obj {
  if ('$ref' in schema || 'allOf' in schema || 'anyOf' in schema || 'oneOf' in schema || 'not' in schema) {
    return { anyOf: [schema, { type: 'null' }] };
  }
  const out: Obj = { ...schema };
  if (typeof out.type === 'string') out.type = out.type === 'null' ? 'null' : [out.type, 'null'];
  else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}

/** Converts one OpenAPI 3.0 schema object (walking only schema positions, never property names). */
export function convertSchema(schema: unknown): unknown {
  if (!isObj(schema)) return schema; // `true`/`false` (additionalProperties) or junk
  const nullable = schema.nullable === true;

  // OpenAPI 3.0: siblings of $ref are ignored. `nullable` next to a $ref is still honoured
  // because that is plainly what the spec authors meant.
  if ('$ref' in schema) {
    const ref: Obj = { $ref: convertRef(schema.$ref) };
    return nullable ? makeNullable(ref) : ref;
  }

  const out: Obj = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    switch (key) {
      case 'properties':
      case 'patternProperties':
        if (isObj(value)) {
          const props: Obj = {};
          for (const [name, sub] of Object.entries(value)) props[name] = convertSchema(sub);
          out[key] = props;
        }
        break;
      case 'items':
        out.items = Array.isArray(value) ? value.map(convertSchema) : convertSchema(value);
        break;
      case 'additionalProperties':
      case 'not':
        out[key] = convertSchema(value);
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf': {
        if (!Array.isArray(value)) break;
        const target = key === 'allOf' ? 'allOf' : 'anyOf';
        const converted = value.map(convertSchema);
        if (target === 'anyOf' && Array.isArray(out.anyOf)) {
          // Both oneOf and anyOf present: both must hold.
          out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), { anyOf: converted }];
        } else {
          out[target] = converted;
        }
        break;
      }
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        if (value === true) {
          const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
          if (typeof schema[bound] === 'number') out[key] = schema[bound];
        } else if (typeof value === 'number') {
          out[key] = value;
        }
        break;
      default:
        out[key] = value;
    }
  }
  // A boolean exclusive bound replaces the inclusive one it qualifies.
  if (schema.exclusiveMinimum === true && typeof schema.minimum === 'number') delete out.minimum;
  if (schema.exclusiveMaximum === true && typeof schema.maximum === 'number') delete out.maximum;

  return nullable ? makeNullable(out) : out;
}

// ---- responses ---------------------------------------------------------------------------------

function resolveResponse(spec: Obj, response: unknown): Obj | undefined {
  let r = response;
  for (let depth = 0; depth < 10 && isObj(r) && typeof r.$ref === 'string'; depth++) {
    const m = /^#\/components\/responses\/(.+)$/.exec(r.$ref);
    const responses = isObj(spec.components) && isObj(spec.components.responses) ? spec.components.responses : {};
    r = m ? responses[m[1]!] : undefined;
  }
  return isObj(r) ? r : undefined;
}

function jsonSchemaOf(response: Obj): { hasContent: boolean; schema?: unknown } {
  const content = isObj(response.content) ? response.content : undefined;
  if (!content || Object.keys(content).length === 0) return { hasContent: false };
  const mediaType = content['application/json'] ?? Object.entries(content).find(([type]) => /^application\/(.+\+)?json\b/.test(type))?.[1];
  if (!isObj(mediaType)) return { hasContent: true };
  return { hasContent: true, schema: mediaType.schema };
}

function compile(st: SpecState, schema: unknown): ValidateFunction {
  const { ajv } = load(st);
  if (isObj(schema)) {
    const cached = st.validatorsBySchema.get(schema);
    if (cached) return cached;
  }
  const converted = convertSchema(schema);
  const validate = ajv.compile(isObj(converted) || typeof converted === 'boolean' ? converted : {});
  if (isObj(schema)) st.validatorsBySchema.set(schema, validate);
  return validate;
}

function formatValue(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function describeErrors(errors: ErrorObject[], body: unknown): string[] {
  // Drop the `{type: 'null'}` branch of nullable wrappers when the value is not null: it only
  // says "must be null", which is noise next to the real branch's errors.
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'type' && (e.params as { type?: unknown }).type === 'null') continue;
    const where = e.instancePath || '(body)';
    let detail = '';
    if (e.keyword === 'additionalProperties') {
      detail = ` (${formatValue((e.params as { additionalProperty?: unknown }).additionalProperty)})`;
    } else if (e.keyword === 'enum') {
      detail = ` ${formatValue((e.params as { allowedValues?: unknown }).allowedValues)}, got ${formatValue(valueAt(body, e.instancePath))}`;
    } else if (e.keyword === 'type' || e.keyword === 'format' || e.keyword === 'const' || e.keyword === 'pattern') {
      detail = `, got ${formatValue(valueAt(body, e.instancePath))}`;
    } else if (e.keyword === 'anyOf') {
      detail = ' (no alternative matched; see the errors above for each alternative)';
    }
    const line = `${where} ${e.message ?? e.keyword}${detail}`;
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
  }
  return lines;
}

function valueAt(body: unknown, pointer: string): unknown {
  let v = body;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(v)) v = v[Number(key)];
    else if (isObj(v)) v = v[key];
    else return undefined;
  }
  return v;
}

/**
 * Problems with a JSON response body according to the spec ([] = valid).
 * `body` is the parsed JSON (pass `undefined` for an empty body).
 */
export function validateResponse(method: string, actualPath: string, status: number, body: unknown): string[] {
  return validateIn(FAPI, method, actualPath, status, body);
}

function validateIn(st: SpecState, method: string, actualPath: string, status: number, body: unknown): string[] {
  const { spec } = load(st);
  const M = method.toUpperCase();
  const label = `${M} ${actualPath}`;

  const candidates = matchingTemplates(st, actualPath);
  if (candidates.length === 0) return [`${label}: not in spec`];
  const entry = candidates.find((e) => operationOf(e, method));
  if (!entry) {
    const templates = candidates.map((c) => c.template).join(', ');
    return [`${label}: not in spec (path matches ${templates}, which does not document ${M})`];
  }
  const template = entry.template;
  const op = operationOf(entry, method)!;
  const responses = isObj(op.responses) ? op.responses : {};
  const key = `${M} ${template} ${status}`;

  let validate = st.validatorsByKey.get(key);
  if (!validate) {
    const raw = responses[String(status)] ?? responses[`${Math.floor(status / 100)}XX`] ?? responses.default;
    if (raw === undefined) {
      const documented = Object.keys(responses).join(', ') || 'none';
      return [`${label}: status ${status} not in spec for ${M} ${template} (documented: ${documented})`];
    }
    const response = resolveResponse(spec, raw);
    if (!response) return [`${label}: spec response for ${status} is an unresolvable $ref`];
    const { hasContent, schema } = jsonSchemaOf(response);
    if (schema === undefined) {
      if (body === undefined || body === null || body === '') return [];
      return [`${label}: status ${status} documents ${hasContent ? 'no JSON body' : 'no body'} for ${M} ${template}, got ${formatValue(body)}`];
    }
    validate = compile(st, schema);
    st.validatorsByKey.set(key, validate);
  }

  if (validate(body)) return [];
  const lines = describeErrors(validate.errors ?? [], body);
  const head = `${label} ${status}${template === actualPath ? '' : ` [${template}]`}:`;
  const shown = lines.slice(0, MAX_PROBLEMS).map((l) => `${head} ${l}`);
  if (lines.length > MAX_PROBLEMS) shown.push(`${head} ... and ${lines.length - MAX_PROBLEMS} more`);
  return shown.length ? shown : [`${head} invalid`];
}

export interface SpecValidator {
  findOperation(method: string, actualPath: string): { template: string } | undefined;
  validateResponse(method: string, actualPath: string, status: number, body: unknown): string[];
}

const validators = new Map<string, SpecValidator>();

/**
 * A validator for another OpenAPI spec file. `pathPrefix` is what request paths carry and the spec's paths
 * leave out (the Backend API spec's server URL ends in /v1, so its paths start at /users).
 */
export function specValidator(path: string, opts: { pathPrefix?: string } = {}): SpecValidator {
  const key = `${path}\0${opts.pathPrefix ?? ''}`;
  let v = validators.get(key);
  if (!v) {
    const st = path === SPEC_PATH && !opts.pathPrefix ? FAPI : newState(path, opts.pathPrefix);
    v = {
      findOperation: (method, actualPath) => findIn(st, method, actualPath),
      validateResponse: (method, actualPath, status, body) => validateIn(st, method, actualPath, status, body),
    };
    validators.set(key, v);
  }
  return v;
}
