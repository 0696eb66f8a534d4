import { diffTree } from '../../../src/core/layout/managed-tree';
import { waveScope } from '../../../src/core/rollout/wave-scope';

const README = 'This folder contains deployment targets scheduled on the cluster type';
const plan = {
  clusterTypes: ['drone', 'large', 'fresh'],
  files: {
    '.github/tracking/Promoted_Commit_Id': 'new',
    'drone/README.md': README,
    'drone/app/platform-config.yaml': 'drone v2',
    'large/README.md': README,
    'large/app/platform-config.yaml': 'large v2',
    'fresh/README.md': README,
  },
};

describe('waveScope', () => {
  test('the first wave owns and writes the folders of its cluster types only', () => {
    const scoped = waveScope(plan, new Set(['drone']), false);
    expect(scoped.files).toEqual({ 'drone/README.md': README, 'drone/app/platform-config.yaml': 'drone v2' });
    expect(scoped.clusterTypes).toEqual(['drone']);
    expect(scoped.scope.ownsFolder('drone')).toBe(true);
    expect(scoped.scope.ownsFolder('large')).toBe(false);
    expect(scoped.scope.ownsFolder('retired')).toBe(false);
    expect(scoped.scope.ownsPromotedCommit).toBe(false);
  });

  test('the last wave owns everything: stale folders and the promoted commit', () => {
    const scoped = waveScope(plan, new Set(['drone']), true);
    expect(scoped.files).toEqual(plan.files);
    expect(scoped.clusterTypes).toEqual(plan.clusterTypes);
    expect(scoped.scope.ownsFolder('retired')).toBe(true);
    expect(scoped.scope.ownsPromotedCommit).toBe(true);
  });

  test('with diffTree, a wave changes its folders and leaves the others, stale ones and the promoted commit alone', () => {
    const published = new Map([
      ['.github/tracking/Promoted_Commit_Id', 'old'],
      ['drone/README.md', README],
      ['drone/app/platform-config.yaml', 'drone v1'],
      ['drone/gone/platform-config.yaml', 'drone v1'],
      ['large/README.md', README],
      ['large/app/platform-config.yaml', 'large v1'],
      ['retired/README.md', README],
    ]);
    const scoped = waveScope(plan, new Set(['drone']), false);
    const changes = diffTree(published, scoped.files, scoped.clusterTypes, [], true, scoped.scope);
    expect(changes).toEqual({
      added: [],
      changed: ['drone/app/platform-config.yaml'],
      deleted: ['drone/gone/platform-config.yaml'],
      unchanged: ['drone/README.md'],
    });
    const last = waveScope(plan, new Set(['drone']), true);
    const lastChanges = diffTree(published, last.files, last.clusterTypes, [], true, last.scope);
    expect(lastChanges.deleted).toEqual(['drone/gone/platform-config.yaml', 'retired/README.md']);
    expect(lastChanges.changed).toEqual([
      '.github/tracking/Promoted_Commit_Id',
      'drone/app/platform-config.yaml',
      'large/app/platform-config.yaml',
    ]);
  });
});
