import { HELLO_WORLD, render, renderError, STRUCTURED } from './template-data';

describe("the data is Kalypso's struct", () => {
  test.each([
    ['DeploymentTargetName', '{{ .DeploymentTargetName }}', 'hello-world-app-functional-test'],
    ['Namespace (A23)', '{{ .Namespace }}', 'dev-drone-hello-world-app-functional-test'],
    ['Environment', '{{ .Environment }}', 'dev'],
    ['Workspace', '{{ .Workspace }}', 'kaizen-app-team'],
    ['Workload', '{{ .Workload }}', 'hello-world-app'],
    ['ClusterType', '{{ .ClusterType }}', 'drone'],
    ['a label', '{{ .Labels.purpose }}', 'functional-test'],
    ['a label through index', '{{ index .Labels "use-case" }}', 'uc1'],
    ['a manifests key', '{{ .Manifests.repo }}', 'https://github.com/microsoft/kalypso-app-gitops'],
    ['a config value', '{{ .ConfigData.REGION }}', 'East US'],
    ['a missing manifests key prints <no value> (A24)', '{{ .Manifests.nokey }}', '<no value>'],
    ['a missing label prints <no value>', '{{ .Labels.nokey }}', '<no value>'],
    ['a missing config key prints <no value>', '{{ .ConfigData.nokey }}', '<no value>'],
    ['index of a missing label is the empty string (A24)', '[{{ index .Labels "nokey" }}]', '[]'],
    ['index of a missing config key prints <no value>', '{{ index .ConfigData "nokey" }}', '<no value>'],
    ['a missing config key is false in if (A24)', '{{ if .ConfigData.nokey }}yes{{ else }}no{{ end }}', 'no'],
    ['a missing key compared with eq is false, not an error', '{{ eq .Manifests.nokey "x" }}', 'false'],
    ['a field of a missing key is <no value>', '{{ .ConfigData.nokey.deeper }}', '<no value>'],
    ['the whole struct prints like Go', '{{ .Environment }}|{{ . | printf "%T" }}', 'dev|scheduler.dataType'],
    ['$ is the data inside range', '{{ range .Labels }}{{ $.ClusterType }}{{ end }}', 'dronedronedronedronedrone'],
    ['a struct is always true', '{{ if . }}yes{{ end }}', 'yes'],
  ])('%s', (_name, text, expected) => {
    expect(render(text)).toBe(expected);
  });

  test('prints the whole struct as Go does', () => {
    expect(render('{{ . }}', { ...HELLO_WORLD, Labels: { a: 'b' }, Manifests: {}, ConfigData: { K: 'v' } })).toBe(
      '{hello-world-app-functional-test dev-drone-hello-world-app-functional-test dev kaizen-app-team hello-world-app map[a:b] map[] drone map[K:v]}',
    );
  });

  test.each([
    [
      'fails on a field the struct does not have (A24)',
      '{{ .Repo }}',
      'template: template:1:3: executing "template" at <.Repo>: can\'t evaluate field Repo in type scheduler.dataType',
    ],
    [
      'fails on a lower-case field name',
      '{{ .namespace }}',
      'template: template:1:3: executing "template" at <.namespace>: can\'t evaluate field namespace in type scheduler.dataType',
    ],
    [
      'fails on the legacy .Branch inside a quoted value',
      'ref:\n  branch: "{{ .Branch}}"',
      'template: template:2:14: executing "template" at <.Branch>: can\'t evaluate field Branch in type scheduler.dataType',
    ],
    [
      'fails on a field of a string field',
      '{{ .Namespace.X }}',
      'template: template:1:13: executing "template" at <.Namespace.X>: can\'t evaluate field X in type string',
    ],
    [
      'fails on a field of a label value',
      '{{ .Labels.purpose.X }}',
      'template: template:1:10: executing "template" at <.Labels.purpose.X>: can\'t evaluate field X in type string',
    ],
    [
      'fails on a field of a config string (static type interface {})',
      '{{ .ConfigData.REGION.X }}',
      'template: template:1:14: executing "template" at <.ConfigData.REGION.X>: can\'t evaluate field X in type interface {}',
    ],
    [
      'fails on a field of a config null',
      '{{ .ConfigData.nothing.X }}',
      'template: template:1:14: executing "template" at <.ConfigData.nothing.X>: nil pointer evaluating interface {}.X',
    ],
    [
      'fails on a field of a variable holding an int',
      '{{ $x := 1 }}{{ $x.y }}',
      'template: template:1:18: executing "template" at <$x.y>: can\'t evaluate field y in type int',
    ],
    [
      'fails on arguments to a struct field',
      '{{ .Namespace 1 }}',
      'template: template:1:3: executing "template" at <.Namespace>: Namespace has arguments but cannot be invoked as function',
    ],
    [
      'fails on arguments to a map key',
      '{{ .ConfigData.REGION 1 }}',
      'template: template:1:14: executing "template" at <.ConfigData.REGION>: REGION is not a method but has arguments',
    ],
    [
      'fails on a piped value into a field',
      '{{ "x" | .Namespace }}',
      'template: template:1:9: executing "template" at <.Namespace>: Namespace has arguments but cannot be invoked as function',
    ],
  ])('%s', (_name, text, expected) => {
    expect(renderError(text, STRUCTURED)).toBe(expected);
  });
});

describe('printing follows fmt.Print', () => {
  test.each([
    ['a string', '{{ "x" }}', 'x'],
    ['an int', '{{ 42 }}', '42'],
    ['a float', '{{ 0.000001 }}', '1e-06'],
    ['a bool', '{{ true }}', 'true'],
    ['a list', '{{ .ConfigData.tags }}', '[Tag1 Tag2]'],
    ['a list with numbers, bools and nil', '{{ .ConfigData.numbers }}', '[1 2.5 true <nil>]'],
    [
      'a nested map with sorted keys',
      '{{ .ConfigData.module }}',
      'map[tag:map[reject-tags:[R173 R018] short-name:Patch] window-period:5]',
    ],
    ['a map of strings', '{{ dict "b" "2" "a" "1" }}', 'map[a:1 b:2]'],
    ['a config null as <no value> (a nil interface)', '{{ .ConfigData.nothing }}', '<no value>'],
    ['nil passed to print as <nil>', '{{ print .ConfigData.nothing }}', '<nil>'],
    ['a missing key passed to print as <nil>', '{{ print .ConfigData.nokey }}', '<nil>'],
    ['an empty string', '[{{ .ConfigData.empty }}]', '[]'],
    ['an empty list', '{{ list }}', '[]'],
    ['an empty map', '{{ dict }}', 'map[]'],
    ['an int64', '{{ add 1 2 }}', '3'],
    ['a float64', '{{ float64 "1.5" }}', '1.5'],
    ['a byte of a string', '{{ index "abc" 1 }}', '98'],
  ])('%s', (_name, text, expected) => {
    expect(render(text, STRUCTURED)).toBe(expected);
  });
});

describe('if, with and range follow Go', () => {
  test.each([
    ['if true', '{{ if true }}y{{ end }}', 'y'],
    ['if false with else', '{{ if false }}y{{ else }}n{{ end }}', 'n'],
    [
      'else if chains',
      '{{ if eq .Workload "x" }}1{{ else if eq .Workload "hello-world-app" }}2{{ else }}3{{ end }}',
      '2',
    ],
    ['else if falls through to else', '{{ if false }}1{{ else if false }}2{{ else }}3{{ end }}', '3'],
    ['0 is false', '{{ if 0 }}y{{ else }}n{{ end }}', 'n'],
    ['0.0 is false', '{{ if 0.0 }}y{{ else }}n{{ end }}', 'n'],
    ['the string "0" is true', '{{ if "0" }}y{{ else }}n{{ end }}', 'y'],
    ['the string "false" is true', '{{ if "false" }}y{{ else }}n{{ end }}', 'y'],
    ['an empty string is false', '{{ if .ConfigData.empty }}y{{ else }}n{{ end }}', 'n'],
    ['a non-empty list is true', '{{ if .ConfigData.tags }}y{{ else }}n{{ end }}', 'y'],
    ['an empty list is false', '{{ if list }}y{{ else }}n{{ end }}', 'n'],
    ['an empty map is false', '{{ if dict }}y{{ else }}n{{ end }}', 'n'],
    ['a config null is false', '{{ if .ConfigData.nothing }}y{{ else }}n{{ end }}', 'n'],
    ['with sets dot', '{{ with .ConfigData.module }}{{ index . "window-period" }}{{ end }}', '5'],
    [
      'with on an empty value runs else',
      '{{ with .ConfigData.empty }}y{{ else }}n:{{ . | printf "%T" }}{{ end }}',
      'n:scheduler.dataType',
    ],
    ['else with', '{{ with .ConfigData.nokey }}a{{ else with .ConfigData.REGION }}{{ . }}{{ end }}', 'East US'],
    ['with declaring a variable', '{{ with $r := .ConfigData.REGION }}{{ $r }}{{ end }}', 'East US'],
    ['range over a list', '{{ range .ConfigData.tags }}<{{ . }}>{{ end }}', '<Tag1><Tag2>'],
    [
      'range with index and element',
      '{{ range $i, $t := .ConfigData.tags }}{{ $i }}={{ $t }};{{ end }}',
      '0=Tag1;1=Tag2;',
    ],
    ['range with one variable gets the element', '{{ range $t := .ConfigData.tags }}{{ $t }};{{ end }}', 'Tag1;Tag2;'],
    [
      'range over a map in sorted key order',
      '{{ range $k, $v := .Labels }}{{ $k }}={{ $v }};{{ end }}',
      'edge=true;purpose=functional-test;use-case=uc1;workload=hello-world-app;workspace=kaizen-app-team;',
    ],
    ['range over an empty list runs else', '{{ range list }}x{{ else }}empty{{ end }}', 'empty'],
    ['range over a missing key runs else', '{{ range .ConfigData.nokey }}x{{ else }}none{{ end }}', 'none'],
    ['range over an integer', '{{ range 3 }}{{ . }}{{ end }}', '012'],
    ['range over an integer with a variable', '{{ range $i := 3 }}{{ $i }}{{ end }}', '012'],
    ['range over zero runs else', '{{ range 0 }}x{{ else }}zero{{ end }}', 'zero'],
    ['range over a negative integer runs else', '{{ range -2 }}x{{ else }}none{{ end }}', 'none'],
    ['range over an int64', '{{ range add 1 1 }}{{ . }}{{ end }}', '01'],
    ['break stops the range', '{{ range until 10 }}{{ if eq . 3 }}{{ break }}{{ end }}{{ . }}{{ end }}', '012'],
    [
      'continue skips to the next element',
      '{{ range .ConfigData.tags }}{{ if eq . "Tag1" }}{{ continue }}{{ end }}{{ . }}{{ end }}',
      'Tag2',
    ],
    [
      'break in a nested range stops only the inner one',
      '{{ range 2 }}{{ range 5 }}{{ if eq . 1 }}{{ break }}{{ end }}{{ . }}{{ end }}|{{ end }}',
      '0|0|',
    ],
    [
      'range assigning to outer variables',
      '{{ $i := 0 }}{{ $v := "" }}{{ range $i, $v = .ConfigData.tags }}{{ end }}{{ $i }}{{ $v }}',
      '1Tag2',
    ],
    [
      'range elements of a nested config list',
      '{{ range .ConfigData.module.tag }}[{{ . }}]{{ end }}',
      '[[R173 R018]][Patch]',
    ],
  ])('%s', (_name, text, expected) => {
    expect(render(text, STRUCTURED)).toBe(expected);
  });

  test.each([
    [
      'fails to range over a string',
      '{{ range "abc" }}{{ end }}',
      'template: template:1:9: executing "template" at <"abc">: range can\'t iterate over abc',
    ],
    [
      'fails to range over a float',
      '{{ range 1.5 }}{{ end }}',
      'template: template:1:9: executing "template" at <1.5>: range can\'t iterate over 1.5',
    ],
    [
      'fails to range over an integer with two variables',
      '{{ range $i, $v := 3 }}{{ end }}',
      'template: template:1:19: executing "template" at <3>: can\'t use 3 to iterate over more than one variable',
    ],
  ])('%s', (_name, text, expected) => {
    expect(renderError(text, STRUCTURED)).toBe(expected);
  });
});

describe('variables follow Go scoping', () => {
  test.each([
    ['declare and use', '{{ $x := "a" }}{{ $x }}', 'a'],
    ['assign', '{{ $x := "a" }}{{ $x = "b" }}{{ $x }}', 'b'],
    ['a declaration inside if ends with it', '{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}', '21'],
    [
      'an assignment inside if changes the outer variable',
      '{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}',
      '2',
    ],
    [
      'an assignment inside range persists',
      '{{ $n := 0 }}{{ range .ConfigData.tags }}{{ $n = add $n 1 }}{{ end }}{{ $n }}',
      '2',
    ],
    ['$ is the data', '{{ $.Workload }}', 'hello-world-app'],
    ['$ inside a template call is its dot', '{{ define "T" }}{{ $ }}{{ end }}{{ template "T" "x" }}', 'x'],
    [
      'a variable holding a map',
      '{{ $m := .ConfigData.module }}{{ $m.tag }}',
      'map[reject-tags:[R173 R018] short-name:Patch]',
    ],
  ])('%s', (_name, text, expected) => {
    expect(render(text, STRUCTURED)).toBe(expected);
  });

  test('fails on assigning to an undeclared variable', () => {
    expect(renderError('{{ $x = 1 }}')).toBe(
      'template: template:1:8: executing "template" at <1>: undefined variable: $x',
    );
  });
});

describe('define, template and block', () => {
  test.each([
    ['a defined template called with a value', '{{ define "T" }}[{{ . }}]{{ end }}{{ template "T" "x" }}', '[x]'],
    [
      'a defined template called with the data',
      '{{ define "T" }}{{ .Workload }}{{ end }}{{ template "T" . }}',
      'hello-world-app',
    ],
    [
      'a template called without a pipeline gets no dot',
      '{{ define "T" }}{{ . }}{{ end }}{{ template "T" }}',
      '<no value>',
    ],
    ['a block defines and calls', '{{ block "B" .Workload }}<{{ . }}>{{ end }}', '<hello-world-app>'],
    ['define produces no output', 'a{{ define "T" }}x{{ end }}b', 'ab'],
    [
      'recursion with a stop condition',
      '{{ define "count" }}{{ . }}{{ if lt . 3 }}{{ template "count" add1 . }}{{ end }}{{ end }}{{ template "count" 0 }}',
      '0123',
    ],
  ])('%s', (_name, text, expected) => {
    expect(render(text)).toBe(expected);
  });

  test.each([
    [
      'fails on an undefined template',
      '{{ template "missing" }}',
      'template: template:1:12: executing "template" at <{{template "missing"}}>: template "missing" not defined',
    ],
    [
      'fails inside a called template with its name',
      '{{ define "T" }}{{ .Repo }}{{ end }}{{ template "T" . }}',
      'template: template:1:19: executing "T" at <.Repo>: can\'t evaluate field Repo in type scheduler.dataType',
    ],
    [
      'fails on endless recursion at the depth limit',
      '{{ define "R" }}{{ template "R" . }}{{ end }}{{ template "R" . }}',
      'template: template:1:28: executing "R" at <{{template "R" .}}>: exceeded maximum template depth (1000)',
    ],
  ])('%s', (_name, text, expected) => {
    expect(renderError(text)).toBe(expected);
  });
});

describe('function calls check arguments like Go', () => {
  test.each([
    [
      'fails on a number where a string is expected',
      '{{ upper 1 }}',
      'template: template:1:9: executing "template" at <1>: expected string; found 1',
    ],
    [
      'fails on a list where a string is expected',
      '{{ upper .ConfigData.tags }}',
      'template: template:1:20: executing "template" at <.ConfigData.tags>: wrong type for value; expected string; got []interface {}',
    ],
    [
      'fails on a missing key where a string is expected',
      '{{ upper .ConfigData.nokey }}',
      'template: template:1:20: executing "template" at <.ConfigData.nokey>: invalid value; expected string',
    ],
    [
      'fails on a config null where a string is expected',
      '{{ upper .ConfigData.nothing }}',
      'template: template:1:20: executing "template" at <.ConfigData.nothing>: wrong type for value; expected string; got interface {}',
    ],
    [
      'fails on a missing piped value where a string is expected',
      '{{ .Manifests.nokey | upper }}',
      'template: template:1:22: executing "template" at <upper>: invalid value; expected string',
    ],
    [
      'fails on too few arguments',
      '{{ upper }}',
      'template: template:1:3: executing "template" at <upper>: wrong number of args for upper: want 1 got 0',
    ],
    [
      'fails on too many arguments',
      '{{ "a" | upper "b" }}',
      'template: template:1:9: executing "template" at <upper>: wrong number of args for upper: want 1 got 2',
    ],
    [
      'fails on too few arguments to a variadic function',
      '{{ eq }}',
      'template: template:1:3: executing "template" at <eq>: wrong number of args for eq: want at least 1 got 0',
    ],
    [
      'fails on a string where an int is expected',
      '{{ indent "2" "x" }}',
      'template: template:1:10: executing "template" at <"2">: expected integer; found "2"',
    ],
    [
      'fails on a float literal where an int is expected',
      '{{ indent 2.5 "x" }}',
      'template: template:1:10: executing "template" at <2.5>: expected integer; found 2.5',
    ],
    // Go reports the node it evaluated last (the last argument of add), not the parenthesized pipeline.
    [
      'fails on an int64 result where an int is expected',
      '{{ indent (add 1 1) "x" }}',
      'template: template:1:17: executing "template" at <1>: wrong type for value; expected int; got int64',
    ],
    [
      'fails on a string where a bool is expected',
      '{{ ternary 1 2 "true" }}',
      'template: template:1:15: executing "template" at <"true">: expected bool; found "true"',
    ],
    [
      'fails on a literal where a map is expected',
      '{{ keys "a" }}',
      'template: template:1:8: executing "template" at <"a">: can\'t handle "a" for arg of type map[string]interface {}',
    ],
    [
      'fails on nil where a string is expected',
      '{{ upper nil }}',
      'template: template:1:9: executing "template" at <nil>: cannot assign nil to string',
    ],
    [
      'fails on nil as a command',
      '{{ nil }}',
      'template: template:1:3: executing "template" at <nil>: nil is not a command',
    ],
    [
      'fails on arguments to a literal',
      '{{ 1 2 }}',
      'template: template:1:3: executing "template" at <1>: can\'t give argument to non-function 1',
    ],
    [
      'fails on an error returned by a function',
      '{{ fail "boom" }}',
      'template: template:1:3: executing "template" at <fail "boom">: error calling fail: boom',
    ],
    [
      'fails on an int too large for int',
      '{{ 9223372036854775808 }}',
      'template: template:1:3: executing "template" at <9223372036854775808>: 9223372036854775808 overflows int',
    ],
  ])('%s', (_name, text, expected) => {
    expect(renderError(text, STRUCTURED)).toBe(expected);
  });

  test('reports columns in bytes, as Go does', () => {
    expect(renderError('é {{ .Repo }}')).toBe(
      'template: template:1:6: executing "template" at <.Repo>: can\'t evaluate field Repo in type scheduler.dataType',
    );
  });

  test('reports the column within the line', () => {
    expect(renderError('a: 1\nb: {{ .Repo }}')).toBe(
      'template: template:2:6: executing "template" at <.Repo>: can\'t evaluate field Repo in type scheduler.dataType',
    );
  });
});
