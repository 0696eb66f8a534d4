import { LabelSelector, SelectorOperator } from '../../../src/core/model/types';
import {
  findSelectorMismatch,
  formatMismatch,
  matchesSelector,
  unmetRequirements,
} from '../../../src/core/scheduling/selector';

const { IN, NOT_IN, EXISTS, DOES_NOT_EXIST } = SelectorOperator;

describe('matchesSelector', () => {
  test.each<[string, LabelSelector | undefined, Record<string, string>, boolean]>([
    ['empty selector matches everything', {}, { size: 'large' }, true],
    ['empty selector matches no labels', {}, {}, true],
    ['empty matchLabels matches everything', { matchLabels: {} }, { a: 'b' }, true],
    ['absent selector matches nothing', undefined, { size: 'large' }, false],
    ['matchLabels matches an equal label', { matchLabels: { size: 'large' } }, { size: 'large', x: 'y' }, true],
    ['matchLabels fails on another value', { matchLabels: { size: 'large' } }, { size: 'small' }, false],
    ['matchLabels fails on a missing label', { matchLabels: { edge: 'true' } }, { restricted: 'true' }, false],
    ['matchLabels entries are ANDed', { matchLabels: { a: '1', b: '2' } }, { a: '1', b: '3' }, false],
    ['matchLabels compares strings exactly', { matchLabels: { edge: 'true' } }, { edge: 'True' }, false],
    [
      'In matches a listed value',
      { matchExpressions: [{ key: 'p', operator: IN, values: ['1', '2'] }] },
      { p: '1' },
      true,
    ],
    [
      'In fails on an unlisted value',
      { matchExpressions: [{ key: 'p', operator: IN, values: ['1', '2'] }] },
      { p: '3' },
      false,
    ],
    ['In fails when the key is missing', { matchExpressions: [{ key: 'p', operator: IN, values: ['1'] }] }, {}, false],
    [
      'NotIn matches when the key is missing',
      { matchExpressions: [{ key: 'q', operator: NOT_IN, values: ['x'] }] },
      { p: '1' },
      true,
    ],
    [
      'NotIn matches another value',
      { matchExpressions: [{ key: 'q', operator: NOT_IN, values: ['x'] }] },
      { q: 'y' },
      true,
    ],
    [
      'NotIn fails on a listed value',
      { matchExpressions: [{ key: 'q', operator: NOT_IN, values: ['x'] }] },
      { q: 'x' },
      false,
    ],
    ['Exists matches a present key', { matchExpressions: [{ key: 'q', operator: EXISTS }] }, { q: '' }, true],
    ['Exists fails on a missing key', { matchExpressions: [{ key: 'q', operator: EXISTS }] }, { p: '1' }, false],
    [
      'DoesNotExist matches a missing key',
      { matchExpressions: [{ key: 'q', operator: DOES_NOT_EXIST }] },
      { p: '1' },
      true,
    ],
    [
      'DoesNotExist fails on a present key',
      { matchExpressions: [{ key: 'q', operator: DOES_NOT_EXIST }] },
      { q: 'x' },
      false,
    ],
    [
      'matchLabels and matchExpressions are ANDed',
      { matchLabels: { a: '1' }, matchExpressions: [{ key: 'b', operator: EXISTS }] },
      { a: '1' },
      false,
    ],
  ])('%s', (_name, selector, labels, expected) => {
    expect(matchesSelector(labels, selector)).toBe(expected);
  });
});

describe('findSelectorMismatch', () => {
  test.each<[string, LabelSelector, Record<string, string>, ReturnType<typeof findSelectorMismatch>]>([
    [
      'a missing label',
      { matchLabels: { restricted: 'true', edge: 'true' } },
      { restricted: 'true' },
      { requirement: 'edge: "true"', reason: 'label missing', key: 'edge', field: ['matchLabels', 'edge'] },
    ],
    [
      'another value',
      { matchLabels: { size: 'large' } },
      { size: 'small' },
      { requirement: 'size: "large"', reason: 'label is "small"', key: 'size', field: ['matchLabels', 'size'] },
    ],
    [
      'an expression',
      { matchExpressions: [{ key: 'tier', operator: IN, values: ['gold', 'silver'] }] },
      { tier: 'bronze' },
      {
        requirement: 'tier In (gold, silver)',
        reason: 'label is "bronze"',
        key: 'tier',
        field: ['matchExpressions', 0],
      },
    ],
    [
      'Exists',
      { matchExpressions: [{ key: 'gpu', operator: EXISTS }] },
      {},
      { requirement: 'gpu exists', reason: 'label missing', key: 'gpu', field: ['matchExpressions', 0] },
    ],
    ['nothing when it matches', { matchLabels: { a: '1' } }, { a: '1' }, undefined],
  ])('names the first failing requirement: %s', (_name, selector, labels, expected) => {
    expect(findSelectorMismatch(labels, selector)).toEqual(expected);
  });
});

describe('unmetRequirements', () => {
  test.each<[string, LabelSelector, Record<string, string>, string[]]>([
    ['none when the labels match', { matchLabels: { a: '1' } }, { a: '1' }, []],
    [
      'every failing matchLabels entry, by key',
      { matchLabels: { b: '2', a: '1' } },
      {},
      ['a: "1" required, label missing', 'b: "2" required, label missing'],
    ],
    [
      'matchLabels before matchExpressions',
      { matchExpressions: [{ key: 'x', operator: DOES_NOT_EXIST }], matchLabels: { a: '1' } },
      { x: 'y' },
      ['a: "1" required, label missing', 'x does not exist required, label is "y"'],
    ],
    [
      'NotIn names the value it refused',
      { matchExpressions: [{ key: 'q', operator: NOT_IN, values: ['x', 'y'] }] },
      { q: 'y' },
      ['q NotIn (x, y) required, label is "y"'],
    ],
  ])('lists %s', (_name, selector, labels, expected) => {
    expect(unmetRequirements(labels, selector).map(formatMismatch)).toEqual(expected);
  });
});
