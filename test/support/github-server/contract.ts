/**
 * Checks requests and responses against the OpenAPI contract fixture with ajv, and phrases request problems the
 * way GitHub's 422 "Invalid request." answers do.
 */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { FixtureOperation, JsonSchema } from './fixture';
import { GitHubErrorDetail } from './http';

/** A request GitHub would reject, or an answer of the fake that its documented schema does not allow. */
export interface ContractViolation {
  /** `request`: the client sent what the contract forbids; `response`: a bug in the fake server. */
  readonly kind: 'request' | 'response';
  readonly operationId: string;
  readonly method: string;
  /** Path and query as requested. */
  readonly url: string;
  /** The answered status (responses only). */
  readonly status?: number;
  /** One line per problem, e.g. `body/tree: must have required property 'tree'`. */
  readonly errors: readonly string[];
}

/** The outcome of checking one part of a request. */
export interface RequestCheck {
  /** GitHub's sentences for the 422 message (empty when valid). */
  readonly messages: readonly string[];
  /** Entries for the 422's `errors` array. */
  readonly details: readonly GitHubErrorDetail[];
  /** Contract-violation lines. */
  readonly problems: readonly string[];
}

/** Resource names GitHub uses in validation errors, by operation id. */
const RESOURCES: Readonly<Record<string, string>> = {
  'git/create-ref': 'Reference',
  'git/update-ref': 'Reference',
  'git/create-tree': 'Tree',
  'git/create-blob': 'Blob',
  'git/create-commit': 'Commit',
  'repos/create-or-update-file-contents': 'Content',
  'pulls/create': 'PullRequest',
  'pulls/update': 'PullRequest',
  'pulls/merge': 'PullRequest',
  'issues/add-labels': 'Label',
  'issues/set-labels': 'Label',
  'issues/create-label': 'Label',
  'repos/create-commit-status': 'Status',
};

export function resourceOf(operationId: string): string {
  return RESOURCES[operationId] ?? 'Repository';
}

/**
 * OpenAPI 3.0 → the JSON Schema ajv checks: `nullable` becomes a `null` type (or enum value), or `anyOf` with
 * `null` when the schema has no `type` (as in `nullable` + `allOf`); `oneOf` becomes `anyOf`.
 */
export function toJsonSchema(schema: JsonSchema): JsonSchema {
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === 'properties' || keyword === 'patternProperties') {
      out[keyword] = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([name, sub]) => [name, toJsonSchema(sub)]),
      );
    } else if ((keyword === 'items' || keyword === 'additionalProperties' || keyword === 'not') && isSchema(value)) {
      out[keyword] = toJsonSchema(value);
    } else if ((keyword === 'allOf' || keyword === 'anyOf' || keyword === 'oneOf') && Array.isArray(value)) {
      // GitHub's description writes `oneOf` for alternatives that overlap (a basic error matches both shapes of
      // the contents 409), so "exactly one" would reject valid answers: alternatives are checked as `anyOf`.
      out[keyword === 'oneOf' ? 'anyOf' : keyword] = value.map((sub) => (isSchema(sub) ? toJsonSchema(sub) : sub));
    } else if (keyword !== 'nullable') {
      out[keyword] = value;
    }
  }
  if (schema.nullable !== true) {
    return out;
  }
  if (Array.isArray(out.enum) && !out.enum.includes(null)) {
    out.enum = [...out.enum, null];
  }
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function newAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    coerceTypes,
    logger: false,
  });
  addFormats(ajv);
  ajv.addFormat('repo.nwo', /^[^/]+\/[^/]+$/);
  return ajv;
}

/** Compiled validators, shared by all servers in a process (compiling the pull request schemas is slow). */
const strictAjv = newAjv(false);
const coercingAjv = newAjv(true);
const compiled = new Map<string, ValidateFunction>();

function validator(key: string, ajv: Ajv, schema: () => JsonSchema): ValidateFunction {
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile(toJsonSchema(schema()));
    compiled.set(key, fn);
  }
  return fn;
}

/**
 * Checks and coerces (`"2"` → `2` for an integer) the path or query parameters of a request in place.
 * Undocumented query parameters are left alone, as GitHub ignores them.
 */
export function checkParameters(
  op: FixtureOperation,
  where: 'path' | 'query',
  values: Record<string, unknown>,
): RequestCheck {
  const params = op.parameters.filter((p) => p.in === where);
  const validate = validator(`${op.operationId} ${where}`, coercingAjv, () => ({
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name),
  }));
  if (validate(values)) {
    return { messages: [], details: [], problems: [] };
  }
  return describe(op, validate.errors ?? [], where);
}

/** Checks a JSON body against the documented request body schema (`undefined`: nothing was sent). */
export function checkBody(op: FixtureOperation, body: unknown): RequestCheck {
  const requestBody = op.requestBody;
  if (!requestBody || (body === undefined && !requestBody.required)) {
    return { messages: [], details: [], problems: [] };
  }
  if (body === undefined) {
    return {
      messages: ["For 'links/0/schema', nil is not an object."],
      details: [{ resource: resourceOf(op.operationId), code: 'invalid', message: 'a JSON body is required' }],
      problems: ['body: required but missing'],
    };
  }
  const validate = validator(`${op.operationId} body`, strictAjv, () => requestBody.schema);
  if (validate(body)) {
    return { messages: [], details: [], problems: [] };
  }
  return describe(op, validate.errors ?? [], 'body');
}

/**
 * Checks an answer against the schema documented for its status. Undocumented success statuses are violations;
 * undocumented error statuses are not (GitHub documents only some of the errors it returns).
 */
export function checkResponse(op: FixtureOperation, status: number, body: unknown): string[] {
  const documented = op.responses[String(status)];
  if (!documented) {
    return status < 300
      ? [`status ${status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`]
      : [];
  }
  if (!documented.schema) {
    return [];
  }
  const validate = validator(`${op.operationId} ${status}`, strictAjv, () => documented.schema as JsonSchema);
  if (validate(body)) {
    return [];
  }
  return prune(validate.errors ?? []).map((e) => `response${e.instancePath}: ${e.message}${detail(e)}`);
}

/** Drops the per-branch errors of a failed `anyOf`/`oneOf`, keeping the composite's own error. */
function prune(errors: readonly ErrorObject[]): ErrorObject[] {
  const composites = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath);
  return errors.filter((e) => !composites.some((c) => e.schemaPath !== c && e.schemaPath.startsWith(`${c}/`)));
}

function detail(e: ErrorObject): string {
  if (e.keyword === 'enum') {
    return ` (${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}, got ${JSON.stringify(e.data)})`;
  }
  if (e.keyword === 'additionalProperties') {
    return ` ("${(e.params as { additionalProperty: string }).additionalProperty}")`;
  }
  if (e.keyword === 'type' || e.keyword === 'format') {
    return `, got ${JSON.stringify(e.data)}`;
  }
  return '';
}

/** Ruby-flavoured rendering of a value, as GitHub quotes it (`nil`, `"text"`, `12`). */
function inspect(value: unknown): string {
  return value === null || value === undefined ? 'nil' : JSON.stringify(value);
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'a string',
    integer: 'an integer',
    number: 'a number',
    boolean: 'a boolean',
    object: 'an object',
    array: 'an array',
    null: 'nil',
  };
  return names[type] ?? `a ${type}`;
}

/** `/tree/0/mode` → `properties/tree/items/properties/mode` (GitHub's schema pointer style). */
function schemaPointer(instancePath: string, where: 'path' | 'query' | 'body'): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (where !== 'body') {
    return parts.join('/');
  }
  return parts.map((p) => (/^\d+$/.test(p) ? 'items' : `properties/${p}`)).join('/');
}

function describe(
  op: FixtureOperation,
  errors: readonly ErrorObject[],
  where: 'path' | 'query' | 'body',
): RequestCheck {
  const resource = resourceOf(op.operationId);
  const messages: string[] = [];
  const details: GitHubErrorDetail[] = [];
  const problems: string[] = [];
  for (const e of prune(errors)) {
    const segments = e.instancePath.split('/').slice(1);
    let message: string;
    let code = 'invalid';
    let field = segments.join('.');
    const pointer = schemaPointer(e.instancePath, where);
    const at = pointer === '' ? 'links/0/schema' : pointer;
    switch (e.keyword) {
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        field = [...segments, missing].join('.');
        message = `"${missing}" wasn't supplied.`;
        code = 'missing_field';
        break;
      }
      case 'additionalProperties': {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        field = [...segments, extra].join('.');
        message = `"${extra}" is not a permitted key.`;
        code = 'unprocessable';
        break;
      }
      case 'type': {
        const types = ([] as string[]).concat((e.params as { type: string | string[] }).type);
        message = `For '${at}', ${inspect(e.data)} is not ${types.map(article).join(' or ')}.`;
        break;
      }
      case 'enum': {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
        message = `For '${at}', ${inspect(e.data)} is not a member of [${allowed.map(inspect).join(', ')}].`;
        break;
      }
      default:
        message = `For '${at}', ${inspect(e.data)} ${e.message ?? 'is invalid'}.`;
    }
    messages.push(message);
    details.push({ resource, field: field === '' ? undefined : field, code, message });
    problems.push(`${where}${e.instancePath}: ${e.message}${detail(e)}`);
  }
  return {
    messages,
    details: details.map((d) =>
      d.field === undefined ? { resource: d.resource, code: d.code, message: d.message } : d,
    ),
    problems,
  };
}
