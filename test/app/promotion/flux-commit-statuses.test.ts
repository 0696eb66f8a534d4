import { ClusterState } from '../../../src/app/promotion/compliance';
import { ObservedCommitStatus, observeCommitStatuses } from '../../../src/app/promotion/flux-commit-statuses';

const success = (context: string): ObservedCommitStatus => ({
  context,
  state: 'success',
  description: 'reconciliation succeeded',
});
const failure = (context: string): ObservedCommitStatus => ({
  context,
  state: 'failure',
  description: 'health check failed',
});

describe('observeCommitStatuses', () => {
  test.each([
    [
      'a success from the cluster id is compliant',
      [success('kustomization/drone/0c9c2e41')],
      ['0c9c2e41'],
      [
        {
          cluster: '0c9c2e41',
          object: 'kustomization/drone',
          state: ClusterState.COMPLIANT,
          reason: 'reconciliation succeeded',
        },
      ],
    ],
    [
      'the whole context may be named',
      [success('kustomization/drone/0c9c2e41')],
      ['kustomization/drone/0c9c2e41'],
      [
        {
          cluster: 'kustomization/drone/0c9c2e41',
          object: 'kustomization/drone',
          state: ClusterState.COMPLIANT,
          reason: 'reconciliation succeeded',
        },
      ],
    ],
    [
      'ids are compared without case',
      [success('kustomization/drone/0c9c2e41')],
      ['0C9C2E41'],
      [
        {
          cluster: '0C9C2E41',
          object: 'kustomization/drone',
          state: ClusterState.COMPLIANT,
          reason: 'reconciliation succeeded',
        },
      ],
    ],
    [
      'an expected cluster with no status is pending',
      [success('kustomization/drone/0c9c2e41')],
      ['77aa0b12'],
      [{ cluster: '77aa0b12', state: ClusterState.PENDING, reason: 'no commit status from Flux yet' }],
    ],
    [
      'a failure is failed',
      [failure('kustomization/large/77aa0b12')],
      ['77aa0b12'],
      [
        {
          cluster: '77aa0b12',
          object: 'kustomization/large',
          state: ClusterState.FAILED,
          reason: 'health check failed',
        },
      ],
    ],
    [
      'a failure from an unexpected cluster still fails; its success is not counted',
      [failure('kustomization/large/99'), success('kustomization/drone/98')],
      [],
      [{ cluster: '99', object: 'kustomization/large', state: ClusterState.FAILED, reason: 'health check failed' }],
    ],
    [
      'statuses that are not Flux Kustomizations are ignored',
      [
        { context: 'ci/build', state: 'failure' },
        { context: 'dev environment', state: 'pending' },
      ],
      ['1'],
      [{ cluster: '1', state: ClusterState.PENDING, reason: 'no commit status from Flux yet' }],
    ],
  ] as [string, ObservedCommitStatus[], string[], object[]][])('%s', (_name, statuses, expected, observations) => {
    expect(observeCommitStatuses(statuses, expected)).toEqual(observations);
  });
});
