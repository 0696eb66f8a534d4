import { Problem, Severity, formatProblem } from '../model/problems';
import { EnvironmentPlan } from '../output/plan';
import { WriteReport } from '../output/write';

/** `error  file:line:column  Kind/name  field  message (got …)  hint`, one line each. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((problem) => `${problem.severity === Severity.ERROR ? 'error' : 'warning'}  ${formatProblem(problem)}\n`).join('');
}

export function problemCounts(problems: readonly Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === Severity.ERROR).length;
  const warnings = problems.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** One line per environment: what was planned and, when written, what changed on disk. */
export function formatSummary(plans: readonly EnvironmentPlan[], written: readonly WriteReport[]): string {
  return plans.map((plan) => {
    const files = Object.keys(plan.files).length;
    let line = `${plan.environment}: ${plan.assignments.length} assignment${plan.assignments.length === 1 ? '' : 's'} on ${plan.clusterTypes.length} cluster type${plan.clusterTypes.length === 1 ? '' : 's'}, ${files} file${files === 1 ? '' : 's'}`;
    const report = written.find((entry) => entry.environment === plan.environment);
    if (report) {
      const { added, changed, deleted } = report.changes;
      line += ` (${added.length} added, ${changed.length} changed, ${deleted.length} removed)`;
    }
    return `${line}\n`;
  }).join('');
}

/** The stable JSON shape of a problem (README "JSON output"). */
export function problemJson(problem: Problem) {
  return {
    severity: problem.severity,
    file: problem.location?.file ?? null,
    line: problem.location?.line ?? null,
    column: problem.location?.column ?? null,
    object: problem.object ?? null,
    field: problem.field ?? null,
    message: problem.message,
    got: problem.got ?? null,
    hint: problem.hint ?? null,
  };
}

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
