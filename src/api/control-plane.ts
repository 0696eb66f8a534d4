import { Construct, IConstruct } from 'constructs';
import {
  ControlPlaneSource,
  GitLoadOptions,
  LoadOptions,
  loadFromFolder,
  loadFromGit,
  loadFromSource,
} from '../app/synthesize/load-input';
import { SynthResult, SynthesizeOptions, synthesizeInput } from '../app/synthesize/synthesize';
import { Problem, Severity, isError } from '../core/model/problems';
import { ControlPlaneModel } from '../core/model/types';
import { EnvironmentPlan, environmentJobs, planControlPlane } from '../core/plan/plan';
import { AssignmentChart } from '../render/constructs/assignment-chart';
import { IConfigRenderer, INamespaceRenderer, IReconciler } from '../render/constructs/renderer';
import { RendererRegistry } from '../render/constructs/renderer-registry';
import { jobChart, renderInThread } from '../render/render-job';
import { ConstructErrors, ConstructModel, attributeProblems, buildConstructModel } from './analysis';
import { Environment } from './environment';
import { addLoadedObjects } from './load-objects';
import { placementProblems } from './placement';
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
export interface ControlPlaneGitOptions extends GitLoadOptions, ControlPlaneProps {}

/** Options of `ControlPlane.synth`: where to write, and how to render (as `kalypso synth` does). */
export interface ControlPlaneSynthOptions extends Omit<SynthesizeOptions, 'out'> {
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
  readonly written: SynthResult['written'];
  /** Assignments rendered by this run; the others came from the render cache. */
  readonly rendered: number;
}

/** What the control plane's constructs make, computed once per change. */
interface RevisionState {
  readonly revision: number;
  readonly constructs: ConstructModel;
  planned?: {
    readonly plans: readonly EnvironmentPlan[];
    readonly attributed: ConstructErrors;
    readonly warnings: Problem[];
  };
}

/**
 * A Kalypso control plane: the root of environments, cluster types, scheduling policies, platform configs and
 * workloads. Objects defined directly in it apply to every environment (like the `main` branch of a control-plane
 * repository); objects defined in an `Environment` apply to that one. Create it in a `KalypsoApp`, whose `synth()`
 * schedules, composes config, renders with cdk8s and writes the platform GitOps tree, exactly as `kalypso synth` does
 * for YAML; test it with `KalypsoTesting.synth(controlPlane)`, or `Testing.synth(chart)` for a chart of
 * `assignments()`.
 *
 * @example
 * const app = new KalypsoApp();
 * const controlPlane = new ControlPlane(app, 'Platform');
 * const dev = new Environment(controlPlane, 'dev');
 * new ClusterType(dev, 'large', { labels: { size: 'large' } });
 * await app.synth();
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
    return ControlPlane.fromLoaded(scope, id, await loadFromFolder(folder, options), options);
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
    return ControlPlane.fromLoaded(scope, id, await loadFromGit(repository, options), options);
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
    return ControlPlane.fromLoaded(scope, id, await loadFromSource(source, options), options);
  }

  private static fromLoaded(
    scope: Construct,
    id: string,
    loaded: Parameters<typeof addLoadedObjects>[1],
    props: ControlPlaneProps,
  ): ControlPlane {
    const controlPlane = new ControlPlane(scope, id, props);
    controlPlane.loadProblems.push(...loaded.problems);
    addLoadedObjects(controlPlane, loaded);
    return controlPlane;
  }

  private readonly registry: RendererRegistry;
  private readonly loadProblems: Problem[] = [];
  private revision = 0;
  private state?: RevisionState;
  /** True while the control plane validates itself for its own run (`plan()`, `synth()`). */
  private ownRun = false;
  /** The errors `synth()` attributed to constructs, while it collects them. */
  private runAttributed?: ConstructErrors;

  public constructor(scope: Construct, id: string, props: ControlPlaneProps = {}) {
    super(scope, id);
    if (this.node.scopes.slice(0, -1).some(isControlPlaneScope)) {
      throw new Error(
        `ControlPlane "${this.node.path}" is inside another ControlPlane (${findControlPlane(this, 'ControlPlane').node.path})`,
      );
    }
    markControlPlane(this);
    this.registry = (props.registry ?? RendererRegistry.withBuiltIns()).copy();
    this.node.addValidation({ validate: () => this._problemsOf(this) });
    this.node.addValidation({ validate: () => (this.ownRun ? [] : placementProblems(this)) });
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
    return this.revisionState().constructs.model;
  }

  /** Loading and planning warnings: reported, but they do not fail the synth. */
  public get warnings(): Problem[] {
    return [...this.planNow().warnings];
  }

  /**
   * Validates every construct of the control plane and plans each environment's tree in this thread (pure: nothing is
   * written, no render cache, no worker threads).
   * @throws ValidationError listing every error, each with the path of the construct it concerns
   */
  public plan(): EnvironmentPlan[] {
    const planned = this.planNow();
    const errors = this.validateAll();
    if (errors.length > 0) throw new ValidationError(errors);
    return [...planned.plans];
  }

  /**
   * The assignments of every environment (or of `environment`) as cdk8s charts, one per deployment target on a cluster
   * type, each in a cdk8s App of its own: `Testing.synth(chart)` gives exactly the objects written to its folder
   * (`chart.folder`). Validates the control plane first.
   * @throws ValidationError listing every error, each with the path of the construct it concerns
   */
  public assignments(environment?: string): AssignmentChart[] {
    this.plan();
    const { model } = this.revisionState().constructs;
    const environments = environment === undefined ? model.environments : [this.environmentModel(environment)];
    return environments.flatMap((environmentModel) => {
      const jobs = environmentJobs(environmentModel, { renderers: this.registry });
      return Array.from({ length: jobs.length }, (_, index) =>
        jobChart(jobs.job(index), jobs.templates, this.registry),
      );
    });
  }

  /**
   * Validates, plans and writes each environment's platform GitOps tree to `<outdir>/<environment>/` with the same
   * pipeline as `kalypso synth`: the render cache, worker threads for large control planes, `shard` and `keepGoing`.
   * Nothing is written when validation fails (with `keepGoing`, the good assignments are).
   * @throws ValidationError listing every error, each with the path of the construct it concerns
   */
  public async synth(options: ControlPlaneSynthOptions): Promise<ControlPlaneSynthResult> {
    const result = await this.run(options);
    return {
      plans: result.plans,
      warnings: result.problems.filter((problem) => !isError(problem)),
      written: result.written,
      rendered: result.rendered,
    };
  }

  /**
   * Runs the pipeline on the control plane (writing to `outdir` when given) and returns everything it found: what
   * `explain`, `diff` and `publish` work from. Throws when the control plane has errors.
   * @internal
   */
  public async _synthesize(options: Partial<ControlPlaneSynthOptions> = {}): Promise<SynthResult> {
    return this.run(options);
  }

  /**
   * A ControlPlane is not a chart: `Testing.synth(controlPlane)` cannot work. This says what to call instead.
   */
  public toJson(): never {
    throw new Error(
      `ControlPlane "${this.node.path}" is not a chart: use KalypsoTesting.synth(controlPlane) for the whole tree, ` +
        'or Testing.synth(chart) for a chart of controlPlane.assignments()',
    );
  }

  /** The renderers ClusterTypes of this control plane can name. @internal */
  public get _registry(): RendererRegistry {
    return this.registry;
  }

  /** @internal */
  public _changed(): void {
    this.revision++;
  }

  /** @internal */
  public _problemsOf(construct: IConstruct): string[] {
    const state = this.revisionState();
    const attributed = this.runAttributed ?? (this.ownRun ? state.planned : this.planNow())?.attributed;
    return [...(state.constructs.errors.get(construct) ?? []), ...(attributed?.get(construct) ?? [])];
  }

  private async run(options: Partial<ControlPlaneSynthOptions>): Promise<SynthResult> {
    const state = this.revisionState();
    // The constructs' own errors (and those of constructs users added) count as input errors: nothing is written.
    const constructErrors = this.validateAll().map((message) => ({ severity: Severity.ERROR, message }));
    const { outdir, ...rest } = options;
    const result = await synthesizeInput(
      { model: state.constructs.model, problems: [...this.loadProblems, ...constructErrors], registry: this.registry },
      { ...rest, out: outdir },
    );
    const attributed: ConstructErrors = new Map();
    const warnings = attributeProblems(state.constructs, result.plans, this.loadProblems, this, attributed);
    if (options.shard === undefined) state.planned = { plans: result.plans, attributed, warnings };
    this.runAttributed = attributed;
    try {
      const errors = this.validateAll();
      if (errors.length > 0) throw new ValidationError(errors);
    } finally {
      this.runAttributed = undefined;
    }
    return result;
  }

  /** Every construct's validation errors, `[path] message`, without the checks of where a ControlPlane may be. */
  private validateAll(): string[] {
    this.ownRun = true;
    try {
      return this.node
        .findAll()
        .flatMap((construct) => construct.node.validate().map((message) => `[${construct.node.path}] ${message}`));
    } finally {
      this.ownRun = false;
    }
  }

  private revisionState(): RevisionState {
    if (this.state?.revision !== this.revision) {
      this.state = { revision: this.revision, constructs: buildConstructModel(this) };
    }
    return this.state;
  }

  /** The plans of the current revision, rendered in this thread when not planned yet. */
  private planNow(): NonNullable<RevisionState['planned']> {
    const state = this.revisionState();
    if (!state.planned) {
      const { constructs } = state;
      const plans = planControlPlane(constructs.model, renderInThread(this.registry), {
        renderers: this.registry,
        incompleteInput: constructs.errors.size > 0 || this.loadProblems.some(isError),
      });
      const attributed: ConstructErrors = new Map();
      const warnings = attributeProblems(constructs, plans, this.loadProblems, this, attributed);
      state.planned = { plans, attributed, warnings };
    }
    return state.planned;
  }

  private environmentModel(name: string): ControlPlaneModel['environments'][number] {
    const found = this.revisionState().constructs.model.environments.find((environment) => environment.name === name);
    if (!found) this.environment(name);
    return found!;
  }
}
