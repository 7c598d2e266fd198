// Every FAPI route's declared parameters (ROUTE_PARAMS, src/server/http/params.ts) against Clerk's spec:
// each declared key is a query or request-body parameter of the operation in spec/fapi-2026-05-12.yml, or is
// marked `ignored`/`extension` with a one-word reason; types and enums agree with the spec; the spec's required
// parameters are all accepted. Spec parameters we do not accept are listed as diagnostics. The Backend API routes'
// declarations (BAPI_ROUTE_PARAMS) are checked the same way against spec/bapi-2026-05-12.yml.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ROUTE_PARAMS } from '../../src/server/app.ts';
import { invitationRoutes } from '../../src/server/bapi/invitations.ts';
import { BAPI_ROUTE_PARAMS } from '../../src/server/bapi/router.ts';
import { sessionRoutes } from '../../src/server/bapi/sessions.ts';
import { userRoutes } from '../../src/server/bapi/users.ts';
import { bool, ignored, int, IGNORED, list, object, oneOf, route, str, type RouteParams } from '../../src/server/http/params.ts';
import { clientRoutes } from '../../src/server/routes/client.ts';
import { instanceRoutes } from '../../src/server/routes/instance.ts';
import { meRoutes } from '../../src/server/routes/me.ts';
import { backendOperationParams, operationParams, type SpecParam } from '../support/spec.ts';

const ONE_WORD = /^[a-z]+$/;

/** The spec types a declared kind may stand for (objects also travel as JSON strings in forms). */
const SPEC_TYPES: Record<string, readonly string[]> = {
  string: ['string'],
  enum: ['string'],
  boolean: ['boolean'],
  integer: ['integer', 'number'],
  list: ['array'],
  object: ['object', 'string'],
  // A multipart part: `type: string, format: binary` in the spec.
  file: ['string'],
};

function specTypes(schema: Record<string, unknown>): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  return []; // untyped (or composed): anything goes
}

/** `POST /v1/client/sign_ins/:id` → method and a concrete path the spec's templates match. */
function split(key: string): [string, string] {
  const [method, path] = key.split(' ') as [string, string];
  return [method, path.replace(/:([a-z_]+)/g, 'sample_$1')];
}

/** What is wrong with one route's declaration, and the spec parameters it does not accept. */
function check(key: string, decl: RouteParams, lookup = operationParams): { problems: string[]; unaccepted: string[] } {
  const problems: string[] = [];
  const [method, path] = split(key);
  if (decl.tolerates !== undefined && !ONE_WORD.test(decl.tolerates)) {
    problems.push(`${key}: tolerates needs a one-word reason, got ${JSON.stringify(decl.tolerates)}`);
  }
  const op = lookup(method, path);
  if (!op) {
    if (decl.extension === undefined || !ONE_WORD.test(decl.extension)) {
      problems.push(`${key}: no such operation in the spec and not marked extension with a one-word reason`);
    }
    return { problems, unaccepted: [] };
  }
  const spec = new Map<string, SpecParam>(op.params.map((p) => [p.name, p]));
  for (const [name, field] of Object.entries(decl.fields)) {
    const reason = field.ignored ?? field.extension ?? decl.extension;
    if (reason !== undefined && !ONE_WORD.test(reason)) problems.push(`${key}: ${name}: the reason must be one word, got ${JSON.stringify(reason)}`);
    const p = spec.get(name);
    if (!p) {
      if (reason === undefined) problems.push(`${key}: ${name} is not a parameter of ${method} ${op.template} in the spec; mark it ignored or extension`);
      continue;
    }
    const types = specTypes(p.schema);
    if (types.length > 0 && !types.some((t) => SPEC_TYPES[field.kind]!.includes(t))) {
      problems.push(`${key}: ${name} is declared ${field.kind}, the spec says ${types.join('|')}`);
    }
    const specEnum = Array.isArray(p.schema.enum) ? (p.schema.enum as unknown[]) : undefined;
    if (field.values && specEnum) {
      const extra = field.values.filter((v) => !specEnum.includes(v));
      if (extra.length > 0 && field.extension === undefined) problems.push(`${key}: ${name} allows ${extra.join(', ')}, not in the spec's enum`);
    }
  }
  for (const p of op.params) {
    if (p.required && !(p.name in decl.fields) && !IGNORED.has(p.name)) {
      problems.push(`${key}: the spec requires ${p.in} parameter ${p.name}, the route does not accept it`);
    }
  }
  const unaccepted = op.params.filter((p) => !(p.name in decl.fields) && !IGNORED.has(p.name)).map((p) => p.name);
  return { problems, unaccepted };
}

describe('declared route parameters against the FAPI spec', () => {
  test('every registered FAPI route has a declaration, and every declaration a route', () => {
    const registered = [...instanceRoutes.routes, ...clientRoutes.routes, ...meRoutes.routes].map((r) => `${r.method} ${r.path}`);
    assert.deepEqual([...new Set(registered)].sort(), Object.keys(ROUTE_PARAMS).sort());
  });

  test('each declared key is in the spec or marked ignored/extension; types, enums and required keys agree', (t) => {
    const problems: string[] = [];
    let declared = 0;
    for (const [key, decl] of Object.entries(ROUTE_PARAMS) as Array<[string, RouteParams]>) {
      const r = check(key, decl);
      declared += Object.keys(decl.fields).length;
      problems.push(...r.problems);
      if (r.unaccepted.length > 0) t.diagnostic(`${key} does not accept spec parameters: ${r.unaccepted.join(', ')}`);
    }
    assert.deepEqual(problems, []);
    assert.ok(declared >= 40, `only ${declared} declared keys: the table lost routes`);
  });

  test('the check fails on broken declarations', () => {
    const broken = route({
      passwrd: str(), // a typo: not in the spec
      identifier: bool(), // the spec says string
      redirect_url: ignored('two words'),
    });
    const { problems } = check('POST /v1/client/sign_ins', broken);
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems[0]!, /passwrd is not a parameter/);
    assert.match(problems[1]!, /identifier is declared boolean/);
    assert.match(problems[2]!, /one word/);
    const pigeons = route({ strategy: oneOf(['email_code', 'carrier_pigeon'] as const, { required: true }) });
    const strategies = check('POST /v1/me/email_addresses/:id/prepare_verification', pigeons);
    assert.match(strategies.problems.join('\n'), /allows carrier_pigeon, not in the spec's enum/);
    // A required spec parameter left out, and a route the spec does not have.
    assert.match(check('POST /v1/waitlist', route({}))!.problems.join('\n'), /requires body parameter email_address/);
    assert.match(check('POST /v1/nowhere', route({ a: int(), b: list(), c: object() }))!.problems.join('\n'), /no such operation/);
  });
});

describe('declared Backend API route parameters against the BAPI spec', () => {
  test('every registered BAPI route has a declaration, and every declaration a route', () => {
    const registered = [...userRoutes.routes, ...sessionRoutes.routes, ...invitationRoutes.routes].map((r) => `${r.method} ${r.path}`);
    assert.deepEqual([...new Set(registered)].sort(), Object.keys(BAPI_ROUTE_PARAMS).sort());
  });

  test('each declared key is in the spec or marked ignored/extension; types, enums and required keys agree', (t) => {
    const problems: string[] = [];
    let declared = 0;
    for (const [key, decl] of Object.entries(BAPI_ROUTE_PARAMS) as Array<[string, RouteParams]>) {
      const r = check(key, decl, backendOperationParams);
      declared += Object.keys(decl.fields).length;
      problems.push(...r.problems);
      if (r.unaccepted.length > 0) t.diagnostic(`${key} does not accept spec parameters: ${r.unaccepted.join(', ')}`);
    }
    assert.deepEqual(problems, []);
    assert.ok(declared >= 40, `only ${declared} declared keys: the table lost routes`);
  });

  test('the check fails on broken BAPI declarations', () => {
    const broken = route({
      limt: int(), // a typo: not in the spec
      email_address: str(), // the spec says array
      query: ignored('two words'),
    });
    const { problems } = check('GET /v1/users', broken, backendOperationParams);
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems[0]!, /limt is not a parameter of GET \/users/);
    assert.match(problems[1]!, /email_address is declared string, the spec says array/);
    assert.match(problems[2]!, /one word/);
    const statuses = check('GET /v1/invitations', route({ status: oneOf(['pending', 'lost'] as const) }), backendOperationParams);
    assert.match(statuses.problems.join('\n'), /allows lost, not in the spec's enum/);
    assert.match(check('POST /v1/invitations', route({}), backendOperationParams).problems.join('\n'), /requires body parameter email_address/);
    assert.match(check('PUT /v1/users/:id/nowhere', route({}), backendOperationParams).problems.join('\n'), /no such operation/);
  });
});
