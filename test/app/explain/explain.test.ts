import { explainEnvironment } from '../../../src/app/explain/explain-environment';
import { explainTarget, findDeploymentTarget, knownDeploymentTargets } from '../../../src/app/explain/explain-target';
import { planEnvironment } from '../../../src/app/synthesize/plan-model';
import { formatMismatch } from '../../../src/core/scheduling/selector';
import { cv } from '../../support/config-values';
import { clusterTypeYaml, devEnvironment } from '../../support/documents';

function load(yaml: string) {
  const environment = devEnvironment(yaml);
  return { environment, plan: planEnvironment(environment) };
}

const clusterType = clusterTypeYaml;
const workload = `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: Workload
metadata: {name: app}
spec:
  configSchemas: ['{"type": "object"}']
  deploymentTargets:
    - {name: ft, labels: {purpose: ft}, environment: dev, manifests: {repo: "https://example.com/app", branch: dev, path: ./ft}}
    - {name: uat, labels: {purpose: uat}, environment: stage, manifests: {repo: "https://example.com/app", branch: stage, path: ./uat}}
    - {name: idle, labels: {purpose: none}, environment: dev, manifests: {repo: "https://example.com/app", branch: dev, path: ./idle}}
`;
const policy = (name: string, clusterTypes: string, targets: string) => `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: SchedulingPolicy
metadata: {name: ${name}}
spec:
  deploymentTargetSelector: {labelSelector: {matchLabels: ${targets}}}
  clusterTypeSelector: {labelSelector: {matchLabels: ${clusterTypes}}}
`;
const configMap = (name: string, labels: string, data: string) => `---
apiVersion: v1
kind: ConfigMap
metadata: {name: ${name}, labels: ${labels}}
data: ${data}
`;
const schema = (name: string, labels: string) => `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: ConfigSchema
metadata: {name: ${name}, labels: ${labels}}
spec: {schema: '{"type": "object"}'}
`;

const controlPlane =
  clusterType('drone', '{edge: "true", region: east}') +
  clusterType('large', '{size: large}') +
  workload +
  policy('edge-policy', '{edge: "true"}', '{purpose: ft}') +
  policy('large-policy', '{size: large}', '{purpose: ft}') +
  configMap('a-region', '{platform-config: "true", region: east}', '{DB: east, LIST: "- name: x\\n  v: 1\\n"}') +
  configMap('b-edge', '{platform-config: "true", edge: "true"}', '{DB: edge, LIST: "- name: x\\n  w: 2\\n"}') +
  configMap('c-large', '{platform-config: "true", cluster-type: large}', '{DB: large}') +
  schema('edge-schema', '{edge: "true"}') +
  schema('large-schema', '{cluster-type: large}');

describe('explainEnvironment', () => {
  test('gives the matrix cells with their policies, idle cluster types and unscheduled targets', () => {
    const { environment, plan } = load(controlPlane + clusterType('spare', '{}'));
    const explanation = explainEnvironment(environment, plan);
    expect(explanation.clusterTypes).toEqual(['drone', 'large', 'spare']);
    expect(explanation.deploymentTargets.map((t) => t.name)).toEqual(['app-ft', 'app-idle']);
    expect(explanation.assignments).toEqual([
      { clusterType: 'drone', deploymentTarget: 'app-ft', policies: ['edge-policy'], failed: false },
      { clusterType: 'large', deploymentTarget: 'app-ft', policies: ['large-policy'], failed: false },
    ]);
    expect(explanation.idleClusterTypes).toEqual(['spare']);
    expect(explanation.unscheduledTargets).toEqual(['app-idle']);
  });
});

describe('explainTarget', () => {
  const { environment, plan } = load(controlPlane);
  const target = findDeploymentTarget(environment, plan, 'app-ft')!;
  const explanation = explainTarget(environment, plan, target);

  test.each<[string, string, string, string]>([
    ['a policy selecting the pair', 'edge-policy', 'drone', 'selected'],
    ['a cluster type missing the label', 'edge-policy', 'large', 'edge: "true" required, label missing'],
    ['a cluster type with another value', 'large-policy', 'drone', 'size: "large" required, label missing'],
  ])('explains %s', (_name, policyName, clusterTypeName, expected) => {
    const policy = explanation.policies.find((p) => p.policy === policyName)!;
    const verdict = policy.clusterTypes.find((c) => c.clusterType === clusterTypeName)!.verdict;
    expect(verdict.selected ? 'selected' : formatMismatch(verdict)).toBe(expected);
  });

  test('gives for every key the ConfigMap that set it and those it overrode or merged into', () => {
    const drone = explanation.configs.find((c) => c.clusterType === 'drone')!;
    expect(drone.file).toBe('drone/app-ft/platform-config.yaml');
    expect(
      drone.keys.map((key) => [
        key.key,
        key.value,
        key.setBy.configMap,
        key.setBy.location?.line,
        key.overrides.map((o) => [o.contribution.configMap, o.contribution.value, o.merged]),
      ]),
    ).toEqual([
      ['DB', 'edge', 'b-edge', 44, [['a-region', 'east', false]]],
      ['LIST', cv([{ name: 'x', v: 1, w: 2 }]), 'b-edge', 44, [['a-region', cv([{ name: 'x', v: 1 }]), true]]],
    ]);
  });

  test('says why a ConfigMap does not apply, and lists the ConfigSchemas that do', () => {
    const drone = explanation.configs.find((c) => c.clusterType === 'drone')!;
    expect(drone.configMaps.map((c) => [c.name, c.applied, c.mismatch && formatMismatch(c.mismatch)])).toEqual([
      ['a-region', true, undefined],
      ['b-edge', true, undefined],
      ['c-large', false, 'cluster-type: "large" required, cluster type is "drone"'],
    ]);
    expect(drone.configSchemas.map((s) => s.name)).toEqual(['edge-schema']);
    expect(drone.inlineConfigSchemas).toBe(1);
  });

  test('says whether an azure-app-config map applies by the labels encoded in its keys', () => {
    const withAzure = load(
      controlPlane +
        configMap('azure-app-config-west', '{}', '{region.west.DB: west}') +
        configMap('azure-app-config-east', '{}', '{region.east.DB: from-azure}'),
    );
    const drone = withAzure.environment.clusterTypes.find((ct) => ct.name === 'drone')!;
    const config = explainTarget(
      withAzure.environment,
      withAzure.plan,
      findDeploymentTarget(withAzure.environment, withAzure.plan, 'app-ft')!,
      drone,
    ).configs[0];
    expect(
      config.configMaps
        .filter((c) => c.name.startsWith('azure'))
        .map((c) => [c.name, c.applied, c.mismatch && formatMismatch(c.mismatch)]),
    ).toEqual([
      ['azure-app-config-east', true, undefined],
      ['azure-app-config-west', false, 'region: "west" required, cluster type has "east", deployment target has none'],
    ]);
    expect(config.keys.find((key) => key.key === 'DB')!.setBy.configMap).toBe('azure-app-config-east');
  });

  test('narrows to one cluster type', () => {
    const large = environment.clusterTypes.find((ct) => ct.name === 'large')!;
    const narrowed = explainTarget(environment, plan, target, large);
    expect(narrowed.clusterTypes).toEqual(['large']);
    expect(narrowed.placements.map((p) => p.clusterType)).toEqual(['large']);
    expect(narrowed.policies.map((p) => p.clusterTypes.map((c) => c.clusterType))).toEqual([['large'], ['large']]);
  });

  test('turns away a target of another environment with the environment filter', () => {
    const uat = findDeploymentTarget(environment, plan, 'app-uat')!;
    const other = explainTarget(environment, plan, uat);
    expect(other.placements).toEqual([]);
    expect(other.policies.map((p) => p.deploymentTarget)).toEqual([
      expect.objectContaining({
        selected: false,
        filter: 'environment',
        requirement: 'environment: "dev"',
        reason: 'deployment target is for "stage"',
      }),
      expect.objectContaining({ selected: false, filter: 'environment' }),
    ]);
  });

  test('knows every target name, of any environment, for hints', () => {
    expect(findDeploymentTarget(environment, plan, 'nope')).toBeUndefined();
    expect(knownDeploymentTargets(environment, plan)).toEqual(['app-ft', 'app-idle', 'app-uat']);
  });
});
