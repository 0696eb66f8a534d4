import { gitBlobId } from '../../../src/io/git/blob-id';
import { computeChangeSet, isEmptyChangeSet } from '../../../src/app/publish/change-set';
import { git } from '../../support/git';
import { CLUSTER_TYPE_README_TEXT } from '../../../src/core/layout/names';

const README = CLUSTER_TYPE_README_TEXT;
const tree = (files: Record<string, string>) => ({
  blobs: new Map(Object.entries(files).map(([path, text]) => [path, gitBlobId(text)])),
});

describe('computeChangeSet', () => {
  test('deletes what upstream deletes, and stale files inside live target folders too (A33 with SPEC §9)', () => {
    const existing = tree({
      'README.md': 'root readme',
      '.github/x': 'x',
      'drone/README.md': README,
      'drone/keep-dt/old.yaml': 'old',
      'drone/keep-dt/reconciler.yaml': 'r',
      'drone/gone-dt/reconciler.yaml': 'r',
      'drone/stray.yaml': 's',
      'oldct/README.md': README,
      'oldct/x/reconciler.yaml': 'r',
    });
    const plan = {
      files: { 'drone/README.md': README, 'drone/keep-dt/reconciler.yaml': 'r' },
      clusterTypes: ['drone'],
    };
    expect(computeChangeSet(existing, plan)).toEqual({
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
      writes: {},
    });
  });

  test.each<[string, Record<string, string>, Record<string, string>, Record<string, unknown>]>([
    [
      'adds new files, with their content to write',
      {},
      { 'a/README.md': README, 'a/t/r.yaml': 'r' },
      { added: ['a/README.md', 'a/t/r.yaml'], writes: { 'a/README.md': README, 'a/t/r.yaml': 'r' } },
    ],
    [
      'changes files whose blob differs',
      { 'a/t/r.yaml': 'old' },
      { 'a/t/r.yaml': 'new' },
      { changed: ['a/t/r.yaml'], writes: { 'a/t/r.yaml': 'new' } },
    ],
    ['leaves equal files alone', { 'a/t/r.yaml': 'same' }, { 'a/t/r.yaml': 'same' }, { unchanged: ['a/t/r.yaml'] }],
    [
      'keeps unmanaged top-level folders, even with a README of their own',
      { 'docs/README.md': 'mine', 'docs/x/y.yaml': 'y' },
      {},
      {},
    ],
    [
      'keeps root files and other dot folders',
      { 'README.md': 'x', '.github/workflows/ci.yaml': 'y', LICENSE: 'z' },
      {},
      {},
    ],
    [
      'deletes a cluster-type folder written earlier, recognised by its README',
      { 'old/README.md': README, 'old/t/r.yaml': 'r' },
      {},
      { deleted: ['old/README.md', 'old/t/r.yaml'] },
    ],
    [
      'deletes the promoted commit when the plan has none',
      { '.github/tracking/Promoted_Commit_Id': 'abc' },
      {},
      { deleted: ['.github/tracking/Promoted_Commit_Id'] },
    ],
    [
      'changes the promoted commit',
      { '.github/tracking/Promoted_Commit_Id': 'abc' },
      { '.github/tracking/Promoted_Commit_Id': 'def' },
      { changed: ['.github/tracking/Promoted_Commit_Id'], writes: { '.github/tracking/Promoted_Commit_Id': 'def' } },
    ],
    ['keeps other tracking files', { '.github/tracking/Other': 'abc' }, {}, {}],
  ])('%s', (_name, existing, files, expected) => {
    expect(computeChangeSet(tree(existing), { files, clusterTypes: ['a'] })).toEqual({
      added: [],
      changed: [],
      deleted: [],
      unchanged: [],
      writes: {},
      ...expected,
    });
  });

  test('compares blob ids the way git computes them, for sha1 and sha256 repositories', () => {
    expect(gitBlobId('hello\n')).toBe(git(['hash-object', '--stdin'], { input: 'hello\n' }));
    expect(gitBlobId('')).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
    expect(gitBlobId('hello\n', 'sha256')).toBe('2cf8d83d9ee29543b34a87727421fdecb7e3f3a183d337639025de576db9ebb4');
    const existing = {
      blobs: new Map([
        ['a/README.md', gitBlobId(README, 'sha256')],
        ['a/t/r.yaml', gitBlobId('r', 'sha256')],
      ]),
      objectFormat: 'sha256' as const,
    };
    const changes = computeChangeSet(existing, { files: { 'a/README.md': README }, clusterTypes: [] });
    expect([changes.unchanged, changes.deleted]).toEqual([['a/README.md'], ['a/t/r.yaml']]);
  });

  test.each([
    [{ added: [], changed: [], deleted: [], unchanged: ['x'] }, true],
    [{ added: [], changed: [], deleted: ['x'], unchanged: [] }, false],
  ])('isEmptyChangeSet(%j) is %s', (changes, expected) => {
    expect(isEmptyChangeSet(changes)).toBe(expected);
  });
});
