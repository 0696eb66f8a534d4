import { loadAll } from 'js-yaml';
import { GoMap, goScalarEquals } from '../../gotemplate';
import { ConfigObject, ConfigValue, isConfigObject } from '../model/config-value';
import { GO_YAML_V2_SCHEMA } from '../../gotemplate';

/**
 * What YAML text for a sequence or mapping must contain: a flow collection (`[`, `{`), a tag (`!!seq`), or a block
 * indicator — `-` (entry), `:` (value) or `?` (key) — followed by white space or the end. Text without any of these
 * reads as a scalar or fails to parse, and stays the string it is either way.
 */
const COLLECTION_INDICATORS = /[[{!]|[-:?](?:[ \t\r\n]|$)/;

/**
 * A ConfigMap value as Kalypso reads it (docs/explanation/scheduling-and-config.md#values): a value wrapped in single
 * quotes loses every leading and trailing quote; YAML text for a sequence or mapping becomes that array or map, with
 * yaml.v2's Go types inside (`ConfigValue`: typed map keys, int vs float64); any other value stays the original,
 * untrimmed string.
 */
export function parseConfigValue(text: string): ConfigValue {
  const trimmed = text.trim();
  if (trimmed.startsWith("'") && trimmed.endsWith("'")) return trimmed.replace(/^'+|'+$/g, '');
  // Most values are plain strings: they would parse to a scalar (or fail), and either way stay as they are.
  if (!COLLECTION_INDICATORS.test(text)) return text;
  return parseYamlCollection(text) ?? text;
}

/**
 * YAML text as yaml.v2 decodes it into `interface {}` when that is a sequence or mapping (`ConfigValue`'s Go types);
 * undefined for a scalar, an empty document or text that is not valid YAML. Only the first document is read; a
 * repeated key replaces the earlier value.
 */
export function parseYamlCollection(text: string): ConfigValue[] | ConfigObject | undefined {
  let parsed: unknown;
  try {
    [parsed] = loadAll(text, { schema: GO_YAML_V2_SCHEMA, json: true, maxDepth: 64, maxAliases: 1000 });
  } catch {
    return undefined;
  }
  return Array.isArray(parsed)
    ? (parsed as ConfigValue[])
    : parsed instanceof GoMap
      ? (parsed as ConfigObject)
      : undefined;
}

/**
 * Kalypso's merge of a value into an existing one for the same key
 * (docs/explanation/scheduling-and-config.md#order-and-merging): maps merge deeply, keys compared as Go compares
 * `interface {}` keys (`true` and `"true"`, `1` and `1.0` are different keys); arrays keep the existing elements, merge
 * each new map element into every existing map element with an equal `name` (two maps without `name` count as the same)
 * and append the rest; anything else is replaced. Inputs are never modified.
 */
export function mergeConfigValues(existing: ConfigValue, incoming: ConfigValue): ConfigValue {
  if (Array.isArray(existing) && Array.isArray(incoming)) return mergeArrays(existing, incoming);
  if (isConfigObject(existing) && isConfigObject(incoming)) return mergeObjects(existing, incoming);
  return incoming;
}

function mergeArrays(existing: readonly ConfigValue[], incoming: readonly ConfigValue[]): ConfigValue[] {
  const result = [...existing];
  for (const element of incoming) {
    let matched = false;
    if (isConfigObject(element)) {
      result.forEach((current, index) => {
        // Go's == on the two `name` values: a missing name is nil; comparing two maps or lists would panic in Go,
        // so they never match.
        if (isConfigObject(current) && goScalarEquals(current.get('name'), element.get('name'))) {
          result[index] = mergeObjects(current, element);
          matched = true;
        }
      });
    }
    if (!matched) result.push(element);
  }
  return result;
}

function mergeObjects(existing: ConfigObject, incoming: ConfigObject): ConfigObject {
  const result = GoMap.of(existing);
  for (const [key, value] of incoming) {
    const current = result.get(key);
    result.set(key, current !== undefined ? mergeConfigValues(current, value) : value);
  }
  return result;
}
