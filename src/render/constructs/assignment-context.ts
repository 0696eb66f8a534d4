import { ConfigData } from '../../core/model/config-value';
import { ClusterType, DeploymentTarget } from '../../core/model/types';

/**
 * Everything a renderer may use about one assignment: the same facts Kalypso's templates see (reference §7.3).
 */
export interface AssignmentContext {
  /** The environment name (`.Environment`): the target's `spec.environment`. */
  readonly environment: string;
  /** The cluster type (`.ClusterType`). */
  readonly clusterType: ClusterType;
  /** The deployment target (`.DeploymentTargetName`, `.Manifests`, `.Labels`). */
  readonly deploymentTarget: DeploymentTarget;
  /** The target's `workload` label (`.Workload`). */
  readonly workload: string;
  /** The target's `workspace` label (`.Workspace`). */
  readonly workspace: string;
  /** `<environment>-<clusterType>-<deploymentTarget>` (`.Namespace`). */
  readonly namespace: string;
  /** The composed platform config (`.ConfigData`). */
  readonly config: ConfigData;
}
