import { ClusterType, DeploymentTarget, EnvironmentModel, SchedulingPolicy } from '../../core/model/types';
import { EnvironmentPlan } from '../../core/plan/plan';
import { deploymentTargetName } from '../../core/layout/names';
import { judgeClusterType, judgeDeploymentTarget } from '../../core/scheduling/policy-verdict';
import { unfoldWorkload } from '../../core/scheduling/unfold';
import { explainConfig } from './explain-config';
import { scheduledAssignments, summarizeTarget } from './explain-environment';
import { PolicyExplanation, TargetExplanation, byName } from './explanation';
import { PLATFORM_CONFIG_FILE } from '../../core/layout/names';

/**
 * A deployment target by name: one of the environment's, or one that belongs to another environment (its policies
 * then all turn it away with the environment filter). Undefined when no object or workload defines it.
 */
export function findDeploymentTarget(
  environment: EnvironmentModel,
  plan: EnvironmentPlan,
  name: string,
): DeploymentTarget | undefined {
  const own = plan.deploymentTargets.find((target) => target.name === name);
  if (own) return own;
  for (const workload of environment.workloads) {
    const entry = workload.deploymentTargets.find(
      (target) => deploymentTargetName(workload.name, target.name) === name,
    );
    if (entry) return unfoldWorkload(workload, entry.environment).find((target) => target.name === name);
  }
  return undefined;
}

/** Every deployment target name the environment knows of, any environment's, for did-you-mean hints. */
export function knownDeploymentTargets(environment: EnvironmentModel, plan: EnvironmentPlan): string[] {
  const names = new Set(plan.deploymentTargets.map((target) => target.name));
  for (const workload of environment.workloads) {
    for (const target of workload.deploymentTargets) names.add(deploymentTargetName(workload.name, target.name));
  }
  return [...names].sort();
}

/**
 * Why the target is (not) on each cluster type — every policy's environment, workspace and selector filters — and,
 * where it landed, where each platform config value came from. `clusterType` narrows the explanation to one.
 */
export function explainTarget(
  environment: EnvironmentModel,
  plan: EnvironmentPlan,
  target: DeploymentTarget,
  clusterType?: ClusterType,
): TargetExplanation {
  const clusterTypes = clusterType ? [clusterType] : [...environment.clusterTypes].sort(byName);
  const names = new Set(clusterTypes.map((ct) => ct.name));
  const placements = scheduledAssignments(environment, plan).filter(
    (assignment) => assignment.deploymentTarget === target.name && names.has(assignment.clusterType),
  );
  const policies = [...environment.schedulingPolicies]
    .sort(byName)
    .map((policy) => explainPolicy(policy, target, clusterTypes, environment.name));
  const configs = placements
    .filter((placement) => !placement.failed)
    .map((placement) => {
      const planned = plan.assignments.find(
        (a) => a.clusterType === placement.clusterType && a.deploymentTarget === target.name,
      );
      const file = planned?.files.find((path) => path.split('/').pop()!.startsWith(`${PLATFORM_CONFIG_FILE}.`));
      return explainConfig(
        environment,
        clusterTypes.find((ct) => ct.name === placement.clusterType)!,
        target,
        file,
      );
    });
  return {
    environment: environment.name,
    deploymentTarget: summarizeTarget(target),
    clusterTypes: clusterTypes.map((ct) => ct.name),
    placements,
    policies,
    configs,
  };
}

function explainPolicy(
  policy: SchedulingPolicy,
  target: DeploymentTarget,
  clusterTypes: readonly ClusterType[],
  environment: string,
): PolicyExplanation {
  return {
    policy: policy.name,
    location: policy.source?.location,
    ...(policy.workspace ? { workspace: policy.workspace } : {}),
    deploymentTarget: judgeDeploymentTarget(policy, target, environment),
    clusterTypes: clusterTypes.map((clusterType) => ({
      clusterType: clusterType.name,
      verdict: judgeClusterType(policy, clusterType),
    })),
  };
}
