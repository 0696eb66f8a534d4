import * as fs from 'fs';
import * as path from 'path';
import { UPSTREAM, documents, planFixture } from '../support/compat';
import { temporaryFolder, writeFiles } from '../support/temp';

/*
 * The upstream unit tests U7–U11 and the acceptance cases A18–A30, run through the whole pipeline
 * (load → schedule → compose → validate → render → plan) on small control planes written as folders of branches.
 */
const KALYPSO = 'apiVersion: scheduler.kalypso.io/v1alpha1';

/** A control plane with environment dev: cluster type drone, one target app-ft, a select-all policy, plus `extra`. */
function controlPlane(extra: Record<string, string>, target = ''): string {
  const root = path.join(temporaryFolder(), 'control-plane');
  writeFiles(root, {
    'main/README.md': 'no objects on main\n',
    'dev/drone.yaml': `${KALYPSO}\nkind: ClusterType\nmetadata: {name: drone, labels: {region: east-us}}\nspec: {reconciler: r, namespaceService: n, configType: c}\n`,
    'dev/target.yaml': `${KALYPSO}\nkind: DeploymentTarget\nmetadata: {name: app-ft, labels: {workload: app, workspace: team}}\nspec:\n  environment: dev\n  manifests: {repo: "https://example.com/app", branch: main, path: ./ft}\n${target}`,
    'dev/policy.yaml': `${KALYPSO}\nkind: SchedulingPolicy\nmetadata: {name: all}\nspec: {deploymentTargetSelector: {labelSelector: {}}, clusterTypeSelector: {labelSelector: {}}}\n`,
    'main/templates.yaml': [
      template('r', 'reconciler', ['kind: Marker\n']),
      template('n', 'namespace', []),
      template('c', 'config', ['{{ toYaml .ConfigData }}']),
    ].join('---\n'),
    ...extra,
  });
  return root;
}

/** A Template document; `manifests` are written as JSON strings, so any text goes. */
function template(name: string, type: string, manifests: string[]): string {
  return `${KALYPSO}\nkind: Template\nmetadata: {name: ${name}}\nspec:\n  type: ${type}\n  manifests: ${JSON.stringify(manifests)}\n`;
}

function configMap(name: string, data: Record<string, string>, labels: Record<string, string> = {}): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  labels: ${JSON.stringify({ 'platform-config': 'true', ...labels })}\ndata: ${JSON.stringify(data)}\n`;
}

/** The U11 schema (config_validator_test.go), as JSON text. */
const U11_SCHEMA = JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Values',
  description: 'Values for the helm chart',
  type: 'object',
  properties: {
    stringRequired: { type: 'string' },
    intRequired: { type: 'integer', minimum: -90, maximum: 90 },
    numberRequired: { type: 'number', exclusiveMinimum: 0 },
    stringOptional: { type: 'string' },
    phoneOptional: { type: 'string', pattern: '^(\\([0-9]{3}\\))?[0-9]{3}-[0-9]{4}$' },
  },
  required: ['stringRequired', 'intRequired', 'numberRequired'],
});

describe('upstream templater tests U7–U9 on the testData of kalypso-scheduler', () => {
  const testData = (file: string) => fs.readFileSync(path.join(UPSTREAM, 'kalypso-scheduler-test-data', file), 'utf8');

  /**
   * testData's DeploymentTarget and Template as they are, its ClusterType with the Template as reconciler, and the
   * config of templater_test.go ({FactoryName: SuperPlant, FactoryType: Chemical}) in a ConfigMap.
   */
  function testDataControlPlane(factoryName = 'SuperPlant'): string {
    const root = path.join(temporaryFolder(), 'control-plane');
    writeFiles(root, {
      'main/template.yaml': testData('template.yaml'),
      'test-environment/deploymenttarget.yaml': testData('deploymenttarget.yaml'),
      // The upstream test builds the ClusterType in Go; the CRD requires configType, which testData lacks.
      'test-environment/clustertype.yaml':
        testData('clustertype.yaml').replace('reconciler: flux', 'reconciler: test-template') +
        '  configType: configmap\n',
      'test-environment/config.yaml': configMap('factory', { FactoryName: factoryName, FactoryType: 'Chemical' }),
      'test-environment/policy.yaml': `${KALYPSO}\nkind: SchedulingPolicy\nmetadata: {name: all}\nspec: {deploymentTargetSelector: {labelSelector: {}}, clusterTypeSelector: {labelSelector: {}}}\n`,
      'main/attributes.yaml': template('attributes', 'namespace', [
        'name: {{ .DeploymentTargetName }}\nenvironment: {{ .Environment }}\nworkload: {{ .Workload }}\nworkspace: {{ .Workspace }}\n' +
          'label: {{ index .Labels "test-label-key" }}\nstorage: {{ .Manifests.storage }}\ntype: {{ .Manifests.type }}\nnamespace: {{ .Namespace }}\n',
      ]),
    });
    fs.writeFileSync(
      path.join(root, 'test-environment/clustertype.yaml'),
      fs
        .readFileSync(path.join(root, 'test-environment/clustertype.yaml'), 'utf8')
        .replace('namespaceService: default', 'namespaceService: attributes'),
    );
    return root;
  }

  test('U7: the testData deployment target and cluster type plan without problems', async () => {
    const { problems, tree } = await planFixture(testDataControlPlane('superplant'));
    expect(problems).toEqual([]);
    expect(Object.keys(tree)).toContain('test-environment/drone/test-deployment-target/reconciler.yaml');
  });

  test("U8: exposes the deployment target's attributes to Templates (and the namespace upstream does not assert)", async () => {
    const { tree } = await planFixture(testDataControlPlane('superplant'));
    expect(documents(tree['test-environment/drone/test-deployment-target/namespace.yaml'])).toEqual([
      {
        name: 'test-deployment-target',
        environment: 'test-environment',
        workload: 'test-workload',
        workspace: 'test-workspace',
        label: 'test-label-value',
        storage: 'git',
        type: 'kustomize',
        namespace: 'test-environment-drone-test-deployment-target',
      },
    ]);
  });

  test('fails U9 as upstream\'s test data has it: "SuperPlant" is not a name Kubernetes accepts (upstream writes it)', async () => {
    const { problems, plans } = await planFixture(testDataControlPlane());
    expect(problems).toEqual([
      'test-environment/deploymenttarget.yaml:1:1  DeploymentTarget/test-deployment-target  Kustomization "SuperPlant" in drone/test-deployment-target/reconciler.yaml: metadata.name must consist of lower case letters, digits, "-" and ".", and start and end with a letter or digit',
    ]);
    expect(plans[0].failedFolders).toEqual(['drone/test-deployment-target']);
  });

  test('U9: renders template.yaml into a GitRepository and a Kustomization named after the config', async () => {
    // With a name Kubernetes accepts, everything else upstream's TestProcessTemplate checks.
    const { tree } = await planFixture(testDataControlPlane('superplant'));
    const [gitRepository, kustomization] = documents(
      tree['test-environment/drone/test-deployment-target/reconciler.yaml'],
    ) as any[];
    // .Manifests.type is "kustomize", so the `if` picks the -kustomize name.
    expect(gitRepository).toEqual({
      apiVersion: 'source.toolkit.fluxcd.io/v1beta2',
      kind: 'GitRepository',
      metadata: { name: 'test-deployment-target-kustomize' },
    });
    expect(kustomization).toEqual({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1beta2',
      kind: 'Kustomization',
      metadata: {
        name: 'superplant',
        namespace: 'flux-system',
        labels: { FactoryName: 'superplant', FactoryType: 'Chemical' },
      },
      spec: {
        interval: '30s',
        targetNamespace: 'test-environment-drone-test-deployment-target',
        sourceRef: { kind: 'GitRepository', name: 'test-deployment-target' },
        path: './prometheus',
      },
    });
  });
});

describe('config validation through the pipeline: U10, U11, A18–A22', () => {
  const values = (data: Record<string, string>) => ({ 'dev/config.yaml': configMap('values', data) });
  const withSchema = `  configSchemas:\n    - ${JSON.stringify(U11_SCHEMA)}\n`;

  test('U10/U11/A18: the upstream values pass the upstream schema and the assignment is rendered', async () => {
    const { problems, tree } = await planFixture(
      controlPlane(
        values({ stringRequired: 'value1', intRequired: '0', numberRequired: '3.14', phoneOptional: '(888)555-1212' }),
        withSchema,
      ),
    );
    expect(problems).toEqual([]);
    expect(tree['dev/drone/app-ft/platform-config.yaml']).toBe(
      'intRequired: "0"\nnumberRequired: "3.14"\nphoneOptional: (888)555-1212\nstringRequired: value1',
    );
  });

  test("fails A19 for both missing required properties, in the schema's order", async () => {
    const { problems } = await planFixture(controlPlane(values({ intRequired: '0' }), withSchema));
    // One problem per violation; problems are listed sorted (the upstream message keeps the schema's order, see
    // test/config-schema/validate-config.test.ts).
    expect(problems.map((line) => line.replace(/^.*spec\.configSchemas\[0\]  /, ''))).toEqual([
      'config of deployment target "app-ft" on cluster type "drone" fails configSchemas[0] of deployment target "app-ft": numberRequired is required',
      'config of deployment target "app-ft" on cluster type "drone" fails configSchemas[0] of deployment target "app-ft": stringRequired is required',
    ]);
  });

  test('fails A20: "91" and "0" read as numbers, and "555" is not a string', async () => {
    const { problems } = await planFixture(
      controlPlane(
        values({ stringRequired: 'x', intRequired: '91', numberRequired: '0', phoneOptional: '555' }),
        withSchema,
      ),
    );
    expect(
      problems.map((line) => line.replace(/^.*fails configSchemas\[0\] of deployment target "app-ft": /, '')),
    ).toEqual([
      'intRequired: Must be less than or equal to 90 (got "91")  set by ConfigMap values (dev/config.yaml:6:29)',
      'numberRequired: Must be greater than 0 (got "0")  set by ConfigMap values (dev/config.yaml:6:48)',
      'phoneOptional: Invalid type. Expected: string, given: integer (got "555")  Kalypso validates a config value that reads as a number as that number, as upstream does; set by ConfigMap values (dev/config.yaml:6:69)',
    ]);
  });

  test("fails A21 only for the schemas that select the pair, and always for the target's own", async () => {
    const schema = (name: string, labels: string, text: string) =>
      `${KALYPSO}\nkind: ConfigSchema\nmetadata: {name: ${name}, labels: {${labels}}}\nspec:\n  schema: ${JSON.stringify(text)}\n`;
    const { problems } = await planFixture(
      controlPlane(
        {
          ...values({ REGION: 'east' }),
          'main/schemas.yaml': [
            schema('other-cluster-type', 'cluster-type: other', '{"required": ["NEVER"]}'),
            schema('by-region', 'region: east-us', '{"required": ["ZONE"]}'),
          ].join('---\n'),
        },
        '  configSchemas: [\'{"properties": {"REGION": {"enum": ["west"]}}}\']\n',
      ),
    );
    expect(problems.map((line) => line.replace(/^\S+\s+/, ''))).toEqual([
      'DeploymentTarget/app-ft  spec.configSchemas[0]  config of deployment target "app-ft" on cluster type "drone" fails configSchemas[0] of deployment target "app-ft": REGION: REGION must be one of the following: "west" (got "east")  set by ConfigMap values (dev/config.yaml:6:8)',
      'ConfigSchema/by-region  spec.schema  config of deployment target "app-ft" on cluster type "drone" fails ConfigSchema "by-region": ZONE is required',
    ]);
  });

  test('fails A22: a failing assignment has no files, and the environment is not written', async () => {
    const { problems, plans, tree } = await planFixture(controlPlane(values({ intRequired: '0' }), withSchema));
    expect(problems).toHaveLength(2);
    expect(plans[0].failedFolders).toEqual(['drone/app-ft']);
    expect(Object.keys(tree)).toEqual(['dev/drone/README.md']);
  });
});

describe('templating through the pipeline: A23–A30', () => {
  /** Renders `manifests` as drone's reconciler Template for app-ft, with a platform ConfigMap holding `data`. */
  async function render(manifests: string[], data: Record<string, string> = {}): Promise<string> {
    const { tree, problems } = await planFixture(
      controlPlane({
        'main/templates.yaml': [
          template('r', 'reconciler', manifests),
          template('n', 'namespace', []),
          template('c', 'config', []),
        ].join('---\n'),
        'dev/config.yaml': configMap('values', data),
      }),
    );
    expect(problems).toEqual([]);
    return tree['dev/drone/app-ft/reconciler.yaml'];
  }

  test('A23: .Namespace is <environment>-<cluster type>-<deployment target>', async () => {
    expect(await render(['{{ .Namespace }}'])).toBe('dev-drone-app-ft');
  });

  test('A24: missing map keys print <no value>, index gives "", if is false', async () => {
    expect(
      await render([
        '{{ .Manifests.nokey }}|{{ index .Labels "nokey" }}|{{ if .ConfigData.nokey }}yes{{ else }}no{{ end }}',
      ]),
    ).toBe('<no value>||no');
  });

  test('fails A24 on a field the data does not have', async () => {
    const { problems } = await planFixture(
      controlPlane({
        'main/templates.yaml': [
          template('r', 'reconciler', ['{{ .Repo }}']),
          template('n', 'namespace', []),
          template('c', 'config', []),
        ].join('---\n'),
      }),
    );
    expect(problems.map((line) => line.replace(/^\S+\s+/, ''))).toEqual([
      'Template/r  Template "r" manifests[0]: template: template:1:3: executing "template" at <.Repo>: can\'t evaluate field Repo in type scheduler.dataType',
    ]);
  });

  test('A25: a config value holding a template is rendered in a second pass', async () => {
    expect(await render(['{{ .ConfigData.K }}'], { K: '{{ .Namespace }}' })).toBe('dev-drone-app-ft');
  });

  test('A26: manifests rendering to "" are dropped, the rest joined by ---', async () => {
    expect(await render(['a: 1\n', '', '{{ if false }}x{{ end }}', 'b: 2\n'])).toBe('a: 1\n---\nb: 2\n');
  });

  test('A27: toYaml of a flat config is sorted, "false" quoted, no final newline', async () => {
    expect(
      await render(['{{ toYaml .ConfigData }}'], {
        ENVIRONMENT: 'Dev',
        SOME_COMMON_ENVIRONMENT_VARIABLE: 'false',
        REGION: 'West US',
      }),
    ).toBe('ENVIRONMENT: Dev\nREGION: West US\nSOME_COMMON_ENVIRONMENT_VARIABLE: "false"');
  });

  test("A28: hash of the az-vote config is the number in the real output's name", async () => {
    expect(
      await render(['{{ hash .ConfigData }}'], {
        REDIS: 'azure-vote-back',
        TITLE: 'Voting Application from the Cloud',
        VOTE1VALUE: 'Picard',
        VOTE2VALUE: 'Kirk',
      }),
    ).toBe('3170723027559689098');
    expect(await render(['{{ hash .ConfigData }}'])).toBe('0');
  });

  test('A29: unquote trims spaces, then double, then single quotes; a non-string is ""', async () => {
    expect(
      await render(['[{{ unquote .ConfigData.A }}][{{ unquote .ConfigData.B }}][{{ unquote 1 }}]'], {
        A: "  'x'  ",
        B: '"q"',
      }),
    ).toBe('[x][q][]');
  });

  test('A30: stringify writes a list value as a literal block', async () => {
    expect(await render(['{{ stringify .ConfigData }}'], { tags: "['Tag1', 'Tag2']" })).toBe(
      'tags: |\n    - Tag1\n    - Tag2',
    );
  });

  test('A30: stringify leaves a map value nested (upstream bug, kept for Templates)', async () => {
    expect(await render(['{{ stringify .ConfigData }}'], { m: 'k: v\n' })).toBe('m:\n    k: v');
  });
});

describe("YAML-valued config entries keep yaml.v2's Go types through the pipeline (docs/explanation/scheduling-and-config.md#platform-config)", () => {
  async function render(manifests: string[], configMaps: string[]): Promise<string> {
    const { tree, problems } = await planFixture(
      controlPlane({
        'main/templates.yaml': [
          template('r', 'reconciler', manifests),
          template('n', 'namespace', []),
          template('c', 'config', []),
        ].join('---\n'),
        'dev/config.yaml': configMaps.join('---\n'),
      }),
    );
    expect(problems).toEqual([]);
    return tree['dev/drone/app-ft/reconciler.yaml'];
  }

  test('map keys keep their type when merged: y and on are the key true, "y" a string, 1 and 1.0 two keys', async () => {
    // a-config {true: 1, 1: a} + b-config {"y": 2, true: 3, 1.0: b} → {true: 3, 1: a, "y": 2, 1.0: b}; yaml.v3 writes
    // numbers and booleans by value (true is 1; a bool, then an int, then a float64 of equal value), then strings.
    expect(
      await render(
        ['{{ toYaml .ConfigData.M }}'],
        [configMap('a-config', { M: 'y: 1\n1: a\n' }), configMap('b-config', { M: '"y": 2\non: 3\n1.0: b\n' })],
      ),
    ).toBe('true: 3\n1: a\n1: b\n"y": 2');
  });

  test('hash sees the boolean key and the float64 (values derived in test/template/config-go-types.test.ts)', async () => {
    // .ConfigData = {"M": {true: 2, "y": 1.0}}: ordered(hash("M"), 15860640994944765625) = 10015697585880304433.
    expect(
      await render(
        ['{{ hash .ConfigData.M }} {{ hash .ConfigData }}'],
        [configMap('a-config', { M: 'y: 2\n"y": 1.0\n' })],
      ),
    ).toBe('15860640994944765625 10015697585880304433');
  });

  test('1e6 and 1.0 are float64s: printf "%v" and toYaml write 1e+06 and 1', async () => {
    expect(
      await render(
        ['{{ printf "%v" .ConfigData.F }} {{ index .ConfigData.F 0 }}|{{ toYaml .ConfigData.F }}'],
        [configMap('a-config', { F: '[1e6, 1.0, 1]' })],
      ),
    ).toBe('[1e+06 1 1] 1e+06|- 1e+06\n- 1\n- 1');
  });
});
