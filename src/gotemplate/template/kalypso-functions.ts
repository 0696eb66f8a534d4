import { GoMap } from '../go/go-map';
import { marshalYaml } from '../yaml/marshal';
import { fn, FunctionTable, walking } from './functions';
import { hashStructure } from './hash-structure';
import { trimCutset, trimSpace } from './sprig/go-strings';
import { GoStruct, GoUint8, goTypeOf, kindOf, MAP_STRING_ANY, SLICE_ANY } from './values';

/**
 * The functions Kalypso adds to sprig (`scheduler/templater.go`), overriding sprig on a name clash:
 *
 * - `toYaml v`: yaml.v3 `Marshal(v)` without its final newline; `""` if it cannot be marshalled;
 * - `stringify v`: like `toYaml`, but first replaces each value of a `map[string]interface {}` that is itself
 *   a `map[string]interface {}` or a `[]interface {}` with its YAML text (with a final newline). Upstream bug,
 *   kept on purpose: nested maps of `.ConfigData` come from yaml.v2 parsing and are `map[interface {}]interface {}`,
 *   so only arrays are stringified and nested maps stay nested;
 * - `hash v`: `hashstructure.Hash(v)` as a decimal string; `""` on error;
 * - `unquote v`: trims white space, then `"` and then `'` from both ends of a string; `""` for non-strings.
 */
export const KALYPSO_FUNCTIONS: FunctionTable = {
  toYaml: fn(['any'], ([v]) => toYaml(v)),
  stringify: fn(['any'], ([v]) => stringify(v)),
  hash: walking(
    fn(['any'], ([v]) => {
      try {
        return hashStructure(v).toString();
      } catch {
        return '';
      }
    }),
  ),
  unquote: fn(['any'], ([v]) => (typeof v === 'string' ? trimCutset(trimCutset(trimSpace(v), '"'), "'") : '')),
};

function toYaml(v: unknown): string {
  const text = marshalOrUndefined(v);
  return text === undefined ? '' : text.replace(/\n$/, '');
}

function stringify(v: unknown): string {
  if (kindOf(v) === 'map' && goTypeOf(v) === MAP_STRING_ANY) {
    const source = v as Record<string, unknown>;
    const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(source)) {
      const value = source[key];
      copy[key] = value;
      const type = goTypeOf(value);
      if ((kindOf(value) === 'map' && type === MAP_STRING_ANY) || (kindOf(value) === 'slice' && type === SLICE_ANY)) {
        const text = marshalOrUndefined(value);
        if (text === undefined) {
          return '';
        }
        copy[key] = text;
      }
    }
    return toYaml(copy);
  }
  return toYaml(v);
}

function marshalOrUndefined(v: unknown): string | undefined {
  try {
    return marshalYaml(toYamlValue(v, 0));
  } catch {
    return undefined;
  }
}

const MAX_NESTING = 10000;

/** Template values as `marshalYaml` input: structs become ordered mappings with yaml.v3's lower-case keys. */
function toYamlValue(v: unknown, depth: number): unknown {
  if (depth > MAX_NESTING) {
    throw new Error('too deeply nested');
  }
  if (v instanceof GoUint8) {
    return v.value;
  }
  if (v instanceof GoStruct) {
    return new Map([...v.fields].map(([k, x]) => [k.toLowerCase(), toYamlValue(x, depth + 1)]));
  }
  if (Array.isArray(v)) {
    return v.map((x: unknown) => toYamlValue(x, depth + 1));
  }
  if (v instanceof GoMap) {
    return GoMap.of(v.entries().map(([k, x]) => [k, toYamlValue(x, depth + 1)] as const));
  }
  if (kindOf(v) === 'map') {
    const map = v as Record<string, unknown>;
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const k of Object.keys(map)) {
      out[k] = toYamlValue(map[k], depth + 1);
    }
    return out;
  }
  return v;
}
