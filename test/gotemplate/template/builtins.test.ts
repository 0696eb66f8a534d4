import { render, renderError, STRUCTURED } from './template-data';

describe('Go builtin functions', () => {
  test.each([
    // and / or / not
    ['and returns the first false argument', '{{ and 1 0 2 }}', '0'],
    ['and returns the last argument when all are true', '{{ and 1 "x" 2 }}', '2'],
    ['and short-circuits', '{{ and false (fail "never") }}', 'false'],
    ['or returns the first true argument', '{{ or 0 "" "x" 3 }}', 'x'],
    ['or returns the last argument when none is true', '[{{ or 0 "" }}]', '[]'],
    ['or short-circuits', '{{ or "a" (fail "never") }}', 'a'],
    ['and takes a piped final argument', '{{ "x" | and true }}', 'x'],
    ['or with a missing key falls through', '{{ or .ConfigData.nokey "default" }}', 'default'],
    ['not', '{{ not 0 }} {{ not "x" }} {{ not .ConfigData.nokey }}', 'true false true'],
    // comparisons
    ['eq of strings', '{{ eq "a" "a" }} {{ eq "a" "b" }}', 'true false'],
    ['eq with several candidates', '{{ eq .Workload "x" "hello-world-app" }}', 'true'],
    ['eq of ints and int64s', '{{ eq (add 1 1) 2 }}', 'true'],
    ['eq of floats', '{{ eq 1.5 1.5 }}', 'true'],
    ['eq of bools', '{{ eq true false }}', 'false'],
    ['eq of a byte and an int', '{{ eq (index "a" 0) 97 }}', 'true'],
    ['eq of two missing keys', '{{ eq .ConfigData.nokey .Labels.nokey }}', 'true'],
    ['eq of a missing key and nil', '{{ eq .ConfigData.nokey nil }}', 'true'],
    ['eq of a list and nil', '{{ eq .ConfigData.tags nil }}', 'false'],
    ['ne', '{{ ne 1 2 }} {{ ne "a" "a" }}', 'true false'],
    ['lt of ints', '{{ lt 1 2 }} {{ lt 2 1 }}', 'true false'],
    ['lt of strings in byte order', '{{ lt "B" "a" }} {{ lt "é" "z" }}', 'true false'],
    ['le, gt, ge', '{{ le 2 2 }} {{ gt 3 2 }} {{ ge 2 3 }}', 'true true false'],
    // len
    ['len of a map', '{{ len .Labels }}', '5'],
    ['len of a string counts bytes', '{{ len "héllo" }}', '6'],
    ['len of a list', '{{ len .ConfigData.tags }}', '2'],
    ['len of an empty map', '{{ len dict }}', '0'],
    // index
    ['index of a map', '{{ index .Labels "workload" }}', 'hello-world-app'],
    ['index of a list', '{{ index .ConfigData.tags 1 }}', 'Tag2'],
    ['index through nested config maps', '{{ index .ConfigData "module" "tag" "short-name" }}', 'Patch'],
    ['index of a string is a byte', '{{ index "abc" 1 }}', '98'],
    ['index without indices is the item', '{{ index .Workload }}', 'hello-world-app'],
    ['index with an int64', '{{ index .ConfigData.tags (sub 1 1) }}', 'Tag1'],
    // escapers
    ['html', '{{ html "<a href=\\"x\\">&\'</a>" }}', '&lt;a href=&#34;x&#34;&gt;&amp;&#39;&lt;/a&gt;'],
    ['html of several arguments', '{{ html 1 2 }}', '1 2'],
    ['js', '{{ js "a\'b\\"c<d>e&f=g\\\\h\\n" }}', 'a\\\'b\\"c\\u003Cd\\u003Ee\\u0026f\\u003Dg\\\\h\\u000A'],
    ['urlquery', '{{ urlquery "a b&c=d/é" }}', 'a+b%26c%3Dd%2F%C3%A9'],
  ])('%s', (_name, text, expected) => {
    expect(render(text, STRUCTURED)).toBe(expected);
  });

  test.each([
    [
      'fails on comparing an int and a float',
      '{{ eq 1 1.0 }}',
      'template: template:1:3: executing "template" at <eq 1 1.0>: error calling eq: incompatible types for comparison: int and float64',
    ],
    [
      'fails on comparing a string and an int',
      '{{ lt "a" 1 }}',
      'template: template:1:3: executing "template" at <lt "a" 1>: error calling lt: incompatible types for comparison: string and int',
    ],
    [
      'fails on ordering bools',
      '{{ lt true false }}',
      'template: template:1:3: executing "template" at <lt true false>: error calling lt: invalid type for comparison',
    ],
    [
      'fails on ordering a missing key',
      '{{ lt .Manifests.nokey 1 }}',
      'template: template:1:3: executing "template" at <lt .Manifests.nokey 1>: error calling lt: invalid type for comparison',
    ],
    [
      'fails on comparing lists',
      '{{ eq .ConfigData.tags .ConfigData.tags }}',
      'template: template:1:3: executing "template" at <eq .ConfigData.tags .ConfigData.tags>: error calling eq: non-comparable type [Tag1 Tag2]: []interface {}',
    ],
    [
      'fails on eq without a second argument',
      '{{ eq 1 }}',
      'template: template:1:3: executing "template" at <eq 1>: error calling eq: missing argument for comparison',
    ],
    [
      'fails on len of an int',
      '{{ len 3 }}',
      'template: template:1:3: executing "template" at <len 3>: error calling len: len of type int',
    ],
    [
      'fails on len of a config null',
      '{{ len .ConfigData.nothing }}',
      'template: template:1:3: executing "template" at <len .ConfigData.nothing>: error calling len: len of nil pointer',
    ],
    [
      'fails on len of a missing key',
      '{{ len .Manifests.nokey }}',
      'template: template:1:3: executing "template" at <len .Manifests.nokey>: error calling len: reflect: call of reflect.Value.Type on zero Value',
    ],
    [
      'fails on an index out of range',
      '{{ index .ConfigData.tags 5 }}',
      'template: template:1:3: executing "template" at <index .ConfigData.tags 5>: error calling index: index out of range: 5',
    ],
    [
      'fails on an index equal to the length',
      '{{ index .ConfigData.tags 2 }}',
      'template: template:1:3: executing "template" at <index .ConfigData.tags 2>: error calling index: reflect: slice index out of range',
    ],
    [
      'fails on a string index into a list',
      '{{ index .ConfigData.tags "a" }}',
      'template: template:1:3: executing "template" at <index .ConfigData.tags "a">: error calling index: cannot index slice/array with type string',
    ],
    [
      'fails on an int key into a string map',
      '{{ index .Labels 1 }}',
      'template: template:1:3: executing "template" at <index .Labels 1>: error calling index: value has type int; should be string',
    ],
    [
      'fails on indexing nil',
      '{{ index nil 1 }}',
      'template: template:1:3: executing "template" at <index nil 1>: error calling index: index of untyped nil',
    ],
    [
      'fails on indexing an int',
      '{{ index 3 1 }}',
      'template: template:1:3: executing "template" at <index 3 1>: error calling index: can\'t index item of type int',
    ],
    [
      'fails on indexing through a config null',
      '{{ index .ConfigData "nothing" "x" }}',
      'template: template:1:3: executing "template" at <index .ConfigData "nothing" "x">: error calling index: index of nil pointer',
    ],
    [
      'fails on call of a string (templates hold no functions)',
      '{{ call .Namespace }}',
      'template: template:1:3: executing "template" at <call .Namespace>: error calling call: non-function .Namespace of type string',
    ],
    [
      'fails on call of nil',
      '{{ call .ConfigData.nokey }}',
      'template: template:1:3: executing "template" at <call .ConfigData.nokey>: error calling call: call of nil',
    ],
    [
      'fails on and without arguments',
      '{{ and }}',
      'template: template:1:3: executing "template" at <and>: wrong number of args for and: want at least 1 got 0',
    ],
    [
      'fails on printf without a format',
      '{{ printf }}',
      'template: template:1:3: executing "template" at <printf>: wrong number of args for printf: want at least 1 got 0',
    ],
  ])('%s', (_name, text, expected) => {
    expect(renderError(text, STRUCTURED)).toBe(expected);
  });
});
