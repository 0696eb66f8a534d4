import { PLAIN, describeScope } from '../../../src/app/review';
import { AssignmentUniverse } from '../../../src/app/review/scope';
import { ClusterType, DeploymentTarget } from '../../../src/core/model/types';

const clusterType = (name: string, region: string, size: string, reconciler = 'flux'): ClusterType => ({
  kind: 'ClusterType',
  name,
  labels: { region, size },
  reconciler,
  namespaceService: 'default',
  configType: 'configmap',
});
const target = (workload: string, name: string, tier: string): DeploymentTarget => ({
  kind: 'DeploymentTarget',
  name: `${workload}-${name}`,
  labels: { workload, tier },
  environment: 'dev',
  manifests: {},
  configSchemas: [],
});

const CLUSTER_TYPES = [
  clusterType('a', 'east', 's'),
  clusterType('b', 'east', 'l'),
  clusterType('c', 'west', 's', 'argocd'),
  clusterType('d', 'west', 'l'),
  clusterType('e', 'east', 'l', 'argocd'),
];
const TARGETS = [target('w1', 'x', 'edge'), target('w1', 'y', 'core'), target('w2', 'x', 'edge')];

/** Every cluster type × every target, but `d` does not run `w2-x`. */
function universe(of: 'environment' | 'kept' = 'environment'): AssignmentUniverse {
  const pairs = CLUSTER_TYPES.flatMap((ct) =>
    TARGETS.filter((t) => !(ct.name === 'd' && t.name === 'w2-x')).map((t) => ({
      clusterType: ct.name,
      deploymentTarget: t.name,
    })),
  );
  return new AssignmentUniverse(
    of,
    pairs.length,
    () => pairs,
    new Map(CLUSTER_TYPES.map((ct) => [ct.name, ct])),
    new Map(TARGETS.map((t) => [t.name, t])),
  );
}

/** `a:w1-x b:*` → assignments; `*` is every target the cluster type runs. */
function pick(text: string) {
  return text.split(' ').flatMap((part) => {
    const [ct, t] = part.split(':');
    const targets = t === '*' ? TARGETS.map((x) => x.name).filter((x) => !(ct === 'd' && x === 'w2-x')) : t.split(',');
    return targets.map((deploymentTarget) => ({ clusterType: ct, deploymentTarget }));
  });
}

describe('the smallest exact description of a set of assignments', () => {
  test.each([
    ['every assignment', 'a:* b:* c:* d:* e:*', 'all 14 assignments'],
    ['every assignment of one cluster type', 'd:*', 'cluster type d (2 assignments)'],
    ['one label', 'a:* b:* e:*', 'cluster types with region=east (3 cluster types, 9 assignments)'],
    ['one label of another key', 'b:* d:* e:*', 'cluster types with size=l (3 cluster types, 8 assignments)'],
    [
      'the renderer when no label selects them',
      'c:* e:*',
      'cluster types with reconciler argocd (2 cluster types, 6 assignments)',
    ],
    [
      'two labels when one does not do',
      'b:* e:*',
      'cluster types with region=east and size=l (2 cluster types, 6 assignments)',
    ],
    ['names when nothing else selects exactly them', 'a:* d:*', 'cluster types a, d (5 assignments)'],
    [
      'a workload on every cluster type',
      'a:w1-x,w1-y b:w1-x,w1-y c:w1-x,w1-y d:w1-x,w1-y e:w1-x,w1-y',
      'deployment targets of workload w1 (2 deployment targets, 10 assignments)',
    ],
    [
      'a target label on every cluster type running those targets',
      'a:w1-x,w2-x b:w1-x,w2-x c:w1-x,w2-x d:w1-x e:w1-x,w2-x',
      'deployment targets with tier=edge (2 deployment targets, 9 assignments)',
    ],
    [
      'a workload on a label group',
      'a:w1-x,w1-y b:w1-x,w1-y e:w1-x,w1-y',
      'deployment targets of workload w1 on cluster types with region=east (2 deployment targets, 3 cluster types, 6 assignments)',
    ],
    ['one target everywhere it runs', 'a:w2-x b:w2-x c:w2-x e:w2-x', 'deployment target w2-x (4 assignments)'],
    ['one assignment', 'c:w1-y', 'deployment target w1-y on cluster type c (1 assignment)'],
    ['not every pair of its cluster types and targets: a list', 'a:w1-x b:w1-y', '2 assignments'],
  ])('%s', (_name, assignments, expected) => {
    expect(describeScope(universe().describe(pick(assignments)), PLAIN)).toBe(expected);
  });

  test('all of the assignments kept from before says so', () => {
    expect(describeScope(universe('kept').describe(pick('a:* b:* c:* d:* e:*')), PLAIN)).toBe(
      'all 14 assignments kept from before',
    );
  });

  test('a target alone on a cluster type that holds only it is named by its target', () => {
    // The tutorial's shape: each target on its own cluster type, so either name alone selects the one assignment.
    const pairs = [
      { clusterType: 'a', deploymentTarget: 'w1-x' },
      { clusterType: 'b', deploymentTarget: 'w1-y' },
    ];
    const diagonal = new AssignmentUniverse(
      'environment',
      2,
      () => pairs,
      new Map(CLUSTER_TYPES.map((ct) => [ct.name, ct])),
      new Map(TARGETS.map((t) => [t.name, t])),
    );
    expect(describeScope(diagonal.describe([pairs[0]]), PLAIN)).toBe('deployment target w1-x (1 assignment)');
  });

  test('the Markdown description sets names and labels in code', () => {
    expect(describeScope(universe().describe(pick('a:* b:* e:*')))).toBe(
      'cluster types with `region=east` (3 cluster types, 9 assignments)',
    );
  });
});
