import { Problem, Severity } from '../../core/model/problems';

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

/** The problems with every warning made an error (`--strict`, for CI gates that allow no warning). */
export function warningsAsErrors(problems: readonly Problem[]): Problem[] {
  return problems.map((problem) =>
    problem.severity === Severity.WARNING ? { ...problem, severity: Severity.ERROR } : problem,
  );
}
