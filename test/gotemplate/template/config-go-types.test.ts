import { parseConfigValue } from '../../../src/core/config/parse-config-value';
import { render, renderError, withConfig } from './template-data';

/*
 * Config values reach templates with the Go types upstream's yaml.v2 parsing gives them
 * (docs/explanation/scheduling-and-config.md#platform-config): maps are map[interface {}]interface {} with typed keys,
 * `1.0` and `1e6` are float64, `1` and `0x1F` int.
 */
const TYPED = withConfig({
  // {true: 2, "y": 1.0}: the plain key y is the boolean true, the quoted one the string "y"; 1.0 is a float64.
  M: parseConfigValue('y: 2\n"y": 1.0\n'),
  // float64, float64, int, float64, int
  F: parseConfigValue('[1e6, 1.0, 1, .5, 0x1F]'),
  // Five different keys: int 1, string "1", float64 1, nil, string "b".
  K: parseConfigValue('1: int\n"1": string\n1.0: float\n~: nil\nb: str\n'),
  N: parseConfigValue('[.nan]'),
  NK: parseConfigValue('.nan: x\n'),
});

describe('toYaml writes config values as yaml.v3 marshals yaml.v2 data', () => {
  test.each([
    [
      'a boolean key is written unquoted, before string keys (scenario 06: `true: 2`)',
      '{{ toYaml .ConfigData.M }}',
      'true: 2\n"y": 1',
    ],
    [
      "float64s as strconv.FormatFloat(f, 'g', -1): 1e6 is 1e+06, 1.0 is 1",
      '{{ toYaml .ConfigData.F }}',
      '- 1e+06\n- 1\n- 1\n- 0.5\n- 31',
    ],
    [
      'keys: numbers by value (an int before a float64 of equal value), then null, then strings',
      '{{ toYaml .ConfigData.K }}',
      '1: int\n1: float\nnull: nil\n"1": string\nb: str',
    ],
    [
      'stringify writes lists as text and leaves the typed maps nested',
      '{{ stringify (dict "F" .ConfigData.F "M" .ConfigData.M) }}',
      'F: |\n    - 1e+06\n    - 1\n    - 1\n    - 0.5\n    - 31\nM:\n    true: 2\n    "y": 1',
    ],
  ])('%s', (_name, text, expected) => {
    expect(render(text, TYPED)).toBe(expected);
  });
});

describe('printing, comparing and indexing see the Go types', () => {
  test.each([
    ['%v of a float64 is %g: 1e+06, and 1 for 1.0', '{{ printf "%v" .ConfigData.F }}', '[1e+06 1 1 0.5 31]'],
    ['print of one float64', '{{ print (index .ConfigData.F 0) }}', '1e+06'],
    [
      '%T of each element',
      '{{ range .ConfigData.F }}{{ printf "%T " . }}{{ end }}',
      'float64 float64 int float64 int ',
    ],
    [
      'other float verbs',
      '{{ printf "%.1f %e %g" (index .ConfigData.F 0) (index .ConfigData.F 0) (index .ConfigData.F 1) }}',
      '1000000.0 1.000000e+06 1',
    ],
    [
      'a map prints its keys typed',
      '{{ .ConfigData.M }} {{ printf "%#v" .ConfigData.M }}',
      'map[true:2 y:1] map[interface {}]interface {}{true:2, "y":1}',
    ],
    ['eq: the float64 1.0 equals the literal 1.0', '{{ eq (index .ConfigData.F 1) 1.0 }}', 'true'],
    [
      'index finds a key of the same type only',
      '{{ index .ConfigData.K 1 }} {{ index .ConfigData.K "1" }} {{ index .ConfigData.K 1.0 }} {{ index .ConfigData.K nil }}',
      'int string float nil',
    ],
    ['index with a boolean', '{{ index .ConfigData.M true }}', '2'],
    [
      'a field is a string key',
      '{{ .ConfigData.M.y }} {{ printf "%T" .ConfigData.M.y }} {{ .ConfigData.K.b }}',
      '1 float64 str',
    ],
    ['len counts typed keys', '{{ len .ConfigData.K }}', '5'],
    [
      "range: the nil key first (it prints as a missing value), then by type — here float64 before int, an unverified guess at Go's type-address order",
      '{{ range $k, $v := .ConfigData.K }}{{ $k }}={{ $v }} {{ end }}',
      '<no value>=nil 1=float 1=int 1=string b=str ',
    ],
    [
      'the type of a config map',
      '{{ typeOf .ConfigData.M }} {{ kindOf .ConfigData.M }}',
      'map[interface {}]interface {} map',
    ],
    ['sprig arithmetic converts a float64 with cast.ToInt64', '{{ add (index .ConfigData.F 0) 1 }}', '1000001'],
    [
      'toJson (encoding/json) cannot marshal map[interface {}]interface {}: sprig writes ""',
      '[{{ toJson .ConfigData.M }}]',
      '[]',
    ],
    ['toJson writes float64s as JSON numbers', '{{ toJson .ConfigData.F }}', '[1000000,1,1,0.5,31]'],
    [
      'merge deep-merges two config maps (mergo), keeping both typed key sets',
      '{{ toYaml (merge (dict "a" .ConfigData.M) (dict "a" .ConfigData.K)) }}',
      'a:\n    true: 2\n    1: int\n    1: float\n    null: nil\n    "1": string\n    b: str\n    "y": 1',
    ],
  ])('%s', (_name, text, expected) => {
    expect(render(text, TYPED)).toBe(expected);
  });

  test.each([
    [
      'fails eq of a float64 and an int, as Go',
      '{{ eq (index .ConfigData.F 1) 1 }}',
      'incompatible types for comparison: float64 and int',
    ],
    [
      'fails sprig functions that take a map[string]interface {}',
      '{{ keys .ConfigData.M }}',
      'wrong type for value; expected map[string]interface {}; got map[interface {}]interface {}',
    ],
    [
      'fails index with a list key, which Go cannot hash',
      '{{ index .ConfigData.M (list 1) }}',
      'runtime error: hash of unhashable type []interface {}',
    ],
  ])('%s', (_name, text, message) => {
    expect(renderError(text, TYPED)).toContain(message);
  });
});

describe('hash is hashstructure v1.1.0 over the Go types', () => {
  /*
   * Expected values computed by hand from the hash function upstream uses
   * (docs/explanation/scheduling-and-config.md#rendering-a-template) (FNV-1 64: offset 0xcbf29ce484222325, prime
   * 0x100000001b3; int → FNV-1 of 8 bytes little-endian, float64 → FNV-1 of its 8 IEEE-754 bytes LE, bool → FNV-1 of
   * one byte, string → FNV-1 of its bytes, nil → hash of the int 0; ordered(a, b) = FNV-1(LE64(a) ‖ LE64(b)); a list
   * folds h = ordered(h, e) from h = 0; a map XORs ordered(k, v) over its entries):
   *
   * M = {true: 2, "y": 1.0}
   *   hash(true) = FNV-1([01]) = 0xaf63bd4c8601b7de     hash(2)   = FNV-1(02 00 00 00 00 00 00 00) = 0x1e23011d8472940f
   *   hash("y")  = FNV-1([79]) = 0xaf63bd4c8601b7a6     hash(1.0) = FNV-1(00 00 00 00 00 00 f0 3f) = 0xa8c7a8322819b1ea
   *   ordered(true, 2) = 0xc232abada41b987c, ordered("y", 1.0) = 0x1e2efb5e39b5d6c5, XOR = 15860640994944765625.
   *   With string keys and ints ({"true": 2, "y": 1}, what this project computed before) it is 204104916246469256.
   * F = [1e6, 1.0, 1, .5, 0x1F]: ordered(ordered(ordered(ordered(ordered(0, f(1e6)), f(1.0)), i(1)), f(0.5)), i(31))
   *   with f(1e6) = FNV-1(00 00 00 00 80 84 2e 41) = 0xfbc4fa349a9c9a0e → 5558610457727421907
   *   (as the ints [1000000, 1, 1, .5, 31]: 12165841865122932162).
   * K = {1: "int", "1": "string", 1.0: "float", nil: "nil", "b": "str"}: five pairs, the nil key hashing as the int 0
   *   → 16367967304000363454.
   */
  test.each([
    ['a map with a boolean key and a float64 value', '{{ hash .ConfigData.M }}', '15860640994944765625'],
    ['a list of float64s and ints', '{{ hash .ConfigData.F }}', '5558610457727421907'],
    [
      'a map whose int, string, float64 and nil keys are all different',
      '{{ hash .ConfigData.K }}',
      '16367967304000363454',
    ],
    // .nan is Go's math.NaN(), bits 0x7ff8000000000001: FNV-1(01 00 00 00 00 00 f8 7f); v.MapIndex(NaN) finds nothing,
    // so a NaN key's value hashes as nil (the int 0).
    ["a NaN hashes with the bits of Go's math.NaN()", '{{ hash .ConfigData.N }}', '17259892228251875585'],
    ['a NaN key hashes its value as nil', '{{ hash .ConfigData.NK }}', '11810595862303179026'],
    [
      'the reference vector still holds for string maps',
      '{{ hash (dict "FactoryName" "SuperPlant" "FactoryType" "Chemical") }}',
      '12910533096819450271',
    ],
  ])('%s', (_name, text, expected) => {
    expect(render(text, TYPED)).toBe(expected);
  });
});
