import * as path from 'path';
import { CLUSTER_TYPE_README, SCENARIOS, documents, planFixture } from '../support/compat';
import { UPSTREAM_DRONE, UPSTREAM_LARGE, upstreamBootstrapReconciler } from '../support/sample-output';

/*
 * The six compatibility scenarios (test/fixtures/compat-scenarios/README.md). Their expected trees are derived here
 * from the reference, file by file, saying why each file looks as it does. Files that are Kubernetes objects are
 * compared as parsed YAML (they go through cdk8s); everything else is compared byte for byte (written verbatim).
 */
const scenario = (name: string) => path.join(SCENARIOS, name, 'control-plane');
const app = (name: string, repo: string) => path.join(SCENARIOS, name, repo);

/** Expectations of one file: the exact text, or the text upstream writes, compared as objects. */
type Expected = { exact: string } | { objects: string };

function expectTree(tree: Record<string, string>, expected: Record<string, Expected>): void {
  expect(Object.keys(tree)).toEqual(Object.keys(expected).sort());
  for (const [file, expectation] of Object.entries(expected)) {
    if ('exact' in expectation) expect([file, tree[file]]).toEqual([file, expectation.exact]);
    else expect([file, documents(tree[file])]).toEqual([file, documents(expectation.objects)]);
  }
}

const readme = { exact: CLUSTER_TYPE_README };

describe("scenario 01: the canonical sample's dev branch with the observability workload", () => {
  test('plans large/observability-prometheus only, and a README per cluster type', async () => {
    const { tree, problems } = await planFixture(scenario('01-sample-dev-observability'), {
      sources: {
        'https://github.com/microsoft/kalypso-svc-src': app('01-sample-dev-observability', 'kalypso-svc-src'),
      },
    });
    expectTree(tree, {
      // No Environment objects on main: the one branch beside main, dev, is the environment. Its BaseRepo "main"
      // pins commit 5523a85…, written without a newline (docs/reference/output-tree.md).
      'dev/.github/tracking/Promoted_Commit_Id': { exact: '5523a85f37d12c0c7c10ab6616644db089fcd6f7' },
      // Every ClusterType gets its README, scheduled or not (docs/reference/output-tree.md).
      'dev/command-center/README.md': readme,
      'dev/drone/README.md': readme,
      'dev/large/README.md': readme,
      'dev/small/README.md': readme,
      // observability-policy: workspace platform-team (the registration's) and stack: observability (a Workload
      // label, copied onto its targets) → observability-prometheus; size: large → the large cluster type only.
      'dev/large/observability-prometheus/namespace.yaml': { objects: UPSTREAM_LARGE['namespace.yaml'] },
      'dev/large/observability-prometheus/platform-config.yaml': { objects: UPSTREAM_LARGE['platform-config.yaml'] },
      'dev/large/observability-prometheus/reconciler.yaml': { objects: UPSTREAM_LARGE['reconciler.yaml'] },
    });
    expect(problems).toEqual([]);
  });
});

describe("scenario 02: the canonical sample's dev branch with hello-world-app and the functional-test-policy", () => {
  test('plans exactly what upstream writes: drone/hello-world-app-functional-test', async () => {
    const { tree, problems } = await planFixture(scenario('02-sample-dev-hello-world-functional-test'), {
      sources: {
        'https://github.com/microsoft/kalypso-app-src': app(
          '02-sample-dev-hello-world-functional-test',
          'kalypso-app-src',
        ),
      },
    });
    expectTree(tree, {
      'dev/.github/tracking/Promoted_Commit_Id': { exact: '5523a85f37d12c0c7c10ab6616644db089fcd6f7' },
      'dev/command-center/README.md': readme,
      'dev/drone/README.md': readme,
      // functional-test-policy: workspace kaizen-app-team, purpose: functional-test, edge: "true" → only the
      // functional-test target (performance-test has edge "false"; uat-test is for stage); restricted + edge →
      // drone only (command-center has no edge label). Config: dev-config, drone-config, east-us-config,
      // restricted-config, in name order.
      'dev/drone/hello-world-app-functional-test/namespace.yaml': { objects: UPSTREAM_DRONE['namespace.yaml'] },
      'dev/drone/hello-world-app-functional-test/platform-config.yaml': {
        objects: UPSTREAM_DRONE['platform-config.yaml'],
      },
      'dev/drone/hello-world-app-functional-test/reconciler.yaml': { objects: UPSTREAM_DRONE['reconciler.yaml'] },
      'dev/large/README.md': readme,
      'dev/small/README.md': readme,
    });
    // The unselected target is a warning here (upstream says nothing).
    expect(problems).toEqual([
      'compat-scenarios/02-sample-dev-hello-world-functional-test/kalypso-app-src/workload/workload.yaml:19:7  Workload/hello-world-app  spec.deploymentTargets[1]  deployment target "hello-world-app-performance-test" is selected by no SchedulingPolicy; closest is "functional-test-policy": edge: "true" required, label is "false"',
      // The workload also targets stage, which this control plane does not have (upstream skips it silently).
      'compat-scenarios/02-sample-dev-hello-world-functional-test/kalypso-app-src/workload/workload.yaml:31:7  Workload/hello-world-app  spec.deploymentTargets[2].environment  deployment target "hello-world-app-uat-test" is for environment "stage", which the control plane does not have (it has "dev"); it is scheduled nowhere',
    ]);
  });
});

describe('scenario 03: the bootstrap Templates with nested, multi-line and quoted config', () => {
  /** The bootstrap Templates (docs/explanation/scheduling-and-config.md#renderers-and-templates) rendered by hand for a hello-world-app target. */
  function upstreamFiles(target: string, test: string): Record<string, Expected> {
    return {
      // Namespace named after the bare target; the ServiceAccount gets imagePullSecrets because
      // .ConfigData.imagePullSecrets is set (zz-complex-config).
      [`dev/dev/${target}/namespace.yaml`]: {
        objects: `apiVersion: v1
kind: Namespace
metadata:
  name: "${target}" 
  labels:
    environment: "dev"
    workspace: "kaizen-app-team"
    workload: "hello-world-app"
    deploymentTarget: "${target}"
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: "hello-world-app-sa"
  namespace: "${target}"

imagePullSecrets:
- name: acr-secret

`,
      },
      // stringify (docs/explanation/scheduling-and-config.md#renderers-and-templates): `tags` (a list, from "['Tag1', 'Tag2']") becomes YAML text; `module` (a map
      // parsed by yaml.v2, map[interface{}]interface{}) is NOT stringified — upstream's bug, kept for Templates —
      // so the ConfigMap holds a nested map; `multiline` stays a string (a scalar); `'single quoted'` loses its quotes
      // (docs/explanation/scheduling-and-config.md#platform-config); yaml.v3 indents by 4, `indent 2` shifts everything under `data:`.
      [`dev/dev/${target}/platform-config.yaml`]: {
        objects: `apiVersion: v1
kind: ConfigMap
metadata:
  name: platform-config
  namespace: ${target}
data:
  ENVIRONMENT: Dev
  QUOTED: single quoted
  SOME_DEV_ENVIRONMENT_VARIABLE: "true"
  imagePullSecrets: acr-secret
  module:
      tag:
          reject-tags:
              - R173
              - R018
          short-name: Patch
      window-period: "5"
  multiline: |
      line one
      line two
  tags: |
      - Tag1
      - Tag2
`,
      },
      [`dev/dev/${target}/reconciler.yaml`]: { objects: upstreamBootstrapReconciler(target, test) },
    };
  }

  test('plans both dev targets (select-all dev-policy) with the complex config, and reports the unreachable sample registration', async () => {
    const { tree, problems } = await planFixture(scenario('03-bootstrap-templates-complex-config'), {
      sources: {
        'https://github.com/microsoft/kalypso-app-src': app('03-bootstrap-templates-complex-config', 'kalypso-app-src'),
      },
    });
    expectTree(tree, {
      // No commit in base-repo.yaml: no Promoted_Commit_Id.
      'dev/dev/README.md': readme,
      ...upstreamFiles('hello-world-app-functional-test', 'functional-test'),
      ...upstreamFiles('hello-world-app-performance-test', 'performance-test'),
    });
    // Upstream, Flux cannot fetch the sample registration's repository and the registration contributes nothing.
    // Here a registration whose workload cannot be read is an input error: the plan is the same, but nothing is
    // written without --keep-going.
    expect(problems).toEqual([
      'main/workloads/sample-workload-registration.yaml:1:1  WorkloadRegistration/sample-workload  spec.workload.repo  cannot read the workload: https://github.com/example/sample-app-manifests is a remote repository; pass --source https://github.com/example/sample-app-manifests=<local folder> to read it from disk',
    ]);
  });
});

describe("scenario 05: the upstream unit tests' testData", () => {
  test('plans test-environment with the testData config (A9) through Templates named like built-ins', async () => {
    const { tree, problems } = await planFixture(scenario('05-scheduler-testData'));
    expectTree(tree, {
      // No Environment objects: the branch test-environment is the environment, which the DeploymentTarget's
      // spec.environment names. No BaseRepo: no Promoted_Commit_Id.
      'test-environment/drone/README.md': readme,
      // Template `default` wins over the built-in of that name (docs/explanation/scheduling-and-config.md#renderers-and-templates); its Namespace goes through cdk8s and
      // comes out byte for byte as upstream writes it.
      'test-environment/drone/test-deployment-target/namespace.yaml': {
        exact: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: test-environment-drone-test-deployment-target\n',
      },
      // Template `cm`: not an object (no apiVersion/kind), so written verbatim. A9: drone-config (cluster-type),
      // restricted-config (restricted: "true"), east-us-config (region), dev-config; non-restricted-config wants
      // restricted: "false". toYaml sorts the keys.
      'test-environment/drone/test-deployment-target/platform-config.yaml': {
        exact:
          'data:\n  CLUSTER_NAME: Drone\n  DATABASE_URL: mysql://restricted-host:3306/mysq123489\n  ENVIRONMENT: Dev\n  REGION: East US\n',
      },
      // Template `flux` (a built-in's name) renders a Dummy without apiVersion: verbatim.
      'test-environment/drone/test-deployment-target/reconciler.yaml': {
        exact: 'kind: Dummy\nmetadata:\n  name: test-deployment-target\n',
      },
    });
    expect(problems).toEqual([
      'test-environment/config-manifests.yaml:27:6  ConfigMap/non-restricted-config  metadata.labels.restricted  applies to no cluster type and deployment target of environment "test-environment": no cluster type or deployment target has restricted: "false"',
    ]);
  });
});

describe('scenario 06: config merge semantics', () => {
  /**
   * toYaml of the composed config, as upstream writes it (docs/explanation/scheduling-and-config.md#platform-config):
   * a-config (tier: gold, a label of edge), b-config (no selecting label), d-config (every special key matching, A11),
   * e-config (`missing: ""` matches a pair without that label, A12) apply in name order; c-config (deployment-target:
   * ft is not the full name app-ft) and f-config (platform-config: "false") do not. Then azure-app-config-1, shortest
   * keys first: X, then region.west.X (region: west holds), tier.gold.region.west.Y; region.east.X and a.b.c.Z (labels
   * {a: b}) do not. X: from-a → from-b (name order, A10) → az-plain → az-west (A16). LIST merges by name (A14), MAP
   * deep-merges (A15); `nested: {y: 2}` is YAML 1.1, so `y` is the boolean key true, which yaml.v3 writes first,
   * unquoted. Q loses its quotes (A13). MATCHED_ALL's "yes" stays a string at the top level (only lists and maps are
   * parsed), quoted because it reads as a boolean; likewise the key "Y".
   */
  const upstreamShellConfig = `EMPTY_LABEL_VALUE_MATCHES: "true"
LIST:
    - name: a
      v: 1
      w: 2
    - name: c
    - plain
MAP:
    k1: b
    k2: a
    nested:
        true: 2
        x: 1
MATCHED_ALL: "yes"
Q: quoted
X: az-west
"Y": az-y
`;

  test('plans the merged config as platform-config.sh, an empty namespace.yaml and a verbatim reconciler', async () => {
    const { tree, problems } = await planFixture(scenario('06-config-merge-semantics'));
    expectTree(tree, {
      'dev/edge/README.md': readme,
      // Template `ns` has no manifests: namespace.yaml is still written, empty (A26).
      'dev/edge/app-ft/namespace.yaml': { exact: '' },
      // contentType sh → platform-config.sh, verbatim (A32), exactly as upstream writes it: the boolean key `y` stays
      // the boolean key true (yaml.v2's map[interface {}]interface {}), which yaml.v3 writes first, unquoted.
      'dev/edge/app-ft/platform-config.sh': { exact: upstreamShellConfig },
      // Template `r`: "x: 1\n" is not a Kubernetes object, so it is written as it is.
      'dev/edge/app-ft/reconciler.yaml': { exact: 'x: 1\n' },
    });
    // Warnings about likely mistakes (upstream has none): exactly the two traps this scenario sets.
    expect(problems).toEqual([
      'dev/all.yaml:48:3  ConfigMap/b-config  data.X  overrides the value of the more specific ConfigMap "a-config" only because "b-config" sorts after it, on edge/app-ft  ConfigMaps apply in name order; rename one so that "a-config" sorts last, or remove the key here',
      'dev/all.yaml:74:62  ConfigMap/c-config  metadata.labels.deployment-target  applies to no cluster type and deployment target of environment "dev": deployment-target: "ft" names no deployment target',
    ]);
  });
});

describe('scenario 07: cross product, nested rendering and stringify', () => {
  /**
   * stringify of the config (docs/explanation/scheduling-and-config.md#renderers-and-templates, A30): `tags` becomes a
   * literal block; K is single-quoted (it starts with "{").
   */
  const upstreamConfig = (namespace: string) =>
    `ENVIRONMENT: Dev\nK: '${namespace}'\nREGION: West US\nSOME_COMMON_ENVIRONMENT_VARIABLE: "false"\ntags: |\n    - Tag1\n    - Tag2`;
  const assignment = (clusterType: string, target: string): Record<string, Expected> => {
    const namespace = `dev-${clusterType}-${target}`;
    return {
      [`dev/${clusterType}/${target}/namespace.yaml`]: { exact: '' },
      // The output still contains "{{" (K's value is a template), so it is rendered again (A25): K becomes the
      // namespace. No final newline: the manifest has none.
      [`dev/${clusterType}/${target}/platform-config.yaml`]: { exact: upstreamConfig(namespace) },
      // `ns: {{ .ConfigData.K }}` → `ns: {{ .Namespace }}` → rendered again.
      [`dev/${clusterType}/${target}/reconciler.yaml`]: { exact: `ns: ${namespace}\n` },
    };
  };

  test("plans exactly the four pairs of A1, with c's README and nothing for the stage target", async () => {
    const { tree, problems } = await planFixture(scenario('07-cross-product-nested-stringify'));
    // x: "1" → cluster types a, b (not c); p: "1" → targets w-t1, w-t2 (w-t3 has p: "2", w-t4 is for stage, A4).
    expectTree(tree, {
      'dev/a/README.md': readme,
      ...assignment('a', 'w-t1'),
      ...assignment('a', 'w-t2'),
      'dev/b/README.md': readme,
      ...assignment('b', 'w-t1'),
      ...assignment('b', 'w-t2'),
      'dev/c/README.md': readme,
    });
    // Documents without apiVersion (all but the first) cannot be applied by Flux, so upstream would never see these
    // objects; here they are read as the Kalypso kind, with a warning each.
    expect(problems.filter((line) => line.includes('apiVersion is missing'))).toHaveLength(11);
    expect(problems.filter((line) => !line.includes('apiVersion is missing'))).toEqual([
      'dev/a.yaml:22:1  DeploymentTarget/w-t3  deployment target "w-t3" is selected by no SchedulingPolicy; closest is "p": p: "1" required, label is "2"',
      'dev/a.yaml:28:8  DeploymentTarget/w-t4  spec.environment  deployment target "w-t4" is for environment "stage", which the control plane does not have (it has "dev"); it is scheduled nowhere',
    ]);
  });
});
