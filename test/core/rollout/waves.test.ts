import { assignWaves, clusterTypesUpTo } from '../../../src/core/rollout/waves';
import { RolloutPolicySpec } from '../../../src/core/rollout/rollout-policy';

const clusterTypes: { name: string; labels: Record<string, string> }[] = [
  { name: 'large', labels: { size: 'large', ring: '1' } },
  { name: 'drone', labels: { edge: 'true', ring: '0' } },
  { name: 'small', labels: { size: 'small' } },
  { name: 'center', labels: { edge: 'true' } },
];

describe('assignWaves', () => {
  test.each<[string, RolloutPolicySpec, string[][], string[]]>([
    [
      'by label, first matching wave wins, sorted by name',
      {
        waves: [
          { name: 'edge', clusterTypeSelector: { matchLabels: { edge: 'true' } } },
          { name: 'rest', clusterTypeSelector: {} },
        ],
      },
      [
        ['center', 'drone'],
        ['large', 'small'],
      ],
      [],
    ],
    [
      'by name',
      {
        waves: [
          { name: 'canary', clusterTypes: ['drone'] },
          { name: 'all', clusterTypeSelector: {} },
        ],
      },
      [['drone'], ['center', 'large', 'small']],
      [],
    ],
    [
      'cluster types no wave selects go with the last wave, reported',
      {
        waves: [
          { name: 'ring0', clusterTypeSelector: { matchLabels: { ring: '0' } } },
          { name: 'ring1', clusterTypeSelector: { matchLabels: { ring: '1' } } },
        ],
      },
      [['drone'], ['center', 'large', 'small']],
      ['center', 'small'],
    ],
    [
      'a wave may be empty',
      {
        waves: [
          { name: 'none', clusterTypes: ['nothing'] },
          { name: 'all', clusterTypeSelector: {} },
        ],
      },
      [[], ['center', 'drone', 'large', 'small']],
      [],
    ],
  ])('%s', (_name, spec, expected, unselected) => {
    const plan = assignWaves(spec, clusterTypes);
    expect(plan.waves.map((wave) => wave.clusterTypes)).toEqual(expected);
    expect(plan.unselected).toEqual(unselected);
  });

  test('clusterTypesUpTo gathers the waves so far', () => {
    const plan = assignWaves(
      {
        waves: [
          { name: 'a', clusterTypes: ['drone'] },
          { name: 'b', clusterTypes: ['large'] },
          { name: 'c', clusterTypeSelector: {} },
        ],
      },
      clusterTypes,
    );
    expect([...clusterTypesUpTo(plan, 1)].sort()).toEqual(['drone', 'large']);
    expect([...clusterTypesUpTo(plan, 2)].sort()).toEqual(['center', 'drone', 'large', 'small']);
  });
});
