import { App, AppProps } from 'cdk8s';
import { Problem } from '../core/model/problems';
import { treeYamlStream } from '../app/synthesize/yaml-stream';
import { ControlPlane, ControlPlaneSynthOptions, ControlPlaneSynthResult } from './control-plane';
import { isKalypsoAppScope, markKalypsoApp } from './scope';

/** Props of a `KalypsoApp`: cdk8s' App props, and how its control planes are rendered. */
export interface KalypsoAppProps extends AppProps, Omit<ControlPlaneSynthOptions, 'outdir'> {}

/**
 * A cdk8s App whose `synth()` writes the platform GitOps tree of each ControlPlane in it to `outdir` (one folder per
 * environment: the same tree `kalypso synth` writes), with the same pipeline: render cache (kept outside `outdir`, so
 * it survives `cdk8s synth`, which deletes `outdir` first), worker threads, shards. Other charts in the app are
 * written as cdk8s writes them.
 *
 * @example
 * const app = new KalypsoApp();
 * await ControlPlane.fromFolder(app, 'Platform', 'control-plane');
 * await app.synth();
 */
export class KalypsoApp extends App {
  /** Whether `value` is a KalypsoApp (works across copies of this library). */
  public static isKalypsoApp(value: unknown): value is KalypsoApp {
    return isKalypsoAppScope(value);
  }

  /** What the last `synth()` planned and wrote, per control plane. */
  public results: readonly ControlPlaneSynthResult[] = [];

  private readonly pipeline: Omit<ControlPlaneSynthOptions, 'outdir'>;

  public constructor(props: KalypsoAppProps = {}) {
    super(props);
    markKalypsoApp(this);
    const { threads, shard, keepGoing, renderCache, cacheDir, progress } = props;
    this.pipeline = { threads, shard, keepGoing, renderCache, cacheDir, progress };
  }

  /** The warnings of the last `synth()`, of every control plane (errors fail it instead). */
  public get warnings(): Problem[] {
    return this.results.flatMap((result) => result.warnings);
  }

  /** The control planes defined in the app. */
  public get controlPlanes(): ControlPlane[] {
    return this.node.findAll().filter(ControlPlane.isControlPlane);
  }

  /**
   * Validates each control plane and writes its platform GitOps tree to `<outdir>/<environment>/`; then the app's
   * other charts, if any, as cdk8s does. Await it: the render cache, worker threads and the file system are
   * asynchronous.
   * @throws ValidationError listing every error of a control plane, each with the path of the construct it concerns
   */
  public override async synth(): Promise<void> {
    const controlPlanes = this.controlPlanes;
    refuseSharedEnvironments(controlPlanes);
    const results: ControlPlaneSynthResult[] = [];
    for (const controlPlane of controlPlanes) {
      results.push(await controlPlane.synth({ ...this.pipeline, outdir: this.outdir }));
    }
    this.results = results;
    if (this.charts.length > 0) super.synth();
  }

  /**
   * Every file of every control plane's tree as one YAML stream, each introduced by `# Source: <environment>/<path>`
   * (as `helm template` does), then the app's other charts as cdk8s writes them. Plans in this thread; writes nothing.
   */
  public override synthYaml(): string {
    const controlPlanes = this.controlPlanes;
    refuseSharedEnvironments(controlPlanes);
    const trees = treeYamlStream(controlPlanes.flatMap((controlPlane) => controlPlane.plan()));
    return this.charts.length > 0 ? `${trees}---\n${super.synthYaml()}` : trees;
  }
}

/** Two control planes of one app may not write the same environment folder. */
function refuseSharedEnvironments(controlPlanes: readonly ControlPlane[]): void {
  const owners = new Map<string, ControlPlane>();
  for (const controlPlane of controlPlanes) {
    for (const environment of controlPlane.environments) {
      const owner = owners.get(environment.name);
      if (owner && owner !== controlPlane) {
        throw new Error(
          `environment "${environment.name}" is defined by both ControlPlane "${owner.node.path}" and ControlPlane ` +
            `"${controlPlane.node.path}"; both would write <outdir>/${environment.name}/`,
        );
      }
      owners.set(environment.name, controlPlane);
    }
  }
}
