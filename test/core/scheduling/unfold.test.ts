import { unfoldWorkload } from '../../../src/core/scheduling/unfold';
import { workload } from '../../support/objects';

describe('unfoldWorkload', () => {
  const app = workload(
    'app',
    { team: 'x', tier: 'w' },
    [
      {
        name: 'ft',
        labels: { tier: 't', purpose: 'ft' },
        environment: 'dev',
        manifests: { repo: 'R', branch: 'dev', path: './ft' },
        configSchemas: ['S1'],
      },
      {
        name: 'uat',
        labels: {},
        environment: 'stage',
        manifests: { repo: 'R', branch: 'stage', path: './uat' },
        configSchemas: [],
      },
    ],
    { configSchemas: ['S0'], workspace: 'ws' },
  );

  test('names targets <workload>-<target> and keeps only those of the environment (W1)', () => {
    expect(unfoldWorkload(app, 'dev').map((target) => target.name)).toEqual(['app-ft']);
    expect(unfoldWorkload(app, 'stage').map((target) => target.name)).toEqual(['app-uat']);
    expect(unfoldWorkload(app, 'prod')).toEqual([]);
  });

  test('workload labels override target labels, then workload and workspace are set (W1)', () => {
    expect(unfoldWorkload(app, 'dev')[0].labels).toEqual({
      tier: 'w',
      purpose: 'ft',
      team: 'x',
      workload: 'app',
      workspace: 'ws',
    });
  });

  test('appends the workload configSchemas to the target ones (W1)', () => {
    expect(unfoldWorkload(app, 'dev')[0].configSchemas).toEqual(['S1', 'S0']);
  });

  test('a workload found without registration gets an empty workspace label, as upstream', () => {
    const direct = workload('w', {}, [{ name: 't', labels: {}, environment: 'dev', manifests: {}, configSchemas: [] }]);
    expect(unfoldWorkload(direct, 'dev')[0].labels).toEqual({ workload: 'w', workspace: '' });
  });

  test('remembers the workload it came from', () => {
    expect(unfoldWorkload(app, 'dev')[0].fromWorkload).toBe('app');
  });
});
