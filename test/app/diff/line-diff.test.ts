import { countLineChanges } from '../../../src/app/diff/line-diff';

describe('countLineChanges', () => {
  test.each([
    ['equal texts', 'a\nb\n', 'a\nb\n', { added: 0, removed: 0 }],
    ['a changed line', 'a\nb\n', 'a\nc\n', { added: 1, removed: 1 }],
    ['an added line', 'a\n', 'a\nb\n', { added: 1, removed: 0 }],
    ['every line of a new text', '', 'a\nb', { added: 2, removed: 0 }],
    ['moved lines are not changes', 'a\nb\n', 'b\na\n', { added: 0, removed: 0 }],
    ['repeated lines are counted', 'x\nx\n', 'x\n', { added: 0, removed: 1 }],
  ])('%s', (_name, before, after, expected) => {
    expect(countLineChanges(before, after)).toEqual(expected);
  });
});
