import { ConfigData, configValueJson } from '../model/config-value';
import { locateField } from '../model/documents';
import { FieldPath, formatFieldPath } from '../model/field-path';
import { Problem, SourceLocation, describeValue, error, formatLocation } from '../model/problems';
import { ClusterType, ConfigSchema, DeploymentTarget, objectRef, originRef } from '../model/types';
import { ConfigContribution, isConfigFor } from '../config/platform-config';
import { ConfigSchemaCompiler } from './compile-schema';
import { coerceConfigValues, findUnencodableValue, validationJson } from './go-coercion';
import { SchemaViolation, toSchemaViolations } from './gojsonschema-errors';

/** A JSON Schema an assignment's config must satisfy: a ConfigSchema object, or an entry of a target's `configSchemas`. */
export interface ConfigSchemaSource {
  /** How messages name it: `ConfigSchema "platform-config-schema"`, `configSchemas[0] of deployment target "app-ft"`. */
  readonly name: string;
  readonly text: string;
  /** `Kind/name` of the object it is written in. */
  readonly object: string;
  /** Field of that object holding it, e.g. `spec.schema`, `spec.deploymentTargets[0].configSchemas[1]`. */
  readonly field: string;
  readonly location?: SourceLocation;
}

/** A schema the config fails, and how. */
export type SchemaFailure =
  | { readonly schema: ConfigSchemaSource; readonly violations: readonly SchemaViolation[] }
  /** The schema text cannot be used (not JSON, not a JSON Schema); reported once per schema by `invalidSchemaProblems`. */
  | { readonly schema: ConfigSchemaSource; readonly invalid: string }
  /** A config value Kalypso reads as NaN or ±Inf cannot be written as JSON, so no schema can be checked. */
  | { readonly schema: ConfigSchemaSource; readonly unsupported: { readonly key: string; readonly value: number } }
  /** A map in the config has a null key (`~: x`), on which Kalypso's JSON encoder panics: no schema can be checked. */
  | { readonly schema: ConfigSchemaSource; readonly nullKey: { readonly key: string } };

/** What upstream reports when its JSON encoder (json-iterator) panics on a null map key, recovered by the validator. */
const NULL_KEY_ERROR = 'unable to validate schema: runtime error: invalid memory address or nil pointer dereference';

/**
 * The schemas an assignment's config must satisfy (docs/explanation/scheduling-and-config.md#configschemas): every
 * ConfigSchema whose labels hold for the pair (the same matching as platform ConfigMaps), in name order as Kubernetes
 * lists them, then the target's `configSchemas` (which already include its Workload's).
 */
export function configSchemasFor(
  configSchemas: readonly ConfigSchema[],
  clusterType: ClusterType,
  target: DeploymentTarget,
): ConfigSchemaSource[] {
  const selected = configSchemas
    .filter((schema) => isConfigFor(schema.labels, clusterType, target))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(configSchemaSource);
  return [...selected, ...inlineSchemaSources(target)];
}

/** A ConfigSchema object as a schema source. */
export function configSchemaSource(schema: ConfigSchema): ConfigSchemaSource {
  return {
    name: `ConfigSchema "${schema.name}"`,
    text: schema.schema,
    object: objectRef(schema),
    field: 'spec.schema',
    location: schema.source ? locateField(schema.source, ['spec', 'schema']) : undefined,
  };
}

/** A target's `configSchemas`, each named by its index and located where it is written (the target or its Workload). */
export function inlineSchemaSources(target: DeploymentTarget): ConfigSchemaSource[] {
  return target.configSchemas.map((text, index) => {
    const path: FieldPath = target.configSchemaPaths?.[index] ?? ['spec', 'configSchemas', index];
    return {
      name: `configSchemas[${index}] of deployment target "${target.name}"`,
      text,
      object: originRef(target),
      field: formatFieldPath(path),
      location: target.source ? locateField(target.source, path) : undefined,
    };
  });
}

/**
 * Validates an assignment's composed config against each schema, as Kalypso does: top-level strings that look
 * like numbers become numbers first (`go-coercion.ts`), every schema is checked, and every failing one is returned.
 */
export function validateConfig(
  config: ConfigData,
  schemas: readonly ConfigSchemaSource[],
  compiler: ConfigSchemaCompiler,
): SchemaFailure[] {
  if (schemas.length === 0) return [];
  const coerced = coerceConfigValues(config);
  const unencodable = findUnencodableValue(coerced);
  const values = unencodable ? {} : validationJson(coerced);
  const failures: SchemaFailure[] = [];
  for (const schema of schemas) {
    const compiled = compiler.compile(schema.text);
    if ('invalid' in compiled) {
      failures.push({ schema, invalid: compiled.invalid });
    } else if (unencodable && 'nullKey' in unencodable) {
      failures.push({ schema, nullKey: { key: unencodable.path.join('.') } });
    } else if (unencodable) {
      failures.push({ schema, unsupported: { key: unencodable.path.join('.'), value: unencodable.value } });
    } else if (!compiled.validate(values)) {
      failures.push({ schema, violations: toSchemaViolations(compiled.validate.errors ?? [], values) });
    }
  }
  return failures;
}

/** One line of gojsonschema's report: `factoryID: Must be greater than 0`; a root error has no field. */
export function violationText(violation: SchemaViolation): string {
  return `- ${violation.field}: ${violation.description}`.replace(/ \(root\):/g, '').slice(2);
}

/**
 * The message upstream Kalypso puts on the failed Assignment (and in its GitHub issue):
 * `Config data validation failed: \n - stringRequired is required\n- numberRequired is required\n`.
 */
export function formatKalypsoValidationError(failures: readonly SchemaFailure[]): string | undefined {
  if (failures.length === 0) return undefined;
  const texts = failures.map((failure) => {
    if ('violations' in failure) {
      return failure.violations
        .map((violation) => `- ${violation.field}: ${violation.description}\n`)
        .join('')
        .replace(/ \(root\):/g, '');
    }
    if ('invalid' in failure) return `schema ${failure.invalid}`;
    return 'nullKey' in failure ? NULL_KEY_ERROR : `unsupported value: ${goFloat(failure.unsupported.value)}`;
  });
  return `Config data validation failed: \n ${texts.join('\n')}`;
}

/** What the problems of a failing assignment say about where its config came from. */
export interface ConfigValidationContext {
  readonly clusterType: string;
  readonly deploymentTarget: string;
  /** The original (uncoerced) config, to show the value a violation is about. */
  readonly config: ConfigData;
  /** Where each top-level key was set (platform-config.ts), for the hint. */
  readonly provenance?: Readonly<Record<string, readonly ConfigContribution[]>>;
}

/**
 * One input error per violation, at the schema, naming the schema, the deployment target, the cluster type, the
 * field with its rule (in gojsonschema's words) and the value. Invalid schemas are left to `invalidSchemaProblems`.
 */
export function configValidationProblems(
  failures: readonly SchemaFailure[],
  context: ConfigValidationContext,
): Problem[] {
  const pair = `deployment target "${context.deploymentTarget}" on cluster type "${context.clusterType}"`;
  const problems: Problem[] = [];
  for (const failure of failures) {
    const where = { location: failure.schema.location, object: failure.schema.object, field: failure.schema.field };
    if ('unsupported' in failure) {
      const { key, value } = failure.unsupported;
      problems.push(
        error(
          `config of ${pair} cannot be checked against ${failure.schema.name}: config value ${key} reads as the number ${goFloat(value)}, which JSON cannot hold`,
          {
            ...where,
            got: describeValue(valueAt(context.config, key.split('.'))),
            hint: setBy(context, key.split('.')[0]),
          },
        ),
      );
      continue;
    }
    if ('nullKey' in failure) {
      const { key } = failure.nullKey;
      problems.push(
        error(
          `config of ${pair} cannot be checked against ${failure.schema.name}: config value ${key} is a map with a null key (~), which Kalypso's JSON encoder cannot write (upstream: "${NULL_KEY_ERROR}")`,
          {
            ...where,
            got: describeValue(valueAt(context.config, key.split('.'))),
            hint: setBy(context, key.split('.')[0]),
          },
        ),
      );
      continue;
    }
    if (!('violations' in failure)) continue;
    for (const violation of failure.violations) {
      const original = violation.valuePath ? valueAt(context.config, violation.valuePath) : undefined;
      const key = violation.valuePath?.[0];
      problems.push(
        error(`config of ${pair} fails ${failure.schema.name}: ${violationText(violation)}`, {
          ...where,
          ...(original !== undefined ? { got: describeValue(original) } : {}),
          hint:
            [coercionHint(violation, original), key ? setBy(context, key) : undefined].filter(Boolean).join('; ') ||
            undefined,
        }),
      );
    }
  }
  return problems;
}

/** One input error per distinct schema whose text cannot be used (not JSON, not a JSON Schema), at the schema. */
export function invalidSchemaProblems(
  schemas: readonly ConfigSchemaSource[],
  compiler: ConfigSchemaCompiler,
): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const schema of schemas) {
    const compiled = compiler.compile(schema.text);
    if (!('invalid' in compiled)) continue;
    const key = `${schema.object}\u0000${schema.field}\u0000${formatLocation(schema.location)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(
      error(`${schema.name} ${compiled.invalid}`, {
        location: schema.location,
        object: schema.object,
        field: schema.field,
      }),
    );
  }
  return problems;
}

function coercionHint(violation: SchemaViolation, original: unknown): string | undefined {
  if (
    violation.keyword !== 'type' ||
    typeof original !== 'string' ||
    !/given: (integer|number)$/.test(violation.description)
  )
    return undefined;
  return 'Kalypso validates a config value that reads as a number as that number, as upstream does';
}

function setBy(context: ConfigValidationContext, key: string): string | undefined {
  const contributions = context.provenance?.[key];
  const last = contributions?.[contributions.length - 1];
  if (!last) return undefined;
  return `set by ConfigMap ${last.configMap}${last.location ? ` (${formatLocation(last.location)})` : ''}`;
}

/** The value at a path of JSON names in the config as the schemas see it (maps named as json-iterator names them). */
function valueAt(config: ConfigData, path: readonly string[]): unknown {
  if (path.length === 0) return undefined;
  let value: unknown = Object.prototype.hasOwnProperty.call(config, path[0])
    ? configValueJson(config[path[0]])
    : undefined;
  for (const segment of path.slice(1)) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, segment))
      return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function goFloat(value: number): string {
  return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
}
