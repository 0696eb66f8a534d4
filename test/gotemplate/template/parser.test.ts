import { render, renderError } from './template-data';

describe('lexing and parsing accept Go template syntax', () => {
  test.each([
    ['text without actions', 'plain: text\n', 'plain: text\n'],
    ['an action with spaces', '{{ .Workload }}', 'hello-world-app'],
    ['an action without spaces', '{{.Workload}}', 'hello-world-app'],
    ['an action spanning lines', '{{\n  .Workload\n}}', 'hello-world-app'],
    ['left trim removes preceding spaces and newlines', 'a \n\t {{- "b" }}', 'ab'],
    ['right trim removes following spaces and newlines', '{{ "a" -}} \n\t b', 'ab'],
    ['both trims', 'x  {{- "y" -}}  z', 'xyz'],
    ['a minus without a space is a negative number, not a trim marker', 'a {{-3}} b', 'a -3 b'],
    ['trim markers on a comment', 'a  {{- /* note */ -}}  b', 'ab'],
    ['a comment', 'a{{/* note */}}b', 'ab'],
    ['a multi-line comment', 'a{{/* one\ntwo */}}b', 'ab'],
    ['a string with escapes', '{{ "tab\\tquote\\"newline\\n" }}', 'tab\tquote"newline\n'],
    ['a raw string', '{{ `raw\\n"` }}', 'raw\\n"'],
    ['a rune constant', "{{ 'a' }}", '97'],
    ['an escaped rune constant', "{{ '\\n' }}", '10'],
    ['a hex integer', '{{ 0x1F }}', '31'],
    ['an octal integer', '{{ 0o17 }} {{ 017 }}', '15 15'],
    ['a binary integer', '{{ 0b101 }}', '5'],
    ['an integer with underscores', '{{ 1_000_000 }}', '1000000'],
    ['a negative integer', '{{ -42 }}', '-42'],
    ['a float', '{{ 1.5 }}', '1.5'],
    ['a float written like an integer', '{{ 2.0 }}', '2'],
    ['a float with an exponent', '{{ 1e3 }}', '1000'],
    ['a large float', '{{ 1e6 }}', '1e+06'],
    ['a hex float', '{{ 0x1p-2 }}', '0.25'],
    ['booleans', '{{ true }} {{ false }}', 'true false'],
    ['dot', '{{ .Workload | printf "%s" }}', 'hello-world-app'],
    ['a parenthesized pipeline', '{{ (printf "%s-%s" "a" "b") }}', 'a-b'],
    ['a field of a parenthesized pipeline', '{{ (dict "k" "v").k }}', 'v'],
    ['nested parentheses', '{{ upper (lower (upper "x")) }}', 'X'],
    ['a unicode identifier in a variable', '{{ $größe := 3 }}{{ $größe }}', '3'],
    ['a variable field chain', '{{ $d := dict "a" (dict "b" "c") }}{{ $d.a.b }}', 'c'],
    ['a pipeline of functions', '{{ "a b" | upper | quote }}', '"A B"'],
    ['the last command receives the previous value as its last argument', '{{ "x" | printf "%s-%s" "y" }}', 'y-x'],
    ['an action declaring a variable prints nothing', '{{ $x := "v" }}', ''],
    ['a trim marker at the very end', '{{ "a" -}}', 'a'],
  ])('%s', (_name, text, expected) => {
    expect(render(text)).toBe(expected);
  });
});

describe("parse errors use Go's words and format", () => {
  test.each([
    ['fails on an unknown function', '{{ foo }}', 'template: template:1: function "foo" not defined'],
    [
      'fails on required (a Helm function, not in sprig v2.22.0)',
      '{{ required "x" .Workload }}',
      'template: template:1: function "required" not defined',
    ],
    ['fails on get (a sprig v3 function)', '{{ get (dict) "a" }}', 'template: template:1: function "get" not defined'],
    [
      'fails on fromJson (a sprig v3 function)',
      '{{ fromJson "{}" }}',
      'template: template:1: function "fromJson" not defined',
    ],
    [
      'fails on toRawJson (a sprig v3 function)',
      '{{ toRawJson .Labels }}',
      'template: template:1: function "toRawJson" not defined',
    ],
    [
      'fails on mustToJson (a sprig v3 function)',
      '{{ mustToJson .Labels }}',
      'template: template:1: function "mustToJson" not defined',
    ],
    [
      'fails on dig (a sprig v3 function)',
      '{{ dig "a" "" (dict) }}',
      'template: template:1: function "dig" not defined',
    ],
    ['fails on tpl (a Helm function)', '{{ tpl "x" . }}', 'template: template:1: function "tpl" not defined'],
    [
      'fails on include (a Helm function)',
      '{{ include "x" . }}',
      'template: template:1: function "include" not defined',
    ],
    ['fails on a missing end', '{{ if .Workload }}x', 'template: template:1: unexpected EOF'],
    ['fails on an unexpected end', 'a\n{{ end }}', 'template: template:2: unexpected {{end}}'],
    ['fails on an unexpected else', '{{ else }}', 'template: template:1: unexpected {{else}}'],
    ['fails on an unclosed action', '{{ .Workload', 'template: template:1: unclosed action'],
    [
      'fails on an unclosed action spanning lines',
      '{{ .Workload\n\n',
      'template: template:3: unclosed action started at template:1',
    ],
    ['fails on an unterminated string', '{{ "abc }}', 'template: template:1: unterminated quoted string'],
    ['fails on an unterminated raw string', '{{ `abc }}', 'template: template:1: unterminated raw quoted string'],
    [
      'fails on an unterminated character constant',
      "{{ 'a }}",
      'template: template:1: unterminated character constant',
    ],
    ['fails on an undefined variable', '{{ $x }}', 'template: template:1: undefined variable "$x"'],
    [
      'fails on a range variable used after its end',
      '{{ range $i := .ConfigData }}{{ end }}{{ $i }}',
      'template: template:1: undefined variable "$i"',
    ],
    [
      'fails on a variable of the caller inside define',
      '{{ $x := 1 }}{{ define "T" }}{{ $x }}{{ end }}',
      'template: template:1: undefined variable "$x"',
    ],
    [
      'fails on a literal in a later pipeline stage',
      '{{ .Workload | 1 }}',
      'template: template:1: non executable command in pipeline stage 2',
    ],
    ['fails on an empty action', '{{ }}', 'template: template:1: missing value for command'],
    ['fails on an if without a condition', '{{ if }}{{ end }}', 'template: template:1: missing value for if'],
    [
      'fails on three range variables',
      '{{ range $a, $b, $c := . }}{{ end }}',
      'template: template:1: too many declarations in range',
    ],
    [
      'fails on two variables outside range',
      '{{ $a, $b := . }}',
      'template: template:1: too many declarations in command',
    ],
    [
      'fails on a range initializing a non-variable',
      '{{ range $a, 1 }}{{ end }}',
      'template: template:1: range can only initialize variables',
    ],
    ['fails on break outside range', '{{ break }}', 'template: template:1: {{break}} outside {{range}}'],
    [
      'fails on continue outside range',
      '{{ if true }}{{ continue }}{{ end }}',
      'template: template:1: {{continue}} outside {{range}}',
    ],
    [
      'fails on break with an argument',
      '{{ range . }}{{ break 1 }}{{ end }}',
      'template: template:1: unexpected "1" in {{break}}',
    ],
    ['fails on bad number syntax', '{{ 3.x }}', 'template: template:1: bad number syntax: "3.x"'],
    ['fails on an illegal number', '{{ 0x }}', 'template: template:1: illegal number syntax: "0x"'],
    [
      'fails on an integer too large even for uint64',
      '{{ 99999999999999999999 }}',
      'template: template:1: integer overflow: 99999999999999999999',
    ],
    ['fails on an unclosed left paren', '{{ (1 }}', 'template: template:1: unclosed left paren'],
    ['fails on an unexpected right paren', '{{ 1) }}', 'template: template:1: unexpected right paren'],
    ['fails on a single closing brace', '{{ .Workload }', 'template: template:1: unexpected "}" in operand'],
    [
      'fails on a template without a name',
      '{{ template }}',
      'template: template:1: unexpected "}}" in template clause',
    ],
    ['fails on a define without an end', '{{ define "x" }}body', 'template: template:1: unexpected EOF'],
    [
      'fails on a duplicate define',
      '{{ define "a" }}x{{ end }}{{ define "a" }}y{{ end }}',
      'template: template:1: template: multiple definition of template "a"',
    ],
    ['fails on a field after a literal', '{{ "a".b }}', 'template: template:1: unexpected . after term "\\"a\\""'],
    ['fails on an unclosed comment', '{{/* note }}', 'template: template:1: unclosed comment'],
    [
      'fails on a comment not followed by the delimiter',
      '{{/* note */ }}',
      'template: template:1: comment ends before closing delimiter',
    ],
    ['fails on a bad escape in a string', '{{ "\\q" }}', 'template: template:1: invalid syntax'],
    [
      'fails on two characters in a rune constant',
      "{{ 'ab' }}",
      "template: template:1: malformed character constant: 'ab'",
    ],
    ['fails on a number glued to a field', '{{ .Workload.1 }}', 'template: template:1: unexpected ".1" in operand'],
    [
      'fails on an unrecognized character',
      '{{ .Workload € }}',
      "template: template:1: unrecognized character in action: U+20AC '€'",
    ],
    ['fails on a bad character after an identifier', '{{ upper# }}', "template: template:1: bad character U+0023 '#'"],
    ['fails on a colon without equals', '{{ $x := 1 }}{{ $x : 1 }}', 'template: template:1: expected :='],
    [
      'fails on a raw string whose output still has an unclosed action (nested rendering)',
      '{{ `{{` }}',
      '(nested rendering, pass 2): template: template:1: unclosed action',
    ],
    [
      'fails on else with a pipeline in range',
      '{{ range . }}{{ else if true }}{{ end }}',
      'template: template:1: unexpected <if> in input',
    ],
    [
      'fails on text after else without an end',
      '{{ if true }}{{ else }}{{ else }}{{ end }}',
      'template: template:1: expected end; found {{else}}',
    ],
  ])('%s', (_name, text, expected) => {
    expect(renderError(text)).toBe(expected);
  });

  test('reports the line of the problem in a multi-line template', () => {
    expect(renderError('line 1\nline 2\n  {{ nosuch .x }}\n')).toBe(
      'template: template:3: function "nosuch" not defined',
    );
  });
});
