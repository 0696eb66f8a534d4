import { App } from 'cdk8s';
import { Construct } from 'constructs';
import { AssignmentChart, AssignmentChartProps } from '../constructs/assignment-chart';
import { RenderError } from '../constructs/render-error';
import { SourceLocation } from '../model/problems';
import { Manifest, collectManifests, serializeManifests } from './serialize';

export const NAMESPACE_FILE = 'namespace.yaml';
export const RECONCILER_FILE = 'reconciler.yaml';
export const PLATFORM_CONFIG_FILE = 'platform-config';

/** Why an assignment could not be rendered: a failed construct validation (`[construct/path] message`) or a renderer's error. */
export interface RenderFailure {
  readonly message: string;
  readonly location?: SourceLocation;
  /** `Kind/name` of the object at fault, when it is not the deployment target. */
  readonly object?: string;
}

/** The files of one assignment folder, the objects in them, and why it failed, if it did. */
export interface RenderedAssignment {
  /** File name → content, e.g. `reconciler.yaml`. */
  readonly files: Readonly<Record<string, string>>;
  readonly manifests: readonly { readonly file: string; readonly manifest: Manifest }[];
  readonly failures: readonly RenderFailure[];
}

/**
 * Builds one assignment as its own small cdk8s App (one App with thousands of charts is quadratic), runs the
 * constructs' validations and serializes each file. `reconciler.yaml` and `namespace.yaml` are always written (as
 * upstream does); the platform config file only when it has content.
 */
export function renderAssignment(path: readonly string[], props: AssignmentChartProps): RenderedAssignment {
  const app = new App({ outdir: 'unused' });
  let scope: Construct = app;
  for (const id of path.slice(0, -1)) scope = new Construct(scope, id);
  let chart: AssignmentChart;
  try {
    chart = new AssignmentChart(scope, path[path.length - 1], props);
  } catch (e) {
    if (!(e instanceof RenderError)) throw e;
    return { files: {}, manifests: [], failures: [{ message: e.message, location: e.location, object: e.object }] };
  }

  const failures = app.node.findAll().flatMap((construct) =>
    construct.node.validate().map((message) => ({ message: `[${construct.node.path}] ${message}` })));
  if (failures.length > 0) return { files: {}, manifests: [], failures };

  const roles: [string, Construct][] = [
    [NAMESPACE_FILE, chart.namespaceScope],
    [`${PLATFORM_CONFIG_FILE}.${chart.configFileType}`, chart.platformConfigScope],
    [RECONCILER_FILE, chart.reconcilerScope],
  ];
  const files: Record<string, string> = {};
  const manifests: { file: string; manifest: Manifest }[] = [];
  for (const [file, role] of roles) {
    const roleManifests = collectManifests(role);
    const content = serializeManifests(roleManifests);
    if (content === '' && file.startsWith(PLATFORM_CONFIG_FILE)) continue;
    files[file] = content;
    manifests.push(...roleManifests.map((manifest) => ({ file, manifest })));
  }
  return { files, manifests, failures: [] };
}
