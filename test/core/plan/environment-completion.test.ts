import { formatProblem } from '../../../src/core/model/problems';
import { EnvironmentPlan, planControlPlane, planControlPlaneWith } from '../../../src/core/plan/plan';
import { RenderJobList, RenderedAssignment } from '../../../src/core/plan/render-job';
import { EnvironmentModel } from '../../../src/core/model/types';
import { RendererRegistry } from '../../../src/render/constructs/renderer-registry';
import { renderInThread } from '../../../src/render/render-job';
import { devEnvironment } from '../../support/documents';

/*
 * The plan checks each assignment's result as the renderer reports it (in any order), so that worker-rendered runs
 * check results while the others render: the plan must not depend on the order results are reported in.
 */

const clusterType = (name: string) => `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: ClusterType
metadata: {name: ${name}}
spec: {reconciler: flux, namespaceService: default, configType: configmap}
`;
const target = (name: string) => `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: DeploymentTarget
metadata: {name: ${name}, labels: {workload: w}}
spec: {environment: dev, manifests: {repo: "https://example.com/r", branch: main, path: ./${name}}}
`;
const selectAll = `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: SchedulingPolicy
metadata: {name: all}
spec: {deploymentTargetSelector: {labelSelector: {}}, clusterTypeSelector: {labelSelector: {}}}
`;

/**
 * Cluster types `a` and `a-b` with targets `b-c` and `c`: `dev-a-b-c` is the namespace of both (a, b-c) and (a-b, c),
 * so which assignment is reported as the second producer depends on the order they are checked in.
 */
function collidingEnvironment(): EnvironmentModel {
  return devEnvironment(
    clusterType('a') + clusterType('a-b') + clusterType('z') + target('b-c') + target('c') + target('d') + selectAll,
  );
}

const registry = RendererRegistry.withBuiltIns();

/** Renders in this thread and reports the results in the order `order` gives (indexes), or not at all. */
function reporting(order: ((length: number) => number[]) | undefined, log: string[] = []) {
  return async (
    jobs: RenderJobList,
    environment: EnvironmentModel,
    rendered?: (index: number, result: RenderedAssignment) => void,
  ): Promise<RenderedAssignment[]> => {
    const results = renderInThread(registry)(jobs, environment);
    for (const index of order?.(results.length) ?? []) rendered?.(index, results[index]);
    log.push('render resolved');
    return results;
  };
}

function comparable(plans: readonly EnvironmentPlan[]) {
  return plans.map((plan) => ({
    ...plan,
    files: { ...plan.files },
    problems: plan.problems.map(formatProblem),
    assignments: plan.assignments.map((assignment) => ({ ...assignment, config: assignment.config.data })),
  }));
}

describe('checking results as they are rendered', () => {
  const model = { environments: [collidingEnvironment()], environmentNames: ['dev'] };
  const options = { renderers: registry };
  const reference = comparable(planControlPlane(model, renderInThread(registry), options));

  test('the reference plan reports the namespace collision', () => {
    expect(reference[0].problems.filter((line) => line.includes('namespace "dev-a-b-c" is produced by both'))).toEqual([
      expect.stringContaining(
        '(clusterType "a", deploymentTarget "b-c") and (clusterType "a-b", deploymentTarget "c")',
      ),
    ]);
  });

  test.each([
    ['in order', (length: number) => [...Array(length).keys()]],
    ['in reverse', (length: number) => [...Array(length).keys()].reverse()],
    ['odd ones first', (length: number) => [...Array(length).keys()].sort((x, y) => (y % 2) - (x % 2) || x - y)],
    ['only some of them', (length: number) => [...Array(length).keys()].filter((index) => index % 3 === 1)],
    ['never', undefined],
  ])('results reported %s give the plan of results at hand', async (_, order) => {
    const plans = await planControlPlaneWith(model, reporting(order), options);
    expect(comparable(plans)).toEqual(reference);
  });

  test('results reported before rendering ends are checked before it ends', async () => {
    const log: string[] = [];
    const progress = { phase: () => undefined, step: (step: string) => log.push(step) };
    await planControlPlaneWith(
      model,
      reporting((length) => [...Array(length).keys()], log),
      { ...options, progress },
    );
    expect(log.indexOf('plan')).toBeGreaterThanOrEqual(0);
    expect(log.indexOf('plan')).toBeLessThan(log.indexOf('render resolved'));
  });

  test('a shard checks its results against the namespaces of the other shards, whatever the order', async () => {
    // Shard 2 of 2 holds cluster type a-b; (a, b-c), scheduled before (a-b, c), is of the other shard.
    const sharded = { ...options, shard: { index: 2, count: 2 } };
    const inThread = comparable(planControlPlane(model, renderInThread(registry), sharded));
    expect(inThread[0].clusterTypes).toEqual(['a-b']);
    expect(inThread[0].problems).toEqual([expect.stringContaining('namespace "dev-a-b-c" is produced by both')]);
    const reversed = await planControlPlaneWith(
      model,
      reporting((length) => [...Array(length).keys()].reverse()),
      sharded,
    );
    expect(comparable(reversed)).toEqual(inThread);
  });
});
