import { ConfigValue } from '../../src/model/config-value';
import { mergeConfigValues, parseConfigValue } from '../../src/scheduler/config-value';

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
    ['parses a mapping', 'k1: a\nk2: a\n', { k1: 'a', k2: 'a' }],
    ['types nested scalars as YAML 1.1', 'a: yes\nb: on\nc: 1\nd: 1.5\ne: ~\nf: "x"\n', { a: true, b: true, c: 1, d: 1.5, e: null, f: 'x' }],
    ['reads octal like yaml.v2', '[0755]', [493]],
    ['keeps timestamps as strings like yaml.v2', '[2023-01-01]', ['2023-01-01']],
    ['reads only the first document', 'a: 1\n---\nb: 2\n', { a: 1 }],
    ['keeps text that is not valid YAML', 'a: [1', 'a: [1'],
    ['keeps a template expression', '{{ .Namespace }}', '{{ .Namespace }}'],
    ['keeps a double-quoted string as written', '"x"', '"x"'],
  ])('%s', (_name, text, expected) => {
    expect(parseConfigValue(text)).toEqual(expected);
  });
});

describe('mergeConfigValues', () => {
  test.each<[string, ConfigValue, ConfigValue, ConfigValue]>([
    ['a later scalar wins', 'from-a', 'from-b', 'from-b'],
    ['maps merge deeply (A15)', { k1: 'a', k2: 'a', nested: { y: 2 } }, { k1: 'b', nested: { x: 1 } },
      { k1: 'b', k2: 'a', nested: { y: 2, x: 1 } }],
    ['a scalar replaces a map (A15)', { k1: 'a' }, 'plain', 'plain'],
    ['a map replaces a scalar', 'plain', { k1: 'a' }, { k1: 'a' }],
    ['arrays merge elements by name and append the rest (A14)',
      [{ name: 'a', w: 2 }, { name: 'c' }], [{ name: 'a', v: 1 }, 'plain'],
      [{ name: 'a', w: 2, v: 1 }, { name: 'c' }, 'plain']],
    ['arrays of scalars concatenate without de-duplication', ['a', 'b'], ['b', 'c'], ['a', 'b', 'b', 'c']],
    ['maps without name count as the same element', [{ x: 1 }, { y: 2 }], [{ z: 3 }], [{ x: 1, z: 3 }, { y: 2, z: 3 }]],
    ['a map element merges into every element with its name', [{ name: 'a', i: 1 }, { name: 'a', i: 2 }], [{ name: 'a', j: 3 }],
      [{ name: 'a', i: 1, j: 3 }, { name: 'a', i: 2, j: 3 }]],
    ['an array replaces a map', { a: 1 }, ['x'], ['x']],
  ])('%s', (_name, existing, incoming, expected) => {
    expect(mergeConfigValues(existing, incoming)).toEqual(expected);
  });

  test('never modifies its inputs', () => {
    const existing = { list: [{ name: 'a', v: 1 }], map: { k: 'v' } };
    const incoming = { list: [{ name: 'a', w: 2 }], map: { k: 'w' } };
    const before = JSON.stringify([existing, incoming]);
    mergeConfigValues(existing, incoming);
    expect(JSON.stringify([existing, incoming])).toBe(before);
  });
});
