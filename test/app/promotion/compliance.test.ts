import {
  ClusterObservation,
  ClusterState,
  decideCompliance,
  describeCompliance,
} from '../../../src/app/promotion/compliance';

const ok = (cluster: string, object = 'flux-system/drone'): ClusterObservation => ({
  cluster,
  object,
  state: ClusterState.COMPLIANT,
  reason: 'ReconciliationSucceeded',
});
const waiting = (cluster: string, reason = 'Progressing: Reconciliation in progress'): ClusterObservation => ({
  cluster,
  object: 'flux-system/drone',
  state: ClusterState.PENDING,
  reason,
});
const failed = (cluster: string): ClusterObservation => ({
  cluster,
  object: 'flux-system/drone',
  state: ClusterState.FAILED,
  reason: 'BuildFailed: kustomize build failed',
});

describe('decideCompliance', () => {
  test.each([
    ['every cluster compliant', [ok('a'), ok('b')], ClusterState.COMPLIANT, 2, 2],
    ['one cluster pending', [ok('a'), waiting('b')], ClusterState.PENDING, 1, 2],
    ['one cluster failed fails at once, others pending or not', [waiting('a'), failed('b')], ClusterState.FAILED, 0, 2],
    [
      'a cluster with two Kustomizations is compliant only when both are',
      [ok('a', 'x/one'), waiting('a')],
      ClusterState.PENDING,
      0,
      1,
    ],
    ['no observation at all is pending', [], ClusterState.PENDING, 0, 0],
  ])('%s', (_name, observations, state, compliant, total) => {
    expect(decideCompliance(observations)).toMatchObject({ state, compliant, total });
  });

  test('lists clusters by name with the reasons that decided them', () => {
    expect(decideCompliance([waiting('b'), ok('a'), ok('b', 'flux-system/large')]).clusters).toEqual([
      { cluster: 'a', state: ClusterState.COMPLIANT, reasons: ['flux-system/drone: ReconciliationSucceeded'] },
      {
        cluster: 'b',
        state: ClusterState.PENDING,
        reasons: ['flux-system/drone: Progressing: Reconciliation in progress'],
      },
    ]);
  });
});

describe('describeCompliance', () => {
  test.each([
    ['compliant', [ok('a'), ok('b')], '2 of 2 clusters compliant'],
    [
      'pending',
      [ok('a'), waiting('b')],
      '1 of 2 clusters compliant; waiting for b (flux-system/drone: Progressing: Reconciliation in progress)',
    ],
    [
      'failed',
      [ok('a'), failed('b')],
      '1 of 2 clusters compliant; failed: b (flux-system/drone: BuildFailed: kustomize build failed)',
    ],
    ['one cluster', [ok('a')], '1 of 1 cluster compliant'],
    ['nothing yet', [], 'no cluster observed yet'],
  ])('%s', (_name, observations, text) => {
    expect(describeCompliance(decideCompliance(observations))).toBe(text);
  });
});
