import { coerceConfigValues } from '../../../src/core/config-schema';
import { findUnencodableValue, validationJson } from '../../../src/core/config-schema/go-coercion';
import { ConfigValue } from '../../../src/core/model/config-value';
import { parseConfigValue } from '../../../src/core/config/parse-config-value';
import { cv, f, m } from '../../support/config-values';

describe('coerceConfigValues (strconv.Atoi, then strconv.ParseFloat, on top-level strings)', () => {
  test.each([
    ['an integer', '42', 42],
    ['a negative integer', '-90', -90],
    ['a plus sign', '+7', 7],
    ['leading zeros (decimal, not octal)', '0755', 755],
    ['a float', '3.14', 3.14],
    ['an exponent', '1e3', 1000],
    ['a leading dot', '.5', 0.5],
    ['a hex float', '0x1p-2', 0.25],
    ['Go literal underscores (ParseFloat only)', '1_000', 1000],
    ['an int64 overflow, which ParseFloat still reads', '9223372036854775808', 9223372036854775808],
    ['Inf', 'Inf', Infinity],
    ['-infinity', '-infinity', -Infinity],
    ['a hex integer without exponent stays text', '0x1F', '0x1F'],
    ['spaces stay text', ' 5', ' 5'],
    ['a version stays text', '1.2.3', '1.2.3'],
    ['yes stays text (no YAML here)', 'yes', 'yes'],
    ['true stays text', 'true', 'true'],
    ['an empty string stays text', '', ''],
  ])('%s: %j', (_name, text, expected) => {
    expect(coerceConfigValues({ K: text }).K).toBe(expected);
  });

  test('turns NaN into NaN', () => {
    expect(coerceConfigValues({ K: 'NaN' }).K).toBeNaN();
  });

  test('leaves lists, maps and everything in them as they are', () => {
    const list = ['1', 'a'];
    const map = m(['port', '8080'], [true, true]);
    expect(coerceConfigValues({ L: list, M: map })).toStrictEqual({
      L: ['1', 'a'],
      M: m(['port', '8080'], [true, true]),
    });
  });
});

describe('validationJson (the document json-iterator writes for the schemas)', () => {
  test.each<[string, ConfigValue, unknown]>([
    ['string keys as they are', cv({ a: { b: 'c' } }), { a: { b: 'c' } }],
    ['the boolean keys true and false as "true" and "false"', m([true, 1], [false, 2]), { true: 1, false: 2 }],
    ['int keys as their digits', m([1, 'a'], [-20, 'b']), { 1: 'a', '-20': 'b' }],
    [
      'float64 keys as json-iterator writes them: 1e6 without exponent, 1e-7 with one',
      m([f(1e6), 'a'], [0.5, 'b'], [1e-7, 'c'], [f(1e21), 'd']),
      { 1000000: 'a', 0.5: 'b', '1e-07': 'c', '1e+21': 'd' },
    ],
    ['float64 values as numbers', [f(1), f(1e6), 1.5], [1, 1000000, 1.5]],
    [
      'the later of two keys with one name (upstream picks one at random)',
      m([1, 'int'], ['1', 'string']),
      { 1: 'string' },
    ],
    ['a "__proto__" key as a property', m(['__proto__', 1]), JSON.parse('{"__proto__": 1}')],
  ])('writes %s', (_name, value, expected) => {
    expect(validationJson({ V: value })).toStrictEqual({ V: expected });
  });
});

describe('findUnencodableValue (values Kalypso cannot write as JSON)', () => {
  test.each<[string, Record<string, ConfigValue>, ReturnType<typeof findUnencodableValue>]>([
    ['nothing in ordinary values', { a: 1, b: ['x', 2.5], c: cv({ d: null }) }, undefined],
    ['a top-level infinity', { a: 1, b: Infinity }, { path: ['b'], value: Infinity }],
    ['a NaN inside a list', { l: [1, NaN] }, { path: ['l', '1'], value: NaN }],
    ['the first in key order', { z: NaN, a: cv({ b: -Infinity }) }, { path: ['a', 'b'], value: -Infinity }],
    ['a NaN key (.nan: x)', { M: parseConfigValue('.nan: x\n') }, { path: ['M', 'NaN'], value: NaN }],
    [
      'a null key (~: x), where json-iterator panics',
      { M: cv({ a: [parseConfigValue('~: x\n')] }) },
      { path: ['M', 'a', '0'], nullKey: true },
    ],
    ['a null key before any NaN: the panic wins', { A: NaN, M: m([null, 1]) }, { path: ['M'], nullKey: true }],
  ])('finds %s', (_name, values, expected) => {
    expect(findUnencodableValue(values)).toEqual(expected);
  });
});
