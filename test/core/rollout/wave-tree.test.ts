import { waveTree } from '../../../src/core/rollout/wave-tree';

const README = 'This folder contains deployment targets scheduled on the cluster type';
const published = {
  '.github/tracking/Promoted_Commit_Id': 'old',
  'drone/README.md': README,
  'drone/app/platform-config.yaml': 'drone v1',
  'large/README.md': README,
  'large/app/platform-config.yaml': 'large v1',
  'retired/README.md': README,
};
const planned = {
  '.github/tracking/Promoted_Commit_Id': 'new',
  'drone/README.md': README,
  'drone/app/platform-config.yaml': 'drone v2',
  'large/README.md': README,
  'large/app/platform-config.yaml': 'large v2',
  'fresh/README.md': README,
};

describe('waveTree', () => {
  test('the first wave takes the plan for its cluster types only; the rest stays as published', () => {
    expect(waveTree(planned, published, new Set(['drone']), false)).toEqual({
      '.github/tracking/Promoted_Commit_Id': 'old',
      'drone/README.md': README,
      'drone/app/platform-config.yaml': 'drone v2',
      'large/README.md': README,
      'large/app/platform-config.yaml': 'large v1',
      'retired/README.md': README,
    });
  });

  test('a cluster type new in the plan arrives with its wave', () => {
    expect(Object.keys(waveTree(planned, published, new Set(['drone', 'fresh']), false))).toContain('fresh/README.md');
  });

  test('the last wave is the plan: removed cluster types go, the promoted commit moves', () => {
    expect(waveTree(planned, published, new Set(['drone', 'large', 'fresh']), true)).toEqual(planned);
  });
});
