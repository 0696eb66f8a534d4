import { diffTree, isManagedPath, managedFolders } from '../../../src/core/layout/managed-tree';
import { CLUSTER_TYPE_README_TEXT } from '../../../src/core/layout/names';

const README = CLUSTER_TYPE_README_TEXT;

describe('diffTree', () => {
  test('deletes what upstream deletes, and stale files inside live target folders too (docs/explanation/compatibility.md)', () => {
    const existing = new Map([
      ['README.md', 'root readme'],
      ['.github/x', 'x'],
      ['drone/README.md', README],
      ['drone/keep-dt/old.yaml', 'old'],
      ['drone/keep-dt/reconciler.yaml', 'r'],
      ['drone/gone-dt/reconciler.yaml', 'r'],
      ['drone/stray.yaml', 's'],
      ['oldct/README.md', README],
      ['oldct/x/reconciler.yaml', 'r'],
    ]);
    const desired = { 'drone/README.md': README, 'drone/keep-dt/reconciler.yaml': 'r' };
    expect(diffTree(existing, desired, ['drone'])).toEqual({
      added: [],
      changed: [],
      deleted: [
        'drone/gone-dt/reconciler.yaml',
        'drone/keep-dt/old.yaml',
        'drone/stray.yaml',
        'oldct/README.md',
        'oldct/x/reconciler.yaml',
      ],
      unchanged: ['drone/README.md', 'drone/keep-dt/reconciler.yaml'],
    });
  });

  test.each<[string, Record<string, string>, Record<string, string>, Partial<ReturnType<typeof diffTree>>]>([
    ['adds new files', {}, { 'a/README.md': README, 'a/t/r.yaml': 'r' }, { added: ['a/README.md', 'a/t/r.yaml'] }],
    [
      'changes files whose content differs',
      { 'a/t/r.yaml': 'old' },
      { 'a/t/r.yaml': 'new' },
      { changed: ['a/t/r.yaml'] },
    ],
    ['keeps folders that are not Kalypso cluster-type folders', { 'docs/x.md': 'x', 'docs/README.md': 'mine' }, {}, {}],
    [
      'keeps root files and dot folders',
      { 'README.md': 'x', '.github/workflows/ci.yaml': 'y', '.git/config': 'z' },
      {},
      {},
    ],
    [
      'deletes the promoted commit when the plan has none',
      { '.github/tracking/Promoted_Commit_Id': 'abc' },
      {},
      { deleted: ['.github/tracking/Promoted_Commit_Id'] },
    ],
    ['keeps other tracking files', { '.github/tracking/Other': 'abc' }, {}, {}],
  ])('%s', (_name, existing, desired, expected) => {
    expect(diffTree(new Map(Object.entries(existing)), desired, ['a'])).toEqual({
      added: [],
      changed: [],
      deleted: [],
      unchanged: [],
      ...expected,
    });
  });

  test('keeps the previous files of folders listed in keep', () => {
    const existing = new Map([
      ['a/README.md', README],
      ['a/failed/r.yaml', 'r'],
      ['a/gone/r.yaml', 'r'],
    ]);
    expect(diffTree(existing, { 'a/README.md': README }, ['a'], ['a/failed']).deleted).toEqual(['a/gone/r.yaml']);
  });

  test('deletes nothing when stale files must not be deleted', () => {
    const existing = new Map([
      ['a/README.md', README],
      ['a/gone/r.yaml', 'r'],
    ]);
    expect(diffTree(existing, { 'a/README.md': README }, ['a'], [], false).deleted).toEqual([]);
  });
});

describe('managedFolders', () => {
  test("are the plan cluster types and folders holding Kalypso's README", () => {
    const existing = new Map([
      ['old/README.md', README],
      ['mine/README.md', 'my notes'],
      ['deep/x/README.md', README],
    ]);
    expect([...managedFolders(existing, ['drone'])].sort()).toEqual(['drone', 'old']);
  });

  test.each([
    ['drone/t/r.yaml', true],
    ['drone', false],
    ['other/t/r.yaml', false],
    ['.github/tracking/Promoted_Commit_Id', true],
    ['README.md', false],
  ])('%s is managed: %s', (path, managed) => {
    expect(isManagedPath(path, new Set(['drone']))).toBe(managed);
  });
});
