import { ClusterType, DeploymentTarget, SchedulingPolicy } from '../model/types';
import { WORKLOAD_LABEL, WORKSPACE_LABEL } from '../layout/names';
import { matchesSelector } from './selector';
import { compareStrings } from '../model/order';

/** A deployment target placed on a cluster type, with every policy that placed it there. */
export interface Assignment {
  readonly clusterType: ClusterType;
  readonly deploymentTarget: DeploymentTarget;
  /** The `workload` label of the deployment target. */
  readonly workload: string;
  /** Names of the policies that selected this pair, sorted. */
  readonly policies: readonly string[];
}

/** Whether the policy's workspace filter lets the target through (no workspace: every target). */
export function isInWorkspace(target: DeploymentTarget, policy: SchedulingPolicy): boolean {
  return !policy.workspace || target.labels[WORKSPACE_LABEL] === policy.workspace;
}

/**
 * Every (cluster type, deployment target) pair the policies select
 * (docs/explanation/scheduling-and-config.md#scheduling): per policy the cross product of the cluster types its
 * clusterTypeSelector matches and the targets of this environment its workspace and deploymentTargetSelector let
 * through. A pair selected by several policies is one assignment (docs/explanation/compatibility.md). Sorted by cluster
 * type, then deployment target.
 */
export function schedule(
  environment: string,
  policies: readonly SchedulingPolicy[],
  clusterTypes: readonly ClusterType[],
  targets: readonly DeploymentTarget[],
): Assignment[] {
  const environmentTargets = targets.filter((target) => target.environment === environment);
  const pairs = new Map<string, { clusterType: ClusterType; deploymentTarget: DeploymentTarget; policies: string[] }>();
  for (const policy of policies) {
    const selectedClusterTypes = clusterTypes.filter((ct) => matchesSelector(ct.labels, policy.clusterTypeSelector));
    const selectedTargets = environmentTargets.filter(
      (target) => isInWorkspace(target, policy) && matchesSelector(target.labels, policy.deploymentTargetSelector),
    );
    for (const clusterType of selectedClusterTypes) {
      for (const deploymentTarget of selectedTargets) {
        const key = `${clusterType.name}\u0000${deploymentTarget.name}`;
        const pair = pairs.get(key) ?? { clusterType, deploymentTarget, policies: [] };
        pair.policies.push(policy.name);
        pairs.set(key, pair);
      }
    }
  }
  return [...pairs.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([, pair]) => ({
      ...pair,
      workload: pair.deploymentTarget.labels[WORKLOAD_LABEL] ?? '',
      policies: [...pair.policies].sort(),
    }));
}
