import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { App, Testing } from 'cdk8s';
import { load, loadAll } from 'js-yaml';
import { definePlatform } from '../../examples/typescript/platform';
import { Tutorial } from '../../examples/typescript/tutorial';
import { ControlPlane } from '../../src/api';
import { KalypsoApp } from '../../src/api/kalypso-app';
import { KalypsoTesting } from '../../src/api/kalypso-testing';
import { FolderSource } from '../../src/io/source/folder-source';
import { loadControlPlane } from '../../src/io/source/load';
import { synthesize } from '../../src/app/synthesize/synthesize';
import { crdSchemaErrors } from '../support/crd-schemas';
import { synthesizedTree } from '../support/control-plane';
import { planTree } from '../support/plans';
import { readOutputTree, readTree, temporaryFolder } from '../support/temp';
import { TUTORIAL } from '../support/tutorial';
import { compareStrings } from '../../src/core/model/order';

describe('the tutorial written in TypeScript', () => {
  test("synthesizes a tree byte-identical to the YAML tutorial's", async () => {
    // GIVEN the YAML tutorial synthesized by the pipeline `kalypso synth` runs
    const viaYaml = temporaryFolder();
    const yaml = await synthesize({ controlPlane: TUTORIAL, out: viaYaml });
    expect(yaml.problems).toEqual([]);
    // WHEN the same control plane, written only in code, is synthesized
    const viaCode = await synthesizedTree(new Tutorial(new App(), 'Tutorial'));
    // THEN every file is the same, byte for byte
    expect(Object.keys(viaCode)).toHaveLength(20);
    expect(viaCode).toEqual(readOutputTree(viaYaml));
  });

  test('synthesizes a tree byte-identical to the YAML tutorial loaded into constructs', async () => {
    const loaded = await ControlPlane.fromFolder(new App(), 'Tutorial', TUTORIAL);
    expect(await synthesizedTree(new Tutorial(new App(), 'Tutorial'))).toEqual(await synthesizedTree(loaded));
  });

  test('plans the same assignments, policies and config provenance as the YAML tutorial, apart from file positions', async () => {
    const fromCode = new Tutorial(Testing.app(), 'Tutorial').plan();
    const fromYaml = (await ControlPlane.fromFolder(Testing.app(), 'Tutorial', TUTORIAL)).plan();
    const strip = (plans: typeof fromCode) =>
      plans.map((plan) => ({
        environment: plan.environment,
        gitOpsRepo: plan.gitOpsRepo,
        promotedCommit: plan.promotedCommit,
        clusterTypes: plan.clusterTypes,
        assignments: plan.assignments.map((assignment) => ({
          ...assignment,
          config: {
            data: assignment.config.data,
            provenance: Object.fromEntries(
              Object.entries(assignment.config.provenance).map(([key, contributions]) => [
                key,
                contributions.map(({ configMap, rawKey, value }) => ({ configMap, rawKey, value })),
              ]),
            ),
          },
        })),
      }));
    expect(strip(fromCode)).toEqual(strip(fromYaml));
    expect(fromCode.map((plan) => plan.gitOpsRepo)).toEqual([
      { repo: 'https://github.com/microsoft/kalypso-gitops', branch: 'dev' },
      { repo: 'https://github.com/microsoft/kalypso-gitops', branch: 'stage' },
    ]);
  });

  test('builds the same model as the YAML loader, apart from where objects were read from and file order', async () => {
    const fromCode = new Tutorial(Testing.app(), 'Tutorial').toModel();
    const { model } = await loadControlPlane(new FolderSource(TUTORIAL));
    const byName = (a: { name: string }, b: { name: string }) => compareStrings(a.name, b.name);
    const comparable = (value: unknown) =>
      JSON.parse(
        JSON.stringify(value, (key, field) => {
          if (key === 'source') return undefined;
          return Array.isArray(field) && field.every((item) => typeof item?.name === 'string')
            ? [...field].sort(byName)
            : field;
        }),
      );
    // The YAML tutorial registers its workload (WorkloadRegistration); the code defines the Workload directly, with
    // the registration's workspace, and uses the default reconciler name "flux" for what the YAML calls "arc-flux".
    const yaml = comparable(model);
    for (const environment of yaml.environments) {
      environment.workloadRegistrations = [];
      for (const clusterType of environment.clusterTypes) clusterType.reconciler = 'flux';
    }
    expect(comparable(fromCode)).toEqual(yaml);
  });
});

describe('the TypeScript example with its custom OCI reconciler', () => {
  let tree: Record<string, string>;
  beforeAll(async () => {
    tree = await synthesizedTree(definePlatform(new App()));
  });

  test('synthesizes the tutorial plus the drone-oci cluster type', () => {
    expect(tree).toMatchSnapshot();
    expect(KalypsoTesting.synth(definePlatform(new KalypsoApp()))).toMatchSnapshot('objects');
  });

  test('renders reconciler.yaml with the custom reconciler for the cluster type that names it, and only there', () => {
    const reconcilers = Object.entries(tree).filter(([file]) => file.endsWith('/reconciler.yaml'));
    const kinds = Object.fromEntries(
      reconcilers.map(([file, content]) => [
        file,
        (loadAll(content) as { kind: string }[]).map((object) => object.kind),
      ]),
    );
    expect(kinds).toEqual({
      'dev/drone-oci/hello-world-app-functional-test/reconciler.yaml': ['OCIRepository', 'Kustomization'],
      'dev/drone/hello-world-app-functional-test/reconciler.yaml': ['GitRepository', 'Kustomization'],
      'dev/large/hello-world-app-performance-test/reconciler.yaml': ['GitRepository', 'Kustomization'],
      'stage/drone/hello-world-app-uat-test/reconciler.yaml': ['GitRepository', 'Kustomization'],
      'stage/large/hello-world-app-uat-test/reconciler.yaml': ['GitRepository', 'Kustomization'],
    });
  });

  test('emits an OCIRepository and a Kustomization that validate against the real Flux CRDs', () => {
    const [ociRepository, kustomization] = loadAll(
      tree['dev/drone-oci/hello-world-app-functional-test/reconciler.yaml'],
    ) as any[];
    expect(ociRepository.spec).toEqual({
      interval: '1m',
      url: 'oci://ghcr.io/microsoft/kalypso-app-gitops',
      ref: { tag: 'dev' },
    });
    expect(kustomization.spec.sourceRef).toEqual({ kind: 'OCIRepository', name: 'hello-world-app-functional-test' });
    expect([...crdSchemaErrors(ociRepository), ...crdSchemaErrors(kustomization)]).toEqual([]);
  });

  test("composes the cluster type's own config with the environment's", () => {
    expect((load(tree['dev/drone-oci/hello-world-app-functional-test/platform-config.yaml']) as any).data).toEqual({
      CLUSTER_NAME: 'Drone (OCI)',
      DATABASE_URL: 'mysql://restricted-host:3306/mysqlrty123',
      ENVIRONMENT: 'Dev',
      REGION: 'China North 3',
      SOME_COMMON_ENVIRONMENT_VARIABLE: 'false',
    });
  });

  test('changes nothing else of the tutorial', async () => {
    const tutorial = planTree(new Tutorial(Testing.app(), 'Tutorial').plan());
    const added = Object.keys(tree).filter((file) => !(file in tutorial));
    expect(added).toEqual([
      'dev/drone-oci/README.md',
      'dev/drone-oci/hello-world-app-functional-test/namespace.yaml',
      'dev/drone-oci/hello-world-app-functional-test/platform-config.yaml',
      'dev/drone-oci/hello-world-app-functional-test/reconciler.yaml',
    ]);
    expect(Object.keys(tutorial).filter((file) => tree[file] !== tutorial[file])).toEqual([]);
  });
});

describe('examples/typescript as a cdk8s app', () => {
  const EXAMPLE = path.join(__dirname, '../../examples/typescript');
  const cdk8s = path.join(__dirname, '../../node_modules/.bin/cdk8s');

  test('cdk8s synth in the example folder, KalypsoApp.synth() and ControlPlane.synth() write the tree the example plans', async () => {
    // GIVEN the example written by cdk8s synth (a process of its own, as in CI)
    const out = temporaryFolder();
    const result = spawnSync(cdk8s, ['synth', '--no-check-upgrade', '--output', out], {
      cwd: EXAMPLE,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    // AND written by a KalypsoApp and by the ControlPlane itself
    const app = new KalypsoApp({ outdir: temporaryFolder() });
    definePlatform(app);
    await app.synth();
    const viaControlPlane = temporaryFolder();
    await definePlatform(new KalypsoApp()).synth({ outdir: viaControlPlane });
    // THEN the three trees are the plan
    const planned = planTree(definePlatform(Testing.app()).plan());
    expect(readTree(out)).toEqual(planned);
    expect(readOutputTree(app.outdir)).toEqual(planned);
    expect(readOutputTree(viaControlPlane)).toEqual(planned);
  });

  test('cdk8s import regenerates the OCIRepository import byte for byte from the copied CRD, offline', () => {
    const out = temporaryFolder();
    const result = spawnSync(cdk8s, ['import', '--no-check-upgrade', '--output', out], {
      cwd: EXAMPLE,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['oci-source.toolkit.fluxcd.io.ts']);
    expect(fs.readFileSync(path.join(out, 'oci-source.toolkit.fluxcd.io.ts'), 'utf8')).toBe(
      fs.readFileSync(path.join(EXAMPLE, 'imports/oci-source.toolkit.fluxcd.io.ts'), 'utf8'),
    );
  });
});
