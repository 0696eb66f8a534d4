import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { ClusterType, ControlPlane, KalypsoObject, PlatformConfig, ValidationError, Workload } from '../../src/api';
import { FolderSource } from '../../src/io/source/folder-source';
import { LoadUsageError, loadControlPlane } from '../../src/io/source/load';
import { planTree } from '../support/plans';
import { temporaryFolder } from '../support/temp';
import { TUTORIAL, brokenTutorialCopy, plannedTree, tutorialCopy } from '../support/tutorial';

describe('ControlPlane.fromFolder', () => {
  test('builds one construct per object, named after it, in the ControlPlane for main and in its Environment for a branch', async () => {
    const controlPlane = await ControlPlane.fromFolder(Testing.app(), 'Tutorial', TUTORIAL);
    const objects = controlPlane.node.findAll().filter(KalypsoObject.isKalypsoObject);
    expect(
      controlPlane.environments.map((environment) => [
        environment.node.path,
        environment.branch,
        environment.source?.file,
      ]),
    ).toEqual([
      ['Tutorial/dev', 'dev', 'main/.environments/dev.yaml'],
      ['Tutorial/stage', 'stage', 'main/.environments/stage.yaml'],
    ]);
    expect(
      objects
        .filter((object) => object.node.path.startsWith('Tutorial/dev/'))
        .map((object) => `${object.node.id}: ${object.kind}`),
    ).toEqual([
      'command-center: ClusterType',
      'drone: ClusterType',
      'large: ClusterType',
      'small: ClusterType',
      'functional-test-policy: SchedulingPolicy',
      'performance-test-policy: SchedulingPolicy',
      'china-north-3-config: ConfigMap',
      'command-center-config: ConfigMap',
      'drone-config: ConfigMap',
      'large-config: ConfigMap',
      'restricted-config: ConfigMap',
      'small-config: ConfigMap',
      'dev-config: ConfigMap',
      'main: BaseRepo',
      'dev: GitOpsRepo',
    ]);
    // The registered Workload, read from the folder its registration points at, is a child of the registration.
    const workload = controlPlane.node.findChild('hello-world-app').node.findChild('hello-world-app') as KalypsoObject;
    expect([workload.kind, workload.source?.file, (workload.toModel() as { workspace?: string }).workspace]).toEqual([
      'Workload',
      './kalypso-app-src/workload/workload.yaml',
      'kaizen-app-team',
    ]);
    const drone = controlPlane.environment('dev').node.findChild('drone') as ClusterType;
    expect([drone.reconciler, drone.source?.file, drone.source?.location.line]).toEqual([
      'arc-flux',
      'dev/cluster-types/drone/drone-cluster-type.yaml',
      1,
    ]);
  });

  test('gives the construct tree exactly the model the YAML loader builds', async () => {
    const controlPlane = await ControlPlane.fromFolder(Testing.app(), 'Tutorial', TUTORIAL);
    expect(controlPlane.toModel()).toEqual((await loadControlPlane(new FolderSource(TUTORIAL))).model);
  });

  test('plans exactly what kalypso synth plans', async () => {
    const controlPlane = await ControlPlane.fromFolder(Testing.app(), 'Tutorial', TUTORIAL);
    expect(planTree(controlPlane.plan())).toEqual(await plannedTree(TUTORIAL));
  });

  test('takes cluster types added in code, as if they were added to the YAML', async () => {
    // GIVEN the tutorial loaded from YAML
    const controlPlane = await ControlPlane.fromFolder(Testing.app(), 'Tutorial', TUTORIAL);
    // WHEN a small cluster type is added to stage in code
    new ClusterType(controlPlane.environment('stage'), 'small', {
      labels: { region: 'china-north-3', size: 'small' },
      reconciler: 'arc-flux',
    });
    // THEN the tree is the one of the YAML with the same cluster type added
    const copy = tutorialCopy();
    fs.writeFileSync(
      path.join(copy, 'stage/cluster-types/small-cluster-type.yaml'),
      [
        'apiVersion: scheduler.kalypso.io/v1alpha1',
        'kind: ClusterType',
        'metadata: {name: small, labels: {region: china-north-3, size: small}}',
        'spec: {reconciler: arc-flux, namespaceService: default, configType: configmap}',
        '',
      ].join('\n'),
    );
    const tree = planTree(controlPlane.plan());
    expect(tree).toEqual(await plannedTree(copy));
    expect(Object.keys(tree).filter((file) => file.startsWith('stage/small/'))).toEqual([
      'stage/small/README.md',
      'stage/small/hello-world-app-uat-test/namespace.yaml',
      'stage/small/hello-world-app-uat-test/platform-config.yaml',
      'stage/small/hello-world-app-uat-test/reconciler.yaml',
    ]);
  });

  test('takes config entries added in code to a loaded platform ConfigMap', async () => {
    const controlPlane = await ControlPlane.fromFolder(Testing.app(), 'Tutorial', TUTORIAL);
    const before = planTree(controlPlane.plan());
    (controlPlane.environment('stage').node.findChild('stage-config') as PlatformConfig).addEntry('LOG_LEVEL', 'debug');
    const after = planTree(controlPlane.plan());
    expect(Object.keys(after).filter((file) => after[file] !== before[file])).toEqual([
      'stage/drone/hello-world-app-uat-test/platform-config.yaml',
      'stage/large/hello-world-app-uat-test/platform-config.yaml',
    ]);
    expect(after['stage/large/hello-world-app-uat-test/platform-config.yaml']).toContain('LOG_LEVEL: debug');
  });

  test('checks loaded objects once, when the loader reads them, and again only once code changes them', async () => {
    // GIVEN the tutorial loaded: every object construct is marked as checked by the loader
    const controlPlane = await ControlPlane.fromFolder(Testing.app(), 'Tutorial', TUTORIAL);
    const objects = controlPlane.node.findAll().filter(KalypsoObject.isKalypsoObject);
    expect(objects.length).toBeGreaterThan(20);
    expect(objects.filter((object) => !object._isChecked())).toEqual([]);
    // WHEN code adds a deployment target whose label Kubernetes would refuse to a loaded workload
    const workload = objects.find((object) => object.kind === 'Workload') as Workload;
    workload.addDeploymentTarget({
      name: 'extra',
      environment: 'dev',
      labels: { 'bad key': 'x' },
      manifests: { repo: 'https://github.com/org/app', branch: 'dev', path: '.' },
    });
    // THEN that object is checked again, and the problem is reported on it
    expect(workload._isChecked()).toBe(false);
    expect(() => controlPlane.plan()).toThrow(/hello-world-app\] .*labels\["bad key"\]  label key/);
  });

  test('loads only the environments asked for, and fails on one the control plane does not have', async () => {
    const controlPlane = await ControlPlane.fromFolder(Testing.app(), 'Tutorial', TUTORIAL, {
      environments: ['stage'],
    });
    expect(controlPlane.environments.map((environment) => environment.name)).toEqual(['stage']);
    await expect(
      ControlPlane.fromFolder(Testing.app(), 'Tutorial', TUTORIAL, { environments: ['prod'] }),
    ).rejects.toThrow(new LoadUsageError('unknown environment "prod"; the control plane has "dev", "stage"'));
  });

  test('names a construct <Kind>:<name> when another object of its branch has the same name', async () => {
    const copy = tutorialCopy();
    fs.writeFileSync(
      path.join(copy, 'dev/configs/drone.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: drone}\ndata: {A: b}\n',
    );
    const controlPlane = await ControlPlane.fromFolder(Testing.app(), 'Tutorial', copy);
    const dev = controlPlane.environment('dev');
    expect(
      [dev.node.findChild('drone'), dev.node.findChild('ConfigMap:drone')].map(
        (object) => (object as KalypsoObject).kind,
      ),
    ).toEqual(['ClusterType', 'ConfigMap']);
  });

  test('fails at synth with the loading problems and every other error at once, with files and lines, and writes nothing', async () => {
    // GIVEN a copy of the tutorial with malformed YAML, an unknown reconciler and a bad selector operator
    const copy = brokenTutorialCopy();
    // WHEN it is loaded (which succeeds) and synthesized
    const controlPlane = await ControlPlane.fromFolder(Testing.app(), 'Tutorial', copy);
    const outdir = path.join(temporaryFolder(), 'out');
    const synth = controlPlane.synth({ outdir });
    // THEN
    await expect(synth).rejects.toThrow(ValidationError);
    await expect(synth).rejects.toMatchObject({
      errors: [
        '[Tutorial] dev/configs/dev-config.yaml:4:1  invalid YAML: deficient indentation',
        '[Tutorial] dev/scheduling/performance-test-policy.yaml:15:11  SchedulingPolicy/performance-test-policy  spec.clusterTypeSelector.labelSelector.matchExpressions[0].operator  must be one of In, NotIn, Exists, DoesNotExist (got "Equals")',
        '[Tutorial/dev/drone] dev/cluster-types/drone/drone-cluster-type.yaml:10:3  spec.reconciler  names no Template and no built-in reconciler renderer (arc-flux, argocd, flux) (got "flux2")  did you mean "flux"?',
      ],
    });
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test('keeps loading warnings as warnings', async () => {
    const copy = tutorialCopy();
    fs.writeFileSync(path.join(copy, 'dev/configs/secret.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n');
    const controlPlane = await ControlPlane.fromFolder(Testing.app(), 'Tutorial', copy);
    const result = await controlPlane.synth({ outdir: temporaryFolder() });
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'kind "Secret" is not a control-plane kind; ignored',
    ]);
  });
});
