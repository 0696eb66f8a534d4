/*
 * The words of yaml.v2/yaml.v3 `resolve.go` that make a plain scalar something other than a string, shared by the
 * parsing schemas (go-yaml-schemas.ts) and the encoder's quoting rule (resolve-string.ts).
 */

export const V3_TRUE_WORDS: readonly string[] = ['true', 'True', 'TRUE'];
export const V3_FALSE_WORDS: readonly string[] = ['false', 'False', 'FALSE'];
/** The YAML 1.1 booleans yaml.v2 adds (yaml.v3 reads them as strings, and quotes them when writing). */
export const OLD_TRUE_WORDS: readonly string[] = ['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'];
export const OLD_FALSE_WORDS: readonly string[] = ['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'];
export const NULL_WORDS: ReadonlySet<string> = new Set(['', '~', 'null', 'Null', 'NULL']);
export const NAN_WORDS: ReadonlySet<string> = new Set(['.nan', '.NaN', '.NAN']);
export const INF_WORDS: ReadonlySet<string> = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
export const NEG_INF_WORDS: ReadonlySet<string> = new Set(['-.inf', '-.Inf', '-.INF']);
export const MERGE_KEY = '<<';
/** `yamlStyleFloat`: the only float shape the libraries resolve (besides the words above). */
export const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
