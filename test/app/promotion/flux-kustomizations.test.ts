import { ClusterState } from '../../../src/app/promotion/compliance';
import { FluxKustomization, observeFluxObjects, revisionCommit } from '../../../src/app/promotion/flux-kustomizations';
import { gitRepository, kustomization, KustomizationState } from '../../support/flux-objects';

const COMMIT = 'c'.repeat(40);
const OLD = 'd'.repeat(40);
const GITOPS = 'https://github.com/org/gitops';
const target = { repo: GITOPS, branch: 'dev', commit: COMMIT };
const source = [gitRepository({ name: 'kalypso-gitops', url: GITOPS, branch: 'dev' })];
const observe = (state: KustomizationState, edit: (k: Record<string, any>) => void = () => undefined) => {
  const object = kustomization({
    name: 'drone',
    source: 'kalypso-gitops',
    path: './drone',
    branch: 'dev',
    state,
  }) as Record<string, any>;
  edit(object);
  return observeFluxObjects('drone-1', [object as FluxKustomization], source, target)[0];
};

describe('observeFluxObjects', () => {
  test.each([
    [
      'applied and Ready=True is compliant',
      { kind: 'applied', commit: COMMIT },
      undefined,
      ClusterState.COMPLIANT,
      `ReconciliationSucceeded: Applied revision: dev@sha1:${COMMIT}`,
    ],
    [
      'still reconciling the commit is pending',
      { kind: 'reconciling', commit: COMMIT, previous: OLD },
      undefined,
      ClusterState.PENDING,
      'Progressing: Reconciliation in progress',
    ],
    [
      'Ready=False for the commit is failed',
      {
        kind: 'failed',
        commit: COMMIT,
        reason: 'BuildFailed',
        message: 'kustomize build failed: accumulating resources',
      },
      undefined,
      ClusterState.FAILED,
      'BuildFailed: kustomize build failed: accumulating resources',
    ],
    [
      "Ready=False for another commit is not this commit's failure",
      { kind: 'failed', commit: OLD },
      undefined,
      ClusterState.PENDING,
      'nothing applied yet',
    ],
    [
      'Ready=False because a dependency is not ready is pending',
      { kind: 'failed', commit: COMMIT, reason: 'DependencyNotReady', message: 'dependency not ready' },
      undefined,
      ClusterState.PENDING,
      'DependencyNotReady: dependency not ready',
    ],
    [
      'an older revision is pending',
      { kind: 'stale', previous: OLD },
      undefined,
      ClusterState.PENDING,
      `still at dev@sha1:${OLD}`,
    ],
    [
      'suspended is pending',
      { kind: 'applied', commit: OLD },
      (k: Record<string, any>) => {
        k.spec.suspend = true;
      },
      ClusterState.PENDING,
      'suspended',
    ],
    [
      'no status yet is pending',
      { kind: 'applied', commit: COMMIT },
      (k: Record<string, any>) => {
        delete k.status;
      },
      ClusterState.PENDING,
      'not reconciled yet',
    ],
    [
      'a status of an older generation is pending',
      { kind: 'applied', commit: COMMIT },
      (k: Record<string, any>) => {
        k.metadata.generation = 2;
      },
      ClusterState.PENDING,
      'reconciling a new generation',
    ],
  ] as [string, KustomizationState, ((k: Record<string, any>) => void) | undefined, ClusterState, string][])(
    '%s',
    (_name, state, edit, expected, reason) => {
      expect(observe(state, edit)).toEqual({
        cluster: 'drone-1',
        object: 'flux-system/drone',
        clusterType: 'drone',
        state: expected,
        reason,
      });
    },
  );

  test.each([
    ['ssh spelling of the same repository', 'ssh://git@github.com/org/gitops.git', { branch: 'dev' }, true],
    ['scp-like spelling', 'git@github.com:org/gitops.git', { branch: 'dev' }, true],
    ['ref by full name', GITOPS, { name: 'refs/heads/dev' }, true],
    ['another branch', GITOPS, { branch: 'stage' }, false],
    ['another repository', 'https://github.com/org/app', { branch: 'dev' }, false],
  ])('a GitRepository with the %s counts: %s', (_name, url, ref, counts) => {
    const repository = { metadata: { name: 'src', namespace: 'flux-system' }, spec: { url, ref } };
    const k = kustomization({
      name: 'drone',
      source: 'src',
      path: './drone',
      branch: 'dev',
      state: { kind: 'applied', commit: COMMIT },
    }) as FluxKustomization;
    expect(observeFluxObjects('c', [k], [repository], target)[0].state).toBe(
      counts ? ClusterState.COMPLIANT : ClusterState.PENDING,
    );
  });

  test('a sourceRef in another namespace is followed', () => {
    const repository = gitRepository({ name: 'kalypso-gitops', namespace: 'gitops', url: GITOPS, branch: 'dev' });
    const k = kustomization({
      name: 'drone',
      namespace: 'apps',
      source: 'kalypso-gitops',
      path: './drone',
      branch: 'dev',
      state: { kind: 'applied', commit: COMMIT },
    }) as Record<string, any>;
    k.spec.sourceRef.namespace = 'gitops';
    expect(observeFluxObjects('c', [k as FluxKustomization], [repository], target)).toMatchObject([
      { object: 'apps/drone', state: ClusterState.COMPLIANT },
    ]);
  });
});

describe('revisionCommit', () => {
  test.each([
    ['dev@sha1:ABCDEF0123456789abcdef0123456789abcdef01', 'abcdef0123456789abcdef0123456789abcdef01'],
    ['refs/heads/dev@sha1:abcdef0123456789abcdef0123456789abcdef01', 'abcdef0123456789abcdef0123456789abcdef01'],
    ['dev/abcdef0123456789abcdef0123456789abcdef01', 'abcdef0123456789abcdef0123456789abcdef01'],
    ['', undefined],
    ['dev', undefined],
  ])('%j → %j', (revision, commit) => {
    expect(revisionCommit(revision)).toBe(commit);
  });
});
