import * as path from 'path';
import { GitRemoteReader } from '../io/git/git-remote-reader';
import { createGitServices } from '../io/git/git-services';
import { GitSource } from '../io/git/git-source';
import { Construct, IConstruct } from 'constructs';
import { IConfigRenderer, INamespaceRenderer, IReconciler } from '../render/constructs/renderer';
import { RendererRegistry } from '../render/constructs/renderer-registry';
import { ControlPlaneSource } from '../io/source/control-plane-source';
import { FolderSource } from '../io/source/folder-source';
import { LoadOptions, loadControlPlane } from '../io/source/load';
import { Problem } from '../core/model/problems';
import { ControlPlaneModel } from '../core/model/types';
import { EnvironmentPlan } from '../core/plan/plan';
import { WriteReport, writeOutput } from '../io/output/write';
import { Analysis, analyzeControlPlane } from './analysis';
import { Environment } from './environment';
import { addLoadedObjects } from './load-objects';
import { findControlPlane, isControlPlaneScope, markControlPlane } from './scope';
import { ValidationError } from './validation-error';

/** Props of a `ControlPlane`. */
export interface ControlPlaneProps {
  /**
   * The renderers ClusterTypes can name, copied when the ControlPlane is created (later changes to the registry are
   * not seen; add renderers with `addReconciler`, `addNamespaceRenderer` and `addConfigRenderer`).
   * @default RendererRegistry.withBuiltIns() - `flux` (and `arc-flux`), `argocd`, `default`, `configmap`, `envfile`
   */
  readonly registry?: RendererRegistry;
}

/** Options of `ControlPlane.fromFolder` and `ControlPlane.fromSource`: what to load, and the ControlPlane's props. */
export interface ControlPlaneLoadOptions extends LoadOptions, ControlPlaneProps {}

/** Options of `ControlPlane.fromGit`. */
export interface ControlPlaneGitOptions extends ControlPlaneLoadOptions {
  /**
   * Folder where remote repositories (the control plane, registered workloads) are mirrored and fetched incrementally.
   * @default "$XDG_CACHE_HOME/kalypso-cdk8s", else "~/.cache/kalypso-cdk8s"
   */
  readonly cache?: string;
  /**
   * A GitHub token, sent only to github.com over https and never written anywhere.
   * @default - none: public repositories, or git's own credential helpers
   */
  readonly token?: string;
  /**
   * The environment git runs with.
   * @default process.env
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Options of `ControlPlane.synth`. */
export interface ControlPlaneSynthOptions {
  /**
   * Output folder: each environment's platform GitOps tree is written to `<outdir>/<environment>/`. Only cluster-type
   * folders and `.github/tracking/` are changed there; unchanged files are not rewritten.
   */
  readonly outdir: string;
}

/** What `ControlPlane.synth` planned and wrote. */
export interface ControlPlaneSynthResult {
  /** Per environment: the files, the assignments and why they were made. */
  readonly plans: readonly EnvironmentPlan[];
  /** Loading and planning warnings (errors fail the synth instead). */
  readonly warnings: readonly Problem[];
  /** What changed on disk, per environment. */
  readonly written: readonly WriteReport[];
}

/**
 * A Kalypso control plane: the root of environments, cluster types, scheduling policies, platform configs and
 * workloads. Objects defined directly in it apply to every environment (like the `main` branch of a control-plane
 * repository); objects defined in an `Environment` apply to that one. `synth()` schedules, composes config, renders
 * with cdk8s and writes the platform GitOps tree, exactly as `kalypso synth` does for YAML.
 *
 * @example
 * const app = new App();
 * const controlPlane = new ControlPlane(app, 'Platform');
 * const dev = new Environment(controlPlane, 'dev');
 * new ClusterType(dev, 'large', { labels: { size: 'large' } });
 * await controlPlane.synth({ outdir: 'dist' });
 */
export class ControlPlane extends Construct {
  /** Whether `value` is a ControlPlane (works across copies of this library). */
  public static isControlPlane(value: unknown): value is ControlPlane {
    return isControlPlaneScope(value);
  }

  /**
   * Loads a control plane kept as a folder of branches (`<folder>/main/…`, `<folder>/<environment>/…`) and builds
   * the construct tree code would build: one construct per object, each keeping the file and line it was read from,
   * so code can add to it. Problems found while loading are reported when the control plane is validated (by
   * `plan()`/`synth()`), together with all others.
   */
  public static async fromFolder(
    scope: Construct,
    id: string,
    folder: string,
    options: ControlPlaneLoadOptions = {},
  ): Promise<ControlPlane> {
    return ControlPlane.fromSource(scope, id, new FolderSource(path.resolve(folder)), options);
  }

  /**
   * Loads a control plane kept in git — a local repository or a URL (mirrored into `cache`) — reading `main` and each
   * environment's branch straight from git objects; registered workloads given by URL are fetched (shallow, cached).
   * Otherwise like `fromFolder`.
   */
  public static async fromGit(
    scope: Construct,
    id: string,
    repository: string,
    options: ControlPlaneGitOptions = {},
  ): Promise<ControlPlane> {
    const { git, cache } = createGitServices(options.env ?? process.env, {
      token: options.token,
      cache: options.cache,
    });
    const source = await GitSource.open(repository, { git, cache });
    return ControlPlane.fromSource(scope, id, source, { remote: new GitRemoteReader(cache), ...options });
  }

  /**
   * Like `fromFolder`, from any `ControlPlaneSource` (a folder of branches, a git repository…).
   */
  public static async fromSource(
    scope: Construct,
    id: string,
    source: ControlPlaneSource,
    options: ControlPlaneLoadOptions = {},
  ): Promise<ControlPlane> {
    const loaded = await loadControlPlane(source, options);
    const controlPlane = new ControlPlane(scope, id, options);
    controlPlane.loadProblems.push(...loaded.problems);
    addLoadedObjects(controlPlane, loaded);
    return controlPlane;
  }

  private readonly registry = new RendererRegistry();
  private readonly loadProblems: Problem[] = [];
  private revision = 0;
  private analysis?: { readonly revision: number; readonly result: Analysis };

  public constructor(scope: Construct, id: string, props: ControlPlaneProps = {}) {
    super(scope, id);
    if (this.node.scopes.slice(0, -1).some(isControlPlaneScope)) {
      throw new Error(
        `ControlPlane "${this.node.path}" is inside another ControlPlane (${findControlPlane(this, 'ControlPlane').node.path})`,
      );
    }
    markControlPlane(this);
    const registry = props.registry ?? RendererRegistry.withBuiltIns();
    const catalog = registry.catalog();
    catalog.reconciler.forEach((name) => this.registry.addReconciler(name, registry.reconciler(name)!));
    catalog.namespace.forEach((name) => this.registry.addNamespaceRenderer(name, registry.namespaceRenderer(name)!));
    catalog.config.forEach((name) => this.registry.addConfigRenderer(name, registry.configRenderer(name)!));
    this.node.addValidation({ validate: () => this._problemsOf(this) });
  }

  /**
   * Registers (or replaces) the reconciler called `name`: ClusterTypes with `reconciler: name` render
   * `reconciler.yaml` with it, unless a Template has that name.
   */
  public addReconciler(name: string, reconciler: IReconciler): void {
    this.registry.addReconciler(name, reconciler);
    this._changed();
  }

  /** Registers (or replaces) the namespace renderer called `name` (ClusterType `namespaceService`). */
  public addNamespaceRenderer(name: string, renderer: INamespaceRenderer): void {
    this.registry.addNamespaceRenderer(name, renderer);
    this._changed();
  }

  /** Registers (or replaces) the config renderer called `name` (ClusterType `configType`). */
  public addConfigRenderer(name: string, renderer: IConfigRenderer): void {
    this.registry.addConfigRenderer(name, renderer);
    this._changed();
  }

  /** The environments, in the order they were defined. */
  public get environments(): Environment[] {
    return this.node.findAll().filter(Environment.isEnvironment);
  }

  /** The environment called `name`; throws when there is none. */
  public environment(name: string): Environment {
    const found = this.environments.find((environment) => environment.name === name);
    if (!found) {
      const names = this.environments.map((environment) => `"${environment.name}"`).join(', ') || 'none';
      throw new Error(`ControlPlane "${this.node.path}" has no environment "${name}"; it has ${names}`);
    }
    return found;
  }

  /**
   * The control plane as the pipeline sees it: per environment, the objects defined directly in the ControlPlane and
   * then the environment's own. Objects that fail their own validation are left out, as the YAML loader leaves out
   * malformed documents.
   */
  public toModel(): ControlPlaneModel {
    return this.analyze().model;
  }

  /** Loading and planning warnings: reported, but they do not fail the synth. */
  public get warnings(): Problem[] {
    return [...this.analyze().warnings];
  }

  /**
   * Validates every construct of the control plane and plans each environment's tree (pure: nothing is written).
   * @throws ValidationError listing every error, each with the path of the construct it concerns
   */
  public plan(): EnvironmentPlan[] {
    const errors = this.node
      .findAll()
      .flatMap((construct) => construct.node.validate().map((message) => `[${construct.node.path}] ${message}`));
    if (errors.length > 0) throw new ValidationError(errors);
    return [...this.analyze().plans];
  }

  /**
   * Validates, plans and writes each environment's platform GitOps tree to `<outdir>/<environment>/`. Nothing is
   * written when validation fails.
   * @throws ValidationError listing every error, each with the path of the construct it concerns
   */
  public async synth(options: ControlPlaneSynthOptions): Promise<ControlPlaneSynthResult> {
    const plans = this.plan();
    const written = await writeOutput(
      options.outdir,
      plans.map((plan) => ({
        environment: plan.environment,
        files: plan.files,
        clusterTypes: plan.clusterTypes,
      })),
    );
    return { plans, warnings: this.warnings, written };
  }

  /** @internal */
  public _changed(): void {
    this.revision++;
  }

  /** @internal */
  public _problemsOf(construct: IConstruct): string[] {
    return [...(this.analyze().errors.get(construct) ?? [])];
  }

  private analyze(): Analysis {
    if (this.analysis?.revision !== this.revision) {
      const result = analyzeControlPlane(this, {
        registry: this.registry,
        loadProblems: this.loadProblems,
      });
      this.analysis = { revision: this.revision, result };
    }
    return this.analysis.result;
  }
}
