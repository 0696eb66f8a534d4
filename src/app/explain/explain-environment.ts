import { DeploymentTarget, EnvironmentModel } from '../../core/model/types';
import { EnvironmentPlan } from '../../core/plan/plan';
import { WORKLOAD_LABEL, WORKSPACE_LABEL, assignmentFolder } from '../../core/layout/names';
import { schedule } from '../../core/scheduling/schedule';
import { locateDeploymentTarget } from '../../core/scheduling/unfold';
import { AssignmentSummary, EnvironmentExplanation, TargetSummary, byName } from './explanation';

/** The assignment matrix of one environment (cluster types × deployment targets, with the policies of each cell). */
export function explainEnvironment(environment: EnvironmentModel, plan: EnvironmentPlan): EnvironmentExplanation {
  const assignments = scheduledAssignments(environment, plan);
  const deploymentTargets = plan.deploymentTargets
    .filter((target) => target.environment === environment.name)
    .map(summarizeTarget)
    .sort(byName);
  const clusterTypes = environment.clusterTypes.map((clusterType) => clusterType.name).sort();
  return {
    environment: environment.name,
    gitOpsRepo: plan.gitOpsRepo,
    promotedCommit: plan.promotedCommit,
    clusterTypes,
    deploymentTargets,
    assignments,
    idleClusterTypes: clusterTypes.filter((name) => !assignments.some((assignment) => assignment.clusterType === name)),
    unscheduledTargets: deploymentTargets
      .map((target) => target.name)
      .filter((name) => !assignments.some((assignment) => assignment.deploymentTarget === name)),
    problems: plan.problems,
  };
}

/** Every pair the policies select, failed ones included (their folders are in `plan.failedFolders`). */
export function scheduledAssignments(environment: EnvironmentModel, plan: EnvironmentPlan): AssignmentSummary[] {
  const failed = new Set(plan.failedFolders);
  return schedule(
    environment.name,
    environment.schedulingPolicies,
    environment.clusterTypes,
    plan.deploymentTargets,
  ).map((assignment) => ({
    clusterType: assignment.clusterType.name,
    deploymentTarget: assignment.deploymentTarget.name,
    policies: assignment.policies,
    failed: failed.has(assignmentFolder(assignment.clusterType.name, assignment.deploymentTarget.name)),
  }));
}

export function summarizeTarget(target: DeploymentTarget): TargetSummary {
  return {
    name: target.name,
    workload: target.labels[WORKLOAD_LABEL] ?? '',
    workspace: target.labels[WORKSPACE_LABEL] ?? '',
    environment: target.environment,
    labels: target.labels,
    location: locateDeploymentTarget(target),
  };
}
