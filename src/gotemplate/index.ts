/*
 * The Go text/template + sprig + yaml port, as the rest of kalypso-cdk8s uses it (re-exports only). See README.md.
 */
export { GoMap, type GoMapKey, goScalarEquals, jsonKeyName } from './go/go-map';
export { GoFloat64, formatGoNumber } from './go/go-numbers';
export { formatFloat } from './go/format-float';
export { parseFloat64, parseInt64 } from './go/parse-number';
export { GO_YAML_V2_SCHEMA, GO_YAML_V3_SCHEMA } from './yaml/go-yaml-schemas';
export { compareYamlKeys } from './yaml/key-order';
export { marshalYaml } from './yaml/marshal';
export {
  type RenderOptions,
  type TemplateData,
  TemplateError,
  type TemplateErrorDetails,
  type TemplateErrorKind,
  renderManifest,
  renderManifests,
} from './template';
