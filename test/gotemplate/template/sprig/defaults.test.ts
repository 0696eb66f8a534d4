import { HELLO_WORLD, render, renderError, STRUCTURED } from '../template-data';

describe('sprig default, empty, coalesce, ternary, compact, deepCopy', () => {
  test.each([
    ['default replaces an empty string', '{{ default "x" "" }}', 'x'],
    ['default keeps a value', '{{ default "x" "y" }}', 'y'],
    ['default of a missing key in a pipeline', '{{ .Manifests.nokey | default "d" }}', 'd'],
    [
      'default replaces 0, false and empty lists',
      '{{ default "d" 0 }} {{ default "d" false }} {{ default "d" list }}',
      'd d d',
    ],
    ['default keeps a list', '{{ default "d" .ConfigData.tags }}', '[Tag1 Tag2]'],
    ['default without a value', '{{ default "d" }}', 'd'],
    [
      'empty',
      '{{ empty "" }} {{ empty 0 }} {{ empty "0" }} {{ empty list }} {{ empty (dict "a" 1) }}',
      'true true false true false',
    ],
    ['empty of a missing key', '{{ empty .ConfigData.nokey }}', 'true'],
    ['empty of the struct', '{{ empty . }}', 'false'],
    ['coalesce returns the first non-empty value', '{{ coalesce "" 0 "x" }}', 'x'],
    ['coalesce of empty values is nil', '{{ coalesce "" 0 }}', '<no value>'],
    ['ternary', '{{ ternary "a" "b" true }} {{ ternary "a" "b" false }}', 'a b'],
    ['ternary in a pipeline', '{{ true | ternary "yes" "no" }}', 'yes'],
    ['compact drops empty values', '{{ compact (list "a" "" 0 "b" nil false) }}', '[a b]'],
    [
      'deepCopy keeps the value and its type',
      '{{ $c := deepCopy .ConfigData.module }}{{ $c }} {{ typeOf $c }}',
      'map[tag:map[reject-tags:[R173 R018] short-name:Patch] window-period:5] map[interface {}]interface {}',
    ],
    [
      'deepCopy makes an independent copy',
      '{{ $d := dict "a" 1 }}{{ $c := deepCopy $d }}{{ $_ := set $c "a" 2 }}{{ $d.a }}{{ $c.a }}',
      '12',
    ],
  ])('%s', (_name, text, expected) => {
    expect(render(text, STRUCTURED)).toBe(expected);
  });

  test.each([
    ['fails on compacting a string', '{{ compact "x" }}', 'error calling compact: Cannot compact on type string'],
    [
      'fails on compacting nil',
      '{{ compact nil }}',
      'error calling compact: runtime error: invalid memory address or nil pointer dereference',
    ],
  ])('%s', (_name, text, expected) => {
    expect(renderError(text)).toContain(expected);
  });
});

describe('sprig toJson and toPrettyJson follow encoding/json', () => {
  test.each([
    [
      'a dict with HTML escaping',
      '{{ toJson (dict "a" 1 "b" (list "x" "<&>")) }}',
      '{"a":1,"b":["x","\\u003c\\u0026\\u003e"]}',
    ],
    ['a string with escapes', '{{ toJson "é\\n\\t\\"" }}', '"é\\n\\t\\""'],
    [
      'a flat config map with sorted keys',
      '{{ toJson .ConfigData }}',
      '{"CLUSTER_NAME":"Drone","DATABASE_URL":"mysql://restricted-host:3306/mysqlrty123","ENVIRONMENT":"Dev","REGION":"East US","SOME_COMMON_ENVIRONMENT_VARIABLE":"false"}',
    ],
    [
      'the labels',
      '{{ toJson .Labels }}',
      '{"edge":"true","purpose":"functional-test","use-case":"uc1","workload":"hello-world-app","workspace":"kaizen-app-team"}',
    ],
    ['floats', '{{ toJson (list 1.5 1e21 0.0000001 100.0) }}', '[1.5,1e+21,1e-7,100]'],
    ['nil', '{{ toJson nil }}', 'null'],
    ['a nil list', '{{ toJson (rest list) }}', 'null'],
    ['the struct with its field names', '{{ toJson . | trunc 44 }}', '{"DeploymentTargetName":"hello-world-app-fun'],
    ['NaN is unsupported, so sprig returns ""', '[{{ toJson (float64 "NaN") }}]', '[]'],
    [
      'pretty JSON',
      '{{ toPrettyJson (dict "a" (list 1 2) "b" dict) }}',
      '{\n  "a": [\n    1,\n    2\n  ],\n  "b": {}\n}',
    ],
  ])('%s', (_name, text, expected) => {
    expect(render(text, HELLO_WORLD)).toBe(expected);
  });

  test('writes "" for config with nested maps, which Go cannot encode (map[interface {}]interface {})', () => {
    expect(render('[{{ toJson .ConfigData }}]', STRUCTURED)).toBe('[]');
  });
});
