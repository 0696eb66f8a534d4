import { HELLO_WORLD, render, renderError } from '../template-data';

describe('sprig regular expressions (Go RE2 semantics)', () => {
  test.each([
    ['regexMatch', '{{ regexMatch "^[a-z]+$" "abc" }} {{ regexMatch "^[a-z]+$" "ab1" }}', 'true false'],
    ['regexMatch of an invalid pattern is false', '{{ regexMatch "(" "x" }}', 'false'],
    ['regexMatch with a leading case-insensitive flag', '{{ regexMatch "(?i)^ABC$" "abc" }}', 'true'],
    ['RE2 \\s is ASCII only', '{{ regexMatch "^\\\\s$" "\\u00a0" }} {{ regexMatch "^\\\\s$" "\\t" }}', 'false true'],
    [
      'RE2 dot matches a carriage return but not a newline',
      '{{ regexFind "a.b" "a\\rb" | len }} {{ regexMatch "a.b" "a\\nb" }}',
      '3 false',
    ],
    [
      '\\A and \\z anchor the whole text',
      '{{ regexMatch "\\\\Aab\\\\z" "ab" }} {{ regexMatch "\\\\Aab\\\\z" "ab\\n" }}',
      'true false',
    ],
    ['POSIX classes', '{{ regexFind "[[:digit:]]+" "ab12" }}', '12'],
    ['\\pL classes', '{{ regexFind "\\\\pL+" "12héllo3" }}', 'héllo'],
    ['\\Q…\\E quotes', '{{ regexMatch "\\\\Qa.b\\\\E" "axb" }} {{ regexMatch "\\\\Qa.b\\\\E" "a.b" }}', 'false true'],
    ['escaped punctuation', '{{ regexFind "\\\\#\\\\-\\\\!" "x#-!y" }}', '#-!'],
    ['regexFind', '{{ regexFind "[0-9]+" "ab12cd34" }}', '12'],
    ['regexFind without a match', '[{{ regexFind "x" "abc" }}]', '[]'],
    ['regexFindAll', '{{ regexFindAll "[0-9]+" "ab12cd34" -1 }}', '[12 34]'],
    ['regexFindAll with a limit', '{{ regexFindAll "[0-9]+" "ab12cd34" 1 }}', '[12]'],
    ['regexFindAll without a match', '{{ regexFindAll "x" "abc" -1 }}', '[]'],
    [
      'regexFindAll skips an empty match right after a match',
      '{{ regexFindAll "a*" "baaac" -1 | printf "%q" }}',
      '["" "aaa" ""]',
    ],
    ['regexReplaceAll expands ${1}', '{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }}', '-W-xxW-'],
    [
      'regexReplaceAll reads $1W as the group named 1W (empty)',
      '{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "$1W" }}',
      '---',
    ],
    [
      'regexReplaceAll with named groups',
      '{{ regexReplaceAll "(?P<first>\\\\w+) (?P<last>\\\\w+)" "John Smith" "${last}, ${first}" }}',
      'Smith, John',
    ],
    ['regexReplaceAll with $$', '{{ regexReplaceAll "a" "cat" "$$" }}', 'c$t'],
    [
      'regexReplaceAll does not replace an empty match right after a match',
      '{{ regexReplaceAll "a*" "baaac" "-" }}',
      '-b-c-',
    ],
    ['regexReplaceAllLiteral', '{{ regexReplaceAllLiteral "a(x*)b" "-ab-axxb-" "${1}" }}', '-${1}-${1}-'],
    ['regexSplit', '{{ regexSplit "a" "banana" -1 | printf "%q" }}', '["b" "n" "n" ""]'],
    ['regexSplit with a limit', '{{ regexSplit "a" "banana" 2 | printf "%q" }}', '["b" "nana"]'],
    [
      'regexSplit like the Go documentation',
      '{{ regexSplit "a*" "abaabaccadaaae" 5 | printf "%q" }}',
      '["" "b" "b" "c" "cadaaae"]',
    ],
    ['regexSplit of an empty string', '{{ regexSplit "," "" -1 | printf "%q" }}', '[""]'],
    ['regexSplit with n = 0', '{{ regexSplit "," "a,b" 0 }}', '[]'],
  ])('%s', (_name, text, expected) => {
    expect(render(text)).toBe(expected);
  });

  test("fails on an invalid pattern in regexFind with Go's own message, naming the pattern like MustCompile", () => {
    expect(renderError('{{ regexFind "(" "x" }}')).toMatch(
      /error calling regexFind: regexp: Compile\(`\(`\): error parsing regexp: missing closing \): `\(`/,
    );
    expect(renderError('{{ regexFind "a{1001}" "x" }}')).toMatch(/invalid repeat count: `\{1001\}`/);
  });

  test.each([
    ['inline flag groups', '{{ regexFind "a(?i:b)" "aB" }}', 'aB'],
    ['ungreedy flag', '{{ regexFind "(?U)a+" "aaa" }}', 'a'],
    ['negated POSIX classes', '{{ regexFind "[[:^digit:]]+" "12ab3" }}', 'ab'],
    ['negated Perl classes inside a class', '{{ regexFind "[\\\\D]+" "12ab3" }}', 'ab'],
  ])('supports RE2 syntax JavaScript lacks: %s', (_name, text, expected) => {
    expect(render(text)).toBe(expected);
  });

  test.each([
    ['regexMatch', '{{ regexMatch "^(a+)+$" .ConfigData.s }}', 'false'],
    ['regexFind', '[{{ regexFind "(a|aa)*b" .ConfigData.s }}]', '[]'],
    ['regexReplaceAll', '{{ regexReplaceAll "(a*)*$" .ConfigData.s "x" | len }}', String(100_002)],
    ['regexSplit', '{{ regexSplit "(a+)+!" .ConfigData.s -1 | len }}', '2'],
  ])('%s runs in linear time on a pattern that backtracks catastrophically elsewhere', (_name, text, expected) => {
    const started = Date.now();
    expect(render(text, { ...HELLO_WORLD, ConfigData: { s: `${'a'.repeat(100_000)}!` } })).toBe(expected);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('scanning a long text costs budget by its length: a hundred scans of 100,000 characters exceed it', () => {
    // Before, each scan paid for its arguments only: 630 of them fitted, 12 s of regex work.
    const text = '{{ range until 100 }}{{ regexFindAll "(a*)*" $.ConfigData.s -1 | len }}{{ end }}';
    expect(renderError(text, { ...HELLO_WORLD, ConfigData: { s: 'a'.repeat(100_000) } })).toMatch(
      /^execution budget of 1000000 steps exceeded/,
    );
    const fits = '{{ range until 5 }}{{ regexFindAll "(a*)*" $.ConfigData.s -1 | len }}{{ end }}';
    expect(render(fits, { ...HELLO_WORLD, ConfigData: { s: 'a'.repeat(100_000) } })).toBe('1'.repeat(5));
  });
});
