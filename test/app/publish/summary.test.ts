import { ChangeSummary, isPromotion, previousFilesNeeded, summarizeChanges } from '../../../src/app/publish/summary';
import { PROMOTED_COMMIT_FILE } from '../../../src/core/layout/names';

const configMap = (data: Record<string, string>) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: platform-config}\ndata:\n${Object.entries(data)
    .map(([k, v]) => `  ${k}: ${JSON.stringify(v)}\n`)
    .join('')}`;

const plan = (files: Record<string, string>) => ({
  environment: 'dev',
  files,
  assignments: [
    {
      clusterType: 'drone',
      deploymentTarget: 'app-ft',
      workload: 'app',
      namespace: 'dev-drone-app-ft',
      policies: ['ft-policy'],
      files: [],
      config: { data: {}, sources: {} },
    },
    {
      clusterType: 'large',
      deploymentTarget: 'app-pt',
      workload: 'app',
      namespace: 'dev-large-app-pt',
      policies: ['a', 'b'],
      files: [],
      config: { data: {}, sources: {} },
    },
  ] as never,
});

const changes = (lists: Partial<Record<'added' | 'changed' | 'deleted' | 'unchanged', string[]>>) => ({
  added: [],
  changed: [],
  deleted: [],
  unchanged: [],
  ...lists,
});

const EMPTY: Omit<ChangeSummary, 'files'> = {
  environment: 'dev',
  clusterTypes: { added: [], removed: [] },
  assignments: { added: [], removed: [], changed: [] },
  promotedCommit: undefined,
  otherFiles: [],
};

describe('summarizeChanges', () => {
  test.each<
    [string, ReturnType<typeof changes>, Record<string, string>, Record<string, string>, Partial<ChangeSummary>]
  >([
    [
      'an assignment whose folder is new is added, with its namespace and policies',
      changes({
        added: ['drone/app-ft/namespace.yaml', 'drone/app-ft/reconciler.yaml'],
        unchanged: ['drone/README.md'],
      }),
      {},
      {},
      {
        assignments: {
          added: [
            {
              clusterType: 'drone',
              deploymentTarget: 'app-ft',
              namespace: 'dev-drone-app-ft',
              policies: ['ft-policy'],
            },
          ],
          removed: [],
          changed: [],
        },
      },
    ],
    [
      'an assignment whose folder goes is removed',
      changes({ deleted: ['drone/old/namespace.yaml', 'drone/old/reconciler.yaml'], unchanged: ['drone/README.md'] }),
      {},
      {},
      { assignments: { added: [], removed: [{ clusterType: 'drone', deploymentTarget: 'old' }], changed: [] } },
    ],
    [
      'an assignment with changed files lists them and the config keys that changed',
      changes({
        changed: ['drone/app-ft/platform-config.yaml', 'drone/app-ft/reconciler.yaml'],
        unchanged: ['drone/app-ft/namespace.yaml'],
      }),
      { 'drone/app-ft/platform-config.yaml': configMap({ REGION: 'West US', KEEP: 'k', NEW: 'n' }) },
      { 'drone/app-ft/platform-config.yaml': configMap({ REGION: 'East US', KEEP: 'k', OLD: 'o' }) },
      {
        assignments: {
          added: [],
          removed: [],
          changed: [
            {
              clusterType: 'drone',
              deploymentTarget: 'app-ft',
              namespace: 'dev-drone-app-ft',
              policies: ['ft-policy'],
              files: ['platform-config.yaml', 'reconciler.yaml'],
              config: [
                { key: 'NEW', to: 'n' },
                { key: 'OLD', from: 'o' },
                { key: 'REGION', from: 'East US', to: 'West US' },
              ],
            },
          ],
        },
      },
    ],
    [
      'a config file that appears adds every key',
      changes({ added: ['drone/app-ft/platform-config.sh'], unchanged: ['drone/app-ft/namespace.yaml'] }),
      { 'drone/app-ft/platform-config.sh': 'export A="1"\n' },
      {},
      {
        assignments: {
          added: [],
          removed: [],
          changed: [
            {
              clusterType: 'drone',
              deploymentTarget: 'app-ft',
              namespace: 'dev-drone-app-ft',
              policies: ['ft-policy'],
              files: ['platform-config.sh'],
              config: [{ key: 'A', to: '1' }],
            },
          ],
        },
      },
    ],
    [
      'config written by a Template in another shape is reported without keys',
      changes({ changed: ['drone/app-ft/platform-config.yaml'], unchanged: ['drone/app-ft/namespace.yaml'] }),
      { 'drone/app-ft/platform-config.yaml': 'whatever: 1\n' },
      { 'drone/app-ft/platform-config.yaml': 'whatever: 2\n' },
      {
        assignments: {
          added: [],
          removed: [],
          changed: [
            {
              clusterType: 'drone',
              deploymentTarget: 'app-ft',
              namespace: 'dev-drone-app-ft',
              policies: ['ft-policy'],
              files: ['platform-config.yaml'],
              config: undefined,
            },
          ],
        },
      },
    ],
    [
      'cluster types that appear or go',
      changes({ added: ['small/README.md'], deleted: ['old/README.md', 'old/x/reconciler.yaml'] }),
      {},
      {},
      {
        clusterTypes: { added: ['small'], removed: ['old'] },
        assignments: { added: [], removed: [{ clusterType: 'old', deploymentTarget: 'x' }], changed: [] },
      },
    ],
    [
      'stray files in a cluster-type folder',
      changes({ deleted: ['drone/stray.yaml'], unchanged: ['drone/README.md'] }),
      {},
      {},
      { otherFiles: ['drone/stray.yaml'] },
    ],
    [
      'a new promoted commit, with the previous one',
      changes({ changed: [PROMOTED_COMMIT_FILE] }),
      { [PROMOTED_COMMIT_FILE]: 'new' },
      { [PROMOTED_COMMIT_FILE]: 'old' },
      { promotedCommit: { from: 'old', to: 'new' } },
    ],
    [
      'a removed promoted commit',
      changes({ deleted: [PROMOTED_COMMIT_FILE] }),
      {},
      { [PROMOTED_COMMIT_FILE]: 'old' },
      { promotedCommit: { from: 'old', to: undefined } },
    ],
  ])('%s', (_name, treeChanges, files, previous, expected) => {
    const summary = summarizeChanges(plan(files), treeChanges, new Map(Object.entries(previous)));
    const { files: counts, ...rest } = summary;
    expect(rest).toEqual({ ...EMPTY, ...expected });
    expect(counts).toEqual({
      added: treeChanges.added.length,
      changed: treeChanges.changed.length,
      deleted: treeChanges.deleted.length,
    });
  });

  test('asks for the previous content of changed or deleted config files and of the promoted commit only', () => {
    expect(
      previousFilesNeeded(
        changes({
          added: ['a/t/platform-config.yaml'],
          changed: ['a/t/platform-config.yaml', 'a/t/reconciler.yaml', PROMOTED_COMMIT_FILE],
          deleted: ['a/u/platform-config.sh', 'a/platform-config.yaml'],
        }),
      ),
    ).toEqual([PROMOTED_COMMIT_FILE, 'a/t/platform-config.yaml', 'a/u/platform-config.sh']);
  });

  test.each([
    [{ from: 'a', to: 'b' }, true],
    [{ to: 'b' }, true],
    [{ from: 'a' }, false],
    [undefined, false],
  ])('a promoted commit change %j is a promotion: %s', (promotedCommit, expected) => {
    expect(isPromotion({ ...EMPTY, promotedCommit, files: { added: 0, changed: 0, deleted: 0 } })).toBe(expected);
  });
});
