export { ConfigSchemaCompiler, JsonSchemaDraft } from './compile-schema';
export type { CompiledSchema } from './compile-schema';
export { coerceConfigValues } from './go-coercion';
export { toSchemaViolations } from './gojsonschema-errors';
export type { SchemaViolation } from './gojsonschema-errors';
export {
  configSchemasFor,
  configSchemaSource,
  configValidationProblems,
  formatKalypsoValidationError,
  inlineSchemaSources,
  invalidSchemaProblems,
  validateConfig,
  violationText,
} from './validate-config';
export type { ConfigSchemaSource, ConfigValidationContext, SchemaFailure } from './validate-config';
