import { ConfigValue } from '../../../src/core/model/config-value';
import { mergeConfigValues, parseConfigValue } from '../../../src/core/config/parse-config-value';
import { cv, f, m } from '../../support/config-values';

describe('parseConfigValue', () => {
  test.each<[string, string, ConfigValue]>([
    ['keeps a plain string', 'mysql://west:8806/mysql2', 'mysql://west:8806/mysql2'],
    ['keeps a scalar that YAML would type as a boolean', 'false', 'false'],
    ['keeps a scalar that YAML would type as a number', '3', '3'],
    ['keeps a scalar untrimmed (A13)', 'x  ', 'x  '],
    ['strips every surrounding single quote (A13)', "  '''quoted'''  ", 'quoted'],
    ['strips one pair of single quotes (A13)', "'a'", 'a'],
    ['turns a lone quote into an empty string', "'", ''],
    ['parses a flow sequence', "['a', 'b']", ['a', 'b']],
    ['parses a block sequence', '- a\n- b\n', ['a', 'b']],
    ['parses a mapping', 'k1: a\nk2: a\n', cv({ k1: 'a', k2: 'a' })],
    [
      'types nested scalars as YAML 1.1',
      'a: yes\nb: on\nc: 1\nd: 1.5\ne: ~\nf: "x"\n',
      cv({ a: true, b: true, c: 1, d: 1.5, e: null, f: 'x' }),
    ],
    ['reads octal like yaml.v2', '[0755]', [493]],
    ['keeps timestamps as strings like yaml.v2', '[2023-01-01]', ['2023-01-01']],
    ['reads only the first document', 'a: 1\n---\nb: 2\n', cv({ a: 1 })],
    ['keeps text that is not valid YAML', 'a: [1', 'a: [1'],
    ['keeps a template expression', '{{ .Namespace }}', '{{ .Namespace }}'],
    ['keeps a double-quoted string as written', '"x"', '"x"'],
    ['keeps text with a list or a map as a key (yaml.v2: invalid map key)', '? [a]\n: 1\n', '? [a]\n: 1\n'],
  ])('%s', (_name, text, expected) => {
    expect(parseConfigValue(text)).toStrictEqual(expected);
  });
});

describe("parseConfigValue keeps yaml.v2's Go types", () => {
  test.each<[string, string, ConfigValue]>([
    // Keys: yaml.v2 resolves a plain key like any plain scalar, into map[interface {}]interface {}.
    ['y, on and yes are the boolean key true; "y" stays a string', 'y: 1\n"y": 2\n', m([true, 1], ['y', 2])],
    ['n and off are the boolean key false', 'n: a\n', m([false, 'a'])],
    [
      '1 is the int key 1, "1" the string key, 1.0 the float64 key: three keys',
      '1: a\n"1": b\n1.0: c\n',
      m([1, 'a'], ['1', 'b'], [f(1), 'c']),
    ],
    ['~ and null are the nil key', '~: a\n', m([null, 'a'])],
    [
      'a later key equal after typing replaces the earlier one (yes and on are both true)',
      'yes: a\non: b\n',
      m([true, 'b']),
    ],
    ['a repeated key: the later value wins, as yaml.v2 (not strict) decodes', 'a: 1\na: 2\n', m(['a', 2])],
    ['0x1F and 0755 are int keys', '0x1F: a\n0755: b\n', m([31, 'a'], [493, 'b'])],
    // Scalars: int when strconv.ParseInt(s, 0, 64) reads it, else float64 in yaml's float shape.
    ['1 is an int, 1.0 a float64', '[1, 1.0]', [1, f(1)]],
    ['1e6 is a float64 (ParseInt fails, the float shape matches)', '[1e6, 1e+6, 1E6]', [f(1e6), f(1e6), f(1e6)]],
    ['.5 and 1.5 are float64s (plain non-integral numbers)', '[.5, 1.5, -2.25]', [0.5, 1.5, -2.25]],
    ['0x1F, 0755, 0b101, +7 and 1_000 are ints', '[0x1F, 0755, 0b101, +7, 1_000]', [31, 493, 5, 7, 1000]],
    ['08 is not octal, so it is the float64 8', '[08]', [f(8)]],
    ['-0.0 is the float64 -0', '[-0.0]', [f(-0)]],
    ['.inf, -.Inf and .nan are float64s', '[.inf, -.Inf, .nan]', [Infinity, -Infinity, NaN]],
    ['an explicit !!float makes an int a float64', '[!!float 1, !!float 0x10]', [f(1), f(16)]],
    ['an explicit !!str keeps the text', '[!!str 1, !!str yes]', ['1', 'yes']],
    // Merge keys, as yaml.v2's decoder applies them: in place, replacing what was written before.
    [
      'a merge replaces keys written before it; keys after it win',
      'b: &b {p: 1, q: 2}\nm: {p: 0, <<: *b, q: 3}\n',
      m(['b', m(['p', 1], ['q', 2])], ['m', m(['p', 1], ['q', 3])]),
    ],
    ['the first map of a merge list wins', 'm:\n  <<: [{a: 1}, {a: 2, c: 3}]\n', m(['m', m(['a', 1], ['c', 3])])],
  ])('%s', (_name, text, expected) => {
    expect(parseConfigValue(text)).toStrictEqual(expected);
  });
});

describe('mergeConfigValues', () => {
  test.each<[string, ConfigValue, ConfigValue, ConfigValue]>([
    ['a later scalar wins', 'from-a', 'from-b', 'from-b'],
    [
      'maps merge deeply (A15)',
      cv({ k1: 'a', k2: 'a', nested: { y: 2 } }),
      cv({ k1: 'b', nested: { x: 1 } }),
      cv({ k1: 'b', k2: 'a', nested: { y: 2, x: 1 } }),
    ],
    ['a scalar replaces a map (A15)', cv({ k1: 'a' }), 'plain', 'plain'],
    ['a map replaces a scalar', 'plain', cv({ k1: 'a' }), cv({ k1: 'a' })],
    [
      'arrays merge elements by name and append the rest (A14)',
      cv([{ name: 'a', w: 2 }, { name: 'c' }]),
      cv([{ name: 'a', v: 1 }, 'plain']),
      cv([{ name: 'a', w: 2, v: 1 }, { name: 'c' }, 'plain']),
    ],
    ['arrays of scalars concatenate without de-duplication', ['a', 'b'], ['b', 'c'], ['a', 'b', 'b', 'c']],
    [
      'maps without name count as the same element',
      cv([{ x: 1 }, { y: 2 }]),
      cv([{ z: 3 }]),
      cv([
        { x: 1, z: 3 },
        { y: 2, z: 3 },
      ]),
    ],
    [
      'a map element merges into every element with its name',
      cv([
        { name: 'a', i: 1 },
        { name: 'a', i: 2 },
      ]),
      cv([{ name: 'a', j: 3 }]),
      cv([
        { name: 'a', i: 1, j: 3 },
        { name: 'a', i: 2, j: 3 },
      ]),
    ],
    ['an array replaces a map', cv({ a: 1 }), ['x'], ['x']],
  ])('%s', (_name, existing, incoming, expected) => {
    expect(mergeConfigValues(existing, incoming)).toStrictEqual(expected);
  });

  test.each<[string, ConfigValue, ConfigValue, ConfigValue]>([
    [
      'the boolean key true and the string key "true" are different keys',
      m([true, 1]),
      m(['true', 2]),
      m([true, 1], ['true', 2]),
    ],
    ['the int key 1 and the float64 key 1.0 are different keys', m([1, 'a']), m([f(1), 'b']), m([1, 'a'], [f(1), 'b'])],
    [
      'equal typed keys merge: true (from y) and true (from on)',
      parseConfigValue('y: {a: 1}\n'),
      parseConfigValue('on: {b: 2}\n'),
      m([true, m(['a', 1], ['b', 2])]),
    ],
    [
      'a nil key merges with a nil key',
      m([null, m(['a', 1])]),
      m([null, m(['b', 2])]),
      m([null, m(['a', 1], ['b', 2])]),
    ],
    [
      'names compare with their Go type: the int 1 is not the float64 1.0',
      cv([{ name: 1, a: 1 }]),
      cv([{ name: f(1), b: 2 }]),
      cv([
        { name: 1, a: 1 },
        { name: f(1), b: 2 },
      ]),
    ],
    [
      'names compare with their Go type: the boolean true is not the string "true"',
      cv([{ name: true, a: 1 }]),
      cv([{ name: 'true', b: 2 }]),
      cv([
        { name: true, a: 1 },
        { name: 'true', b: 2 },
      ]),
    ],
    [
      'a null name equals a missing name (both nil)',
      cv([{ name: null, a: 1 }]),
      cv([{ b: 2 }]),
      cv([{ name: null, a: 1, b: 2 }]),
    ],
    [
      'equal float64 names match',
      cv([{ name: f(1), a: 1 }]),
      cv([{ name: f(1), b: 2 }]),
      cv([{ name: f(1), a: 1, b: 2 }]),
    ],
  ])('%s', (_name, existing, incoming, expected) => {
    expect(mergeConfigValues(existing, incoming)).toStrictEqual(expected);
  });

  test('never modifies its inputs', () => {
    const existing = cv({ list: [{ name: 'a', v: 1 }], map: { k: 'v' } });
    const incoming = cv({ list: [{ name: 'a', w: 2 }], map: { k: 'w' } });
    const before = JSON.stringify([existing, incoming]);
    mergeConfigValues(existing, incoming);
    expect(JSON.stringify([existing, incoming])).toBe(before);
  });
});
