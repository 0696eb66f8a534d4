import { Construct } from 'constructs';
import { KindProps } from '../core/model/kind';
import { BASE_REPO } from '../core/model/kinds';
import { BaseRepo as BaseRepoModel } from '../core/model/types';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';

/** The name of the BaseRepo whose commit is the control-plane `main` commit promoted to an environment. */
export { PROMOTED_BASE_REPO } from '../core/model/environments';

/** Props of a `BaseRepo`. */
export interface BaseRepoProps extends KalypsoObjectProps, KindProps<typeof BASE_REPO> {}

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
    super(scope, id, BASE_REPO, props);
    this.repo = this.fields.repo;
    this.branch = this.fields.branch;
    this.path = this.fields.path;
    this.commit = this.fields.commit;
  }
}
