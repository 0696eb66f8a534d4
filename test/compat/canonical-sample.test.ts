import * as fs from 'fs';
import * as path from 'path';
import { runBin } from '../support/cli';
import {
  CLUSTER_TYPE_README,
  FixtureRun,
  UPSTREAM,
  documents,
  fixtureCopy,
  fluxObjects,
  planFixture,
  subtree,
} from '../support/compat';
import { crdSchemaErrors, hasCrd } from '../support/crd-schemas';
import { UPSTREAM_DRONE, UPSTREAM_LARGE } from '../support/sample-output';
import { readOutputTree, temporaryFolder } from '../support/temp';

/*
 * The canonical sample: microsoft/kalypso-control-plane (main + dev + stage) with its own observability workload
 * (registration platform-svc → microsoft/kalypso-svc-src) and the walkthrough's hello-world-app (registration and the
 * scheduler README's functional-test-policy added, see test/fixtures/upstream/README.md). Expected trees: upstream's
 * sample output, written out below as upstream writes them (template output, verbatim) and compared as parsed YAML.
 */
const CONTROL_PLANE = path.join(UPSTREAM, 'kalypso-control-plane');
const SOURCES = {
  'https://github.com/microsoft/kalypso-app-src': path.join(UPSTREAM, 'kalypso-app-src'),
  'https://github.com/microsoft/kalypso-svc-src': path.join(UPSTREAM, 'kalypso-svc-src'),
};

describe('the canonical sample control plane (microsoft/kalypso-control-plane)', () => {
  let run: FixtureRun;
  beforeAll(async () => {
    run = await planFixture(CONTROL_PLANE, { sources: SOURCES });
  });

  test('plans the files upstream writes in dev and stage, and nothing else', () => {
    expect(Object.keys(run.tree)).toEqual([
      'dev/.github/tracking/Promoted_Commit_Id',
      'dev/command-center/README.md',
      'dev/drone/README.md',
      'dev/drone/hello-world-app-functional-test/namespace.yaml',
      'dev/drone/hello-world-app-functional-test/platform-config.yaml',
      'dev/drone/hello-world-app-functional-test/reconciler.yaml',
      'dev/large/README.md',
      'dev/large/observability-prometheus/namespace.yaml',
      'dev/large/observability-prometheus/platform-config.yaml',
      'dev/large/observability-prometheus/reconciler.yaml',
      'dev/small/README.md',
      'stage/.github/tracking/Promoted_Commit_Id',
      'stage/drone/README.md',
      'stage/large/README.md',
    ]);
    expect(run.tree).toMatchSnapshot();
  });

  test('./bin/kalypso synth writes the same tree', () => {
    const out = temporaryFolder();
    const sources = Object.entries(SOURCES).flatMap(([url, folder]) => ['--source', `${url}=${folder}`]);
    const result = runBin(['synth', '-q', '-c', CONTROL_PLANE, ...sources, '--out', out]);
    expect(result.code).toBe(0);
    expect(readOutputTree(out)).toEqual(run.tree);
  });

  test('reports only the two targets no policy selects (warnings, as explain shows them)', () => {
    expect(run.problems).toEqual([
      'upstream/kalypso-app-src/workload/workload.yaml:19:7  Workload/hello-world-app  spec.deploymentTargets[1]  deployment target "hello-world-app-performance-test" is selected by no SchedulingPolicy; closest is "functional-test-policy": edge: "true" required, label is "false"',
      'upstream/kalypso-app-src/workload/workload.yaml:28:7  Workload/hello-world-app  spec.deploymentTargets[2]  deployment target "hello-world-app-uat-test" is selected by no SchedulingPolicy: environment "stage" has no SchedulingPolicy',
    ]);
  });

  test('writes the promoted commit of each environment\'s BaseRepo "main" and every cluster type\'s README byte for byte', () => {
    expect(run.tree['dev/.github/tracking/Promoted_Commit_Id']).toBe('5523a85f37d12c0c7c10ab6616644db089fcd6f7');
    expect(run.tree['stage/.github/tracking/Promoted_Commit_Id']).toBe('42f2c201b96055faead8da72a126ec3e8fe30296');
    // command-center and small have nothing scheduled and still get their README (docs/reference/output-tree.md).
    for (const file of [
      'dev/command-center/README.md',
      'dev/drone/README.md',
      'dev/large/README.md',
      'dev/small/README.md',
      'stage/drone/README.md',
      'stage/large/README.md',
    ]) {
      expect(run.tree[file]).toBe(CLUSTER_TYPE_README);
    }
  });

  test.each(Object.keys(UPSTREAM_DRONE))(
    'drone/hello-world-app-functional-test/%s holds the objects upstream writes',
    (file) => {
      // functional-test-policy: workspace kaizen-app-team, purpose: functional-test + edge: "true" → only the
      // functional-test target; restricted + edge → only drone (command-center has no edge label).
      expect(documents(run.tree[`dev/drone/hello-world-app-functional-test/${file}`])).toEqual(
        documents(UPSTREAM_DRONE[file as keyof typeof UPSTREAM_DRONE]),
      );
    },
  );

  test.each(Object.keys(UPSTREAM_LARGE))(
    'large/observability-prometheus/%s holds the objects upstream renders',
    (file) => {
      expect(documents(run.tree[`dev/large/observability-prometheus/${file}`])).toEqual(
        documents(UPSTREAM_LARGE[file as keyof typeof UPSTREAM_LARGE]),
      );
    },
  );

  test("differs from upstream's bytes only by writing the objects through cdk8s: keys sorted, quotes and trailing spaces gone, a final newline", () => {
    expect(run.tree['dev/drone/hello-world-app-functional-test/namespace.yaml']).toBe(`apiVersion: v1
kind: Namespace
metadata:
  labels:
    deploymentTarget: hello-world-app-functional-test
    environment: dev
    someLabel: some-value
    workload: hello-world-app
    workspace: kaizen-app-team
  name: dev-drone-hello-world-app-functional-test
`);
    // Upstream's platform-config.yaml has no final newline (the Template file has none); ours is a YAML document.
    expect(UPSTREAM_DRONE['platform-config.yaml'].endsWith('"false"')).toBe(true);
    expect(run.tree['dev/drone/hello-world-app-functional-test/platform-config.yaml'].endsWith('"false"\n')).toBe(true);
  });

  test('emits Flux v1beta2 objects because the sample Template says so; the Flux CRDs kept here serve only v1', () => {
    const objects = fluxObjects(run.tree);
    expect(objects.map((object) => `${object.apiVersion} ${object.kind}`)).toEqual([
      'source.toolkit.fluxcd.io/v1beta2 GitRepository',
      'kustomize.toolkit.fluxcd.io/v1beta2 Kustomization',
      'source.toolkit.fluxcd.io/v1beta2 GitRepository',
      'kustomize.toolkit.fluxcd.io/v1beta2 Kustomization',
    ]);
    expect(objects.filter(hasCrd)).toEqual([]);
    // Otherwise the fields are valid: the same objects as v1 pass the current CRD schemas.
    const asV1 = objects.map((object) => ({ ...object, apiVersion: object.apiVersion.replace('v1beta2', 'v1') }));
    expect(asV1.flatMap(crdSchemaErrors)).toEqual([]);
  });

  test("produces the platform config of the real 2023 output of large/observability-prometheus; the rest of that branch is an older scheduler's", () => {
    const real = path.join(UPSTREAM, 'kalypso-gitops-deployment-2023-04-11-22-14-05');
    const read = (file: string) => fs.readFileSync(path.join(real, file), 'utf8');
    const dev = subtree(run.tree, 'dev');
    // Same cluster type folders, READMEs and promoted commit.
    for (const clusterType of ['command-center', 'drone', 'large', 'small'])
      expect(dev[`${clusterType}/README.md`]).toBe(read(`${clusterType}/README.md`));
    expect(dev['.github/tracking/Promoted_Commit_Id']).toBe(read('.github/tracking/Promoted_Commit_Id'));
    // Same config data.
    const [ours] = documents(dev['large/observability-prometheus/platform-config.yaml']) as any[];
    const [theirs] = documents(read('large/observability-prometheus/platform-config.yaml')) as any[];
    expect(ours.data).toEqual(theirs.data);
    // The namespace was <env>-<workspace>-<target> before the 2023-10 "templater" change; it is <env>-<cluster type>-<target> now.
    expect(theirs.metadata.namespace).toBe('dev-platform-team-observability-prometheus');
    expect(ours.metadata.namespace).toBe('dev-large-observability-prometheus');
    // config.yaml is a stale file of a 2023-03 layout that upstream never deletes inside a live target folder
    // (docs/reference/output-tree.md); a tree planned here has exactly the current files.
    expect(fs.existsSync(path.join(real, 'large/observability-prometheus/config.yaml'))).toBe(true);
    expect(Object.keys(dev).filter((file) => file.startsWith('large/observability-prometheus/'))).toEqual([
      'large/observability-prometheus/namespace.yaml',
      'large/observability-prometheus/platform-config.yaml',
      'large/observability-prometheus/reconciler.yaml',
    ]);
  });
});

describe("the canonical sample's argocd Template", () => {
  test('renders an Application the Argo CD CRD accepts, for a target scheduled on small', async () => {
    // GIVEN the sample with a policy placing the performance-test target on small (whose reconciler is argocd)
    const copy = fixtureCopy(CONTROL_PLANE);
    fs.writeFileSync(
      path.join(copy, 'dev/scheduling/application/performance-test-policy.yaml'),
      `apiVersion: scheduler.kalypso.io/v1alpha1
kind: SchedulingPolicy
metadata:
  name: performance-test-policy
spec:
  deploymentTargetSelector:
    labelSelector:
      matchLabels:
        purpose: performance-test
  clusterTypeSelector:
    labelSelector:
      matchLabels:
        size: small
`,
    );
    // WHEN it is planned
    const { tree } = await planFixture(copy, { sources: SOURCES, environments: ['dev'] });
    // THEN small gets the Application of the argocd Template, rendered by hand here
    const objects = documents(tree['dev/small/hello-world-app-performance-test/reconciler.yaml']) as {
      apiVersion: string;
      kind: string;
    }[];
    expect(objects).toEqual(
      documents(`apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: "hello-world-app-performance-test"
  namespace: argocd
spec:
    destination:
        server: https://kubernetes.default.svc
        namespace: "dev-small-hello-world-app-performance-test"
    project: default
    source:
        path: "./performance-test"
        repoURL: "https://github.com/microsoft/kalypso-app-gitops"
        targetRevision: "dev"
        directory:
            recurse: true
            include: '*.yaml'
            exclude: 'kustomization.yaml'
    syncPolicy:
        automated:
            prune: true
            selfHeal: true
            allowEmpty: false
        syncOptions:
        - CreateNamespace=true
`),
    );
    expect(objects.flatMap(crdSchemaErrors)).toEqual([]);
    // small's config: dev-config, small-config (cluster-type: small), west-us-config (region: west-us).
    expect((documents(tree['dev/small/hello-world-app-performance-test/platform-config.yaml'])[0] as any).data).toEqual(
      {
        CLUSTER_NAME: 'Small',
        DATABASE_URL: 'mysql://west:8806/mysql2',
        ENVIRONMENT: 'Dev',
        REGION: 'West US',
        SOME_COMMON_ENVIRONMENT_VARIABLE: 'false',
      },
    );
  });
});
