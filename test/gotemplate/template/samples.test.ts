import { load } from 'js-yaml';
import { renderManifests, TemplateData } from '../../../src/gotemplate/template';
import { fixtureFiles, loadDocs, loadTemplates } from './fixture-templates';
import { AZ_VOTE_CONFIG, HELLO_WORLD } from './template-data';

/** The data of the sample output with the structured config of compatibility scenario 03 (as config parsing yields it). */
const COMPLEX: TemplateData = {
  ...HELLO_WORLD,
  Namespace: 'hello-world-app-functional-test',
  ConfigData: {
    tags: ['Tag1', 'Tag2'],
    module: { 'window-period': '5', tag: { 'short-name': 'Patch', 'reject-tags': ['R173', 'R018'] } },
    QUOTED: 'single quoted',
    multiline: 'line one\nline two\n',
    imagePullSecrets: 'acr-secret',
  },
};

describe('every sample Template renders', () => {
  const files = [
    ...fixtureFiles('kalypso-control-plane'),
    ...fixtureFiles('kalypso-bootstrap'),
    ...fixtureFiles('configuratix'),
    ...fixtureFiles('compat-scenarios'),
    'kalypso-scheduler-test-data/template.yaml',
  ];
  const templates = files.flatMap(loadTemplates);

  test('finds the sample Templates', () => {
    expect(templates.length).toBe(26);
  });

  test.each(templates.map((t) => [`${t.file} (${t.name})`, t] as const))(
    '%s renders with the sample data',
    (_name, t) => {
      for (const data of [HELLO_WORLD, COMPLEX]) {
        expect(() => renderManifests(t.manifests, data, { name: t.name })).not.toThrow();
      }
    },
  );
});

describe('the canonical sample renders byte-exactly what upstream writes', () => {
  function renderFile(file: string): string {
    const [template] = loadTemplates(`kalypso-control-plane/${file}`);
    return renderManifests(template.manifests, HELLO_WORLD, { name: template.name }).join('---\n');
  }

  test('namespace.yaml from Template default', () => {
    expect(renderFile('scheduler_v1alpha1_template_namespace.yaml')).toBe(
      [
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        '  name: "dev-drone-hello-world-app-functional-test" ',
        '  labels:',
        '    environment: "dev"',
        '    workspace: "kaizen-app-team"',
        '    workload: "hello-world-app"',
        '    deploymentTarget: "hello-world-app-functional-test"',
        '    someLabel: some-value',
        '',
      ].join('\n'),
    );
  });

  test('reconciler.yaml from Template arc-flux', () => {
    expect(renderFile('scheduler_v1alpha1_template_arc-flux.yaml')).toBe(
      [
        'apiVersion: source.toolkit.fluxcd.io/v1beta2',
        'kind: GitRepository',
        'metadata:',
        '  name: "hello-world-app-functional-test"',
        '  namespace: flux-system',
        'spec:',
        '  interval: 30s',
        '  url: "https://github.com/microsoft/kalypso-app-gitops"',
        '  ref:',
        '    branch: "dev"',
        '  secretRef:',
        '      name: repo-secret    ',
        '---',
        'apiVersion: kustomize.toolkit.fluxcd.io/v1beta2',
        'kind: Kustomization',
        'metadata:',
        '  name: "hello-world-app-functional-test"',
        '  namespace: flux-system',
        'spec:',
        '  interval: 30s',
        '  targetNamespace: "dev-drone-hello-world-app-functional-test"',
        '  sourceRef:',
        '    kind: GitRepository',
        '    name: "hello-world-app-functional-test"',
        '  path: "./functional-test" ',
        '  prune: true',
        '',
      ].join('\n'),
    );
  });

  test('platform-config.yaml from Template configmap, without a final newline', () => {
    expect(renderFile('scheduler_v1alpha1_template_configmap.yaml')).toBe(
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: platform-config',
        '  namespace: dev-drone-hello-world-app-functional-test',
        'data:',
        '  CLUSTER_NAME: Drone',
        '  DATABASE_URL: mysql://restricted-host:3306/mysqlrty123',
        '  ENVIRONMENT: Dev',
        '  REGION: East US',
        '  SOME_COMMON_ENVIRONMENT_VARIABLE: "false"',
      ].join('\n'),
    );
  });
});

describe('the bootstrap templates', () => {
  function renderBootstrap(file: string, data: TemplateData): string[] {
    const [template] = loadTemplates(`kalypso-bootstrap/${file}`);
    return renderManifests(template.manifests, data, { name: template.name });
  }

  test('name the Flux objects <branch>.<workload>.<target>', () => {
    const [gitRepository] = renderBootstrap('arc-flux.yaml', COMPLEX);
    expect(load(gitRepository)).toMatchObject({
      kind: 'GitRepository',
      metadata: { name: 'dev.hello-world-app.hello-world-app-functional-test' },
      spec: { secretRef: { name: 'platform-dev-auth' } },
    });
  });

  test('add imagePullSecrets to the ServiceAccount when the config sets them', () => {
    const [, serviceAccount] = renderBootstrap('namespace.yaml', COMPLEX);
    expect(load(serviceAccount)).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'hello-world-app-sa', namespace: 'hello-world-app-functional-test' },
      imagePullSecrets: [{ name: 'acr-secret' }],
    });
  });

  test('leave imagePullSecrets out when the config does not set them', () => {
    const [, serviceAccount] = renderBootstrap('namespace.yaml', HELLO_WORLD);
    expect(load(serviceAccount)).not.toHaveProperty('imagePullSecrets');
  });

  test('stringify the config into a ConfigMap whose arrays are strings and nested maps stay maps', () => {
    const [configMap] = renderBootstrap('configmap.yaml', COMPLEX);
    expect(configMap).toBe(
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: platform-config',
        '  namespace: hello-world-app-functional-test',
        'data:',
        '  QUOTED: single quoted',
        '  imagePullSecrets: acr-secret',
        '  module:',
        '      tag:',
        '          reject-tags:',
        '              - R173',
        '              - R018',
        '          short-name: Patch',
        '      window-period: "5"',
        '  multiline: |',
        '      line one',
        '      line two',
        '  tags: |',
        '      - Tag1',
        '      - Tag2',
        '',
      ].join('\n'),
    );
  });
});

describe('the upstream templater tests', () => {
  const [dt, ct] = [
    loadDocs('kalypso-scheduler-test-data/deploymenttarget.yaml')[0],
    loadDocs('kalypso-scheduler-test-data/clustertype.yaml')[0],
  ] as [
    {
      metadata: { name: string; labels: Record<string, string> };
      spec: { environment: string; manifests: Record<string, string> };
    },
    { metadata: { name: string } },
  ];
  /** `newData(deploymentTarget, clusterType, configData)` of templater.go, for the test data. */
  const data: TemplateData = {
    DeploymentTargetName: dt.metadata.name,
    Namespace: `${dt.spec.environment}-${ct.metadata.name}-${dt.metadata.name}`,
    Environment: dt.spec.environment,
    Workspace: dt.metadata.labels.workspace,
    Workload: dt.metadata.labels.workload,
    Labels: dt.metadata.labels,
    Manifests: dt.spec.manifests,
    ClusterType: ct.metadata.name,
    ConfigData: { FactoryName: 'SuperPlant', FactoryType: 'Chemical' },
  };

  test.each([
    ['DeploymentTargetName', '{{ .DeploymentTargetName }}', 'test-deployment-target'],
    ['Environment', '{{ .Environment }}', 'test-environment'],
    ['Workload', '{{ .Workload }}', 'test-workload'],
    ['Workspace', '{{ .Workspace }}', 'test-workspace'],
    ['a label', '{{ index .Labels "test-label-key" }}', 'test-label-value'],
    ['Manifests storage', '{{ .Manifests.storage }}', 'git'],
    ['Manifests type', '{{ .Manifests.type }}', 'kustomize'],
    ['Namespace', '{{ .Namespace }}', 'test-environment-drone-test-deployment-target'],
  ])('U8: exposes %s', (_name, text, expected) => {
    expect(renderManifests([text], data)).toEqual([expected]);
  });

  test('U9: renders template.yaml into a GitRepository and a Kustomization', () => {
    const [template] = loadTemplates('kalypso-scheduler-test-data/template.yaml');
    const objects = renderManifests(template.manifests, data, { name: template.name }).map((m) => load(m));
    expect(objects).toHaveLength(2);
    expect(objects[0]).toMatchObject({ kind: 'GitRepository', metadata: { name: 'test-deployment-target-kustomize' } });
    expect(objects[1]).toMatchObject({
      kind: 'Kustomization',
      metadata: { name: 'SuperPlant', labels: { FactoryName: 'SuperPlant', FactoryType: 'Chemical' } },
      spec: {
        targetNamespace: 'test-environment-drone-test-deployment-target',
        sourceRef: { name: 'test-deployment-target' },
        path: './prometheus',
      },
    });
  });
});

describe('the configuratix templates', () => {
  const data: TemplateData = {
    ...HELLO_WORLD,
    Workload: 'az-vote',
    ClusterType: 'line1',
    ConfigData: AZ_VOTE_CONFIG,
  };

  test('name the catalog with the config hash', () => {
    const [template] = loadTemplates('configuratix/scheduler_v1alpha1_template_cascade_lakes_catalog_config.yaml');
    const [catalog] = renderManifests(template.manifests, data);
    expect(load(catalog)).toMatchObject({
      metadata: { name: 'az-vote-line1-config-3170723027559689098' },
      spec: { properties: data.ConfigData },
    });
  });

  test('the "none" namespace template renders a separator and spaces, which is kept', () => {
    const [template] = loadTemplates('configuratix/scheduler_v1alpha1_template_namespace_none.yaml');
    expect(renderManifests(template.manifests, data)).toEqual(['---\n    ']);
  });

  test('read a label with index', () => {
    const [template] = loadTemplates('configuratix/scheduler_v1alpha1_template_arc-flux.yaml');
    const [gitRepository] = renderManifests(template.manifests, data);
    expect(load(gitRepository)).toMatchObject({
      metadata: { name: 'dev.kaizen-app-team.uc1.hello-world-app-functional-test.line1' },
    });
  });
});

describe('the compatibility scenario templates', () => {
  test('05: the cm template writes the testData config', () => {
    const cm = loadTemplates('compat-scenarios/05-scheduler-test-data-extra.yaml').find((t) => t.name === 'cm');
    const config = {
      CLUSTER_NAME: 'Drone',
      DATABASE_URL: 'mysql://restricted-host:3306/mysq123489',
      ENVIRONMENT: 'Dev',
      REGION: 'East US',
    };
    expect(renderManifests(cm?.manifests ?? [], { ...HELLO_WORLD, ConfigData: config })).toEqual([
      'data:\n  CLUSTER_NAME: Drone\n  DATABASE_URL: mysql://restricted-host:3306/mysq123489\n  ENVIRONMENT: Dev\n  REGION: East US\n',
    ]);
  });

  test('06: an empty namespace template renders nothing', () => {
    const ns = loadTemplates('compat-scenarios/06-config-merge-semantics.yaml').find((t) => t.name === 'ns');
    expect(renderManifests(ns?.manifests ?? [], HELLO_WORLD)).toEqual([]);
  });

  test('07: a config value holding a template is rendered in a second pass, and stringify writes arrays as text', () => {
    const templates = loadTemplates('compat-scenarios/07-cross-product-nested-stringify.yaml');
    const data: TemplateData = {
      ...HELLO_WORLD,
      DeploymentTargetName: 'w-t1',
      Namespace: 'dev-a-w-t1',
      ClusterType: 'a',
      ConfigData: {
        K: '{{ .Namespace }}',
        tags: ['Tag1', 'Tag2'],
        ENVIRONMENT: 'Dev',
        SOME_COMMON_ENVIRONMENT_VARIABLE: 'false',
        REGION: 'West US',
      },
    };
    const render = (name: string): string[] =>
      renderManifests(templates.find((t) => t.name === name)?.manifests ?? [], data);
    expect(render('r')).toEqual(['ns: dev-a-w-t1\n']);
    expect(render('c')).toEqual([
      'ENVIRONMENT: Dev\nK: \'dev-a-w-t1\'\nREGION: West US\nSOME_COMMON_ENVIRONMENT_VARIABLE: "false"\ntags: |\n    - Tag1\n    - Tag2',
    ]);
  });
});
