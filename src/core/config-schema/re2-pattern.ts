import { RE2JS } from 're2js';

/** What ajv needs of a regular expression: `test`, and a `toString` that tells two patterns apart. */
interface Re2Pattern {
  test(text: string): boolean;
  toString(): string;
}

/**
 * The regular-expression engine of ConfigSchema `pattern` and `patternProperties` (ajv's `code.regExp`): RE2, as
 * gojsonschema uses Go's `regexp`, so patterns mean what they mean upstream (`\d` is ASCII, `(?P<name>…)` works,
 * lookarounds and backreferences are errors) and a pattern that backtracks catastrophically in JavaScript
 * (`^(a+)+$`) matches in time linear in the text.
 */
export const re2Pattern = Object.assign(
  (pattern: string): Re2Pattern => {
    const re = RE2JS.compile(pattern);
    return { test: (text: string) => re.matcher(text).find(), toString: () => `/${pattern}/re2` };
  },
  /** ajv prints this only for standalone validation code, which is never generated here. */
  { code: 'require("re2js").RE2JS.compile' },
);

/** Whether a string is a pattern Go's `regexp` compiles (the `regex` format, as gojsonschema checks it). */
export function isRe2Pattern(text: string): boolean {
  try {
    RE2JS.compile(text);
    return true;
  } catch {
    return false;
  }
}
