import { Construct } from 'constructs';
import { KindProps } from '../core/model/kind';
import { GITOPS_REPO } from '../core/model/kinds';
import { GitOpsRepo as GitOpsRepoModel } from '../core/model/types';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';

/** Props of a `GitOpsRepo`. */
export interface GitOpsRepoProps extends KalypsoObjectProps, KindProps<typeof GITOPS_REPO> {}

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
    super(scope, id, GITOPS_REPO, props);
    this.repo = this.fields.repo;
    this.branch = this.fields.branch;
    this.path = this.fields.path;
  }
}
