import { formatDiffCounts, formatTreeDiff } from '../diff/format-diff';
import { TreeDiff, isEmptyDiff } from '../diff/tree-diff';
import { Severity, formatProblem } from '../model/problems';
import { EnvironmentExplanation } from './explanation';
import { code, environmentMarkdownParts } from './render-markdown';

export interface PullRequestBodyOptions {
  /** What the change does to the environment's branch; adds a "Changes" section listing objects and fields. */
  readonly diff?: TreeDiff;
  /**
   * Upper bound of the body in UTF-8 bytes; long lists are cut with a note saying how much was left out.
   * @default 60000 (GitHub refuses bodies over 65,536 characters)
   */
  readonly maxBytes?: number;
}

export const DEFAULT_PULL_REQUEST_BODY_BYTES = 60_000;

/** A list of lines that may be cut; `more(n)` says what was left out. */
interface Truncatable {
  readonly lines: readonly string[];
  readonly more: (left: number) => string;
}

/**
 * The pull-request body of one environment (SPEC §1 "reviewers"): the assignment matrix with the policies of each
 * cell, the cluster types and targets left idle, the changes object by object and field by field when `diff` is
 * given, and the warnings. The same data as `kalypso explain --format markdown`; lists are cut to stay under
 * `maxBytes`.
 */
export function renderPullRequestBody(explanation: EnvironmentExplanation, options: PullRequestBodyOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_PULL_REQUEST_BODY_BYTES;
  const { head, table, rows, tail } = environmentMarkdownParts(explanation);
  const environment = explanation.environment;
  const warnings = explanation.problems.map((problem) => `${problem.severity === Severity.ERROR ? 'error' : 'warning'}  ${formatProblem(problem)}`);
  const changeLines = options.diff ? formatTreeDiff(options.diff) : [];

  const lists: Truncatable[] = [
    { lines: rows, more: (n) => `\n… ${n} more deployment target${n === 1 ? '' : 's'}: run \`kalypso explain --env ${environment}\` for the whole matrix.` },
    { lines: changeLines, more: (n) => `… ${n} more change${n === 1 ? '' : 's'}: run \`kalypso diff --env ${environment} --against <tree>\` for all of them.` },
    { lines: warnings, more: (n) => `… ${n} more: run \`kalypso validate --env ${environment}\` for all of them.` },
  ];
  const sections = (kept: readonly string[][]) => {
    const [matrixRows, changes, problems] = kept;
    const parts = [
      `## Platform GitOps for ${code(environment)}`,
      '',
      ...head.slice(2),
      '#### Assignments',
      '',
      ...table, ...matrixRows,
      ...(tail.length > 0 ? ['', ...tail] : []),
    ];
    if (explanation.promotedCommit) parts.push('', `Promoted control-plane commit: ${code(explanation.promotedCommit)}.`);
    if (options.diff) {
      parts.push('', '#### Changes', '');
      if (isEmptyDiff(options.diff)) parts.push('No changes.');
      else parts.push(`${formatDiffCounts(options.diff)}:`, '', '```', ...changes, '```');
    }
    if (warnings.length > 0) parts.push('', `#### ${problemTitle(explanation)}`, '', '```', ...problems, '```');
    parts.push('', `<sub>Why is a target (not) on a cluster type, and where does a config value come from? Run \`kalypso explain --env ${environment} --target <deployment target>\`.</sub>`);
    return `${parts.join('\n')}\n`;
  };

  const full = sections(lists.map((list) => [...list.lines]));
  if (bytes(full) <= maxBytes) return full;
  const fixed = bytes(sections(lists.map(() => [])));
  const allocations = shareBudget(lists.map((list) => list.lines.reduce((sum, line) => sum + bytes(line) + 1, 0)), Math.max(0, maxBytes - fixed));
  const body = sections(lists.map((list, index) => cut(list, allocations[index])));
  return bytes(body) <= maxBytes ? body : `${Buffer.from(body).subarray(0, Math.max(0, maxBytes - 16)).toString('utf8').replace(/\uFFFD$/, '')}\n… (truncated)\n`;
}

function problemTitle(explanation: EnvironmentExplanation): string {
  const errors = explanation.problems.filter((problem) => problem.severity === Severity.ERROR).length;
  const warnings = explanation.problems.length - errors;
  const parts = [];
  if (errors > 0) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.join(', ').replace(/^./, (first) => first.toUpperCase());
}

/** Splits a budget among lists: each gets what it needs up to an equal share, and what one leaves goes to the others. */
export function shareBudget(sizes: readonly number[], budget: number): number[] {
  const allocations = sizes.map(() => 0);
  let left = budget;
  const order = sizes.map((size, index) => ({ size, index })).sort((a, b) => a.size - b.size);
  order.forEach(({ size, index }, position) => {
    const share = Math.floor(left / (order.length - position));
    allocations[index] = Math.min(size, share);
    left -= allocations[index];
  });
  return allocations;
}

/** The first lines of a list that fit in `budget` bytes, with its note about the rest. */
function cut(list: Truncatable, budget: number): string[] {
  const total = list.lines.reduce((sum, line) => sum + bytes(line) + 1, 0);
  if (total <= budget) return [...list.lines];
  const kept: string[] = [];
  let used = bytes(list.more(list.lines.length)) + 1;
  for (const line of list.lines) {
    if (used + bytes(line) + 1 > budget) break;
    kept.push(line);
    used += bytes(line) + 1;
  }
  return [...kept, list.more(list.lines.length - kept.length)];
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
