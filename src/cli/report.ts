import type { WriteReport } from '../app/report/synth-json';
import { Problem, Severity, formatLocation } from '../core/model/problems';
import { EnvironmentPlan } from '../core/plan/plan';
import { PLAIN, Palette, isColorEnabled, palette } from './color';
import { ExitCode } from './exit';
import { CliIO } from './io';

/**
 * `error  file:line:column  Kind/name  field  message (got …)  hint`, one line each, in the order given (sorted and
 * de-duplicated by `sortProblems`); the severity and the hint are coloured with `colors`.
 */
export function formatProblems(problems: readonly Problem[], colors: Palette = PLAIN): string {
  return problems
    .map((problem) => {
      const severity = problem.severity === Severity.ERROR ? colors.error('error') : colors.warning('warning');
      const message = problem.got === undefined ? problem.message : `${problem.message} (got ${problem.got})`;
      const parts = [formatLocation(problem.location), problem.object, problem.field, message].filter(
        (part): part is string => !!part,
      );
      if (problem.hint) parts.push(colors.hint(problem.hint));
      return `${severity}  ${parts.join('  ')}\n`;
    })
    .join('');
}

/** The colours of what a command prints on stderr. */
export function stderrPalette(io: CliIO): Palette {
  return palette(isColorEnabled(io.stderrIsTTY === true, io.env));
}

export function problemCounts(problems: readonly Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === Severity.ERROR).length;
  const warnings = problems.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** One line per environment: what was planned and, when written, what changed on disk. */
export function formatSummary(plans: readonly EnvironmentPlan[], written: readonly WriteReport[]): string {
  return plans
    .map((plan) => {
      const files = Object.keys(plan.files).length;
      let line = `${plan.environment}: ${plan.assignments.length} assignment${plan.assignments.length === 1 ? '' : 's'} on ${plan.clusterTypes.length} cluster type${plan.clusterTypes.length === 1 ? '' : 's'}, ${files} file${files === 1 ? '' : 's'}`;
      const report = written.find((entry) => entry.environment === plan.environment);
      if (report) {
        const { added, changed, deleted } = report.changes;
        line += ` (${added.length} added, ${changed.length} changed, ${deleted.length} removed)`;
      }
      return `${line}\n`;
    })
    .join('');
}

/** A command's `--json` output: the value, indented by two, on one document. */
export function printJson(io: CliIO, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Reports the input problems that stopped a command (exit 1): with `json` (the command's JSON, its result fields
 * empty), that; else the problems on stderr and `<counts>; nothing <what>`.
 */
export function reportInputProblems(
  io: CliIO,
  problems: readonly Problem[],
  options: { readonly json?: unknown; readonly nothing: string; readonly colors?: Palette },
): ExitCode {
  if (options.json !== undefined) printJson(io, options.json);
  else io.stderr(`${formatProblems(problems, options.colors)}${problemCounts(problems)}; nothing ${options.nothing}\n`);
  return ExitCode.INPUT_PROBLEMS;
}
