import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { AssignmentContext } from '../../../src/render/constructs/assignment-context';
import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import {
  ConfigMapRenderer,
  PlatformConfigMap,
  configMapJson,
} from '../../../src/render/constructs/platform-config-map';
import { EnvFileRenderer, PlatformConfigEnvFile } from '../../../src/render/constructs/platform-config-env-file';
import { ConfigKeyError } from '../../../src/render/constructs/render-error';
import { ArgoCdReconcilerRenderer, FluxReconcilerRenderer } from '../../../src/render/constructs/reconcilers';
import { RendererRegistry } from '../../../src/render/constructs/renderer-registry';
import { DefaultNamespaceRenderer } from '../../../src/render/constructs/target-namespace';
import { RawManifest } from '../../../src/render/constructs/raw-manifest';
import { parseConfigValue } from '../../../src/core/config/parse-config-value';
import { crdSchemaErrors } from '../../support/crd-schemas';
import { clusterType, deploymentTarget } from '../../support/objects';

const context: AssignmentContext = {
  environment: 'dev',
  clusterType: clusterType('drone'),
  deploymentTarget: deploymentTarget('hello-world-app-functional-test', {}, 'dev', {
    repo: 'https://github.com/microsoft/kalypso-app-gitops',
    branch: 'dev',
    path: './functional-test',
  }),
  workload: 'hello-world-app',
  workspace: 'kaizen-app-team',
  namespace: 'dev-drone-hello-world-app-functional-test',
  config: { CLUSTER_NAME: 'Drone', TAGS: ['a', 'b'], NESTED: parseConfigValue('k: v\ny: 2\n1e6: [1.0, 0.5]\n') },
};

function validationErrors(scope: Construct): string[] {
  return scope.node.findAll().flatMap((c) => c.node.validate());
}

describe('built-in renderers', () => {
  test('flux renders the GitRepository and Kustomization of the sample template, at API v1', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    new FluxReconcilerRenderer().render(chart, context);
    // THEN
    const objects = Testing.synth(chart);
    expect(objects).toStrictEqual([
      {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'GitRepository',
        metadata: { name: 'hello-world-app-functional-test', namespace: 'flux-system' },
        spec: {
          interval: '30s',
          ref: { branch: 'dev' },
          secretRef: { name: 'repo-secret' },
          url: 'https://github.com/microsoft/kalypso-app-gitops',
        },
      },
      {
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: { name: 'hello-world-app-functional-test', namespace: 'flux-system' },
        spec: {
          interval: '30s',
          path: './functional-test',
          prune: true,
          sourceRef: { kind: 'GitRepository', name: 'hello-world-app-functional-test' },
          targetNamespace: 'dev-drone-hello-world-app-functional-test',
        },
      },
    ]);
    expect(objects.flatMap(crdSchemaErrors)).toEqual([]);
  });

  test('argocd renders the Application of the sample template', () => {
    const chart = Testing.chart();
    new ArgoCdReconcilerRenderer().render(chart, context);
    const [application] = Testing.synth(chart);
    expect(application).toStrictEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'hello-world-app-functional-test', namespace: 'argocd' },
      spec: {
        destination: {
          namespace: 'dev-drone-hello-world-app-functional-test',
          server: 'https://kubernetes.default.svc',
        },
        project: 'default',
        source: {
          directory: { exclude: 'kustomization.yaml', include: '*.yaml', recurse: true },
          path: './functional-test',
          repoURL: 'https://github.com/microsoft/kalypso-app-gitops',
          targetRevision: 'dev',
        },
        syncPolicy: {
          automated: { allowEmpty: false, prune: true, selfHeal: true },
          syncOptions: ['CreateNamespace=true'],
        },
      },
    });
    expect(crdSchemaErrors(application)).toEqual([]);
  });

  test('default renders a labelled Namespace without an empty spec', () => {
    const chart = Testing.chart();
    new DefaultNamespaceRenderer().render(chart, context);
    expect(Testing.synth(chart)).toStrictEqual([
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: 'dev-drone-hello-world-app-functional-test',
          labels: {
            deploymentTarget: 'hello-world-app-functional-test',
            environment: 'dev',
            workload: 'hello-world-app',
            workspace: 'kaizen-app-team',
          },
        },
      },
    ]);
  });

  test('configmap renders every value as a string, lists and maps as YAML text (yaml.v3: typed keys first, Go floats)', () => {
    const chart = Testing.chart();
    new ConfigMapRenderer().render(chart, context);
    const [configMap] = Testing.synth(chart);
    expect(configMap.metadata).toEqual({
      name: 'platform-config',
      namespace: 'dev-drone-hello-world-app-functional-test',
    });
    expect(configMap.immutable).toBeUndefined();
    expect(Object.values(configMap.data).every((value) => typeof value === 'string')).toBe(true);
    expect(configMap.data.CLUSTER_NAME).toBe('Drone');
    expect(configMap.data.TAGS).toBe('- a\n- b\n');
    expect(configMap.data.NESTED).toBe('true: 2\n1e+06:\n    - 1\n    - 0.5\nk: v\n');
  });

  test('configmap renders nothing for an empty config', () => {
    const chart = Testing.chart();
    new ConfigMapRenderer().render(chart, { ...context, config: {} });
    expect(Testing.synth(chart)).toEqual([]);
  });

  test('envfile renders export lines, sorted and shell-quoted', () => {
    const chart = Testing.chart();
    new EnvFileRenderer().render(chart, { ...context, config: { B: 'say "hi" $HOME `x` \\', A: 'plain' } });
    const texts = chart.node
      .findAll()
      .filter(RawManifest.isRawManifest)
      .map((raw) => raw.text);
    expect(texts).toEqual(['export A="plain"\nexport B="say \\"hi\\" \\$HOME \\`x\\` \\\\"\n']);
  });

  test('fails on a config key that is not a shell name, naming the key (the plan reports it where it was set)', () => {
    const render = () =>
      new EnvFileRenderer().render(Testing.chart(), { ...context, config: { 'bad-key': 'x', GOOD: 'y' } });
    expect(render).toThrow(ConfigKeyError);
    expect(render).toThrow(
      expect.objectContaining({
        keys: [
          { key: 'bad-key', problem: 'config key "bad-key" is not a shell variable name, so it cannot be exported' },
        ],
      }),
    );
  });

  test('fails on a config key a ConfigMap cannot hold, naming the key', () => {
    const render = () => new ConfigMapRenderer().render(Testing.chart(), { ...context, config: { 'bad key': 'x' } });
    expect(render).toThrow(
      expect.objectContaining({
        keys: [
          {
            key: 'bad key',
            problem:
              'config key "bad key" is not a valid ConfigMap key (letters, digits, "-", "_" and ".", at most 253)',
          },
        ],
      }),
    );
  });

  test('fails validation when code gives the constructs such keys directly', () => {
    const chart = Testing.chart();
    new PlatformConfigEnvFile(chart, 'EnvFile', { 'bad-key': 'x' });
    const configMap = new PlatformConfigMap(chart, 'ConfigMap', { namespace: 'ns' });
    configMap.addEntry('bad key', 'x');
    expect(validationErrors(chart)).toEqual([
      'config key "bad-key" is not a shell variable name, so it cannot be exported',
      'config key "bad key" is not a valid ConfigMap key (letters, digits, "-", "_" and ".", at most 253)',
    ]);
  });

  test('fails on a second value for a platform config key', () => {
    const chart = Testing.chart();
    const configMap = new PlatformConfigMap(chart, 'ConfigMap', { namespace: 'ns' });
    configMap.addEntry('A', '1');
    expect(() => configMap.addEntry('A', '2')).toThrow(/"A"/);
    expect(configMap.data).toEqual({ A: '1' });
  });

  test.each([
    ['flux', new FluxReconcilerRenderer()],
    ['argocd', new ArgoCdReconcilerRenderer()],
  ])('%s fails validation when the target has no manifests repo', (_name, renderer) => {
    const chart = Testing.chart();
    renderer.render(chart, { ...context, deploymentTarget: deploymentTarget('x', {}, 'dev', { branch: 'dev' }) });
    expect(validationErrors(chart)).toEqual([
      'deployment target "x" has no manifests.repo, manifests.path in spec.manifests',
    ]);
  });

  test('flux fails validation on a repository address Flux refuses', () => {
    const chart = Testing.chart();
    new FluxReconcilerRenderer().render(chart, {
      ...context,
      deploymentTarget: deploymentTarget('x', {}, 'dev', { repo: 'git@github.com:org/app', branch: 'dev', path: '.' }),
    });
    expect(validationErrors(chart)).toEqual([
      'manifests.repo "git@github.com:org/app" is not a URL Flux accepts (http://, https:// or ssh://)',
    ]);
  });

  test('the registry knows the built-ins by role, arc-flux included', () => {
    expect(RendererRegistry.withBuiltIns().catalog()).toEqual({
      reconciler: ['arc-flux', 'argocd', 'flux'],
      namespace: ['default'],
      config: ['configmap', 'envfile'],
    });
    const registry = RendererRegistry.withBuiltIns();
    expect(registry.reconciler('arc-flux')).toBe(registry.reconciler('flux'));
  });
});

describe('configMapJson', () => {
  test('gives what cdk8s-plus KubeConfigMap.toJson gives, for generated names, labels, data and patches', () => {
    const key = fc.oneof(
      fc.constantFrom('a', 'B', 'a.b', 'a-b', '_x', '0', '10', '__proto__', 'constructor', 'toString'),
      fc.string({ minLength: 1, maxLength: 8 }),
    );
    // cdk8s-plus refuses data keys an empty object already has (`key in {}`), such as "constructor".
    const dataKey = key.filter((k) => !(k in {}));
    fc.assert(
      fc.property(
        fc.dictionary(dataKey, fc.string(), { maxKeys: 30 }),
        fc.dictionary(key, fc.string(), { maxKeys: 3 }),
        fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: undefined }),
        fc.boolean(),
        (data, labels, namespace, removeImmutable) => {
          // GIVEN a cdk8s-plus ConfigMap as PlatformConfigMap builds it
          const configMap = new kplus.ConfigMap(Testing.chart(), 'ConfigMap', {
            metadata: { name: 'platform-config', namespace, labels },
          });
          for (const [k, v] of Object.entries(data)) configMap.addData(k, v);
          const resource = ApiObject.of(configMap);
          if (removeImmutable) resource.addJsonPatch(JsonPatch.remove('/immutable'));
          // THEN the linear conversion equals the generated one, key order included (or fails as it does)
          const outcome = (toJson: () => unknown) => {
            try {
              const json = toJson();
              return { json, text: JSON.stringify(json) };
            } catch (e) {
              return { error: (e as Error).message };
            }
          };
          expect(outcome(() => configMapJson(resource))).toStrictEqual(
            outcome(() => kplus.k8s.KubeConfigMap.prototype.toJson.call(resource)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  test('is what PlatformConfigMap synthesizes', () => {
    const chart = Testing.chart();
    const configMap = new PlatformConfigMap(chart, 'ConfigMap', { namespace: 'ns' });
    for (let i = 0; i < 500; i++) configMap.addEntry(`KEY_${i}`, `value ${i}`);
    const [object] = Testing.synth(chart);
    expect(Object.keys(object)).toEqual(['apiVersion', 'kind', 'metadata', 'data']);
    expect(Object.keys(object.data)).toHaveLength(500);
  });
});
