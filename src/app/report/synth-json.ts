import { Problem, isError } from '../../core/model/problems';
import { EnvironmentPlan } from '../../core/plan/plan';
import { WriteReport } from '../../io/output/write';
import { SynthResult } from '../synthesize/synthesize';
import { problemJson } from './problem-json';

export type { WriteReport } from '../../io/output/write';

/** An environment's plan, and what writing it changed (`null` when it was not written). */
export function planJson(plan: EnvironmentPlan, report: WriteReport | undefined) {
  return {
    name: plan.environment,
    gitOpsRepo: plan.gitOpsRepo ?? null,
    promotedCommit: plan.promotedCommit ?? null,
    clusterTypes: plan.clusterTypes,
    assignments: plan.assignments.map((assignment) => ({
      clusterType: assignment.clusterType,
      deploymentTarget: assignment.deploymentTarget,
      workload: assignment.workload,
      namespace: assignment.namespace,
      policies: assignment.policies,
      files: assignment.files,
    })),
    files: Object.keys(plan.files),
    changes: report
      ? { added: report.changes.added, changed: report.changes.changed, removed: report.changes.deleted }
      : null,
  };
}

/**
 * `kalypso synth --json`: what was planned and written, and the problems (the result's, or as `--strict` sees them).
 */
export function synthJson(result: Pick<SynthResult, 'plans' | 'written'>, problems: readonly Problem[]) {
  return {
    written: result.written.length > 0,
    environments: result.plans.map((plan) =>
      planJson(
        plan,
        result.written.find((report) => report.environment === plan.environment),
      ),
    ),
    problems: problems.map(problemJson),
  };
}

/** `kalypso validate --json`: whether the input is valid, the plans and every problem. */
export function validateJson(result: Pick<SynthResult, 'plans'>, problems: readonly Problem[]) {
  return {
    valid: !problems.some(isError),
    environments: result.plans.map((plan) => planJson(plan, undefined)),
    problems: problems.map(problemJson),
  };
}
