import { App } from 'cdk8s';
import { Construct } from 'constructs';
import { AssignmentChart, AssignmentChartProps } from './constructs/assignment-chart';
import { ConfigKeyError, RenderError } from './constructs/render-error';
import { ProgressReporter, SILENT_PROGRESS } from '../core/model/progress';
import { EmittedObject } from '../core/plan/emitted-objects';
import { RenderedAssignment } from '../core/plan/render-job';
import { Manifest, collectManifests, serializeManifests } from './serialize/serialize';
import { isPlainRenderer, tryPlain } from './constructs/plain-manifest';
import { ConfigFileType, IRenderer } from './constructs/renderer';
import { NAMESPACE_FILE, PLATFORM_CONFIG_FILE, RECONCILER_FILE } from '../core/layout/names';

/** The manifests of each file of an assignment. */
type FileManifests = readonly { readonly file: string; readonly manifests: readonly Manifest[] }[];

/**
 * Renders one assignment: without constructs when its three renderers can
 * (src/render/constructs/plain-manifest.ts), else by building it as its own small cdk8s App (one App with thousands of
 * charts is quadratic), running the constructs' validations and serializing each file. `reconciler.yaml` and `namespace.yaml` are always written (as
 * upstream does); the platform config file only when it has content.
 */
export function renderAssignment(
  path: readonly string[],
  props: AssignmentChartProps,
  progress: ProgressReporter = SILENT_PROGRESS,
): RenderedAssignment {
  const plain = plainFileManifests(props);
  if (plain) return serializeFiles(plain, progress);
  return renderAssignmentWithConstructs(path, props, progress);
}

/** Each file's manifests from the renderers' plain form; undefined when one of them has none for this assignment. */
function plainFileManifests(props: AssignmentChartProps): FileManifests | undefined {
  // cdk8s then keeps keys in the order they were given, which only its constructs know.
  if (process.env.CDK8S_DISABLE_SORT) return undefined;
  const roles: [string, IRenderer][] = [
    [NAMESPACE_FILE, props.namespaceRenderer],
    [`${PLATFORM_CONFIG_FILE}.${props.configRenderer.fileType ?? ConfigFileType.YAML}`, props.configRenderer],
    [RECONCILER_FILE, props.reconciler],
  ];
  const files: { file: string; manifests: readonly Manifest[] }[] = [];
  for (const [file, renderer] of roles) {
    if (!isPlainRenderer(renderer)) return undefined;
    const manifests = tryPlain(() => renderer.plainManifests(props.context));
    if (!manifests) return undefined;
    files.push({ file, manifests });
  }
  return files;
}

/** Renders one assignment by building its constructs, whatever its renderers can do without. */
export function renderAssignmentWithConstructs(
  path: readonly string[],
  props: AssignmentChartProps,
  progress: ProgressReporter = SILENT_PROGRESS,
): RenderedAssignment {
  let chart: AssignmentChart;
  try {
    chart = buildAssignmentChart(path, props);
  } catch (e) {
    if (e instanceof ConfigKeyError) {
      return {
        files: {},
        objects: [],
        failures: e.keys.map(({ key, problem }) => ({ message: problem, configKey: key })),
      };
    }
    if (!(e instanceof RenderError)) throw e;
    return { files: {}, objects: [], failures: [{ message: e.message, location: e.location, object: e.object }] };
  }
  const app = chart.node.root;

  const failures = app.node
    .findAll()
    .flatMap((construct) =>
      construct.node.validate().map((message) => ({ message: `[${construct.node.path}] ${message}` })),
    );
  if (failures.length > 0) return { files: {}, objects: [], failures };

  const roles: [string, Construct][] = [
    [NAMESPACE_FILE, chart.namespaceScope],
    [`${PLATFORM_CONFIG_FILE}.${chart.configFileType}`, chart.platformConfigScope],
    [RECONCILER_FILE, chart.reconcilerScope],
  ];
  return serializeFiles(
    roles.map(([file, role]) => ({ file, manifests: collectManifests(role) })),
    progress,
  );
}

/** The files of an assignment from their manifests, and the objects in them. */
function serializeFiles(fileManifests: FileManifests, progress: ProgressReporter): RenderedAssignment {
  progress.step?.('serialize');
  const files: Record<string, string> = {};
  const objects: EmittedObject[] = [];
  for (const { file, manifests } of fileManifests) {
    const content = serializeManifests(manifests);
    if (content === '' && file.startsWith(PLATFORM_CONFIG_FILE)) continue;
    files[file] = content;
    for (const manifest of manifests) {
      if (!('object' in manifest)) continue;
      const { apiVersion, kind, metadata } = manifest.object;
      objects.push({ file, apiVersion, kind, name: metadata?.name, namespace: metadata?.namespace });
    }
  }
  return { files, objects, failures: [] };
}

/**
 * One assignment's chart, in a small cdk8s App of its own (one App with thousands of charts is quadratic) under the
 * construct path `path` (`[environment, clusterType, deploymentTarget]`).
 */
export function buildAssignmentChart(path: readonly string[], props: AssignmentChartProps): AssignmentChart {
  const app = new App({ outdir: 'unused' });
  const [environment, clusterType, deploymentTarget] = path;
  const scope = new Construct(new Construct(app, environment), clusterType);
  return new AssignmentChart(scope, deploymentTarget, props);
}
