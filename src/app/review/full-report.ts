import {
  MARKDOWN,
  TREE_BASELINE_NOTICE,
  countOf,
  describeCause,
  describeChange,
  describeInput,
  describeScope,
  unexplainedText,
} from './describe';
import { fileDifferences } from './file-example';
import { reviewMermaid } from './mermaid';
import { ChangeGroup, ChangeReport, InputChange, ReviewInput } from './report';
import { IndexedState, emptyState } from './review-context';

/**
 * Where the full report goes on the pull request's branch, relative to the environment's root: beside
 * `.github/tracking/Promoted_Commit_Id`, outside every cluster-type folder, so Flux and Argo CD never read it.
 */
export const FULL_REPORT_PATH = '.github/kalypso/change-report.md';

/** Largest full report: far below what Git hosts accept in a file (GitHub: 100 MB), and still readable. */
export const MAX_FULL_REPORT_BYTES = 10 * 1024 * 1024;

export interface FullReportOptions {
  /** @default MAX_FULL_REPORT_BYTES */
  readonly maxBytes?: number;
}

/**
 * The full per-file report, for the file a folded pull-request body points at: every input change with every field,
 * every group with every assignment, and for each changed file of each assignment its differences object by object.
 * `input` is what the report was built from (the differences are read from the two plans). When even that is over
 * `maxBytes`, the per-assignment differences stop where the bound is reached, and the report says so; every group and
 * every assignment is still listed.
 */
export function renderFullReport(report: ChangeReport, input: ReviewInput, options: FullReportOptions = {}): string {
  const max = options.maxBytes ?? MAX_FULL_REPORT_BYTES;
  const previous = new IndexedState(input.previous ?? emptyState(report.environment));
  const next = new IndexedState(input.next);
  const code = MARKDOWN.code;
  const inputs = new Map(report.inputs.map((change) => [change.ref, change]));

  const head: string[] = [`# Changes to ${code(report.environment)}`, ''];
  const { before, after, added, removed, changed } = report.assignments;
  head.push(
    `${countOf(before, 'assignment')} before, ${after.toLocaleString('en-US')} now: ${added.toLocaleString('en-US')} added, ${removed.toLocaleString('en-US')} removed, ${changed.toLocaleString('en-US')} changed.`,
  );
  if (report.baseline === 'tree') head.push('', TREE_BASELINE_NOTICE);
  if (report.promotedCommit)
    head.push(
      '',
      `Promoted control-plane commit: ${code(report.promotedCommit.to ?? '(none)')} (was ${code(report.promotedCommit.from ?? '(none)')}).`,
    );
  head.push('', '## Control-plane changes', '');
  head.push(
    ...(report.inputs.length > 0
      ? report.inputs.map((change) => `- ${describeInput(change, MARKDOWN, Infinity)}`)
      : ['None.']),
  );
  if (report.groups.length > 0)
    head.push(
      '',
      '## What moved',
      '',
      '```mermaid',
      ...reviewMermaid(report, { maxNodes: 40 }).trimEnd().split('\n'),
      '```',
    );
  head.push('', '## Changes, by cause');

  const sections: string[][] = report.groups.map((group) => groupSection(report, group, inputs, false));
  let used = byteLength(head) + sections.reduce((sum, lines) => sum + byteLength(lines), 0);
  const tail: string[] = [];
  if (report.otherFiles.length > 0)
    tail.push('', '## Other files', '', ...report.otherFiles.map((path) => `- ${code(path)}`));
  used += byteLength(tail);

  // Differences of each file of each assignment, group by group, while they fit.
  let cut = false;
  for (const [index, group] of report.groups.entries()) {
    if (cut || !group.changes.some((change) => change.type === 'file' && change.change === 'changed') || group.drift)
      continue;
    const withDiffs = groupSection(report, group, inputs, true, previous, next);
    const extra = byteLength(withDiffs) - byteLength(sections[index]);
    if (used + extra > max) {
      cut = true;
      continue;
    }
    sections[index] = withDiffs;
    used += extra;
  }
  const note = cut
    ? [
        '',
        `The differences of the files of some assignments are left out to keep this report under ${max.toLocaleString('en-US')} bytes; every group and assignment is listed.`,
      ]
    : [];
  return `${[...head, ...note, ...sections.flat(), ...tail].join('\n')}\n`;
}

function groupSection(
  report: ChangeReport,
  group: ChangeGroup,
  inputs: ReadonlyMap<string, InputChange>,
  withDiffs: boolean,
  previous?: IndexedState,
  next?: IndexedState,
): string[] {
  const code = MARKDOWN.code;
  const causes = group.drift
    ? 'The branch differs from what the previous control plane planned.'
    : group.causes.length === 0
      ? `${capitalized(unexplainedText(report))}.`
      : `Caused by ${group.causes.map((ref) => describeCause(inputs.get(ref), ref)).join(', ')}.`;
  const lines = [
    '',
    `### ${group.id}: ${describeScope(group.scope)}`,
    '',
    causes,
    '',
    ...group.changes.map((change) => `- ${describeChange(change, MARKDOWN, Infinity)}`),
    '',
    `${countOf(group.assignments.length, 'assignment')}:`,
    '',
  ];
  const files = group.changes.flatMap((change) =>
    change.type === 'file' && change.change === 'changed' ? [change.file] : [],
  );
  for (const assignment of group.assignments) {
    lines.push(`- ${code(`${assignment.clusterType}/${assignment.deploymentTarget}`)}`);
    if (!withDiffs || !previous || !next) continue;
    for (const file of files) {
      const differences = fileDifferences(previous, next, assignment, file);
      if (differences.length === 0) continue;
      lines.push(`  - ${code(file)}`, ...differences.map((line) => `    - ${code(line)}`));
    }
  }
  return lines;
}

function byteLength(lines: readonly string[]): number {
  let bytes = 0;
  for (const line of lines) bytes += Buffer.byteLength(line) + 1;
  return bytes;
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
