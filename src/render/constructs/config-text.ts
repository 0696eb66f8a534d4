import { GoFloat64, formatGoNumber } from '../../gotemplate';
import { ConfigValue } from '../../core/model/config-value';
import { marshalYaml } from '../../gotemplate';

/**
 * A config value as the text a ConfigMap or env file holds: strings as they are, lists and maps as YAML (yaml.v3
 * style, like `stringify`: typed keys such as `true: 2` first, float64s as Go formats them, `1e+06`); numbers as
 * Go's `%v` prints them, booleans and null as JavaScript does.
 */
export function configValueText(value: ConfigValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof GoFloat64 || typeof value === 'number') return formatGoNumber(value);
  if (typeof value === 'object' && value !== null) return marshalYaml(value);
  return String(value);
}
