import * as fs from 'fs';
import * as path from 'path';
import { load } from 'js-yaml';
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
import { readOutputTree, readTree, temporaryFolder } from '../support/temp';

/*
 * The real-world control plane eedorenko/configuratix-kalypso-control-plane (main + dev, unchanged): a ConfigSchema,
 * Templates using `hash`, `toYaml … | indent`, `index .Labels "use-case"`, a "none" namespace Template, four-manifest
 * Symphony reconcilers, label-matched configs with lists and maps. Its workload repositories are not public; the
 * Workloads are rebuilt from its real scheduler output (test/fixtures/upstream/README.md). Only dev is planned: the
 * stage branch is not part of the fixtures. The real output of 2024-01-12 (configuratix-kalypso-gitops@dev) is the
 * comparison; where it differs, the tests below say why.
 */
const CONTROL_PLANE = path.join(UPSTREAM, 'configuratix-kalypso-control-plane');
const REAL_OUTPUT = path.join(UPSTREAM, 'configuratix-kalypso-gitops-dev');
const SOURCES = {
  'https://github.com/eedorenko/configuratix': path.join(UPSTREAM, 'configuratix'),
  'https://github.com/kaizentm/symphony-app': path.join(UPSTREAM, 'symphony-app'),
};
const DEV = { sources: SOURCES, environments: ['dev'] };

/** The real output's files, relative to its root. */
function realOutput(): Record<string, string> {
  return readTree(REAL_OUTPUT);
}

describe('the configuratix control plane (eedorenko/configuratix-kalypso-control-plane)', () => {
  let run: FixtureRun;
  let dev: Record<string, string>;
  beforeAll(async () => {
    run = await planFixture(CONTROL_PLANE, DEV);
    dev = subtree(run.tree, 'dev');
  });

  test('plans every cluster type folder and the assignments of its five policies', () => {
    // dicg156-policy: every hotmelt module on line dicg156; dicg162-policy: only patch-to-core on dicg162;
    // azvote-line1-policy: az-vote on line1; uc2-perline-policy: busybox-uc2-perline on the four line cluster types;
    // uc1/uc2-shared-policy: the shared targets on tabler-station-shared.
    expect(Object.keys(dev).filter((file) => !file.endsWith('README.md'))).toEqual([
      '.github/tracking/Promoted_Commit_Id',
      ...[
        'dicg156/patch-to-core-alexandria',
        'dicg156/waist-elastic-op-alexandria',
        'dicg162/patch-to-core-alexandria',
        'line1/az-vote-edge',
        'tabler-station-ffr01/busybox-uc2-perline',
        'tabler-station-ffr04/busybox-uc2-perline',
        'tabler-station-ffr05/busybox-uc2-perline',
        'tabler-station-ffr06/busybox-uc2-perline',
        'tabler-station-shared/busybox-uc1-shared',
        'tabler-station-shared/busybox-uc2-shared',
      ].flatMap((folder) => [
        `${folder}/namespace.yaml`,
        `${folder}/platform-config.yaml`,
        `${folder}/reconciler.yaml`,
      ]),
    ]);
    expect(Object.keys(dev).filter((file) => file.endsWith('README.md'))).toEqual([
      'dicg156/README.md',
      'dicg162/README.md',
      'line1/README.md',
      'tabler-station-ffr01/README.md',
      'tabler-station-ffr04/README.md',
      'tabler-station-ffr05/README.md',
      'tabler-station-ffr06/README.md',
      'tabler-station-shared/README.md',
    ]);
    expect(run.problems).toEqual([]);
    expect(run.tree).toMatchSnapshot();
  });

  test('emits the Flux v1beta2 objects of its Templates, which the CRDs kept here no longer serve; as v1 they validate', () => {
    // Six arc-flux/symphony reconcilers, a GitRepository and a Kustomization each (with `suspend: false`); the Symphony
    // Catalog, Target and Instance objects have no CRD here.
    const objects = fluxObjects(run.tree);
    expect(objects).toHaveLength(12);
    expect(objects.filter(hasCrd)).toEqual([]);
    expect(
      objects
        .map((object) => ({ ...object, apiVersion: object.apiVersion.replace('v1beta2', 'v1') }))
        .flatMap(crdSchemaErrors),
    ).toEqual([]);
  });

  test('./bin/kalypso synth writes the same tree', () => {
    const out = temporaryFolder();
    const sources = Object.entries(SOURCES).flatMap(([url, folder]) => ['--source', `${url}=${folder}`]);
    const result = runBin(['synth', '-q', '-c', CONTROL_PLANE, '--env', 'dev', ...sources, '--out', out]);
    expect(result.code).toBe(0);
    expect(readOutputTree(out)).toEqual(run.tree);
  });

  test('writes every file of the real output, and the same README text', () => {
    const real = realOutput();
    expect(Object.keys(real).filter((file) => !(file in dev))).toEqual([]);
    for (const file of Object.keys(real).filter((name) => name.endsWith('README.md')))
      expect(dev[file]).toBe(CLUSTER_TYPE_README);
  });

  test('writes the promoted commit of the dev branch\'s BaseRepo "main"; the real output is from an earlier promotion', () => {
    expect(dev['.github/tracking/Promoted_Commit_Id']).toBe('c112b58434de1cdcfd934772c5a77da42ea99106');
    expect(realOutput()['.github/tracking/Promoted_Commit_Id']).toBe('917b735a626d0b7bba254eaba21ccfe5208d0790');
  });

  test('renders the "none" namespace Template verbatim, as the real output has it', () => {
    // It renders "---\n    ": not empty, so written (docs/explanation/scheduling-and-config.md#renderers-and-templates), and not an object, so kept as text.
    expect(dev['line1/az-vote-edge/namespace.yaml']).toBe('---\n    ');
    expect(dev['line1/az-vote-edge/namespace.yaml']).toBe(realOutput()['line1/az-vote-edge/namespace.yaml']);
    expect(dev['dicg156/patch-to-core-alexandria/namespace.yaml']).toBe('---\n    ');
  });

  test.each([
    'line1/az-vote-edge/reconciler.yaml',
    'tabler-station-ffr01/busybox-uc2-perline/namespace.yaml',
    'tabler-station-ffr01/busybox-uc2-perline/reconciler.yaml',
    'tabler-station-ffr04/busybox-uc2-perline/namespace.yaml',
    'tabler-station-ffr04/busybox-uc2-perline/reconciler.yaml',
    'tabler-station-ffr05/busybox-uc2-perline/namespace.yaml',
    'tabler-station-ffr05/busybox-uc2-perline/reconciler.yaml',
    'tabler-station-ffr06/busybox-uc2-perline/namespace.yaml',
    'tabler-station-ffr06/busybox-uc2-perline/reconciler.yaml',
    'tabler-station-shared/busybox-uc1-shared/namespace.yaml',
    'tabler-station-shared/busybox-uc1-shared/reconciler.yaml',
    'tabler-station-shared/busybox-uc2-shared/namespace.yaml',
    'tabler-station-shared/busybox-uc2-shared/reconciler.yaml',
  ])('%s holds the objects of the real output', (file) => {
    // Names built with `index .Labels "use-case"` (dev.busybox-team.uc2.busybox-uc2-perline.tabler-station-ffr01),
    // namespaces <env>-<cluster type>-<target>, the four Symphony manifests in order.
    expect(documents(dev[file])).toEqual(documents(realOutput()[file]));
  });

  test.each([
    'tabler-station-ffr01/busybox-uc2-perline/platform-config.yaml',
    'tabler-station-ffr04/busybox-uc2-perline/platform-config.yaml',
    'tabler-station-ffr05/busybox-uc2-perline/platform-config.yaml',
    'tabler-station-ffr06/busybox-uc2-perline/platform-config.yaml',
    'tabler-station-shared/busybox-uc1-shared/platform-config.yaml',
    'tabler-station-shared/busybox-uc2-shared/platform-config.yaml',
  ])(
    "%s holds the real config, less what the control plane no longer has, with YAML values parsed as today's Kalypso does",
    (file) => {
      const [real] = documents(realOutput()[file]) as any[];
      const values: Record<string, unknown> = real.kind === 'ConfigMap' ? real.data : real.spec.properties;
      // The 2024-01 control plane had a dev-wide ConfigMap with these three keys; the 2024-04 fixture has none.
      for (const key of ['ENVIRONMENT', 'REGION', 'SOME_COMMON_ENVIRONMENT_VARIABLE']) delete values[key];
      // Kalypso parses config values that are YAML maps or lists since 2024-04 (docs/explanation/scheduling-and-config.md#platform-config): the
      // `uc2-config.yaml: |` text of the real output is a nested map now, also in a ConfigMap (upstream bug, kept).
      for (const key of Object.keys(values).filter((name) => name.endsWith('.yaml')))
        values[key] = load(values[key] as string);
      expect(documents(dev[file])).toEqual([real]);
    },
  );

  test('names the az-vote config after the hash of its data; without the tags added since, it is the real file', async () => {
    // trogdor-line1-config gained `tags` after the real output was written, so the hash in the name changed.
    const [catalog] = documents(dev['line1/az-vote-edge/platform-config.yaml']) as any[];
    expect(catalog.metadata.name).toBe('az-vote-line1-config-12338385584552323132');
    expect(catalog.spec.properties.tags).toEqual(['tag1', 'tag2']);

    const copy = fixtureCopy(CONTROL_PLANE);
    const file = path.join(copy, 'dev/trogdor/configs/lines/line1/line1-config.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/  tags: \|\n.*\n/, ''));
    const { tree } = await planFixture(copy, DEV);
    // hashstructure of {REDIS, TITLE, VOTE1VALUE, VOTE2VALUE} is 3170723027559689098 (docs/explanation/scheduling-and-config.md#renderers-and-templates).
    expect(documents(tree['dev/line1/az-vote-edge/platform-config.yaml'])).toEqual(
      documents(realOutput()['line1/az-vote-edge/platform-config.yaml']),
    );
  });

  test('composes the alexandria module config: lists concatenated and maps merged in ConfigMap name order', () => {
    // alexandria-dicg156-config (line), alexandria-site-config, patch-to-core-config (module), rules-engine-core-03-config
    // (the line's rules-engine-core-index "03"), side-seam-tags-config (is_side_seam_collect): `module` maps deep-merge,
    // `tags` lists concatenate (docs/explanation/scheduling-and-config.md#platform-config). premium and index-05 configs need labels dicg156 does not have.
    const [catalog] = documents(dev['dicg156/patch-to-core-alexandria/platform-config.yaml']) as any[];
    expect(catalog.spec.properties).toEqual({
      FACTORY_NAME: 'Alexandria',
      LINE_NAME_LOWER: 'dicg156',
      LINE_NAME_UPPER: 'DICG156',
      QueryIntervalSec: '911',
      STORAGE_WORKLOAD_LOGGING_LEVEL: 'information',
      TimeWindowShift: '60',
      ZMQ_REC: 'tcp://badboihCG156.bcc.pg.com:5566',
      module: {
        'drop-threshold': 0.04,
        'hold-for-runs': '25',
        jump_threshold: 0.03,
        lag: '60',
        'start-of-run-wait-time': '300',
        tag: {
          'reject-tags': ['R173', 'R018'],
          'short-name': 'Patch to Core Glue',
          'technical-name': 'f.AQP.Patch to Core Glue',
        },
        'window-period': '5',
      },
      tags: [
        'Specific_dig156_Tag1',
        'Specific_dig156_Tag2',
        'Servo-s04.ActualPosition',
        'Servo-s04.ActualVelosity',
        'Servo-s04.AverageVelosity',
        'Servo-s04.MaxVelosity',
      ],
    });
    // The name carries the hash of exactly this data (hashstructure v1.1.0; floats hash as float64).
    expect(catalog.metadata.name).toMatch(/^patch-to-core-dicg156-config-\d+$/);
  });

  test('passes the ConfigSchema: factoryID "11" reads as the integer 11', () => {
    expect(run.plans[0].failedFolders).toEqual([]);
  });

  test('fails every tabler-station assignment when factoryID is 0, naming schema, target, cluster type and field', async () => {
    const copy = fixtureCopy(CONTROL_PLANE);
    const file = path.join(copy, 'dev/tabler-station/configs/factory.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('factoryID: "11"', 'factoryID: "0"'));
    const { problems, plans, tree } = await planFixture(copy, DEV);
    const failing = (target: string, clusterType: string) =>
      `main/configs/configSchema.yaml:6:3  ConfigSchema/platform-config-schema  spec.schema  config of deployment target "${target}" on cluster type "${clusterType}" fails ConfigSchema "platform-config-schema": factoryID: Must be greater than 0 (got "0")  set by ConfigMap tabler-station-global-config (dev/tabler-station/configs/factory.yaml:10:3)`;
    // Problems are sorted by file, line and text.
    expect(problems.map((line) => line.replace(/^.*?configuratix-kalypso-control-plane\//, ''))).toEqual([
      failing('busybox-uc1-shared', 'tabler-station-shared'),
      failing('busybox-uc2-perline', 'tabler-station-ffr01'),
      failing('busybox-uc2-perline', 'tabler-station-ffr04'),
      failing('busybox-uc2-perline', 'tabler-station-ffr05'),
      failing('busybox-uc2-perline', 'tabler-station-ffr06'),
      failing('busybox-uc2-shared', 'tabler-station-shared'),
    ]);
    // The failing assignments are not rendered (A22); the trogdor and alexandria ones are.
    expect(plans[0].failedFolders).toEqual([
      'tabler-station-ffr01/busybox-uc2-perline',
      'tabler-station-ffr04/busybox-uc2-perline',
      'tabler-station-ffr05/busybox-uc2-perline',
      'tabler-station-ffr06/busybox-uc2-perline',
      'tabler-station-shared/busybox-uc1-shared',
      'tabler-station-shared/busybox-uc2-shared',
    ]);
    expect(
      Object.keys(tree)
        .filter((name) => name.startsWith('dev/tabler-station'))
        .every((name) => name.endsWith('README.md')),
    ).toBe(true);
    expect(tree['dev/line1/az-vote-edge/reconciler.yaml']).toBe(dev['line1/az-vote-edge/reconciler.yaml']);
  });

  test('fails when two targets of one workload on a line would both write the "assignment" ConfigMap (upstream writes both)', async () => {
    // The `assignment` Template names its ConfigMap {{ .Workload}}-{{ .ClusterType}}-assignment: with both hotmelt
    // modules in one Workload, dicg156 gets two ConfigMaps of that name. Upstream writes both files and the cluster's
    // kustomization fails on the duplicate; here it is an input error before anything is written.
    const copy = fixtureCopy(CONTROL_PLANE);
    const workloads = fixtureCopy(SOURCES['https://github.com/eedorenko/configuratix']);
    fs.rmSync(path.join(workloads, 'hotmelt'), { recursive: true });
    fs.mkdirSync(path.join(workloads, 'hotmelt'));
    fs.writeFileSync(
      path.join(workloads, 'hotmelt/hotmelt.yaml'),
      `apiVersion: scheduler.kalypso.io/v1alpha1
kind: Workload
metadata:
  name: hotmelt
spec:
  deploymentTargets:
    - name: patch-to-core
      labels: {use-case: hotmelt, module: patch-to-core}
      environment: dev
      manifests: {repo: "https://example.com/hotmelt", branch: dev, path: ./patch-to-core}
    - name: waist-elastic-op
      labels: {use-case: hotmelt, module: waist-elastic-op}
      environment: dev
      manifests: {repo: "https://example.com/hotmelt", branch: dev, path: ./waist-elastic-op}
`,
    );
    const { problems, plans } = await planFixture(copy, {
      ...DEV,
      sources: { ...SOURCES, 'https://github.com/eedorenko/configuratix': workloads },
    });
    expect(problems.map((line) => line.replace(/^\S+\s+/, ''))).toEqual([
      'DeploymentTarget/hotmelt-waist-elastic-op  ConfigMap "hotmelt-dicg156-assignment" is produced by both dicg156/hotmelt-patch-to-core and dicg156/hotmelt-waist-elastic-op on cluster type "dicg156"',
    ]);
    expect(plans[0].failedFolders).toEqual(['dicg156/hotmelt-waist-elastic-op']);
  });
});
