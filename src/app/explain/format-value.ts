import { GoMap } from '../../gotemplate';
import { GoFloat64, formatGoNumber } from '../../gotemplate';
import { ConfigValue } from '../../core/model/config-value';
import { SourceLocation, formatLocation } from '../../core/model/problems';
import { compareYamlKeys } from '../../gotemplate';

/**
 * A config value for humans, cut at `max` characters: compact JSON syntax, except that map keys keep their Go type
 * (`{true:3,1:"a",1:"b","y":2}`: the boolean key true, the int 1, the float64 1.0, the string "y"), in the order the
 * platform-config file lists them (yaml.v3's), and float64s read as Go prints them (`1e+06`).
 */
export function formatValue(value: ConfigValue | undefined, max = 80): string {
  const text = value === undefined ? '(none)' : compact(value);
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}

function compact(value: ConfigValue): string {
  if (Array.isArray(value)) return `[${value.map(compact).join(',')}]`;
  if (value instanceof GoMap) {
    const entries = value.entries().sort(([a], [b]) => compareYamlKeys(a, b));
    return `{${entries.map(([key, element]) => `${compact(key)}:${compact(element)}`).join(',')}}`;
  }
  if (value instanceof GoFloat64 || typeof value === 'number') return formatGoNumber(value);
  return JSON.stringify(value) ?? String(value);
}

/** `file:line:column`, or `code` for objects built in code. */
export function formatWhere(location: SourceLocation | undefined): string {
  return location ? formatLocation(location) : 'code';
}
