import {
  PolicyFilter,
  PolicyVerdict,
  judgeClusterType,
  judgeDeploymentTarget,
} from '../../../src/core/scheduling/policy-verdict';
import { clusterType, deploymentTarget, policy } from '../../support/objects';

const functionalTest = policy(
  'functional-test-policy',
  { matchLabels: { restricted: 'true', edge: 'true' } },
  { matchLabels: { purpose: 'functional-test', edge: 'true' } },
  'kaizen-app-team',
);

describe('judgeClusterType', () => {
  test.each<[string, Record<string, string>, PolicyVerdict]>([
    ['selects a cluster type with every label', { restricted: 'true', edge: 'true', region: 'x' }, { selected: true }],
    [
      'names the first missing label',
      { size: 'large' },
      {
        selected: false,
        filter: PolicyFilter.SELECTOR,
        requirement: 'edge: "true"',
        reason: 'label missing',
        key: 'edge',
        expected: 'true',
        field: ['spec', 'clusterTypeSelector', 'labelSelector', 'matchLabels', 'edge'],
        unmet: 2,
      },
    ],
    [
      'counts only the failing requirements',
      { restricted: 'true' },
      {
        selected: false,
        filter: PolicyFilter.SELECTOR,
        requirement: 'edge: "true"',
        reason: 'label missing',
        key: 'edge',
        expected: 'true',
        field: ['spec', 'clusterTypeSelector', 'labelSelector', 'matchLabels', 'edge'],
        unmet: 1,
      },
    ],
  ])('%s', (_name, labels, expected) => {
    expect(judgeClusterType(functionalTest, clusterType('ct', labels))).toEqual(expected);
  });
});

describe('judgeDeploymentTarget', () => {
  const labels = { purpose: 'functional-test', edge: 'true', workspace: 'kaizen-app-team' };
  test.each<[string, ReturnType<typeof deploymentTarget>, Record<string, unknown>]>([
    [
      'selects a target of the workspace and environment with every label',
      deploymentTarget('a-ft', labels),
      { selected: true },
    ],
    [
      'checks the environment first',
      deploymentTarget('a-ft', { ...labels, workspace: 'other' }, 'stage'),
      {
        selected: false,
        filter: PolicyFilter.ENVIRONMENT,
        requirement: 'environment: "dev"',
        reason: 'deployment target is for "stage"',
        unmet: 2,
      },
    ],
    [
      'then the workspace',
      deploymentTarget('a-ft', { ...labels, workspace: 'other' }),
      {
        selected: false,
        filter: PolicyFilter.WORKSPACE,
        requirement: 'workspace: "kaizen-app-team"',
        reason: 'label is "other"',
        field: ['spec', 'deploymentTargetSelector', 'workspace'],
        unmet: 1,
      },
    ],
    [
      'then the label selector',
      deploymentTarget('a-ft', { ...labels, edge: 'false' }),
      {
        selected: false,
        filter: PolicyFilter.SELECTOR,
        requirement: 'edge: "true"',
        reason: 'label is "false"',
        field: ['spec', 'deploymentTargetSelector', 'labelSelector', 'matchLabels', 'edge'],
        unmet: 1,
      },
    ],
  ])('%s', (_name, target, expected) => {
    expect(judgeDeploymentTarget(functionalTest, target, 'dev')).toMatchObject(expected);
  });
});
