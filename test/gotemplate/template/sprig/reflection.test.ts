import { render, STRUCTURED } from '../template-data';

describe('sprig reflection functions', () => {
  test.each([
    [
      'typeOf of literals',
      '{{ typeOf 1 }} {{ typeOf 1.5 }} {{ typeOf "a" }} {{ typeOf true }}',
      'int float64 string bool',
    ],
    ['typeOf nil', '{{ typeOf nil }}', '<nil>'],
    ['typeOf the data', '{{ typeOf . }}', 'scheduler.dataType'],
    [
      'typeOf the data maps',
      '{{ typeOf .Labels }} | {{ typeOf .ConfigData }}',
      'map[string]string | map[string]interface {}',
    ],
    [
      'typeOf config values',
      '{{ typeOf .ConfigData.tags }} | {{ typeOf .ConfigData.module }}',
      '[]interface {} | map[interface {}]interface {}',
    ],
    [
      'typeOf function results',
      '{{ typeOf (splitList "," "a") }} {{ typeOf (add 1 1) }} {{ typeOf (dict) }}',
      '[]string int64 map[string]interface {}',
    ],
    [
      'typeIs and typeIsLike',
      '{{ typeIs "int" 1 }} {{ typeIsLike "int" 1 }} {{ typeIs "string" 1 }}',
      'true true false',
    ],
    [
      'kindOf',
      '{{ kindOf 1 }} {{ kindOf . }} {{ kindOf .ConfigData }} {{ kindOf .ConfigData.tags }} {{ kindOf nil }}',
      'int struct map slice invalid',
    ],
    ['kindIs', '{{ kindIs "slice" list }} {{ kindIs "map" list }}', 'true false'],
    ['deepEqual', '{{ deepEqual (list 1 2) (list 1 2) }} {{ deepEqual (dict "a" 1) (dict "a" 1) }}', 'true true'],
    ['deepEqual tells int from int64', '{{ deepEqual 1 (add 0 1) }}', 'false'],
  ])('%s', (_name, text, expected) => {
    expect(render(text, STRUCTURED)).toBe(expected);
  });
});
