import * as path from 'path';
import { runBin } from '../support/cli';
import { CLUSTER_TYPE_README, FixtureRun, UPSTREAM, documents, fluxObjects, planFixture } from '../support/compat';
import { crdSchemaErrors, hasCrd } from '../support/crd-schemas';
import { upstreamBootstrapReconciler } from '../support/sample-output';
import { readOutputTree, temporaryFolder } from '../support/temp';

/*
 * The 2025 bootstrap seed (microsoft/kalypso@main:scripts/bootstrap/templates/control-plane) with its `${…}`
 * placeholders replaced by example URLs, unchanged otherwise. Its own sample WorkloadRegistration
 * (https://github.com/example/sample-app-manifests, path ./workload, workspace sample-workspace) is redirected to
 * the hello-world-app repository, whose Workload sits at exactly that path. Expected files: the bootstrap Templates
 * rendered by hand; the namespace is the bare deployment target name there (docs/reference/output-tree.md).
 */
const CONTROL_PLANE = path.join(UPSTREAM, 'kalypso-bootstrap');
const APP = path.join(UPSTREAM, 'kalypso-app-src');
const SOURCES = { 'https://github.com/example/sample-app-manifests': APP };

function upstreamFiles(target: string, test: string) {
  return {
    // Namespace and ServiceAccount; dev-config has no imagePullSecrets, so the `if` leaves two empty lines.
    'namespace.yaml': `apiVersion: v1
kind: Namespace
metadata:
  name: "${target}" 
  labels:
    environment: "dev"
    workspace: "sample-workspace"
    workload: "hello-world-app"
    deploymentTarget: "${target}"
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: "hello-world-app-sa"
  namespace: "${target}"


`,
    // stringify of a flat map is toYaml: sorted, "true" quoted.
    'platform-config.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: platform-config
  namespace: ${target}
data:
  ENVIRONMENT: Dev
  SOME_DEV_ENVIRONMENT_VARIABLE: "true"
`,
    'reconciler.yaml': upstreamBootstrapReconciler(target, test),
  };
}

describe('the bootstrap sample control plane (microsoft/kalypso scripts/bootstrap)', () => {
  let run: FixtureRun;
  beforeAll(async () => {
    run = await planFixture(CONTROL_PLANE, { sources: SOURCES });
  });

  test('schedules every dev target on the one cluster type (the select-all dev-policy, A2) and writes no promoted commit', () => {
    // base-repo.yaml has no commit, so there is no .github/tracking/Promoted_Commit_Id (docs/reference/output-tree.md); the
    // uat-test target is for stage, which the bootstrap does not declare.
    expect(Object.keys(run.tree)).toEqual([
      'dev/dev/README.md',
      'dev/dev/hello-world-app-functional-test/namespace.yaml',
      'dev/dev/hello-world-app-functional-test/platform-config.yaml',
      'dev/dev/hello-world-app-functional-test/reconciler.yaml',
      'dev/dev/hello-world-app-performance-test/namespace.yaml',
      'dev/dev/hello-world-app-performance-test/platform-config.yaml',
      'dev/dev/hello-world-app-performance-test/reconciler.yaml',
    ]);
    expect(run.tree['dev/dev/README.md']).toBe(CLUSTER_TYPE_README);
    // The uat-test target, for stage, is reported (upstream skips it silently); nothing else is.
    expect(run.problems).toEqual([
      'upstream/kalypso-app-src/workload/workload.yaml:31:7  Workload/hello-world-app  spec.deploymentTargets[2].environment  deployment target "hello-world-app-uat-test" is for environment "stage", which the control plane does not have (it has "dev"); it is scheduled nowhere',
    ]);
    expect(run.tree).toMatchSnapshot();
  });

  test.each([
    ['hello-world-app-functional-test', 'functional-test'],
    ['hello-world-app-performance-test', 'performance-test'],
  ])('%s holds the objects the bootstrap Templates render', (target, test) => {
    const expected = upstreamFiles(target, test);
    for (const file of Object.keys(expected) as (keyof typeof expected)[]) {
      expect(documents(run.tree[`dev/dev/${target}/${file}`])).toEqual(documents(expected[file]));
    }
  });

  test('emits the Flux v1beta2 objects of its Templates, which the CRDs kept here no longer serve; as v1 they validate', () => {
    const objects = fluxObjects(run.tree);
    expect(objects).toHaveLength(4);
    expect(objects.filter(hasCrd)).toEqual([]);
    expect(
      objects
        .map((object) => ({ ...object, apiVersion: object.apiVersion.replace('v1beta2', 'v1') }))
        .flatMap(crdSchemaErrors),
    ).toEqual([]);
  });

  test('./bin/kalypso synth writes the same tree', () => {
    const out = temporaryFolder();
    const result = runBin([
      'synth',
      '-q',
      '-c',
      CONTROL_PLANE,
      '--source',
      `https://github.com/example/sample-app-manifests=${APP}`,
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(readOutputTree(out)).toEqual(run.tree);
  });
});
