import { formatTreeDiff, treeDiffJson } from '../../../src/app/diff/format-diff';
import { diffPlatformTree, isEmptyDiff } from '../../../src/app/diff/tree-diff';
import { CLUSTER_TYPE_README_TEXT } from '../../../src/core/layout/names';

const configMap = (value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: platform-config\n  namespace: dev-large-app\ndata:\n  DATABASE_URL: ${value}\n`;

describe('diffPlatformTree', () => {
  const planned = {
    'large/README.md': CLUSTER_TYPE_README_TEXT,
    'large/app/platform-config.yaml': configMap('b'),
    'large/app/platform-config.sh': 'export X="2"\n',
    'large/app/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev-large-app\n',
  };

  test('is empty when the managed tree equals the plan, whatever else the repository holds', () => {
    const existing = new Map([...Object.entries(planned), ['README.md', 'the repository'], ['docs/x.yaml', 'a: 1']]);
    const diff = diffPlatformTree(existing, planned, ['large']);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.unchanged).toBe(4);
  });

  test('lists added, removed and changed files, YAML per field and other files by lines', () => {
    const existing = new Map([
      ['large/README.md', CLUSTER_TYPE_README_TEXT],
      ['large/app/platform-config.yaml', configMap('a')],
      ['large/app/platform-config.sh', 'export X="1"\n'],
      ['large/old/namespace.yaml', 'stale'],
      ['small/README.md', CLUSTER_TYPE_README_TEXT],
    ]);
    const diff = diffPlatformTree(existing, planned, ['large']);
    expect(formatTreeDiff(diff, 'dev/')).toEqual([
      'dev/large/app/namespace.yaml added',
      'dev/large/app/platform-config.sh changed: +1 -1 lines',
      'dev/large/app/platform-config.yaml ConfigMap/platform-config data.DATABASE_URL: "a" → "b"',
      'dev/large/old/namespace.yaml removed',
      'dev/small/README.md removed',
    ]);
    expect(treeDiffJson(diff)).toEqual({
      added: ['large/app/namespace.yaml'],
      removed: ['large/old/namespace.yaml', 'small/README.md'],
      changed: [
        { path: 'large/app/platform-config.sh', objects: null, lines: { added: 1, removed: 1 } },
        {
          path: 'large/app/platform-config.yaml',
          objects: [
            {
              apiVersion: 'v1',
              kind: 'ConfigMap',
              namespace: 'dev-large-app',
              name: 'platform-config',
              change: 'changed',
              fields: [{ path: 'data.DATABASE_URL', change: 'changed', before: 'a', after: 'b' }],
            },
          ],
          lines: null,
        },
      ],
      unchanged: 1,
    });
  });

  test('falls back to lines for YAML whose objects are equal but whose text is not', () => {
    const existing = new Map([['large/app/platform-config.yaml', `# comment\n${configMap('b')}`]]);
    const diff = diffPlatformTree(existing, { 'large/app/platform-config.yaml': configMap('b') }, ['large']);
    expect(formatTreeDiff(diff)).toEqual(['large/app/platform-config.yaml changed: +0 -1 lines']);
  });

  test('formats added and removed fields and objects', () => {
    const before = `${configMap('a')}---\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\n`;
    const after = configMap('a').replace('  DATABASE_URL: a\n', '  NEW: x\n');
    const diff = diffPlatformTree(
      new Map([['large/app/platform-config.yaml', before]]),
      { 'large/app/platform-config.yaml': after },
      ['large'],
    );
    expect(formatTreeDiff(diff)).toEqual([
      'large/app/platform-config.yaml ConfigMap/platform-config data.NEW: (none) → "x"',
      'large/app/platform-config.yaml ConfigMap/platform-config data.DATABASE_URL: "a" → (none)',
      'large/app/platform-config.yaml Secret/s removed',
    ]);
  });
});
