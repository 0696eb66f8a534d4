import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import {
  BaseRepo,
  ClusterType,
  ConfigSchema,
  ControlPlane,
  DeploymentTarget,
  Environment,
  GitOpsRepo,
  KalypsoObject,
  PlatformConfig,
  SchedulingPolicy,
  Template,
  Workload,
  WorkloadRegistration,
} from '../../src/api';
import { SourcedDocument } from '../../src/core/model/documents';
import { SelectorOperator, TemplateType } from '../../src/core/model/types';
import { validateDocuments } from '../../src/core/model/validate';

function controlPlane(): ControlPlane {
  return new ControlPlane(Testing.app(), 'Platform');
}

/** What the YAML loader builds from the construct's manifest. */
function readBack(object: KalypsoObject): unknown {
  const document: SourcedDocument = {
    file: 'x.yaml',
    branch: 'main',
    index: 0,
    value: object.toManifest(),
    location: { file: 'x.yaml' },
    fieldLocations: new Map(),
  };
  const { objects, problems } = validateDocuments([document]);
  expect(problems).toEqual([]);
  const { source: _source, ...rest } = objects[0];
  return rest;
}

describe('control-plane constructs', () => {
  test('a ClusterType is named after its id and renders with flux, default and configmap unless told otherwise', () => {
    // GIVEN
    const dev = new Environment(controlPlane(), 'dev');
    // WHEN
    const clusterType = new ClusterType(dev, 'large', { labels: { size: 'large' } });
    // THEN
    expect(clusterType.toModel()).toStrictEqual({
      kind: 'ClusterType',
      name: 'large',
      labels: { size: 'large' },
      reconciler: 'flux',
      namespaceService: 'default',
      configType: 'configmap',
    });
  });

  test.each<[string, (scope: Construct) => KalypsoObject]>([
    [
      'ClusterType',
      (scope) =>
        new ClusterType(scope, 'Drone', {
          name: 'drone',
          labels: { edge: 'true' },
          reconciler: 'argocd',
          configType: 'envfile',
        }),
    ],
    [
      'SchedulingPolicy',
      (scope) =>
        new SchedulingPolicy(scope, 'edge', {
          workspace: 'team',
          deploymentTargetSelector: {
            matchExpressions: [{ key: 'purpose', operator: SelectorOperator.IN, values: ['test'] }],
          },
          clusterTypeSelector: {
            matchLabels: { edge: 'true' },
            matchExpressions: [{ key: 'gpu', operator: SelectorOperator.DOES_NOT_EXIST }],
          },
        }),
    ],
    ['SchedulingPolicy without selectors', (scope) => new SchedulingPolicy(scope, 'everything')],
    [
      'DeploymentTarget',
      (scope) =>
        new DeploymentTarget(scope, 'app-test', {
          labels: { workload: 'app' },
          environment: 'dev',
          manifests: { repo: 'https://example.com/app', branch: 'dev', path: './test', type: 'kustomize' },
          configSchemas: [{ type: 'object', required: ['REGION'] }],
        }),
    ],
    [
      'Workload (its workspace comes from its WorkloadRegistration, not its manifest)',
      (scope) =>
        new Workload(scope, 'app', {
          labels: { family: 'force' },
          configSchemas: ['{"type": "object"}'],
          deploymentTargets: [
            {
              name: 'test',
              environment: 'dev',
              labels: { purpose: 'test' },
              manifests: { repo: 'https://example.com/app', branch: 'dev', path: '.' },
            },
          ],
        }),
    ],
    [
      'WorkloadRegistration',
      (scope) =>
        new WorkloadRegistration(scope, 'app', {
          workload: { repo: 'https://example.com/app-src', path: './workload' },
          workspace: 'team',
        }),
    ],
    [
      'Template',
      (scope) =>
        new Template(scope, 'reconciler', { type: TemplateType.RECONCILER, manifests: ['kind: {{ .Namespace }}'] }),
    ],
    [
      'ConfigSchema',
      (scope) => new ConfigSchema(scope, 'schema', { labels: { 'cluster-type': 'drone' }, schema: { type: 'object' } }),
    ],
    [
      'BaseRepo',
      (scope) => new BaseRepo(scope, 'main', { repo: 'https://example.com/control-plane', commit: 'abc123' }),
    ],
    ['GitOpsRepo', (scope) => new GitOpsRepo(scope, 'dev', { repo: 'https://example.com/gitops', branch: 'dev' })],
    [
      'PlatformConfig',
      (scope) =>
        new PlatformConfig(scope, 'dev-config', {
          labels: { region: 'west' },
          data: { REGION: 'West', LIST: '[a, b]' },
        }),
    ],
  ])('%s: its manifest, read by the YAML loader, is the object toModel() gives', (_kind, create) => {
    const object = create(new Environment(controlPlane(), 'dev'));
    expect(readBack(object)).toEqual(object.toModel());
  });

  test('props are copied: changing them later changes nothing, and getters hand out copies', () => {
    // GIVEN
    const labels: Record<string, string> = { size: 'large' };
    const data: Record<string, string> = { A: '1' };
    const matchLabels: Record<string, string> = { size: 'large' };
    const dev = new Environment(controlPlane(), 'dev');
    const clusterType = new ClusterType(dev, 'large', { labels });
    const config = new PlatformConfig(dev, 'config', { data });
    const policy = new SchedulingPolicy(dev, 'policy', { clusterTypeSelector: { matchLabels } });
    // WHEN
    labels.size = 'small';
    data.A = '2';
    matchLabels.size = 'small';
    clusterType.labels.size = 'tiny';
    config.data.A = '3';
    (policy.clusterTypeSelector.matchLabels as Record<string, string>).size = 'tiny';
    // THEN
    expect(clusterType.labels).toEqual({ size: 'large' });
    expect(config.data).toEqual({ A: '1' });
    expect(policy.clusterTypeSelector).toEqual({ matchLabels: { size: 'large' } });
  });

  test('a PlatformConfig is labelled platform-config: "true" unless told not to', () => {
    const dev = new Environment(controlPlane(), 'dev');
    expect(new PlatformConfig(dev, 'a', { labels: { region: 'west' } }).labels).toEqual({
      region: 'west',
      'platform-config': 'true',
    });
    expect(new PlatformConfig(dev, 'azure-app-config', { platformConfigLabel: false }).labels).toEqual({});
  });

  test('PlatformConfig.addEntry adds a key once, and fails on a second value for it, naming the key', () => {
    const config = new PlatformConfig(new Environment(controlPlane(), 'dev'), 'dev-config', {
      data: { ENVIRONMENT: 'Dev' },
    });
    config.addEntry('REGION', 'West');
    expect(config.data).toEqual({ ENVIRONMENT: 'Dev', REGION: 'West' });
    expect(() => config.addEntry('ENVIRONMENT', 'Stage')).toThrow(
      'PlatformConfig "Platform/dev/dev-config" already has the key "ENVIRONMENT" (value "Dev")',
    );
  });

  test('Workload.addDeploymentTarget adds a target once, and fails on a second target of that name', () => {
    const platform = controlPlane();
    const dev = new Environment(platform, 'dev');
    const workload = new Workload(platform, 'app');
    const target = {
      name: 'test',
      environment: dev,
      manifests: { repo: 'https://example.com/app', branch: 'dev', path: '.' },
    };
    workload.addDeploymentTarget(target);
    expect(workload.deploymentTargets).toEqual([{ ...target, environment: 'dev', labels: {}, configSchemas: [] }]);
    expect(() => workload.addDeploymentTarget(target)).toThrow(
      'Workload "Platform/app" already has a deployment target "test"',
    );
  });

  test('a Workload defined in a WorkloadRegistration takes its workspace', () => {
    const platform = controlPlane();
    const registration = new WorkloadRegistration(platform, 'app', {
      workload: { repo: 'https://example.com/app' },
      workspace: 'team',
    });
    expect(new Workload(registration, 'app').workspace).toBe('team');
    expect(new Workload(registration, 'other', { workspace: 'mine' }).workspace).toBe('mine');
    expect(new Workload(platform, 'alone').workspace).toBeUndefined();
  });

  test('an Environment adds its GitOpsRepo and the BaseRepo "main" of its promoted commit', () => {
    const dev = new Environment(controlPlane(), 'dev', {
      controlPlane: { repo: 'https://example.com/control-plane' },
      gitOpsRepo: { repo: 'https://example.com/gitops' },
      promotedCommit: 'abc123',
    });
    expect(dev.branch).toBe('dev');
    expect(dev.toModel()).toEqual({
      kind: 'Environment',
      name: 'dev',
      labels: {},
      controlPlane: { repo: 'https://example.com/control-plane', branch: 'dev', path: '.' },
    });
    expect(dev.gitOpsRepo!.toModel()).toEqual({
      kind: 'GitOpsRepo',
      name: 'dev',
      labels: {},
      repo: 'https://example.com/gitops',
      branch: 'dev',
      path: '.',
    });
    expect(dev.baseRepo!.toModel()).toEqual({
      kind: 'BaseRepo',
      name: 'main',
      labels: {},
      repo: 'https://example.com/control-plane',
      branch: 'main',
      path: '.',
      commit: 'abc123',
    });
  });

  test('an Environment without controlPlane has no Environment object and is its own branch', () => {
    const stage = new Environment(controlPlane(), 'Stage', { name: 'stage' });
    expect([stage.name, stage.branch, stage.toModel()]).toEqual(['stage', 'stage', undefined]);
  });

  test('ControlPlane.environment finds an environment by name, and fails naming the ones there are', () => {
    const platform = controlPlane();
    const dev = new Environment(platform, 'dev');
    new Environment(platform, 'Stage', { name: 'stage' });
    expect(platform.environment('dev')).toBe(dev);
    expect(platform.environments.map((environment) => environment.name)).toEqual(['dev', 'stage']);
    expect(() => platform.environment('prod')).toThrow(
      'ControlPlane "Platform" has no environment "prod"; it has "dev", "stage"',
    );
  });

  test.each<[string, () => void, string]>([
    [
      'fails when an object is defined outside a ControlPlane',
      () => new ClusterType(Testing.chart(), 'drone'),
      'ClusterType "test/drone" must be defined inside a ControlPlane',
    ],
    [
      'fails when an Environment is defined outside a ControlPlane',
      () => new Environment(Testing.app(), 'dev'),
      'Environment "dev" must be defined inside a ControlPlane',
    ],
    [
      'fails when an Environment is defined inside another',
      () => new Environment(new Environment(controlPlane(), 'dev'), 'stage'),
      'Environment "Platform/dev/stage" is inside another Environment; define environments in the ControlPlane',
    ],
    [
      'fails when a ControlPlane is defined inside another',
      () => new ControlPlane(controlPlane(), 'Inner'),
      'ControlPlane "Platform/Inner" is inside another ControlPlane (Platform)',
    ],
  ])('%s', (_name, create, message) => {
    expect(create).toThrow(message);
  });
});
