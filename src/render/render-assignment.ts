import { App } from 'cdk8s';
import { Construct } from 'constructs';
import { AssignmentChart, AssignmentChartProps } from './constructs/assignment-chart';
import { ConfigKeyError, RenderError } from './constructs/render-error';
import { ProgressReporter, SILENT_PROGRESS } from '../core/model/progress';
import { EmittedObject } from '../core/plan/emitted-objects';
import { RenderedAssignment } from '../core/plan/render-job';
import { collectManifests, serializeManifests } from './serialize/serialize';
import { NAMESPACE_FILE, PLATFORM_CONFIG_FILE, RECONCILER_FILE } from '../core/layout/names';

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
