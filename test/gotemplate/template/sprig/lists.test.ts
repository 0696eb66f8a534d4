import { render, renderError, STRUCTURED } from '../template-data';

describe('sprig list functions', () => {
  test.each([
    ['list', '{{ list 1 "a" }}', '[1 a]'],
    ['tuple', '{{ tuple 1 2 }}', '[1 2]'],
    ['append and push', '{{ append (list 1) 2 }} {{ push .ConfigData.tags "x" }}', '[1 2] [Tag1 Tag2 x]'],
    ['append to a []string', '{{ append (splitList "," "a,b") "c" }}', '[a b c]'],
    ['prepend', '{{ prepend (list 1) 0 }}', '[0 1]'],
    ['first and last', '{{ first .ConfigData.tags }} {{ last .ConfigData.tags }}', 'Tag1 Tag2'],
    ['first of an empty list is nil', '{{ first list }}', '<no value>'],
    ['rest and initial', '{{ rest (list 1 2 3) }} {{ initial (list 1 2 3) }}', '[2 3] [1 2]'],
    ['rest of an empty list', '{{ rest list }}', '[]'],
    ['reverse', '{{ reverse (list 1 2 3) }}', '[3 2 1]'],
    ['uniq uses Go deep equality', '{{ uniq (list 1 1 "1" 2) }}', '[1 1 2]'],
    ['uniq tells int from int64', '{{ uniq (list 1 (add 0 1)) }}', '[1 1]'],
    ['without', '{{ without (list 1 2 3 2) 2 }}', '[1 3]'],
    ['has', '{{ has 2 (list 1 2) }} {{ has "Tag1" .ConfigData.tags }} {{ has "x" nil }}', 'true true false'],
    ['slice from an index', '{{ slice (list 1 2 3) 1 }}', '[2 3]'],
    ['slice between indices', '{{ slice (list 1 2 3) 1 2 }}', '[2]'],
    ['slice of an empty list is nil', '{{ slice list }}', '<no value>'],
    ['slice keeps a []string type', '{{ slice (splitList "," "a,b") 1 | printf "%T" }}', '[]string'],
    ['concat', '{{ concat (list 1) (list 2 3) .ConfigData.tags }}', '[1 2 3 Tag1 Tag2]'],
    ['concat of nothing', '{{ concat }} {{ concat | toJson }}', '[] null'],
  ])('%s', (_name, text, expected) => {
    expect(render(text, STRUCTURED)).toBe(expected);
  });

  test.each([
    ['fails on appending to a string', '{{ append "x" 1 }}', 'error calling append: Cannot push on type string'],
    [
      'fails on first of nil',
      '{{ first .ConfigData.nokey }}',
      'error calling first: runtime error: invalid memory address or nil pointer dereference',
    ],
    ['fails on reversing a map', '{{ reverse dict }}', 'error calling reverse: Cannot find reverse on type map'],
    ['fails on has in a string', '{{ has 1 "abc" }}', 'error calling has: Cannot find has on type string'],
    [
      'fails on slicing a string',
      '{{ slice "abc" 1 }}',
      'error calling slice: list should be type of slice or array but string',
    ],
    [
      'fails on bad slice bounds',
      '{{ slice (list 1 2) 2 1 }}',
      'error calling slice: reflect.Value.Slice: slice index out of bounds',
    ],
    [
      'fails on concatenating a string',
      '{{ concat (list 1) "x" }}',
      'error calling concat: Cannot concat type string as list',
    ],
  ])('%s', (_name, text, expected) => {
    expect(renderError(text, STRUCTURED)).toContain(expected);
  });
});
