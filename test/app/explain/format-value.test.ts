import { configExplanationJson } from '../../../src/app/explain/explanation-json';
import { formatValue } from '../../../src/app/explain/format-value';
import { ConfigValue } from '../../../src/core/model/config-value';
import { parseConfigValue } from '../../../src/core/config/parse-config-value';
import { cv, f, m } from '../../support/config-values';

describe("formatValue (explain's text and Markdown)", () => {
  test.each<[string, ConfigValue | undefined, string]>([
    ['a string, quoted', 'mysql://west:8806/db', '"mysql://west:8806/db"'],
    ['nothing', undefined, '(none)'],
    ['a list of strings and ints, as JSON', cv(['a', 1, true, null]), '["a",1,true,null]'],
    ['float64s as Go prints them', [f(1e6), f(1), 0.5], '[1e+06,1,0.5]'],
    [
      'a map with string keys, as JSON with keys in yaml.v3 order',
      cv({ b: 1, a: { c: 'x' } }),
      '{"a":{"c":"x"},"b":1}',
    ],
    [
      'typed keys unquoted, string keys quoted',
      parseConfigValue('"y": 2\non: 3\n1: a\n1.0: b\n~: c\n'),
      '{true:3,1:"a",1:"b",null:"c","y":2}',
    ],
    ['a long value cut at 80 characters', ['x'.repeat(100)], `["${'x'.repeat(77)}…`],
  ])('writes %s', (_name, value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });
});

describe("explain --json writes config values as Kalypso's JSON encoder does", () => {
  test('typed keys become the names json-iterator gives them, float64s JSON numbers', () => {
    const value = m([true, 3], [1, 'a'], ['y', [f(1e6), f(1)]]);
    const contribution = {
      configMap: 'a-config',
      rawKey: 'M',
      value,
      location: { file: 'dev/all.yaml', line: 20, column: 3 },
    };
    const json = configExplanationJson({
      clusterType: 'drone',
      keys: [{ key: 'M', value, setBy: contribution, overrides: [] }],
      configMaps: [],
      configSchemas: [],
      inlineConfigSchemas: 0,
    });
    expect(JSON.parse(JSON.stringify(json.keys))).toEqual([
      {
        key: 'M',
        value: { true: 3, 1: 'a', y: [1000000, 1] },
        setBy: {
          configMap: 'a-config',
          key: 'M',
          value: { true: 3, 1: 'a', y: [1000000, 1] },
          location: { file: 'dev/all.yaml', line: 20, column: 3 },
        },
        overrides: [],
      },
    ]);
  });
});
