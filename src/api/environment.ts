import { Construct } from 'constructs';
import { SourcedDocument } from '../core/model/documents';
import { ENVIRONMENT } from '../core/model/kinds';
import { Environment as EnvironmentModel, RepositoryRef } from '../core/model/types';
import { BaseRepo, PROMOTED_BASE_REPO } from './base-repo';
import { GitOpsRepo } from './gitops-repo';
import { ControlPlaneScope, findControlPlane, findEnvironment, isEnvironmentScope, markEnvironment } from './scope';
import { RepositoryLocation, repositoryRef } from './workload-registration';

/** Where the platform GitOps tree of an environment is published. */
export interface EnvironmentGitOpsRepo {
  /** URL of the platform GitOps repository. */
  readonly repo: string;
  /**
   * The environment's branch in it: the base of its pull requests.
   * @default - the environment's name
   */
  readonly branch?: string;
  /**
   * Folder inside the repository (Kalypso ignores it).
   * @default "."
   */
  readonly path?: string;
}

/** Props of an `Environment`. */
export interface EnvironmentProps {
  /**
   * Name of the environment: the value deployment targets carry in `environment`, the first part of every namespace
   * and the folder of its tree in the output.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * The environment's branch of the control-plane repository, for an `Environment` object on `main` (as in
   * `.environments/`).
   * @default - no Environment object: the environment is its branch, as in a control plane without `.environments/`
   */
  readonly controlPlane?: RepositoryLocation;
  /**
   * Labels of the Environment object.
   * @default - no labels
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Where the environment's tree is published: adds a `GitOpsRepo` named after the environment.
   * @default - none; add a `GitOpsRepo` to the environment
   */
  readonly gitOpsRepo?: EnvironmentGitOpsRepo;
  /**
   * The control-plane `main` commit promoted to this environment: adds the `BaseRepo` named `main` with this commit,
   * written to `.github/tracking/Promoted_Commit_Id`.
   * @default - none
   */
  readonly promotedCommit?: string;
  /**
   * The YAML document of the Environment object; set by `ControlPlane.fromFolder`.
   * @default - written in code
   */
  readonly source?: SourcedDocument;
}

/**
 * An environment (dev, stage, prod…): the objects defined in it apply to it alone, like the objects of its branch of
 * the control plane, on top of the objects defined directly in the ControlPlane. Its platform GitOps tree is written
 * to `<outdir>/<name>/`.
 */
export class Environment extends Construct {
  /** Whether `value` is an Environment (works across copies of this library). */
  public static isEnvironment(value: unknown): value is Environment {
    return isEnvironmentScope(value);
  }

  /** Name of the environment. */
  public readonly name: string;
  /** The control-plane branch holding the environment's own objects. */
  public readonly branch: string;
  /** The YAML document of the Environment object; undefined when written in code. */
  public readonly source?: SourcedDocument;
  /** The GitOpsRepo added by the `gitOpsRepo` prop. */
  public readonly gitOpsRepo?: GitOpsRepo;
  /** The BaseRepo `main` added by the `promotedCommit` prop. */
  public readonly baseRepo?: BaseRepo;

  private readonly controlPlaneRepository?: RepositoryRef;
  private readonly _labels: Record<string, string>;

  public constructor(scope: Construct, id: string, props: EnvironmentProps = {}) {
    super(scope, id);
    const controlPlane: ControlPlaneScope = findControlPlane(this, 'Environment');
    if (findEnvironment(this))
      throw new Error(
        `Environment "${this.node.path}" is inside another Environment; define environments in the ControlPlane`,
      );
    markEnvironment(this);
    this.name = props.name ?? id;
    this._labels = { ...props.labels };
    this.source = props.source;
    if (props.controlPlane) this.controlPlaneRepository = repositoryRef(props.controlPlane, this.name);
    this.branch = this.controlPlaneRepository?.branch || this.name;
    this.node.addValidation({ validate: () => controlPlane._problemsOf(this) });
    controlPlane._changed();

    if (props.gitOpsRepo) {
      this.gitOpsRepo = new GitOpsRepo(this, 'GitOpsRepo', {
        name: this.name,
        repo: props.gitOpsRepo.repo,
        branch: props.gitOpsRepo.branch ?? this.name,
        path: props.gitOpsRepo.path,
      });
    }
    if (props.promotedCommit !== undefined) {
      this.baseRepo = new BaseRepo(this, 'BaseRepo', {
        name: PROMOTED_BASE_REPO,
        repo: props.controlPlane?.repo ?? '',
        commit: props.promotedCommit,
      });
    }
  }

  /** The labels of the Environment object (a copy). */
  public get labels(): Record<string, string> {
    return { ...this._labels };
  }

  /** The Environment object, when the environment has one (the `controlPlane` prop). */
  public toModel(): EnvironmentModel | undefined {
    if (!this.controlPlaneRepository) return undefined;
    const base = { kind: ENVIRONMENT.kind, name: this.name, labels: this.labels };
    const fields = { controlPlane: this.controlPlaneRepository };
    return ENVIRONMENT.toModel(this.source ? { ...base, source: this.source } : base, fields);
  }

  /** The Environment object as a manifest, when the environment has one. */
  public toManifest(): Record<string, unknown> | undefined {
    if (!this.controlPlaneRepository) return undefined;
    return ENVIRONMENT.toManifest(this.name, this._labels, { controlPlane: this.controlPlaneRepository });
  }
}
