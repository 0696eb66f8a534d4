/**
 * Checks requests and answers of a fake host against its Swagger 2.0 fixture with ajv. A request the description
 * does not allow is refused as the host would (400 or 422) and recorded; an answer its schema does not allow is a bug
 * of the fake, recorded too. Tests assert there are none.
 */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { HostFixture, HostOperation } from './swagger2';

export interface ContractViolation {
  readonly kind: 'request' | 'response';
  readonly operationId: string;
  readonly method: string;
  readonly url: string;
  readonly status?: number;
  readonly errors: readonly string[];
}

type Schema = { [keyword: string]: unknown };

/** Swagger 2.0 → JSON Schema: `x-nullable` admits null, `type: file` admits anything. */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (key === 'properties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value as Schema).map(([name, sub]) => [name, toJsonSchema(sub)]));
    } else if (key !== 'x-nullable' && key !== 'readOnly' && key !== 'discriminator') {
      out[key] = toJsonSchema(value);
    }
  }
  if (out.type === 'file') delete out.type;
  if ((schema as Schema)['x-nullable'] === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

export class Contract {
  private readonly ajv: Ajv;
  private readonly coercing: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly definitions: unknown;

  public constructor(private readonly fixture: HostFixture) {
    const options = { allErrors: true, strict: false, logger: false as const };
    this.ajv = new Ajv(options);
    this.coercing = new Ajv({ ...options, coerceTypes: 'array' as const });
    addFormats(this.ajv);
    addFormats(this.coercing);
    this.definitions = toJsonSchema(fixture.definitions);
  }

  public get operations(): readonly HostOperation[] {
    return this.fixture.operations;
  }

  /** Problems with the path, query or form parameters (coerced in place: `"2"` → `2`). */
  public checkParameters(
    op: HostOperation,
    where: 'path' | 'query' | 'formData',
    values: Record<string, unknown>,
  ): string[] {
    const params = op.parameters.filter((p) => p.in === where);
    const validate = this.compile(`${op.operationId} ${where}`, this.coercing, {
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
      required: params.filter((p) => p.required).map((p) => p.name),
    });
    return validate(values) ? [] : describe(where, validate.errors ?? []);
  }

  public checkBody(op: HostOperation, body: unknown): string[] {
    const documented = op.requestBody;
    if (!documented) return [];
    if (body === undefined) return documented.required ? ['body: required but missing'] : [];
    const validate = this.compile(`${op.operationId} body`, this.ajv, documented.schema);
    return validate(body) ? [] : describe('body', validate.errors ?? []);
  }

  /** Problems with an answer; an undocumented success status is one, an undocumented error status is not. */
  public checkResponse(op: HostOperation, status: number, body: unknown): string[] {
    const documented = op.responses[String(status)] ?? op.responses.default;
    if (!documented) {
      return status < 300
        ? [`status ${status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`]
        : [];
    }
    if (!documented.schema || body === undefined) return [];
    const validate = this.compile(`${op.operationId} ${status}`, this.ajv, documented.schema);
    return validate(body) ? [] : describe('response', validate.errors ?? []);
  }

  private compile(key: string, ajv: Ajv, schema: unknown): ValidateFunction {
    let validate = this.cache.get(key);
    if (!validate) {
      validate = ajv.compile({ ...(toJsonSchema(schema) as Schema), definitions: this.definitions });
      this.cache.set(key, validate);
    }
    return validate;
  }
}

function describe(where: string, errors: readonly ErrorObject[]): string[] {
  const composite = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath);
  return errors
    .filter((e) => !composite.some((c) => e.schemaPath !== c && e.schemaPath.startsWith(`${c}/`)))
    .map((e) => `${where}${e.instancePath}: ${e.message ?? 'is invalid'}${detail(e)}`);
}

function detail(e: ErrorObject): string {
  if (e.keyword === 'enum') return ` (${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)})`;
  if (e.keyword === 'additionalProperties')
    return ` ("${(e.params as { additionalProperty: string }).additionalProperty}")`;
  if (e.keyword === 'required') return '';
  return '';
}
