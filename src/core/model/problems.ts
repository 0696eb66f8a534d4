import { compareStrings } from './order';

/** Where something was written: a file (relative to the control-plane root, `branch/path`) and a 1-based position. */
export interface SourceLocation {
  /** File path relative to the control-plane root, starting with the branch. */
  readonly file: string;
  /**
   * 1-based line.
   * @default - the whole file
   */
  readonly line?: number;
  /**
   * 1-based column.
   * @default 1
   */
  readonly column?: number;
}

/** Errors stop the synth; warnings are reported only. */
export enum Severity {
  ERROR = 'error',
  WARNING = 'warning',
}

/**
 * One problem found in the input. Problems are collected and reported together, never thrown one by one:
 * `file:line:column  Kind/name  field.path  message (got …)  hint`.
 */
export interface Problem {
  /** Whether the problem stops the synth. */
  readonly severity: Severity;
  /** Where the problem was written; absent for objects built in code. */
  readonly location?: SourceLocation;
  /** `Kind/name` of the object the problem is about. */
  readonly object?: string;
  /** Dotted path of the field, e.g. `spec.clusterTypeSelector.labelSelector.matchExpressions[0].operator`. */
  readonly field?: string;
  /** What is wrong. */
  readonly message: string;
  /** The offending value, already formatted for humans (quoted strings, JSON for the rest). */
  readonly got?: string;
  /** How to fix it, e.g. `did you mean "restricted"?`. */
  readonly hint?: string;
}

export function error(message: string, details: Omit<Problem, 'severity' | 'message'> = {}): Problem {
  return { severity: Severity.ERROR, message, ...details };
}

export function warning(message: string, details: Omit<Problem, 'severity' | 'message'> = {}): Problem {
  return { severity: Severity.WARNING, message, ...details };
}

/** Whether the problem is an error (as opposed to a warning). */
export function isError(problem: Problem): boolean {
  return problem.severity === Severity.ERROR;
}

/** Formats a value the way problems quote it: strings in double quotes, everything else as compact JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

export function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return '';
  if (location.line === undefined) return location.file;
  return `${location.file}:${location.line}:${location.column ?? 1}`;
}

/** One line per problem: `file:line:column  Kind/name  field.path  message (got …)  hint`. */
export function formatProblem(problem: Problem): string {
  const message = problem.got === undefined ? problem.message : `${problem.message} (got ${problem.got})`;
  return [formatLocation(problem.location), problem.object, problem.field, message, problem.hint]
    .filter((part): part is string => !!part)
    .join('  ');
}

/**
 * Sorted by file, line, column, then text; exact duplicates (the same main-branch file seen by two environments)
 * removed.
 */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const unique: Problem[] = [];
  for (const problem of problems) {
    const key = `${problem.severity}\u0000${formatProblem(problem)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(problem);
  }
  return unique.sort(compareProblems);
}

function compareProblems(a: Problem, b: Problem): number {
  const byFile = compareStrings(a.location?.file ?? '', b.location?.file ?? '');
  if (byFile !== 0) return byFile;
  const lineDiff = (a.location?.line ?? 0) - (b.location?.line ?? 0);
  if (lineDiff !== 0) return lineDiff;
  const columnDiff = (a.location?.column ?? 0) - (b.location?.column ?? 0);
  if (columnDiff !== 0) return columnDiff;
  return compareStrings(formatProblem(a), formatProblem(b));
}
