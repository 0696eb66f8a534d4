import { coerceConfigValues } from '../../src/config-schema';
import { findUnsupportedNumber } from '../../src/config-schema/go-coercion';

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
    const map = { port: '8080', on: true };
    expect(coerceConfigValues({ L: list, M: map })).toEqual({ L: ['1', 'a'], M: { port: '8080', on: true } });
  });
});

describe('findUnsupportedNumber (values Kalypso cannot write as JSON)', () => {
  test.each([
    ['nothing in ordinary values', { a: 1, b: ['x', 2.5], c: { d: null } }, undefined],
    ['a top-level infinity', { a: 1, b: Infinity }, { path: ['b'], value: Infinity }],
    ['a NaN inside a list', { l: [1, NaN] }, { path: ['l', '1'], value: NaN }],
    ['the first in key order', { z: NaN, a: { b: -Infinity } }, { path: ['a', 'b'], value: -Infinity }],
  ])('finds %s', (_name, values, expected) => {
    expect(findUnsupportedNumber(values)).toEqual(expected);
  });
});
