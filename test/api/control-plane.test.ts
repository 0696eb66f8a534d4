import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { ConfigMap } from 'cdk8s-plus-28';
import { AssignmentContext } from '../../src/render/constructs/assignment-context';
import { RawManifest } from '../../src/render/constructs/raw-manifest';
import { ConfigFileType, IConfigRenderer, INamespaceRenderer, IReconciler } from '../../src/render/constructs/renderer';
import { RendererRegistry } from '../../src/render/constructs/renderer-registry';
import {
  ClusterType,
  ControlPlane,
  ControlPlaneProps,
  Environment,
  GitOpsRepo,
  PlatformConfig,
  SchedulingPolicy,
  Template,
  ValidationError,
  Workload,
  WorkloadRegistration,
} from '../../src/api';
import { KalypsoApp } from '../../src/api/kalypso-app';
import { SelectorOperator, TemplateType } from '../../src/core/model/types';
import { planTree } from '../support/plans';
import { temporaryFolder } from '../support/temp';

const MANIFESTS = { repo: 'https://github.com/org/app-gitops', branch: 'main', path: './app' };

/** One environment, one policy that schedules every target everywhere, one workload with one target. */
function smallControlPlane(props: ControlPlaneProps = {}): {
  controlPlane: ControlPlane;
  dev: Environment;
  workload: Workload;
} {
  return fillSmall(new ControlPlane(Testing.app(), 'Platform', props));
}

function fillSmall(controlPlane: ControlPlane): { controlPlane: ControlPlane; dev: Environment; workload: Workload } {
  const dev = new Environment(controlPlane, 'dev');
  new SchedulingPolicy(dev, 'everything');
  const workload = new Workload(controlPlane, 'app', {
    deploymentTargets: [{ name: 'test', environment: dev, manifests: MANIFESTS }],
  });
  return { controlPlane, dev, workload };
}

/** A reconciler that writes one ConfigMap naming the target, to see which renderer ran. */
class MarkerReconciler implements IReconciler {
  public constructor(private readonly marker: string) {}

  public render(scope: Construct, context: AssignmentContext): void {
    new ConfigMap(scope, 'Marker', {
      metadata: { name: `${this.marker}-${context.deploymentTarget.name}`, namespace: context.namespace },
    });
  }
}

describe('ControlPlane', () => {
  test('objects defined in the ControlPlane apply to every environment, objects of an Environment to it alone', () => {
    // GIVEN
    const { controlPlane } = smallControlPlane();
    const stage = new Environment(controlPlane, 'stage');
    new SchedulingPolicy(stage, 'everything');
    new Workload(controlPlane, 'other', {
      deploymentTargets: [{ name: 'uat', environment: stage, manifests: MANIFESTS }],
    });
    // WHEN
    new ClusterType(controlPlane, 'shared');
    new ClusterType(stage, 'stage-only');
    // THEN
    expect(Object.keys(planTree(controlPlane.plan())).filter((file) => file.endsWith('reconciler.yaml'))).toEqual([
      'dev/shared/app-test/reconciler.yaml',
      'stage/shared/other-uat/reconciler.yaml',
      'stage/stage-only/other-uat/reconciler.yaml',
    ]);
  });

  test("synth writes each environment's tree to <outdir>/<environment>/ and reports what it wrote", async () => {
    const { controlPlane, dev } = smallControlPlane();
    new ClusterType(dev, 'large');
    const outdir = temporaryFolder();
    const result = await controlPlane.synth({ outdir });
    expect(result.written).toEqual([
      {
        environment: 'dev',
        changes: {
          added: ['large/README.md', 'large/app-test/namespace.yaml', 'large/app-test/reconciler.yaml'],
          changed: [],
          deleted: [],
          unchanged: [],
        },
      },
    ]);
    expect(fs.readFileSync(path.join(outdir, 'dev/large/app-test/namespace.yaml'), 'utf8')).toContain(
      'name: dev-large-app-test',
    );
  });

  test('uses a registered reconciler for the cluster types that name it, and the built-ins for the others', () => {
    // GIVEN
    const { controlPlane, dev } = smallControlPlane();
    new ClusterType(dev, 'custom', { reconciler: 'marker' });
    new ClusterType(dev, 'plain');
    // WHEN
    controlPlane.addReconciler('marker', new MarkerReconciler('marked'));
    // THEN
    const tree = planTree(controlPlane.plan());
    expect(tree['dev/custom/app-test/reconciler.yaml']).toContain('name: marked-app-test');
    expect(tree['dev/plain/app-test/reconciler.yaml']).toContain('kind: GitRepository');
  });

  test('uses registered namespace and config renderers, with the config file type they declare', () => {
    class BareNamespace implements INamespaceRenderer {
      public render(scope: Construct, context: AssignmentContext): void {
        new RawManifest(scope, 'Namespace', { text: `# namespace ${context.namespace}\n` });
      }
    }
    class ConfigProperties implements IConfigRenderer {
      public readonly fileType = ConfigFileType.SH;
      public render(scope: Construct, context: AssignmentContext): void {
        new RawManifest(scope, 'Properties', {
          text: Object.entries(context.config)
            .map(([key, value]) => `${key}=${value}\n`)
            .join(''),
        });
      }
    }
    const { controlPlane, dev } = smallControlPlane();
    controlPlane.addNamespaceRenderer('bare', new BareNamespace());
    controlPlane.addConfigRenderer('properties', new ConfigProperties());
    new ClusterType(dev, 'large', { namespaceService: 'bare', configType: 'properties' });
    new PlatformConfig(dev, 'config', { data: { REGION: 'west' } });
    const tree = planTree(controlPlane.plan());
    expect(tree['dev/large/app-test/namespace.yaml']).toBe('# namespace dev-large-app-test\n');
    expect(tree['dev/large/app-test/platform-config.sh']).toBe('REGION=west\n');
  });

  test('a Template wins over a registered renderer of the same name', () => {
    // GIVEN a reconciler and a Template both called "marker"
    const { controlPlane, dev } = smallControlPlane();
    controlPlane.addReconciler('marker', new MarkerReconciler('from-registry'));
    new Template(controlPlane, 'marker', {
      type: TemplateType.RECONCILER,
      manifests: [
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-template-{{ .DeploymentTargetName }}\n  namespace: {{ .Namespace }}\n',
      ],
    });
    new ClusterType(dev, 'large', { reconciler: 'marker' });
    // THEN the Template renders
    expect(planTree(controlPlane.plan())['dev/large/app-test/reconciler.yaml']).toBe(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-template-app-test\n  namespace: dev-large-app-test\n',
    );
  });

  test('copies the registry it is given: later changes to that registry are not seen', () => {
    const registry = RendererRegistry.withBuiltIns();
    const { controlPlane, dev } = smallControlPlane({ registry });
    registry.addReconciler('late', new MarkerReconciler('late'));
    new ClusterType(dev, 'large', { reconciler: 'late' });
    expect(() => controlPlane.plan()).toThrow(
      /\[Platform\/dev\/large\] spec.reconciler {2}names no Template and no built-in reconciler renderer \(arc-flux, argocd, flux\) \(got "late"\)/,
    );
  });

  test('sees what is added after a failed validation: registering the missing reconciler fixes it', () => {
    const { controlPlane, dev } = smallControlPlane();
    new ClusterType(dev, 'large', { reconciler: 'marker' });
    expect(() => controlPlane.plan()).toThrow(ValidationError);
    controlPlane.addReconciler('marker', new MarkerReconciler('marked'));
    expect(planTree(controlPlane.plan())['dev/large/app-test/reconciler.yaml']).toContain('name: marked-app-test');
  });

  test('returns warnings from synth instead of failing', async () => {
    const { controlPlane, dev } = smallControlPlane();
    new ClusterType(dev, 'large');
    new GitOpsRepo(dev, 'one', { repo: 'https://example.com/gitops', branch: 'dev' });
    new GitOpsRepo(dev, 'two', { repo: 'https://example.com/other', branch: 'dev' });
    const result = await controlPlane.synth({ outdir: temporaryFolder() });
    expect(result.warnings.map((warning) => [warning.object, warning.message])).toEqual([
      ['GitOpsRepo/two', 'environment "dev" has 2 GitOpsRepos; each receives the whole environment'],
    ]);
    expect(result.plans[0].gitOpsRepo).toEqual({ repo: 'https://example.com/gitops', branch: 'dev' });
  });
});

describe('ControlPlane validation', () => {
  /** Four mistakes in four constructs. */
  function brokenControlPlane() {
    return fillBroken(new ControlPlane(Testing.app(), 'Platform'));
  }

  function fillBroken(controlPlane: ControlPlane) {
    const { dev, workload } = fillSmall(controlPlane);
    new ClusterType(dev, 'Drone');
    new ClusterType(dev, 'large', { reconciler: 'flux2' });
    new ClusterType(dev, 'small');
    new SchedulingPolicy(dev, 'policy', {
      clusterTypeSelector: { matchExpressions: [{ key: 'size', operator: SelectorOperator.IN }] },
    });
    workload.addDeploymentTarget({
      name: 'broken',
      environment: dev,
      manifests: { ...MANIFESTS, repo: 'git@github.com:org/app' },
    });
    return controlPlane;
  }

  const ERRORS = [
    '[Platform/dev/Drone] metadata.name  name must consist of lower case letters, digits, "-" and ".", and start and end with a letter or digit (got "Drone")',
    '[Platform/dev/large] spec.reconciler  names no Template and no built-in reconciler renderer (arc-flux, argocd, flux) (got "flux2")  did you mean "flux"?',
    '[Platform/dev/policy] spec.clusterTypeSelector.labelSelector.matchExpressions[0].values  must be a non-empty list for operator In',
    '[Platform/app] DeploymentTarget/app-broken  [dev/small/app-broken/Reconciler/Flux] manifests.repo "git@github.com:org/app" is not a URL Flux accepts (http://, https:// or ssh://)',
  ];

  test('fails at synth with every error at once, each with the path of its construct, and writes nothing', async () => {
    const outdir = path.join(temporaryFolder(), 'out');
    const synth = brokenControlPlane().synth({ outdir });
    await expect(synth).rejects.toThrow(`Validation failed with the following errors:\n  ${ERRORS.join('\n  ')}`);
    await expect(synth).rejects.toMatchObject({ errors: ERRORS });
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test('reports the same errors through cdk8s App.synth(), after saying that a plain App writes nothing of it', () => {
    const controlPlane = brokenControlPlane();
    expect(() => (controlPlane.node.root as ReturnType<typeof Testing.app>).synth()).toThrow(
      `Validation failed with the following errors:\n  [Platform] cdk8s' App.synth() writes charts only, so it would write nothing of this ControlPlane: create the app with new KalypsoApp() (its synth() writes the platform GitOps tree), and test with KalypsoTesting.synth(controlPlane)\n  ${ERRORS.join('\n  ')}`,
    );
  });

  test('reports the same errors, and only those, through KalypsoApp.synth()', async () => {
    const app = new KalypsoApp({ outdir: path.join(temporaryFolder(), 'out') });
    const controlPlane = new ControlPlane(app, 'Platform');
    fillBroken(controlPlane);
    await expect(app.synth()).rejects.toThrow(`Validation failed with the following errors:\n  ${ERRORS.join('\n  ')}`);
    expect(fs.existsSync(app.outdir)).toBe(false);
  });

  test.each<[string, (controlPlane: ControlPlane, dev: Environment) => void, string]>([
    [
      'fails on two objects of one kind with one name in an environment',
      (controlPlane, dev) => {
        new ClusterType(controlPlane, 'large');
        new ClusterType(dev, 'Large', { name: 'large' });
      },
      '[Platform/dev/Large] ClusterType/large is defined twice in environment "dev": also at code',
    ],
    [
      'fails on two environments with one name',
      (controlPlane) => {
        new Environment(controlPlane, 'Dev', { name: 'dev' });
      },
      '[Platform/Dev] environment "dev" is defined twice: also at Platform/dev',
    ],
    [
      'fails on a label that Kubernetes refuses',
      (_controlPlane, dev) => {
        new ClusterType(dev, 'large', { labels: { size: 'extra large' } });
      },
      '[Platform/dev/large] metadata.labels.size  label value must be empty or consist of letters, digits, "-", "_" and ".", and start and end with a letter or digit (got "extra large")',
    ],
    [
      'fails on a namespace name longer than 63 characters, naming its parts',
      (_controlPlane, dev) => {
        new ClusterType(dev, 'a-cluster-type-with-a-very-very-long-name-indeed-yes');
      },
      '[Platform/app] DeploymentTarget/app-test  Namespace "dev-a-cluster-type-with-a-very-very-long-name-indeed-yes-app-test" in a-cluster-type-with-a-very-very-long-name-indeed-yes/app-test/namespace.yaml: metadata.name is 65 characters long; Kubernetes allows at most 63 (environment "dev" + cluster type "a-cluster-type-with-a-very-very-long-name-indeed-yes" + deployment target "app-test")',
    ],
    [
      'fails on a code-built WorkloadRegistration without a Workload',
      (controlPlane) => {
        new WorkloadRegistration(controlPlane, 'empty', { workload: { repo: 'https://example.com/app' } });
      },
      '[Platform/empty] WorkloadRegistration "empty" has no Workload; define it in code inside the registration (new Workload(registration, id, …))',
    ],
  ])('%s', (_name, mistake, error) => {
    const { controlPlane, dev } = smallControlPlane();
    mistake(controlPlane, dev);
    expect(() => controlPlane.plan()).toThrow(`Validation failed with the following errors:\n  ${error}`);
  });
});
