import { canBackquote, isPrint, quote, quoteRune, quoteToASCII, unquote } from '../../../src/gotemplate/go/quote';

describe('quote (strconv.Quote)', () => {
  test.each([
    ['plain text', 'hello', '"hello"'],
    ['a double quote and a backslash', 'a"b\\c', '"a\\"b\\\\c"'],
    ['named control characters', '\x07\b\f\n\r\t\v', '"\\a\\b\\f\\n\\r\\t\\v"'],
    ['other control characters as \\x', '\x01\x7f', '"\\x01\\x7f"'],
    ['printable Unicode as is', 'héllo 😀', '"héllo 😀"'],
    ['a non-printable Unicode space as \\u', 'a\u00a0b', '"a\\u00a0b"'],
    ['a zero-width joiner as \\u', '\u200d', '"\\u200d"'],
    ['a single quote as is', "it's", '"it\'s"'],
  ])('quotes %s', (_name, input, expected) => {
    expect(quote(input)).toBe(expected);
  });

  test('QuoteToASCII escapes every non-ASCII rune', () => {
    expect(quoteToASCII('é😀')).toBe('"\\u00e9\\U0001f600"');
  });

  test.each([
    ['a letter', 0x61, "'a'"],
    ['a single quote', 0x27, "'\\''"],
    ['a newline', 0x0a, "'\\n'"],
    ['an invalid rune', 0x110000, "'�'"],
  ])('QuoteRune quotes %s', (_name, rune, expected) => {
    expect(quoteRune(rune)).toBe(expected);
  });

  test.each([
    ['plain text', 'abc', true],
    ['a tab', 'a\tb', true],
    ['a newline', 'a\nb', false],
    ['a backquote', 'a`b', false],
  ])('CanBackquote of %s', (_name, input, expected) => {
    expect(canBackquote(input)).toBe(expected);
  });

  test.each([
    ['ASCII space', 0x20, true],
    ['a letter', 0xe9, true],
    ['an emoji', 0x1f600, true],
    ['a no-break space', 0xa0, false],
    ['DEL', 0x7f, false],
  ])('IsPrint of %s', (_name, codePoint, expected) => {
    expect(isPrint(codePoint)).toBe(expected);
  });
});

describe('unquote (strconv.Unquote)', () => {
  test.each([
    ['a double-quoted string', '"a b"', 'a b'],
    ['escapes', '"\\n\\t\\\\\\"\\x41\\u00e9\\U0001F600\\101"', '\n\t\\"Aé😀A'],
    ['a raw string', '`a\\nb`', 'a\\nb'],
    ['a raw string with carriage returns removed', '`a\r\nb`', 'a\nb'],
    ['a character literal', "'x'", 'x'],
    ['an escaped character literal', "'\\''", "'"],
  ])('unquotes %s', (_name, literal, expected) => {
    expect(unquote(literal)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['an unknown escape', '"\\q"'],
    ['a short \\x escape', '"\\x4"'],
    ['an escaped single quote in a double-quoted string', '"\\\'"'],
    ['a surrogate \\u escape', '"\\ud800"'],
    ['an empty character literal', "''"],
    ['two characters in a character literal', "'ab'"],
    ['mismatched quotes', '"a\''],
  ])('fails on %s', (_name, literal) => {
    expect(unquote(literal)).toEqual({ ok: false, error: 'invalid syntax' });
  });
});
