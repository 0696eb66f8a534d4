import { Construct } from 'constructs';
import { BaseRepo as BaseRepoModel } from '../core/model/types';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';

/** The name of the BaseRepo whose commit is the control-plane `main` commit promoted to an environment. */
export { PROMOTED_BASE_REPO } from '../core/model/environments';

/** Props of a `BaseRepo`. */
export interface BaseRepoProps extends KalypsoObjectProps {
  /** URL of the repository. */
  readonly repo: string;
  /**
   * Branch of the repository.
   * @default "main"
   */
  readonly branch?: string;
  /**
   * Folder inside the repository.
   * @default "."
   */
  readonly path?: string;
  /**
   * The pinned commit. For the BaseRepo named `main` it is the control-plane commit promoted to the environment,
   * written to `.github/tracking/Promoted_Commit_Id`.
   * @default - none
   */
  readonly commit?: string;
}

/**
 * A repository pinned at a commit (`scheduler.kalypso.io/v1alpha1` BaseRepo). Only the one named `main` changes the
 * output: it records which control-plane commit the environment runs.
 */
export class BaseRepo extends KalypsoObject<BaseRepoModel> {
  /** URL of the repository. */
  public readonly repo: string;
  /** Branch of the repository. */
  public readonly branch: string;
  /** Folder inside the repository. */
  public readonly path: string;
  /** The pinned commit; empty when none. */
  public readonly commit: string;

  public constructor(scope: Construct, id: string, props: BaseRepoProps) {
    super(scope, id, 'BaseRepo', props);
    this.repo = props.repo;
    this.branch = props.branch ?? 'main';
    this.path = props.path ?? '.';
    this.commit = props.commit ?? '';
  }

  public toModel(): BaseRepoModel {
    return { ...this.modelBase(), repo: this.repo, branch: this.branch, path: this.path, commit: this.commit };
  }

  protected manifestBody(): Record<string, unknown> {
    return {
      spec: { repo: this.repo, branch: this.branch, path: this.path, ...(this.commit ? { commit: this.commit } : {}) },
    };
  }
}
