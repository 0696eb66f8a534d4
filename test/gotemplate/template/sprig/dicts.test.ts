import { render, renderError, STRUCTURED } from '../template-data';

describe('sprig dict functions', () => {
  test.each([
    ['dict', '{{ dict "a" 1 "b" "x" }}', 'map[a:1 b:x]'],
    ['dict with an odd number of arguments', '{{ dict "a" 1 "b" }}', 'map[a:1 b:]'],
    ['dict turns keys into strings', '{{ dict 1 2 }}', 'map[1:2]'],
    ['set changes the dict and returns it', '{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ $d }}', 'map[a:1 b:2]'],
    ['set on .ConfigData is visible afterwards', '{{ $_ := set .ConfigData "NEW" "v" }}{{ .ConfigData.NEW }}', 'v'],
    ['unset', '{{ $d := dict "a" 1 "b" 2 }}{{ $_ := unset $d "a" }}{{ $d }}', 'map[b:2]'],
    ['unset of a missing key', '{{ unset (dict "a" 1) "z" }}', 'map[a:1]'],
    ['hasKey', '{{ hasKey .ConfigData "REGION" }} {{ hasKey dict "x" }}', 'true false'],
    ['pluck', '{{ pluck "a" (dict "a" 1) (dict "b" 2) (dict "a" 3) }}', '[1 3]'],
    ['keys, sorted within each dict', '{{ keys (dict "b" 1 "a" 2) (dict "c" 3) }}', '[a b c]'],
    [
      'keys of .ConfigData piped to sortAlpha',
      '{{ keys .ConfigData | sortAlpha | join "," }}',
      'COUNT,REGION,empty,module,nothing,numbers,tags',
    ],
    ['pick', '{{ pick (dict "a" 1 "b" 2 "c" 3) "a" "c" "z" }}', 'map[a:1 c:3]'],
    ['omit', '{{ omit (dict "a" 1 "b" 2 "c" 3) "a" }}', 'map[b:2 c:3]'],
    ['values in key order', '{{ values (dict "b" 1 "a" 2) }}', '[2 1]'],
    [
      'merge keeps the destination values and merges nested maps',
      '{{ merge (dict "a" 1 "n" (dict "x" 1)) (dict "a" 2 "b" 3 "n" (dict "y" 2)) }}',
      'map[a:1 b:3 n:map[x:1 y:2]]',
    ],
    ['merge fills empty destination values', '{{ merge (dict "a" "") (dict "a" "x") }}', 'map[a:x]'],
    ['merge keeps a destination list', '{{ merge (dict "l" (list 1)) (dict "l" (list 2)) }}', 'map[l:[1]]'],
    ['merge of several sources', '{{ merge (dict) (dict "a" 1) (dict "a" 2 "b" 2) }}', 'map[a:1 b:2]'],
    [
      'mergeOverwrite lets later values win',
      '{{ mergeOverwrite (dict "a" 1 "n" (dict "x" 1)) (dict "a" 2 "b" 3 "n" (dict "y" 2)) }}',
      'map[a:2 b:3 n:map[x:1 y:2]]',
    ],
    ['mergeOverwrite replaces a list', '{{ mergeOverwrite (dict "l" (list 1)) (dict "l" (list 2)) }}', 'map[l:[2]]'],
  ])('%s', (_name, text, expected) => {
    expect(render(text, STRUCTURED)).toBe(expected);
  });

  test.each([
    [
      'fails on the labels, which are a map[string]string',
      '{{ keys .Labels }}',
      'wrong type for value; expected map[string]interface {}; got map[string]string',
    ],
    [
      'fails on a nested config map, which is a map[interface {}]interface {}',
      '{{ hasKey .ConfigData.module "tag" }}',
      'wrong type for value; expected map[string]interface {}; got map[interface {}]interface {}',
    ],
    [
      'fails on set of a missing key (a nil map)',
      '{{ set .ConfigData.nokey "a" 1 }}',
      'error calling set: assignment to entry in nil map',
    ],
    [
      'fails on a list where a dict is expected',
      '{{ values .ConfigData.tags }}',
      'wrong type for value; expected map[string]interface {}; got []interface {}',
    ],
  ])('%s', (_name, text, expected) => {
    expect(renderError(text, STRUCTURED)).toContain(expected);
  });
});
