import { Construct } from 'constructs';
import { GitOpsRepo as GitOpsRepoModel } from '../core/model/types';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';

/** Props of a `GitOpsRepo`. */
export interface GitOpsRepoProps extends KalypsoObjectProps {
  /** URL of the platform GitOps repository, e.g. `https://github.com/org/platform-gitops`. */
  readonly repo: string;
  /** The environment's branch in that repository: the base of its pull requests. */
  readonly branch: string;
  /**
   * Folder inside the repository (Kalypso ignores it: the tree always goes to the root).
   * @default "."
   */
  readonly path?: string;
}

/**
 * Where an environment's platform GitOps tree is published (`scheduler.kalypso.io/v1alpha1` GitOpsRepo).
 */
export class GitOpsRepo extends KalypsoObject<GitOpsRepoModel> {
  /** URL of the repository. */
  public readonly repo: string;
  /** Branch the environment's tree goes to. */
  public readonly branch: string;
  /** Folder inside the repository. */
  public readonly path: string;

  public constructor(scope: Construct, id: string, props: GitOpsRepoProps) {
    super(scope, id, 'GitOpsRepo', props);
    this.repo = props.repo;
    this.branch = props.branch;
    this.path = props.path ?? '.';
  }

  public toModel(): GitOpsRepoModel {
    return { ...this.modelBase(), repo: this.repo, branch: this.branch, path: this.path };
  }

  protected manifestBody(): Record<string, unknown> {
    return {
      spec: { repo: this.repo, branch: this.branch, path: this.path },
    };
  }
}
