import { formatProblem } from '../../../src/core/model/problems';
import { planEnvironment } from '../../../src/app/synthesize/plan-model';
import { clusterTypeYaml, devEnvironment } from '../../support/documents';

/** The warnings `planEnvironment` reports for an environment written as YAML (in dev/objects.yaml). */
function warnings(yaml: string, options: { incompleteInput?: boolean } = {}): string[] {
  const plan = planEnvironment(devEnvironment(yaml), options);
  return plan.problems.map(formatProblem);
}

const clusterType = clusterTypeYaml;
const workload = `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: Workload
metadata: {name: app}
spec:
  deploymentTargets:
    - name: ft
      labels: {purpose: functional-test, edge: "true"}
      environment: dev
      manifests: {repo: "https://example.com/app", branch: dev, path: ./ft}
`;
const policy = (name: string, clusterTypes: string, targets: string, workspace = '') => `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: SchedulingPolicy
metadata: {name: ${name}}
spec:
  deploymentTargetSelector:${workspace ? `\n    workspace: ${workspace}` : ''}
    labelSelector: {matchLabels: ${targets}}
  clusterTypeSelector:
    labelSelector: {matchLabels: ${clusterTypes}}
`;
const configMap = (name: string, labels: string, data: string) => `---
apiVersion: v1
kind: ConfigMap
metadata: {name: ${name}, labels: ${labels}}
data: ${data}
`;

const base =
  clusterType('drone', '{restricted: "true", edge: "true"}') + clusterType('large', '{size: large}') + workload;
const ok = policy('ft', '{edge: "true"}', '{purpose: functional-test}');

describe('likely mistakes', () => {
  test.each<[string, string, string[]]>([
    [
      'nothing when every policy, target and ConfigMap is used',
      base +
        ok +
        configMap('all', '{platform-config: "true"}', '{X: "1"}') +
        configMap('drone-config', '{platform-config: "true", cluster-type: drone}', '{Y: "2"}'),
      [],
    ],
    ['nothing for a cluster type no target lands on (explain lists it)', base + ok, []],
    [
      'a policy that selects no cluster type, naming the closest miss and the label meant',
      base + ok + policy('typo', '{restriced: "true"}', '{purpose: functional-test}'),
      [
        'dev/objects.yaml:38:35  SchedulingPolicy/typo  spec.clusterTypeSelector.labelSelector.matchLabels.restriced  selects no cluster type; closest is "drone": restriced: "true" required, label missing  did you mean "restricted"? (or is the label of cluster type "drone" misspelled?)',
      ],
    ],
    [
      'a policy that selects no deployment target because of its workspace',
      base + ok + policy('ws', '{}', '{}', 'kaizen'),
      [
        'dev/objects.yaml:36:5  SchedulingPolicy/ws  spec.deploymentTargetSelector.workspace  selects no deployment target; closest is "app-ft": workspace: "kaizen" required, label is ""',
      ],
    ],
    [
      'a policy whose label value is a near miss',
      base + ok + policy('val', '{size: lage}', '{}'),
      [
        'dev/objects.yaml:38:35  SchedulingPolicy/val  spec.clusterTypeSelector.labelSelector.matchLabels.size  selects no cluster type; closest is "large": size: "lage" required, label is "large"  did you mean "large"? (or is the label of cluster type "large" misspelled?)',
      ],
    ],
    [
      'a deployment target no policy selects, at its entry in the Workload',
      base + policy('perf', '{size: large}', '{purpose: performance-test}'),
      [
        'dev/objects.yaml:17:7  Workload/app  spec.deploymentTargets[0]  deployment target "app-ft" is selected by no SchedulingPolicy; closest is "perf": purpose: "performance-test" required, label is "functional-test"',
        'dev/objects.yaml:27:35  SchedulingPolicy/perf  spec.deploymentTargetSelector.labelSelector.matchLabels.purpose  selects no deployment target; closest is "app-ft": purpose: "performance-test" required, label is "functional-test"',
      ],
    ],
    [
      'a deployment target in an environment without policies',
      base,
      [
        'dev/objects.yaml:17:7  Workload/app  spec.deploymentTargets[0]  deployment target "app-ft" is selected by no SchedulingPolicy: environment "dev" has no SchedulingPolicy',
      ],
    ],
    [
      'a ConfigMap naming a cluster type that does not exist',
      base + ok + configMap('c', '{platform-config: "true", cluster-type: dron}', '{X: "1"}'),
      [
        'dev/objects.yaml:33:55  ConfigMap/c  metadata.labels.cluster-type  applies to no cluster type and deployment target of environment "dev": cluster-type: "dron" names no ClusterType  did you mean "drone"?',
      ],
    ],
    [
      'a ConfigMap with a label key nothing has',
      base + ok + configMap('c', '{platform-config: "true", restriced: "true"}', '{X: "1"}'),
      [
        'dev/objects.yaml:33:55  ConfigMap/c  metadata.labels.restriced  applies to no cluster type and deployment target of environment "dev": no cluster type or deployment target has the label "restriced"  did you mean "restricted"?',
      ],
    ],
    [
      'a ConfigMap whose labels hold only separately',
      base + ok + configMap('c', '{platform-config: "true", size: large, restricted: "true"}', '{X: "1"}'),
      [
        'dev/objects.yaml:33:21  ConfigMap/c  metadata.labels  applies to no cluster type and deployment target of environment "dev": its labels never hold together',
      ],
    ],
    [
      'a broad ConfigMap overriding a specific one because of its name',
      base +
        ok +
        configMap('drone-config', '{platform-config: "true", cluster-type: drone}', '{DB: specific}') +
        configMap('zz-defaults', '{platform-config: "true"}', '{DB: default}'),
      [
        'dev/objects.yaml:39:8  ConfigMap/zz-defaults  data.DB  overrides the value of the more specific ConfigMap "drone-config" only because "zz-defaults" sorts after it, on drone/app-ft  ConfigMaps apply in name order; rename one so that "drone-config" sorts last, or remove the key here',
      ],
    ],
    [
      'nothing for an override by an equally specific ConfigMap (that is layering)',
      base +
        ok +
        configMap('a-region', '{platform-config: "true", edge: "true"}', '{DB: a}') +
        configMap('b-restricted', '{platform-config: "true", restricted: "true"}', '{DB: b}'),
      [],
    ],
    [
      'nothing for maps merged across ConfigMaps',
      base +
        ok +
        configMap('drone-config', '{platform-config: "true", cluster-type: drone}', '{M: "a: 1"}') +
        configMap('zz', '{platform-config: "true"}', '{M: "b: 2"}'),
      [],
    ],
  ])('warn about %s', (_name, yaml, expected) => {
    expect(warnings(yaml)).toEqual(expected);
  });

  test('are not reported when the loader left out objects with errors', () => {
    expect(warnings(base, { incompleteInput: true })).toEqual([]);
  });
});

describe('rollout waves', () => {
  test('warn about cluster types no wave selects, naming the wave they go with', () => {
    expect(
      warnings(`${clusterTypeYaml('drone', '{edge: "true"}')}${clusterTypeYaml('large', '{size: large}')}---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: RolloutPolicy
metadata: {name: r}
spec: {waves: [{name: edge, clusterTypeSelector: {matchLabels: {edge: "true"}}}, {name: rest, clusterTypes: [small]}]}
`).filter((warning) => warning.includes('RolloutPolicy')),
    ).toEqual([
      'dev/objects.yaml:12:1  RolloutPolicy/r  selects no wave for cluster type "large"; it goes with the last wave, "rest"',
      'dev/objects.yaml:15:110  RolloutPolicy/r  spec.waves[1].clusterTypes[0]  names no ClusterType of environment "dev" (got "small")',
    ]);
  });
});
