import { dump } from 'js-yaml';
import { ConfigValue } from '../model/config-value';

/** A config value as the text a ConfigMap or env file holds: strings as they are, lists and maps as YAML. */
export function configValueText(value: ConfigValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return dump(value, { indent: 4 });
  return String(value);
}
