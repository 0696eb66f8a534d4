import { parseFloat64, parseInt64 } from '../go/parse-number';
import { ConfigData } from '../model/config-value';

/**
 * The values Kalypso validates a config against (reference §6.7, `ValidateValues`): every top-level string that
 * Go's `strconv.Atoi` reads becomes an integer, else one `strconv.ParseFloat` reads (`1e3`, `.5`, `Inf`, `NaN`, hex
 * floats) becomes a float; every other value, and everything nested, stays as it is. The quirk is kept on purpose:
 * a string property holding `"555"` is validated as the integer 555 and fails `type: string`, as upstream.
 */
export function coerceConfigValues(config: ConfigData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const key of Object.keys(config)) {
    const value = config[key];
    values[key] = typeof value === 'string' ? coerceString(value) : value;
  }
  return values;
}

function coerceString(text: string): string | number {
  const integer = parseInt64(text, 10);
  if (integer !== undefined) return Number(integer);
  const float = parseFloat64(text);
  return float === undefined ? text : float;
}

/** A number JSON cannot hold (NaN, ±Inf), and where it is. */
export interface UnsupportedNumber {
  readonly path: readonly string[];
  readonly value: number;
}

/**
 * The first NaN or infinity in the values, which Kalypso cannot marshal to JSON: its JSON encoder fails with
 * "unsupported value", and that error fails the validation of every schema (reference §6.7).
 */
export function findUnsupportedNumber(value: unknown, path: readonly string[] = []): UnsupportedNumber | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path, value };
  if (typeof value !== 'object' || value === null) return undefined;
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.keys(value).sort().map((key) => [key, (value as Record<string, unknown>)[key]] as const);
  for (const [key, item] of entries) {
    const found = findUnsupportedNumber(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}
