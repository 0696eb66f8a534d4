import { ConfigValue } from '../model/config-value';
import { marshalYaml } from '../yaml/marshal';

/** A config value as the text a ConfigMap or env file holds: strings as they are, lists and maps as YAML (yaml.v3 style, like `stringify`). */
export function configValueText(value: ConfigValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return marshalYaml(value);
  return String(value);
}
