import { formatProblem } from '../../../src/core/model/problems';
import { checkEnvironment } from '../../../src/core/model/rules';
import { unfoldWorkload } from '../../../src/core/scheduling/unfold';
import { devEnvironment } from '../../support/documents';

const RENDERERS = {
  reconciler: ['arc-flux', 'argocd', 'flux'],
  namespace: ['default'],
  config: ['configmap', 'envfile'],
};

function check(yaml: string) {
  const environment = devEnvironment(yaml);
  const deploymentTargets = [
    ...environment.deploymentTargets,
    ...environment.workloads.flatMap((w) => unfoldWorkload(w, 'dev')),
  ];
  return checkEnvironment(environment, { renderers: RENDERERS, deploymentTargets }).map(formatProblem);
}

const clusterType = (name: string, reconciler = 'arc-flux', configType = 'configmap') => `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: ClusterType
metadata: {name: ${name}}
spec: {reconciler: ${reconciler}, namespaceService: default, configType: ${configType}}
`;

describe('checkEnvironment', () => {
  test('accepts built-in renderer names', () => {
    expect(check(clusterType('a') + clusterType('b', 'argocd', 'envfile'))).toEqual([]);
  });

  test('accepts a Template name', () => {
    expect(
      check(`${clusterType('a', 'my-flux')}---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: Template
metadata: {name: my-flux}
spec: {type: reconciler, manifests: []}
`),
    ).toEqual([]);
  });

  test('fails on a renderer name that names nothing, with a did-you-mean hint', () => {
    expect(check(clusterType('a', 'arcflux'))).toEqual([
      'dev/objects.yaml:5:8  ClusterType/a  spec.reconciler  names no Template and no built-in reconciler renderer (arc-flux, argocd, flux) (got "arcflux")  did you mean "arc-flux"?',
    ]);
  });

  test('fails on an empty renderer name', () => {
    expect(check(clusterType('a', 'arc-flux', '""'))).toEqual([
      'dev/objects.yaml:5:57  ClusterType/a  spec.configType  is empty; name a Template or a built-in config renderer (configmap, envfile)',
    ]);
  });

  test('fails on two objects of one kind and name, naming both places', () => {
    expect(check(clusterType('a') + clusterType('a'))).toEqual([
      'dev/objects.yaml:7:1  ClusterType/a  ClusterType/a is defined twice in environment "dev": also at dev/objects.yaml:2:1',
    ]);
  });

  test('fails on two workloads producing one deployment target name', () => {
    const workload = (name: string, target: string) => `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: Workload
metadata: {name: ${name}}
spec:
  deploymentTargets: [{name: ${target}, environment: dev, manifests: {}}]
`;
    expect(check(workload('a', 'b-c') + workload('a-b', 'c'))).toEqual([
      'dev/objects.yaml:8:1  DeploymentTarget/a-b-c  deployment target "a-b-c" is produced twice: by Workload/a (dev/objects.yaml:2:1) and by Workload/a-b (dev/objects.yaml:8:1)',
    ]);
  });

  test('warns when an environment has several GitOpsRepos', () => {
    const repo = (name: string) => `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: GitOpsRepo
metadata: {name: ${name}}
spec: {repo: r, branch: dev, path: .}
`;
    expect(check(repo('one') + repo('two'))).toEqual([
      'dev/objects.yaml:7:1  GitOpsRepo/two  environment "dev" has 2 GitOpsRepos; each receives the whole environment',
    ]);
  });
});

describe('RolloutPolicy rules', () => {
  const rollout = (name: string, waves: string) => `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: RolloutPolicy
metadata: {name: ${name}}
spec: {waves: ${waves}}
`;

  test('accepts one policy whose waves name known cluster types', () => {
    expect(check(clusterType('drone') + rollout('r', '[{name: a, clusterTypes: [drone]}, {name: b}]'))).toEqual([]);
  });

  test('fails on two RolloutPolicies in one environment', () => {
    expect(check(rollout('r1', '[{name: a}]') + rollout('r2', '[{name: a}]'))).toEqual([
      'dev/objects.yaml:7:1  RolloutPolicy/r2  environment "dev" has 2 RolloutPolicies; one orders its waves',
    ]);
  });

  test('fails on a wave name used twice', () => {
    expect(check(rollout('r', '[{name: a}, {name: a}]'))).toEqual([
      'dev/objects.yaml:5:28  RolloutPolicy/r  spec.waves[1].name  wave "a" is defined twice',
    ]);
  });

  test('warns about a wave naming an unknown cluster type, with a hint', () => {
    expect(check(clusterType('drone') + rollout('r', '[{name: a, clusterTypes: [dron]}]'))).toEqual([
      'dev/objects.yaml:10:41  RolloutPolicy/r  spec.waves[0].clusterTypes[0]  names no ClusterType of environment "dev" (got "dron")  did you mean "drone"?',
    ]);
  });
});
