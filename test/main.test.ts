import * as fs from 'fs';
import { load } from 'js-yaml';
import * as path from 'path';
import { synthesize } from '../src/app/synthesize/synthesize';
import { ControlPlane } from '../src/api';
import { KalypsoApp } from '../src/api/kalypso-app';
import { KalypsoTesting } from '../src/api/kalypso-testing';
import { crdSchemaErrors, hasCrd } from './support/crd-schemas';
import { readTree, temporaryFolder } from './support/temp';
import { TUTORIAL, plannedTree, tutorialCopy } from './support/tutorial';

describe('the tutorial example', () => {
  let tree: Record<string, string>;
  let tutorial: ControlPlane;
  beforeAll(async () => {
    tree = await plannedTree(TUTORIAL);
    tutorial = await ControlPlane.fromFolder(new KalypsoApp(), 'Tutorial', TUTORIAL);
  });

  test('synthesizes the platform GitOps tree of dev and stage', () => {
    expect(Object.keys(tree)).toEqual([
      'dev/.github/tracking/Promoted_Commit_Id',
      'dev/command-center/README.md',
      'dev/drone/README.md',
      'dev/drone/hello-world-app-functional-test/namespace.yaml',
      'dev/drone/hello-world-app-functional-test/platform-config.yaml',
      'dev/drone/hello-world-app-functional-test/reconciler.yaml',
      'dev/large/README.md',
      'dev/large/hello-world-app-performance-test/namespace.yaml',
      'dev/large/hello-world-app-performance-test/platform-config.yaml',
      'dev/large/hello-world-app-performance-test/reconciler.yaml',
      'dev/small/README.md',
      'stage/.github/tracking/Promoted_Commit_Id',
      'stage/drone/README.md',
      'stage/drone/hello-world-app-uat-test/namespace.yaml',
      'stage/drone/hello-world-app-uat-test/platform-config.yaml',
      'stage/drone/hello-world-app-uat-test/reconciler.yaml',
      'stage/large/README.md',
      'stage/large/hello-world-app-uat-test/namespace.yaml',
      'stage/large/hello-world-app-uat-test/platform-config.yaml',
      'stage/large/hello-world-app-uat-test/reconciler.yaml',
    ]);
    // Byte for byte, and as objects the way a user's snapshot test sees them (KalypsoTesting.synth).
    expect(tree).toMatchSnapshot();
    expect(KalypsoTesting.synth(tutorial)).toMatchSnapshot('objects');
  });

  test('gives the drone target exactly the walkthrough config', () => {
    expect(load(tree['dev/drone/hello-world-app-functional-test/platform-config.yaml'])).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'platform-config', namespace: 'dev-drone-hello-world-app-functional-test' },
      data: {
        CLUSTER_NAME: 'Drone',
        DATABASE_URL: 'mysql://restricted-host:3306/mysqlrty123',
        ENVIRONMENT: 'Dev',
        REGION: 'China North 3',
        SOME_COMMON_ENVIRONMENT_VARIABLE: 'false',
      },
    });
  });

  test('labels the namespace and points Flux at the target manifests', () => {
    expect(load(tree['dev/drone/hello-world-app-functional-test/namespace.yaml'])).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'dev-drone-hello-world-app-functional-test',
        labels: {
          environment: 'dev',
          workspace: 'kaizen-app-team',
          workload: 'hello-world-app',
          deploymentTarget: 'hello-world-app-functional-test',
        },
      },
    });
    const [gitRepository, kustomization] = tree['dev/drone/hello-world-app-functional-test/reconciler.yaml']
      .split(/^---$/m)
      .map((doc) => load(doc) as any);
    expect(gitRepository.metadata).toEqual({ name: 'hello-world-app-functional-test', namespace: 'flux-system' });
    expect(kustomization.metadata).toEqual({ name: 'hello-world-app-functional-test', namespace: 'flux-system' });
    expect(kustomization.spec.targetNamespace).toBe('dev-drone-hello-world-app-functional-test');
    expect(kustomization.spec.path).toBe('./functional-test');
  });

  test('emits only objects that validate against their real CRD schemas', () => {
    const objects = Object.entries(tree)
      .filter(([file]) => file.endsWith('.yaml'))
      .flatMap(([, content]) =>
        content.split(/^---$/m).map((doc) => load(doc) as { apiVersion: string; kind: string }),
      );
    const custom = objects.filter(hasCrd);
    expect(custom.map((o) => o.kind).sort()).toEqual([
      'GitRepository',
      'GitRepository',
      'GitRepository',
      'GitRepository',
      'Kustomization',
      'Kustomization',
      'Kustomization',
      'Kustomization',
    ]);
    expect(custom.flatMap(crdSchemaErrors)).toEqual([]);
  });

  test('writes the README of unscheduled cluster types and the promoted commit without newlines', () => {
    expect(tree['dev/small/README.md']).toBe('This folder contains deployment targets scheduled on the cluster type');
    expect(tree['dev/.github/tracking/Promoted_Commit_Id']).toBe('5523a85f37d12c0c7c10ab6616644db089fcd6f7');
  });

  test('is deterministic', async () => {
    expect(await plannedTree(TUTORIAL)).toEqual(tree);
  });
});

describe('the walkthrough, by editing the example as a user would', () => {
  test("changing DATABASE_URL in china-north-3-config changes stage's large target config and nothing in dev", async () => {
    const before = await plannedTree(TUTORIAL);
    const copy = tutorialCopy();
    const file = path.join(copy, 'stage/cluster-types/china-north-3/china-north-3-config.yaml');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('mysql://china-north-3:8806/mysql2', 'mysql://china-north-3:8806/mysql3'),
    );
    const after = await plannedTree(copy);
    const changed = Object.keys(after).filter((key) => after[key] !== before[key]);
    expect(changed).toEqual(['stage/large/hello-world-app-uat-test/platform-config.yaml']);
    expect((load(after[changed[0]]) as any).data.DATABASE_URL).toBe('mysql://china-north-3:8806/mysql3');
  });

  test('adding the small cluster type to stage adds stage/small/hello-world-app-uat-test', async () => {
    const before = await plannedTree(TUTORIAL);
    const copy = tutorialCopy();
    const file = path.join(copy, 'stage/cluster-types/china-north-3/small/small-cluster-type.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      `apiVersion: scheduler.kalypso.io/v1alpha1
kind: ClusterType
metadata:
  name: small
  labels:
    region: china-north-3
    size: small
spec:
  reconciler: arc-flux
  namespaceService: default
  configType: configmap
`,
    );
    const after = await plannedTree(copy);
    expect(Object.keys(after).filter((key) => !(key in before))).toEqual([
      'stage/small/README.md',
      'stage/small/hello-world-app-uat-test/namespace.yaml',
      'stage/small/hello-world-app-uat-test/platform-config.yaml',
      'stage/small/hello-world-app-uat-test/reconciler.yaml',
    ]);
    expect(Object.keys(before).filter((key) => after[key] !== before[key])).toEqual([]);
  });

  test('removing a policy removes the folders it scheduled at the next synth (A8)', async () => {
    const out = temporaryFolder();
    const copy = tutorialCopy();
    await synthesize({ controlPlane: copy, out });
    expect(fs.existsSync(path.join(out, 'dev/large/hello-world-app-performance-test'))).toBe(true);
    fs.rmSync(path.join(copy, 'dev/scheduling/performance-test-policy.yaml'));
    const result = await synthesize({ controlPlane: copy, out });
    expect(result.written.find((r) => r.environment === 'dev')!.changes.deleted).toEqual([
      'large/hello-world-app-performance-test/namespace.yaml',
      'large/hello-world-app-performance-test/platform-config.yaml',
      'large/hello-world-app-performance-test/reconciler.yaml',
    ]);
    expect(fs.readdirSync(path.join(out, 'dev/large'))).toEqual(['README.md']);
  });

  test('with --keep-going, good assignments are written and a failed one keeps its previous files', async () => {
    const out = temporaryFolder();
    const copy = tutorialCopy();
    await synthesize({ controlPlane: copy, out });
    const previous = readTree(out);
    const workload = path.join(copy, 'kalypso-app-src/workload/workload.yaml');
    fs.writeFileSync(
      workload,
      fs
        .readFileSync(workload, 'utf8')
        .replace('path: ./functional-test', 'path: ./functional-test-v2')
        .replace(
          'repo: https://github.com/microsoft/kalypso-app-gitops\n        branch: dev\n        path: ./performance-test',
          'repo: git@github.com:microsoft/kalypso-app-gitops\n        branch: dev\n        path: ./performance-test',
        ),
    );
    const failing = await synthesize({ controlPlane: copy, out });
    expect(failing.problems.map((p) => p.message)).toEqual([
      '[dev/large/hello-world-app-performance-test/Reconciler/Flux] manifests.repo "git@github.com:microsoft/kalypso-app-gitops" is not a URL Flux accepts (http://, https:// or ssh://)',
    ]);
    expect(readTree(out)).toEqual(previous);

    const kept = await synthesize({ controlPlane: copy, out, keepGoing: true });
    expect(kept.written.find((r) => r.environment === 'dev')!.changes.changed).toEqual([
      'drone/hello-world-app-functional-test/reconciler.yaml',
    ]);
    const after = readTree(out);
    expect(after['dev/large/hello-world-app-performance-test/reconciler.yaml']).toBe(
      previous['dev/large/hello-world-app-performance-test/reconciler.yaml'],
    );
    expect(after['dev/drone/hello-world-app-functional-test/reconciler.yaml']).toContain('path: ./functional-test-v2');
  });

  test('writing the tree twice changes nothing the second time', async () => {
    const out = temporaryFolder();
    await synthesize({ controlPlane: TUTORIAL, out });
    const first = readTree(out);
    const second = await synthesize({ controlPlane: TUTORIAL, out });
    expect(readTree(out)).toEqual(first);
    expect(second.written.flatMap((r) => [...r.changes.added, ...r.changes.changed, ...r.changes.deleted])).toEqual([]);
  });
});
