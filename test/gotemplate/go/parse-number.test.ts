import { parseFloat64, parseInt64, parseUint, underscoreOK } from '../../../src/gotemplate/go/parse-number';

describe('parseInt64 (strconv.ParseInt)', () => {
  test.each([
    ['a decimal', '42', 10, 42n],
    ['a signed decimal', '-42', 10, -42n],
    ['a plus sign', '+7', 10, 7n],
    ['base 0 hex', '0x1F', 0, 31n],
    ['base 0 upper-case hex prefix', '0X1f', 0, 31n],
    ['base 0 leading zero is octal', '0755', 0, 493n],
    ['base 0 0o prefix', '0o17', 0, 15n],
    ['base 0 binary', '0b101', 0, 5n],
    ['base 0 negative binary', '-0b101', 0, -5n],
    ['base 0 underscores between digits', '1_000', 0, 1000n],
    ['the largest int64', '9223372036854775807', 10, 9223372036854775807n],
    ['the smallest int64', '-9223372036854775808', 10, -9223372036854775808n],
    ['zero alone in base 0', '0', 0, 0n],
  ] as const)('parses %s', (_name, text, base, expected) => {
    expect(parseInt64(text, base)).toBe(expected);
  });

  test.each([
    ['an empty string', '', 10],
    ['an int64 overflow', '9223372036854775808', 10],
    ['a float', '1.5', 10],
    ['underscores in base 10', '1_000', 10],
    ['an invalid octal digit', '08', 0],
    ['a bare hex prefix', '0x', 0],
    ['a trailing underscore', '1_', 0],
    ['a sign alone', '-', 10],
  ] as const)('fails on %s', (_name, text, base) => {
    expect(parseInt64(text, base)).toBeUndefined();
  });
});

describe('parseUint (strconv.ParseUint)', () => {
  test.each([
    ['the largest uint64', '18446744073709551615', 18446744073709551615n],
    ['a hex value', '0xff', 255n],
  ] as const)('parses %s', (_name, text, expected) => {
    expect(parseUint(text, 0)).toBe(expected);
  });

  test.each([
    ['a sign', '+1'],
    ['an overflow', '18446744073709551616'],
  ])('fails on %s', (_name, text) => {
    expect(parseUint(text, 0)).toBeUndefined();
  });
});

describe('parseFloat64 (strconv.ParseFloat)', () => {
  test.each([
    ['a decimal', '1.5', 1.5],
    ['a leading dot', '.5', 0.5],
    ['a trailing dot', '5.', 5],
    ['an exponent', '1e3', 1000],
    ['a signed exponent', '-2.5E-3', -0.0025],
    ['Inf', 'Inf', Infinity],
    ['-infinity', '-infinity', -Infinity],
    ['a hex float', '0x1p-2', 0.25],
    ['underscores between digits', '1_000.5', 1000.5],
  ] as const)('parses %s', (_name, text, expected) => {
    expect(parseFloat64(text)).toBe(expected);
  });

  test.each(['nan', 'NaN', 'NAN'])('parses %s as NaN', (text) => {
    expect(parseFloat64(text)).toBeNaN();
  });

  test.each([
    ['an empty string', ''],
    ['a lone dot', '.'],
    ['an exponent without digits', '1e'],
    ['text', 'abc'],
    ['an overflow', '1e400'],
    ['a misplaced underscore', '._5'],
    ['a signed NaN (Go reads a sign only before "inf")', '-nan'],
    ['a plus-signed NaN', '+NaN'],
    ['a truncated infinity', 'infin'],
  ])('fails on %s', (_name, text) => {
    expect(parseFloat64(text)).toBeUndefined();
  });
});

describe('underscoreOK', () => {
  test.each([
    ['digits with separators', '1_000_000', true],
    ['a base prefix followed by an underscore', '0x_1f', true],
    ['a leading underscore', '_1', false],
    ['a double underscore', '1__0', false],
    ['a trailing underscore', '10_', false],
  ] as const)('%s', (_name, text, expected) => {
    expect(underscoreOK(text)).toBe(expected);
  });
});
