import { GoMap, GoMapKey } from '../../../src/gotemplate/go/go-map';
import { GoFloat64, GoInt64 } from '../../../src/gotemplate/go/go-numbers';
import { marshalYaml } from '../../../src/gotemplate/yaml/marshal';

const f = (n: number) => new GoFloat64(n);

/** `marshalYaml({ k: value })`, the way a value appears in a ConfigMap written by `toYaml`. */
function asValue(value: unknown): string {
  return marshalYaml({ k: value });
}

describe('marshalYaml quotes strings like yaml.v3', () => {
  test.each([
    // Strings that would read back as another type are double-quoted.
    ['"true"', 'true', 'k: "true"\n'],
    ['"True"', 'True', 'k: "True"\n'],
    ['"FALSE"', 'FALSE', 'k: "FALSE"\n'],
    ['YAML 1.1 "yes"', 'yes', 'k: "yes"\n'],
    ['YAML 1.1 "Yes"', 'Yes', 'k: "Yes"\n'],
    ['YAML 1.1 "no"', 'no', 'k: "no"\n'],
    ['YAML 1.1 "on"', 'on', 'k: "on"\n'],
    ['YAML 1.1 "OFF"', 'OFF', 'k: "OFF"\n'],
    ['YAML 1.1 "y"', 'y', 'k: "y"\n'],
    ['YAML 1.1 "n"', 'n', 'k: "n"\n'],
    ['an integer', '1', 'k: "1"\n'],
    ['a negative integer', '-1', 'k: "-1"\n'],
    ['a signed integer', '+1', 'k: "+1"\n'],
    ['negative zero', '-0', 'k: "-0"\n'],
    ['a float', '1.5', 'k: "1.5"\n'],
    ['a float with a leading dot', '.5', 'k: ".5"\n'],
    ['an exponent', '1e3', 'k: "1e3"\n'],
    ['hex', '0x1F', 'k: "0x1F"\n'],
    ['octal', '0755', 'k: "0755"\n'],
    ['0o octal', '0o17', 'k: "0o17"\n'],
    ['binary', '0b101', 'k: "0b101"\n'],
    ['underscored digits', '1_000', 'k: "1_000"\n'],
    ['an invalid octal that is a float', '08', 'k: "08"\n'],
    ['a huge integer that is a float', '123456789012345678901234567890', 'k: "123456789012345678901234567890"\n'],
    ['the empty string', '', 'k: ""\n'],
    ['null', 'null', 'k: "null"\n'],
    ['Null', 'Null', 'k: "Null"\n'],
    ['a tilde', '~', 'k: "~"\n'],
    ['.inf', '.inf', 'k: ".inf"\n'],
    ['-.Inf', '-.Inf', 'k: "-.Inf"\n'],
    ['.nan', '.nan', 'k: ".nan"\n'],
    ['a base-60 time', '12:30', 'k: "12:30"\n'],
    ['a base-60 time with seconds', '12:30:45', 'k: "12:30:45"\n'],
    ['a date', '2023-01-01', 'k: "2023-01-01"\n'],
    ['a date with one-digit month and day', '2023-1-1', 'k: "2023-1-1"\n'],
    ['a timestamp', '2023-01-01T10:00:00Z', 'k: "2023-01-01T10:00:00Z"\n'],
    ['a timestamp with an offset', '2023-01-01T10:00:00+02:00', 'k: "2023-01-01T10:00:00+02:00"\n'],
    ['a space-separated timestamp', '2023-01-01 10:00:00.5', 'k: "2023-01-01 10:00:00.5"\n'],
    ['a tab', 'tab\there', 'k: "tab\\there"\n'],
    ['a carriage return', 'a\rb', 'k: "a\\rb"\n'],
    ['NUL and ESC', '\x00\x1b', 'k: "\\0\\e"\n'],
    ['an emoji (yaml.v3 escapes runes above U+FFFF)', 'emoji😀', 'k: "emoji\\U0001F600"\n'],
    ['NEL', 'a\u0085b', 'k: "a\\Nb"\n'],
    ['a leading byte-order mark (every rune escaped)', '\ufeffab', 'k: "\\uFEFF\\x61\\x62"\n'],
    // Strings with indicators or surrounding spaces are single-quoted.
    ['a colon followed by a space', 'with: colon', "k: 'with: colon'\n"],
    ['a trailing colon', 'key:', "k: 'key:'\n"],
    ['a leading dash and space', '- dash', "k: '- dash'\n"],
    ['a lone dash', '-', "k: '-'\n"],
    ['a leading hash', '#hash', "k: '#hash'\n"],
    ['a hash after a space', 'a #b', "k: 'a #b'\n"],
    ['a leading at', '@at', "k: '@at'\n"],
    ['a leading star', '*star', "k: '*star'\n"],
    ['a leading ampersand', '&amp', "k: '&amp'\n"],
    ['a leading percent', '%pct', "k: '%pct'\n"],
    ['a leading backtick', '`tick', "k: '`tick'\n"],
    ['a leading bang', '!bang', "k: '!bang'\n"],
    ['a leading pipe', '|x', "k: '|x'\n"],
    ['a leading greater-than', '>x', "k: '>x'\n"],
    ['brackets', '[x]', "k: '[x]'\n"],
    ['braces', '{x}', "k: '{x}'\n"],
    ['template braces', '{{ .Namespace }}', "k: '{{ .Namespace }}'\n"],
    ['a leading double quote', '"q', "k: '\"q'\n"],
    ['a lone single quote (doubled)', "'", "k: ''''\n"],
    ['a single quote inside an indicator string', "it's: x", "k: 'it''s: x'\n"],
    ['a leading space', ' lead', "k: ' lead'\n"],
    ['a trailing space', 'trail ', "k: 'trail '\n"],
    ['a single space', ' ', "k: ' '\n"],
    ['a document marker', '---', "k: '---'\n"],
    ['a document end marker', '...', "k: '...'\n"],
    ['a lone question mark', '?', "k: '?'\n"],
    ['a leading comma', ',a', "k: ',a'\n"],
    // Everything else is plain.
    ['a URL with a port', 'mysql://a:1/b', 'k: mysql://a:1/b\n'],
    ['a colon without a space', 'key:value', 'k: key:value\n'],
    ['a comma inside', 'a,b', 'k: a,b\n'],
    ['a leading equals sign', '=eq', 'k: =eq\n'],
    ['a leading question mark', '?q', 'k: ?q\n'],
    ['NaN (not YAML)', 'NaN', 'k: NaN\n'],
    ['an apostrophe inside', "a'b", "k: a'b\n"],
    ['a double quote inside', 'a"b', 'k: a"b\n'],
    ['a backslash', 'a\\b', 'k: a\\b\n'],
    ['a hash without a space before it', 'a#b', 'k: a#b\n'],
    ['a leading dash without a space', '-abc', 'k: -abc\n'],
    ['words with spaces', 'West US', 'k: West US\n'],
    ['accented letters', 'héllo', 'k: héllo\n'],
    ['an invalid date', '2023-02-30', 'k: 2023-02-30\n'],
    ['a timestamp without a zone after T', '2023-01-01T10:00:00', 'k: 2023-01-01T10:00:00\n'],
    ['a float too large for float64', '1e400', 'k: 1e400\n'],
    ['a bare hex prefix', '0x', 'k: 0x\n'],
    ['a version number', '1.2.3', 'k: 1.2.3\n'],
    ['a plus sign', '+', 'k: +\n'],
    ['"yes please"', 'yes please', 'k: yes please\n'],
    ['a minute out of base-60 range', '1:60', 'k: 1:60\n'],
    ['the merge key (its first character gives no type hint, so yaml.v3 never resolves it)', '<<', 'k: <<\n'],
  ])('%s', (_name, value, expected) => {
    expect(asValue(value)).toBe(expected);
  });
});

describe('marshalYaml writes multi-line strings as literal blocks', () => {
  test.each([
    ['strip chomping without a final newline', 'a\nb', 'k: |-\n    a\n    b\n'],
    ['clip chomping with one final newline', 'a\nb\n', 'k: |\n    a\n    b\n'],
    ['keep chomping with two final newlines', 'a\n\n', 'k: |+\n    a\n\n'],
    ['an indentation indicator when the text starts with a space', ' a\nb', 'k: |4-\n     a\n    b\n'],
    // yaml.v3 (unlike libyaml) writes no line break after the header, so a leading newline is lost.
    ['an indentation indicator when the text starts with a newline', '\na', 'k: |4-\n    a\n'],
    ['a lone newline', '\n', 'k: |4+\n'],
    ['a line starting with spaces inside', 'a\n  b\n', 'k: |\n    a\n      b\n'],
    ['a tab inside a block', 'a\n\tb', 'k: |-\n    a\n    \tb\n'],
    ['an empty line inside', 'a\n\nb', 'k: |-\n    a\n\n    b\n'],
  ])('%s', (_name, value, expected) => {
    expect(asValue(value)).toBe(expected);
  });

  test.each([
    ['a space before a newline', 'a \nb', 'k: "a \\nb"\n'],
    ['a trailing space', 'a\nb ', 'k: "a\\nb "\n'],
    ['a carriage return', 'a\r\nb', 'k: "a\\r\\nb"\n'],
  ])('falls back to double quotes for %s', (_name, value, expected) => {
    expect(asValue(value)).toBe(expected);
  });

  test('indents a block inside a sequence item by 2 more than the dash', () => {
    expect(marshalYaml(['x\ny'])).toBe('- |-\n  x\n  y\n');
  });

  test('indents a block nested two maps deep by 8', () => {
    expect(marshalYaml({ a: { b: 'x\ny' } })).toBe('a:\n    b: |-\n        x\n        y\n');
  });

  test('writes a root-level block indented by 4', () => {
    expect(marshalYaml('a\nb')).toBe('|-\n    a\n    b\n');
  });
});

describe('marshalYaml writes numbers, booleans and null like Go', () => {
  test.each([
    ['an int', 42, 'k: 42\n'],
    ['a negative int', -5, 'k: -5\n'],
    ['zero', 0, 'k: 0\n'],
    ['negative zero as the int 0', -0, 'k: 0\n'],
    ['a float', 1.5, 'k: 1.5\n'],
    ['0.1', 0.1, 'k: 0.1\n'],
    ['a small float with an exponent', 1e-7, 'k: 1e-07\n'],
    ['a float at 1e21', 1.5e21, 'k: 1.5e+21\n'],
    ['an integer too large for int64, as a float', 2 ** 63, 'k: 9.223372036854776e+18\n'],
    ['an int64', new GoInt64(9007199254740993n), 'k: 9007199254740993\n'],
    ['an integral float64', new GoFloat64(3), 'k: 3\n'],
    ['a float64 of a million', new GoFloat64(1e6), 'k: 1e+06\n'],
    ['positive infinity', Infinity, 'k: .inf\n'],
    ['negative infinity', -Infinity, 'k: -.inf\n'],
    ['NaN', NaN, 'k: .nan\n'],
    ['true', true, 'k: true\n'],
    ['false', false, 'k: false\n'],
    ['null', null, 'k: null\n'],
    ['undefined as null', undefined, 'k: null\n'],
  ])('%s', (_name, value, expected) => {
    expect(asValue(value)).toBe(expected);
  });
});

describe('marshalYaml writes collections with 4-space indentation', () => {
  test.each([
    ['an empty map', {}, '{}\n'],
    ['an empty sequence', [], '[]\n'],
    ['a scalar', 'hello', 'hello\n'],
    ['null', null, 'null\n'],
    ['a flat map', { a: 1, b: 'x' }, 'a: 1\nb: x\n'],
    ['a sequence under a key, indented', { tags: ['Tag1', 'Tag2'] }, 'tags:\n    - Tag1\n    - Tag2\n'],
    ['a nested map', { a: { b: { c: 1 } } }, 'a:\n    b:\n        c: 1\n'],
    ['empty collections as values', { a: {}, b: [] }, 'a: {}\nb: []\n'],
    ['empty collections in a sequence', [[], {}], '- []\n- {}\n'],
    ['a sequence of sequences', [[1, 2], [3]], '- - 1\n  - 2\n- - 3\n'],
    ['a sequence of maps', [{ a: 1, b: 2 }, { c: 3 }], '- a: 1\n  b: 2\n- c: 3\n'],
    ['a map in a sequence in a map', { a: [{ b: 1, c: [2] }] }, 'a:\n    - b: 1\n      c:\n        - 2\n'],
    ['a sequence of maps with nested maps', [{ a: { b: 1 } }], '- a:\n    b: 1\n'],
    ['a deep mixture', { x: [{ w: [{ z: 'v' }] }] }, 'x:\n    - w:\n        - z: v\n'],
    ['a YAML 1.1 boolean key quoted', { y: 1 }, '"y": 1\n'],
    [
      'a Map in insertion order (like a Go struct)',
      new Map<string, unknown>([
        ['b', 1],
        ['a', 2],
      ]),
      'b: 1\na: 2\n',
    ],
  ])('%s', (_name, value, expected) => {
    expect(marshalYaml(value)).toBe(expected);
  });

  test('quotes keys like values', () => {
    expect(marshalYaml({ true: 1, '': 2, 'a: b': 3, '9': 4 })).toBe('"": 2\n"9": 4\n\'a: b\': 3\n"true": 1\n');
  });

  test('writes a key longer than 128 bytes as a complex key', () => {
    const key = 'k'.repeat(129);
    expect(marshalYaml({ [key]: 'v' })).toBe(`? ${key}\n: v\n`);
  });

  test('keeps a key of exactly 128 bytes simple', () => {
    const key = 'k'.repeat(128);
    expect(marshalYaml({ [key]: 'v' })).toBe(`${key}: v\n`);
  });

  test('writes a multi-line key as a complex literal key', () => {
    expect(marshalYaml({ 'a\nb': 1 })).toBe('? |-\n    a\n    b\n: 1\n');
  });

  test('treats a key named __proto__ as an ordinary key', () => {
    const value = JSON.parse('{"__proto__": "x", "a": 1}') as unknown;
    expect(marshalYaml(value)).toBe('__proto__: x\na: 1\n');
  });
});

describe('marshalYaml sorts keys in yaml.v3 natural order', () => {
  test.each([
    [
      'underscore, numbers by value, upper case before lower case',
      ['Z', 'a', 'B', '_x', '10', '9'],
      ['_x', '9', '10', 'B', 'Z', 'a'],
    ],
    ['a non-letter before a letter', ['DATABASEX', 'DATABASE_URL'], ['DATABASE_URL', 'DATABASEX']],
    ['digit runs inside keys by value', ['a10', 'a9', 'a1'], ['a1', 'a9', 'a10']],
    ['a letter after a digit run comes before a non-letter', ['a1-', 'a1b'], ['a1b', 'a1-']],
    ['a prefix first', ['abc', 'ab'], ['ab', 'abc']],
    ['leading zeros: shorter run first', ['a01', 'a1'], ['a1', 'a01']],
    [
      'the sample ConfigMap keys',
      ['SOME_COMMON_ENVIRONMENT_VARIABLE', 'REGION', 'ENVIRONMENT', 'DATABASE_URL', 'CLUSTER_NAME'],
      ['CLUSTER_NAME', 'DATABASE_URL', 'ENVIRONMENT', 'REGION', 'SOME_COMMON_ENVIRONMENT_VARIABLE'],
    ],
  ])('%s', (_name, keys, expected) => {
    const value = Object.fromEntries(keys.map((k) => [k, 1]));
    const written = marshalYaml(value)
      .trimEnd()
      .split('\n')
      .map((line) => line.replace(/^"?(.*?)"?: 1$/, '$1'));
    expect(written).toEqual(expected);
  });
});

describe('marshalYaml writes a GoMap (yaml.v2 data: map[interface {}]interface {}) with typed keys', () => {
  test.each<[string, GoMapKey[], string]>([
    ['a boolean key unquoted, before string keys (scenario 06)', ['x', true], 'true: 1\nx: 1\n'],
    // keyList.Less: numbers and booleans by value (false = 0, true = 1); equal values by kind: bool, int, float64.
    [
      'numbers and booleans by value, a bool before an int before a float64 of equal value',
      [2, f(1), true, 1, 0.5, 0, false, -1],
      '-1: 1\nfalse: 1\n0: 1\n0.5: 1\ntrue: 1\n1: 1\n1: 1\n2: 1\n',
    ],
    ['numbers, then null, then strings (by reflect.Kind)', ['a', null, 3, '1'], '3: 1\nnull: 1\n"1": 1\na: 1\n'],
    ['float64 keys as Go formats them', [f(1e6), 1.5, f(-0)], '-0: 1\n1.5: 1\n1e+06: 1\n'],
    [
      'string keys in natural order, quoted when they would read as another type',
      ['b', '10', '9', 'y', 'true'],
      '"9": 1\n"10": 1\nb: 1\n"true": 1\n"y": 1\n',
    ],
  ])('%s', (_name, keys, expected) => {
    expect(marshalYaml(GoMap.of(keys.map((k) => [k, 1] as const)))).toBe(expected);
  });

  test('writes float64 values as Go formats them: 1e6 as 1e+06, 1.0 as 1', () => {
    expect(marshalYaml(GoMap.of([['a', [f(1e6), f(1), 0.5, 1]]]))).toBe(
      'a:\n    - 1e+06\n    - 1\n    - 0.5\n    - 1\n',
    );
  });
});

describe('marshalYaml acceptance cases', () => {
  test('A27: a flat string map is written sorted, with "false" quoted', () => {
    expect(marshalYaml({ ENVIRONMENT: 'Dev', SOME_COMMON_ENVIRONMENT_VARIABLE: 'false', REGION: 'West US' })).toBe(
      'ENVIRONMENT: Dev\nREGION: West US\nSOME_COMMON_ENVIRONMENT_VARIABLE: "false"\n',
    );
  });

  test('A30: a stringified array is a literal block indented by 4', () => {
    expect(marshalYaml({ tags: '- Tag1\n- Tag2\n' })).toBe('tags: |\n    - Tag1\n    - Tag2\n');
  });
});

describe('marshalYaml refuses what yaml.v3 cannot marshal', () => {
  test('fails on cyclic data', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => marshalYaml(cyclic)).toThrow(/cyclic/);
  });

  test('fails on a function', () => {
    expect(() => marshalYaml({ f: () => 1 })).toThrow('cannot marshal type: function');
  });

  test('fails on a class instance', () => {
    expect(() => marshalYaml({ d: new Date(0) })).toThrow('cannot marshal type: Date');
  });
});
