import { ErrorObject } from 'ajv';
import { formatFloat } from '../../gotemplate';

/** One way a config breaks a schema, in gojsonschema 1.2.0's words. */
export interface SchemaViolation {
  /** gojsonschema's field: `(root)`, `factoryID`, `module.tag.0`. */
  readonly field: string;
  /** gojsonschema's description, e.g. `Must be greater than 0`. */
  readonly description: string;
  /** The JSON Schema keyword that failed (ajv's name). */
  readonly keyword: string;
  /** Path of the value the violation is about, when there is one (a missing property has none). */
  readonly valuePath?: readonly string[];
}

interface RankedViolation extends SchemaViolation {
  readonly path: readonly string[];
  readonly rank: number;
  readonly afterChildren: boolean;
}

/*
 * Order of gojsonschema's checks at one value (validation.go): type; anyOf, oneOf, allOf, not, dependencies,
 * if/then/else; then per kind — objects: minProperties, maxProperties, required, additionalProperties,
 * propertyNames; numbers: multipleOf, maximum, exclusiveMaximum, minimum, exclusiveMinimum; arrays (after their
 * items): additionalItems, minItems, maxItems, uniqueItems, contains — then const and enum, then strings: minLength,
 * maxLength, pattern, format; an object's properties come last.
 */
const RANKS: Readonly<Record<string, number>> = {
  'false schema': 0,
  type: 0,
  anyOf: 1,
  oneOf: 2,
  allOf: 3,
  not: 4,
  dependencies: 5,
  if: 6,
  minProperties: 10,
  maxProperties: 11,
  required: 12,
  additionalProperties: 13,
  propertyNames: 14,
  multipleOf: 10,
  maximum: 11,
  exclusiveMaximum: 12,
  minimum: 13,
  exclusiveMinimum: 14,
  additionalItems: 19,
  minItems: 20,
  maxItems: 21,
  uniqueItems: 22,
  contains: 23,
  const: 30,
  enum: 31,
  minLength: 40,
  maxLength: 41,
  pattern: 42,
  format: 43,
};
const PROPERTY_NAME_RANK = 15;
const UNKNOWN_RANK = 50;
const ARRAY_RANKS = { first: 19, last: 23 };

/**
 * ajv's errors for `data` as gojsonschema 1.2.0 reports them: its words (`X is required`, `Invalid type. Expected:
 * string, given: integer`, `Must be less than or equal to 90`…), its field names (`(root)`, dotted paths), only the
 * closest branch of a failed anyOf/oneOf, a summary line for allOf, and its order: a value's own errors before its
 * children's (an array's after its items), in the order gojsonschema checks keywords; sibling properties
 * alphabetically (gojsonschema visits them in Go map order, which varies from run to run).
 */
export function toSchemaViolations(errors: readonly ErrorObject[], data: unknown): SchemaViolation[] {
  const kept = withoutLosingBranches(errors);
  const ranked: RankedViolation[] = [...kept.map((error) => rank(error, data)), ...allOfSummaries(kept, data)];
  return ranked
    .map((violation, index) => ({ violation, index }))
    .sort((a, b) => compareViolations(a.violation, b.violation) || a.index - b.index)
    .map(({ violation: { field, description, keyword, valuePath } }) => ({
      field,
      description,
      keyword,
      ...(valuePath ? { valuePath } : {}),
    }));
}

/** gojsonschema keeps only the errors of the best-scoring branch of a failed anyOf/oneOf, none for `contains`. */
function withoutLosingBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const combinator of errors) {
    if (!['anyOf', 'oneOf', 'contains'].includes(combinator.keyword)) continue;
    const prefix = `${combinator.schemaPath}/`;
    const inner = errors.filter(
      (error) =>
        error !== combinator &&
        error.schemaPath.startsWith(prefix) &&
        error.instancePath.startsWith(combinator.instancePath),
    );
    const passing = combinator.params.passingSchemas as unknown;
    if (combinator.keyword === 'contains' || (passing !== null && passing !== undefined)) {
      inner.forEach((error) => dropped.add(error));
      continue;
    }
    const branches = new Map<string, ErrorObject[]>();
    for (const error of inner) {
      const branch = error.schemaPath.slice(prefix.length).split('/')[0];
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    // gojsonschema scores branches; one whose type does not match scores lowest, then the one with fewer errors wins.
    const typeMismatch = (branchErrors: ErrorObject[]) =>
      branchErrors.some((error) => error.keyword === 'type' && error.instancePath === combinator.instancePath) ? 1 : 0;
    const best = [...branches.entries()].sort(
      ([a, x], [b, y]) => typeMismatch(x) - typeMismatch(y) || x.length - y.length || Number(a) - Number(b),
    )[0]?.[0];
    for (const [branch, branchErrors] of branches)
      if (branch !== best) branchErrors.forEach((error) => dropped.add(error));
  }
  return errors.filter((error) => !dropped.has(error));
}

/** gojsonschema adds "Must validate all the schemas (allOf)" after the errors of a failed allOf's branches. */
function allOfSummaries(errors: readonly ErrorObject[], data: unknown): RankedViolation[] {
  const summaries = new Map<string, RankedViolation>();
  for (const error of errors) {
    const match = /^(.*?\/allOf)\/\d+\//.exec(error.schemaPath);
    if (!match || summaries.has(match[1])) continue;
    const path = instancePathOfSchemaPath(match[1]) ?? instancePath(error);
    summaries.set(
      match[1],
      violationAt(path, 'allOf', 'Must validate all the schemas (allOf)', RANKS.allOf + 0.5, data),
    );
  }
  return [...summaries.values()];
}

/** Keywords of a schema path that move to another value (a property, an item…). */
const DESCENDING = new Set([
  'properties',
  'patternProperties',
  'additionalProperties',
  'items',
  'additionalItems',
  'contains',
  'propertyNames',
  'dependencies',
]);
const BRANCH_RANKS: Readonly<Record<string, number>> = {
  anyOf: RANKS.anyOf,
  oneOf: RANKS.oneOf,
  allOf: RANKS.allOf,
  then: RANKS.if,
  else: RANKS.if,
};

/**
 * An error inside a branch of a combinator that applies to the same value comes right after the combinator's own
 * error, as gojsonschema merges a branch's errors where it checks the combinator.
 */
function branchRank(schemaPath: string): number | undefined {
  const segments = schemaPath.split('/');
  for (let i = segments.length - 2; i >= 0; i--) {
    if (DESCENDING.has(segments[i])) return undefined;
    const order = BRANCH_RANKS[segments[i]];
    if (order !== undefined) return order + 0.25;
  }
  return undefined;
}

/** The instance path a schema path applies to, when it only goes through `properties`. */
function instancePathOfSchemaPath(schemaPath: string): string[] | undefined {
  const segments = schemaPath
    .replace(/^#\/?/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map(unescapePointer);
  const path: string[] = [];
  for (let i = 0; i < segments.length - 1; i++) {
    if (segments[i] === 'properties') path.push(segments[++i]);
    else if (!['allOf', 'anyOf', 'oneOf'].includes(segments[i]) && !/^\d+$/.test(segments[i])) return undefined;
  }
  return path;
}

function rank(error: ErrorObject, data: unknown): RankedViolation {
  const path = instancePath(error);
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined) {
    return {
      ...violationAt(path, error.keyword, describe(error, path, data), PROPERTY_NAME_RANK, data),
      valuePath: undefined,
    };
  }
  let keyword = error.keyword;
  // ajv's draft-04 reports `exclusiveMinimum: true` as `minimum` with a strict comparison.
  if (keyword === 'minimum' && params.comparison === '>') keyword = 'exclusiveMinimum';
  if (keyword === 'maximum' && params.comparison === '<') keyword = 'exclusiveMaximum';
  const violation = violationAt(
    path,
    keyword,
    describe(error, path, data),
    branchRank(error.schemaPath) ?? RANKS[keyword] ?? UNKNOWN_RANK,
    data,
  );
  switch (error.keyword) {
    case 'required':
    case 'dependencies':
      return { ...violation, valuePath: undefined };
    case 'additionalProperties':
      return { ...violation, valuePath: [...path, String(params.additionalProperty)] };
    case 'propertyNames':
      return { ...violation, valuePath: undefined };
    default:
      return violation;
  }
}

function violationAt(
  path: string[],
  keyword: string,
  description: string,
  order: number,
  data: unknown,
): RankedViolation {
  const isArray = Array.isArray(valueAt(data, path));
  return {
    field: path.length === 0 ? '(root)' : path.join('.'),
    description,
    keyword,
    valuePath: path,
    path,
    rank: order,
    afterChildren:
      isArray &&
      ((order >= ARRAY_RANKS.first && order <= ARRAY_RANKS.last) || order === RANKS.const || order === RANKS.enum),
  };
}

function describe(error: ErrorObject, path: readonly string[], data: unknown): string {
  const params = error.params as Record<string, unknown>;
  const field = path.length === 0 ? '(root)' : path.join('.');
  switch (error.keyword) {
    case 'false schema':
      return 'False always fails validation';
    case 'type':
      return `Invalid type. Expected: ${typeList(params.type)}, given: ${jsonType(valueAt(data, path))}`;
    case 'required':
      return `${params.missingProperty} is required`;
    case 'dependencies':
      return `Has a dependency on ${params.missingProperty}`;
    case 'anyOf':
      return 'Must validate at least one schema (anyOf)';
    case 'oneOf':
      return 'Must validate one and only one schema (oneOf)';
    case 'not':
      return 'Must not validate the schema (not)';
    case 'if':
      return params.failingKeyword === 'else'
        ? 'Must validate "else" as "if" was not valid'
        : 'Must validate "then" as "if" was valid';
    case 'const':
      return `${field} does not match: ${goJson(params.allowedValue)}`;
    case 'enum':
      return `${field} must be one of the following: ${(params.allowedValues as unknown[]).map(goJson).join(', ')}`;
    case 'additionalItems':
      return 'No additional items allowed on array';
    case 'minItems':
      return `Array must have at least ${params.limit} items`;
    case 'maxItems':
      return `Array must have at most ${params.limit} items`;
    case 'uniqueItems':
      return `array items[${Math.min(Number(params.i), Number(params.j))},${Math.max(Number(params.i), Number(params.j))}] must be unique`;
    case 'contains':
      return 'At least one of the items must match';
    case 'minProperties':
      return `Must have at least ${params.limit} properties`;
    case 'maxProperties':
      return `Must have at most ${params.limit} properties`;
    case 'additionalProperties':
      return `Additional property ${params.additionalProperty} is not allowed`;
    case 'propertyNames':
      return `Property name of "${params.propertyName}" does not match`;
    case 'minLength':
      return `String length must be greater than or equal to ${params.limit}`;
    case 'maxLength':
      return `String length must be less than or equal to ${params.limit}`;
    case 'pattern':
      return `Does not match pattern '${params.pattern}'`;
    case 'format':
      return `Does not match format '${params.format}'`;
    case 'multipleOf':
      return `Must be a multiple of ${bigFloat(params.multipleOf)}`;
    case 'minimum':
      return params.comparison === '>'
        ? `Must be greater than ${bigFloat(params.limit)}`
        : `Must be greater than or equal to ${bigFloat(params.limit)}`;
    case 'exclusiveMinimum':
      return `Must be greater than ${bigFloat(params.limit)}`;
    case 'maximum':
      return params.comparison === '<'
        ? `Must be less than ${bigFloat(params.limit)}`
        : `Must be less than or equal to ${bigFloat(params.limit)}`;
    case 'exclusiveMaximum':
      return `Must be less than ${bigFloat(params.limit)}`;
    default:
      return error.message ?? error.keyword;
  }
}

function compareViolations(a: RankedViolation, b: RankedViolation): number {
  const common = commonPrefixLength(a.path, b.path);
  if (common < a.path.length && common < b.path.length) return compareSegments(a.path[common], b.path[common]);
  if (a.path.length === b.path.length) return a.rank - b.rank;
  const aIsParent = a.path.length < b.path.length;
  const parent = aIsParent ? a : b;
  const parentFirst = parent.afterChildren ? 1 : -1;
  return aIsParent ? parentFirst : -parentFirst;
}

function commonPrefixLength(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function compareSegments(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function instancePath(error: ErrorObject): string[] {
  return error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(unescapePointer);
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** gojsonschema's name for a JSON value's type; numbers are integers when they have no fraction. */
export function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'boolean') return 'boolean';
  return typeof value === 'string' ? 'string' : 'object';
}

/** `string`, or `[string,null]` for several types (gojsonschema's `jsonSchemaType.String`). */
function typeList(types: unknown): string {
  const list = Array.isArray(types) ? types : String(types).split(',');
  return list.length === 1 ? String(list[0]) : `[${list.join(',')}]`;
}

/** A schema number as gojsonschema prints it: a `big.Float` in `%g` with 10 significant digits. */
function bigFloat(value: unknown): string {
  return typeof value === 'number' ? formatFloat(value, 'g', 10) : String(value);
}

/** JSON as Go's `encoding/json` writes it: keys sorted, `<`, `>` and `&` escaped. */
export function goJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
