import { ApiObject, ApiObjectProps, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { planControlPlane } from '../../src/core/plan/plan';
import { RenderJobsNow, RenderedAssignment } from '../../src/core/plan/render-job';
import { FolderSource } from '../../src/io/source/folder-source';
import { loadControlPlane } from '../../src/io/source/load';
import { AssignmentContext } from '../../src/render/constructs/assignment-context';
import { AssignmentChartProps } from '../../src/render/constructs/assignment-chart';
import { BUILT_IN_RENDERERS } from '../../src/render/constructs/built-in-renderers';
import { apiObjectJson, isPlainRenderer, tryPlain } from '../../src/render/constructs/plain-manifest';
import { RendererRegistry } from '../../src/render/constructs/renderer-registry';
import { IConfigRenderer, INamespaceRenderer, IReconciler } from '../../src/render/constructs/renderer';
import { renderAssignment, renderAssignmentWithConstructs } from '../../src/render/render-assignment';
import { chartProps } from '../../src/render/render-job';
import { TemplateRenderer } from '../../src/render/constructs/template-renderer';
import { writeBenchControlPlane } from '../bench/generate-control-plane';
import { SCENARIOS, planFixture } from '../support/compat';
import { ROOT } from '../support/cli';
import { cv, f } from '../support/config-values';
import { clusterType, deploymentTarget } from '../support/objects';
import { temporaryFolder } from '../support/temp';

/*
 * The pipeline renders built-in renderers without building their constructs (src/render/constructs/plain-manifest.ts).
 * Both forms must write the same bytes and report the same problems, for any assignment.
 */

type PlainRendererPrototype = { plainManifests(context: AssignmentContext): unknown };

const builtIn = (id: string) => new (BUILT_IN_RENDERERS.find((renderer) => renderer.id === id)!.rendererClass)();
const RECONCILERS = ['flux', 'argocd'];
const CONFIG_RENDERERS = ['configmap', 'envfile'];

function props(context: AssignmentContext, reconciler: string, config: string): AssignmentChartProps {
  return {
    context,
    reconciler: builtIn(reconciler) as IReconciler,
    namespaceRenderer: builtIn('default') as INamespaceRenderer,
    configRenderer: builtIn(config) as IConfigRenderer,
  };
}

const PATH = ['dev', 'drone', 'app-functional-test'];

function bothWays(assignment: AssignmentChartProps): { plain: RenderedAssignment; constructs: RenderedAssignment } {
  return {
    plain: renderAssignment(PATH, assignment),
    constructs: renderAssignmentWithConstructs(PATH, assignment),
  };
}

function context(overrides: Partial<AssignmentContext> = {}, manifests?: Record<string, string>): AssignmentContext {
  return {
    environment: 'dev',
    clusterType: clusterType('drone'),
    deploymentTarget: deploymentTarget(
      'app-functional-test',
      { tier: 'web' },
      'dev',
      manifests ?? { repo: 'https://github.com/org/app-gitops', branch: 'dev', path: './functional-test' },
    ),
    workload: 'app',
    workspace: 'team-a',
    namespace: 'dev-drone-app-functional-test',
    config: {},
    ...overrides,
  };
}

describe('rendering without constructs', () => {
  test('every built-in renderer has the plain form', () => {
    expect(BUILT_IN_RENDERERS.filter((renderer) => !isPlainRenderer(new renderer.rendererClass()))).toEqual([]);
  });

  test.each(RECONCILERS.flatMap((reconciler) => CONFIG_RENDERERS.map((config) => [reconciler, config])))(
    '%s with %s writes the bytes the constructs write, whatever the config',
    (reconciler, config) => {
      // GIVEN config values of every kind: text of any characters, numbers, floats, booleans, lists and maps
      const scalar = fc.oneof(
        fc.string(),
        fc.string({ unit: 'grapheme-composite' }),
        fc.integer(),
        fc.double({ noNaN: true }).map(f),
        fc.boolean(),
        fc.constant(null),
      );
      const value = fc.oneof(
        scalar,
        fc.array(scalar, { maxLength: 3 }).map(cv),
        fc.dictionary(fc.string({ minLength: 1 }), scalar, { maxKeys: 3 }).map(cv),
      );
      const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,12}$/);
      fc.assert(
        fc.property(fc.dictionary(key, value, { maxKeys: 8 }), fc.string(), (config_, label) => {
          // WHEN an assignment with that config (and an odd label value) is rendered both ways
          const assignment = context({ config: config_, workspace: label || 'team-a' });
          const { plain, constructs } = bothWays(props(assignment, reconciler, config));
          // THEN the files, the objects and the failures are the same
          expect(plain).toStrictEqual(constructs);
        }),
        { numRuns: 150 },
      );
    },
  );

  test.each([
    ['a target without manifests.path', context({}, { repo: 'https://github.com/org/app', branch: 'dev' }), 'flux'],
    [
      'a repository Flux does not accept',
      context({}, { repo: 'git@github.com:org/app', branch: 'b', path: '.' }),
      'flux',
    ],
    ['a target without manifests.repo', context({}, { branch: 'dev', path: '.' }), 'argocd'],
    ['an invalid ConfigMap key', context({ config: { 'bad key': 'x' } }), 'flux'],
  ])('%s is reported as the constructs report it', (_, assignment, reconciler) => {
    for (const config of CONFIG_RENDERERS) {
      const { plain, constructs } = bothWays(props(assignment, reconciler, config));
      expect(plain).toStrictEqual(constructs);
    }
    expect(bothWays(props(assignment, reconciler, 'configmap')).plain.files).not.toHaveProperty('reconciler.yaml');
  });

  test('a config whose values are all empty keeps them, as the sample template writes them', () => {
    const { plain, constructs } = bothWays(props(context({ config: { A: '', B: '' } }), 'flux', 'configmap'));
    expect(plain.files['platform-config.yaml']).toContain('data:\n  A: ""\n  B: ""\n');
    expect(constructs).toStrictEqual(plain);
  });

  test('a __proto__ config key is exported by the env file, both ways; the ConfigMap reports it, both ways', () => {
    const assignment = context({ config: JSON.parse('{"__proto__": "x", "A": "y"}') });
    const envFile = bothWays(props(assignment, 'flux', 'envfile'));
    expect(envFile.plain.files['platform-config.sh']).toBe('export A="y"\nexport __proto__="x"\n');
    expect(envFile.constructs).toStrictEqual(envFile.plain);
    const configMap = bothWays(props(assignment, 'flux', 'configmap'));
    expect(configMap.plain.failures).toEqual([
      expect.objectContaining({
        configKey: '__proto__',
        message: expect.stringContaining('config key "__proto__" cannot be a key of the platform ConfigMap'),
      }),
    ]);
    expect(configMap.constructs).toStrictEqual(configMap.plain);
  });

  test('the tutorial and a generated control plane render the same both ways, assignment by assignment', async () => {
    // GIVEN control planes using every built-in renderer
    const generated = temporaryFolder();
    writeBenchControlPlane(generated, { clusterTypes: 20, targets: 12 });
    let compared = 0;
    for (const folder of [generated, path.join(ROOT, 'examples/tutorial')]) {
      const { model, problems } = await loadControlPlane(new FolderSource(folder));
      expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
      const registry = RendererRegistry.withBuiltIns();
      // WHEN each planned job is rendered both ways
      const render: RenderJobsNow = (jobs) =>
        Array.from({ length: jobs.length }, (_, index) => {
          const job = jobs.job(index);
          const { plain, constructs } = bothWays(chartProps(job, jobs.templates, registry));
          // THEN they agree
          expect(plain).toStrictEqual(constructs);
          compared++;
          return plain;
        });
      planControlPlane(model, render, { renderers: registry });
    }
    expect(compared).toBeGreaterThan(240);
  });

  test('an object a Template renders serializes as a cdk8s ApiObject serializes it, whatever its fields', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    const stringMap = fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.constant(null)), { maxKeys: 4 });
    const metadata = fc.record(
      {
        name: fc.string({ minLength: 1 }),
        namespace: fc.oneof(fc.string(), fc.constant(null)),
        labels: fc.oneof(stringMap, fc.constant(null), fc.constant({})),
        annotations: fc.oneof(stringMap, fc.constant(null)),
        finalizers: fc.array(fc.string(), { maxLength: 2 }),
        extra: json,
      },
      { requiredKeys: ['name'] },
    );
    fc.assert(
      fc.property(
        fc.record({ apiVersion: fc.string(), kind: fc.string(), metadata }),
        fc.dictionary(fc.string({ minLength: 1 }), json, { maxKeys: 4 }),
        (head, fields) => {
          const object = { ...fields, ...head } as unknown as ApiObjectProps & Parameters<typeof apiObjectJson>[0];
          // Declining (a `__proto__` key, say) is always right: the pipeline then builds the ApiObject itself.
          const plain = tryPlain(() => [{ object: apiObjectJson(object) }]);
          let expected: unknown;
          try {
            expected = new ApiObject(Testing.chart(), 'Object', object).toJson();
          } catch {
            // cdk8s refuses some objects (an apiVersion with two slashes, a field named "constructor"), which the
            // plain form writes as the Template rendered them, as upstream does.
            return;
          }
          if (plain) expect(plain[0]).toStrictEqual({ object: expected });
        },
      ),
      { numRuns: 300 },
    );
  });

  test('Templates render the same both ways: the compatibility scenarios and a generated control plane', async () => {
    // GIVEN control planes whose cluster types name Templates (upstream's samples, and generated ones using the
    // bootstrap's arc-flux and configmap Templates beside built-ins)
    const generated = temporaryFolder();
    writeBenchControlPlane(generated, { clusterTypes: 12, targets: 25 });
    for (const name of ['arc-flux.yaml', 'configmap.yaml'])
      fs.copyFileSync(
        path.join(ROOT, 'test/fixtures/templates/kalypso-bootstrap', name),
        path.join(generated, 'main', name),
      );
    const scenario = (name: string) => path.join(SCENARIOS, name, 'control-plane');
    const appSource = {
      'https://github.com/microsoft/kalypso-app-src': path.join(
        SCENARIOS,
        '03-bootstrap-templates-complex-config',
        'kalypso-app-src',
      ),
    };
    const runs: [string, Parameters<typeof planFixture>[1]][] = [
      [generated, {}],
      [scenario('03-bootstrap-templates-complex-config'), { sources: appSource }],
      [scenario('05-scheduler-testData'), {}],
      [scenario('06-config-merge-semantics'), {}],
      [scenario('07-cross-product-nested-stringify'), {}],
    ];
    for (const [controlPlane, options] of runs) {
      // WHEN each is planned as synth plans it, and again with every renderer building its constructs
      const plain = await planFixture(controlPlane, options);
      const spies = [TemplateRenderer, ...BUILT_IN_RENDERERS.map((renderer) => renderer.rendererClass)].map((type) =>
        jest.spyOn(type.prototype as PlainRendererPrototype, 'plainManifests').mockReturnValue(undefined),
      );
      let constructs: Awaited<ReturnType<typeof planFixture>>;
      try {
        constructs = await planFixture(controlPlane, options);
      } finally {
        spies.forEach((spy) => spy.mockRestore());
      }
      // THEN the trees and the problems are the same, and Templates were rendered
      expect(Object.keys(plain.tree).length).toBeGreaterThan(3);
      expect(plain.tree).toStrictEqual(constructs.tree);
      expect(plain.problems).toStrictEqual(constructs.problems);
    }
  });
});
