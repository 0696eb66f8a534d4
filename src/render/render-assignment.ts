import { App } from 'cdk8s';
import { Construct } from 'constructs';
import { AssignmentChart, AssignmentChartProps } from './constructs/assignment-chart';
import { RenderError } from './constructs/render-error';
import { SourceLocation } from '../core/model/problems';
import { ProgressReporter, SILENT_PROGRESS } from '../core/model/progress';
import { EmittedObject } from '../core/plan/emitted-objects';
import { collectManifests, serializeManifests } from './serialize/serialize';
import { NAMESPACE_FILE, PLATFORM_CONFIG_FILE, RECONCILER_FILE } from '../core/layout/tree-layout';

/** Why an assignment could not be rendered: a failed construct validation (`[construct/path] message`) or a renderer's error. */
export interface RenderFailure {
  readonly message: string;
  readonly location?: SourceLocation;
  /** `Kind/name` of the object at fault, when it is not the deployment target. */
  readonly object?: string;
}

/** The files of one assignment folder, the objects in them, and why it failed, if it did. Plain data. */
export interface RenderedAssignment {
  /** File name → content, e.g. `reconciler.yaml`. */
  readonly files: Readonly<Record<string, string>>;
  /** The Kubernetes objects in the files, in file order. */
  readonly objects: readonly EmittedObject[];
  readonly failures: readonly RenderFailure[];
}

/**
 * Builds one assignment as its own small cdk8s App (one App with thousands of charts is quadratic), runs the
 * constructs' validations and serializes each file. `reconciler.yaml` and `namespace.yaml` are always written (as
 * upstream does); the platform config file only when it has content.
 */
export function renderAssignment(
  path: readonly string[],
  props: AssignmentChartProps,
  progress: ProgressReporter = SILENT_PROGRESS,
): RenderedAssignment {
  const app = new App({ outdir: 'unused' });
  let scope: Construct = app;
  for (const id of path.slice(0, -1)) scope = new Construct(scope, id);
  let chart: AssignmentChart;
  try {
    chart = new AssignmentChart(scope, path[path.length - 1], props);
  } catch (e) {
    if (!(e instanceof RenderError)) throw e;
    return { files: {}, objects: [], failures: [{ message: e.message, location: e.location, object: e.object }] };
  }

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
  const collected = roles.map(([file, role]) => ({ file, roleManifests: collectManifests(role) }));
  progress.step?.('serialize');
  const files: Record<string, string> = {};
  const objects: EmittedObject[] = [];
  for (const { file, roleManifests } of collected) {
    const content = serializeManifests(roleManifests);
    if (content === '' && file.startsWith(PLATFORM_CONFIG_FILE)) continue;
    files[file] = content;
    for (const manifest of roleManifests) {
      if (!('object' in manifest)) continue;
      const { apiVersion, kind, metadata } = manifest.object;
      objects.push({ file, apiVersion, kind, name: metadata?.name, namespace: metadata?.namespace });
    }
  }
  return { files, objects, failures: [] };
}
