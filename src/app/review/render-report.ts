import { changedMatrix, changedMatrixMarkdown, changedMatrixText } from './changed-matrix';
import {
  MARKDOWN,
  PLAIN,
  Style,
  countOf,
  describeCause,
  describeChange,
  describeInput,
  describeRef,
  describeScope,
} from './describe';
import { distinctAssignments, reviewMermaid } from './mermaid';
import { ChangeGroup, ChangeReport, InputChange, OutputChange } from './report';

/*
 * The change report as Markdown (a pull-request body) or plain text, under a size bound. Detail is folded, coarsest
 * last, until the text fits: first the lists behind <details>, then the per-file differences, then the matrix, then
 * the picture is made smaller, then each group takes one line, then groups of the same key or file share a line, then
 * only totals remain. No group is ever left out silently: a folded text counts what it folds and says where the full
 * report is.
 */

/** GitHub refuses pull-request bodies and comments over 65,536 characters; a character is at least one byte. */
export const GITHUB_BODY_LIMIT = 65_536;

export interface RenderReviewOptions {
  /**
   * Upper bound of the text in UTF-8 bytes.
   * @default GITHUB_BODY_LIMIT for Markdown; no bound for plain text
   */
  readonly maxBytes?: number;
  /** Lines placed first (e.g. the hidden marker of the pull request), counted in the bound. */
  readonly preamble?: readonly string[];
  /**
   * Where the full report is (e.g. `.github/kalypso/dev.md` on the pull request's branch), named when detail is folded.
   * @default - `kalypso diff --summary` is named
   */
  readonly fullReport?: { readonly path: string; readonly url?: string };
}

export interface RenderedReview {
  readonly text: string;
  /** What was folded to fit, coarsest last; empty when everything is there. */
  readonly folded: readonly string[];
}

type Format = 'markdown' | 'text';

/** What one attempt includes. Each level folds one more thing than the one before. */
interface Level {
  /** Names listed behind <details> (Markdown) or under each group (text): every list, lists of at most 50, none. */
  readonly lists: 'all' | 'short' | 'none';
  readonly examples: boolean;
  readonly matrix: boolean;
  readonly picture: 'full' | 'small' | 'none';
  readonly groups: 'full' | 'line' | 'families' | 'totals';
  readonly inputs: 'all' | 'first' | 'totals';
  /** What this level folds, for `RenderedReview.folded`. */
  readonly folds?: string;
}

const LEVELS: readonly Level[] = [
  { lists: 'all', examples: true, matrix: true, picture: 'full', groups: 'full', inputs: 'all' },
  { lists: 'short', examples: true, matrix: true, picture: 'full', groups: 'full', inputs: 'all', folds: 'long lists' },
  { lists: 'none', examples: true, matrix: true, picture: 'full', groups: 'full', inputs: 'all', folds: 'lists' },
  {
    lists: 'none',
    examples: false,
    matrix: true,
    picture: 'full',
    groups: 'full',
    inputs: 'all',
    folds: 'file differences',
  },
  { lists: 'none', examples: false, matrix: false, picture: 'full', groups: 'full', inputs: 'all', folds: 'matrix' },
  { lists: 'none', examples: false, matrix: false, picture: 'small', groups: 'full', inputs: 'all', folds: 'picture' },
  {
    lists: 'none',
    examples: false,
    matrix: false,
    picture: 'small',
    groups: 'line',
    inputs: 'first',
    folds: 'group detail',
  },
  {
    lists: 'none',
    examples: false,
    matrix: false,
    picture: 'none',
    groups: 'families',
    inputs: 'first',
    folds: 'groups by key',
  },
  {
    lists: 'none',
    examples: false,
    matrix: false,
    picture: 'none',
    groups: 'totals',
    inputs: 'totals',
    folds: 'groups by kind',
  },
];

const SHORT_LIST = 50;
const FIRST_INPUTS = 30;
const LINE_ITEMS = 3;

/** Stops an attempt as soon as it is over the bound, so that a level too large costs no more than the bound. */
class Budget {
  public readonly lines: string[] = [];
  private bytes = 0;
  public constructor(private readonly max: number) {}
  public push(...lines: string[]): void {
    for (const line of lines) {
      this.bytes += Buffer.byteLength(line) + 1;
      if (this.bytes > this.max) throw OVER_BUDGET;
      this.lines.push(line);
    }
  }
}
const OVER_BUDGET = new Error('over budget');

/** The change report as a pull-request body: Markdown with a Mermaid picture, folded to fit `maxBytes`. */
export function renderReviewMarkdown(report: ChangeReport, options: RenderReviewOptions = {}): RenderedReview {
  return renderFitting(report, 'markdown', options, options.maxBytes ?? GITHUB_BODY_LIMIT);
}

/** The change report as plain text (a terminal), folded only when `maxBytes` is given. */
export function renderReviewText(report: ChangeReport, options: RenderReviewOptions = {}): RenderedReview {
  return renderFitting(report, 'text', options, options.maxBytes ?? Number.POSITIVE_INFINITY);
}

function renderFitting(
  report: ChangeReport,
  format: Format,
  options: RenderReviewOptions,
  max: number,
): RenderedReview {
  const folded: string[] = [];
  for (const [index, level] of LEVELS.entries()) {
    if (level.folds) folded.push(level.folds);
    const budget = new Budget(max);
    try {
      renderLevel(report, format, level, index > 0, options, budget);
      return { text: `${budget.lines.join('\n')}\n`, folded };
    } catch (e) {
      if (e !== OVER_BUDGET) throw e;
    }
  }
  // Even the totals do not fit: a bound this small leaves room only to say where the report is.
  folded.push('everything');
  const budget = new Budget(Number.POSITIVE_INFINITY);
  renderLevel(report, format, LEVELS[LEVELS.length - 1], true, options, budget);
  return { text: cutToFit(budget.lines, max, fullReportSentence(format, options)), folded };
}

function cutToFit(lines: readonly string[], max: number, note: string): string {
  const tail = `… ${note}\n`;
  let used = Buffer.byteLength(tail);
  const kept: string[] = [];
  for (const line of lines) {
    const size = Buffer.byteLength(line) + 1;
    if (used + size > max) break;
    kept.push(line);
    used += size;
  }
  return `${kept.map((line) => `${line}\n`).join('')}${tail}`;
}

function fullReportSentence(format: Format, options: RenderReviewOptions): string {
  const style = format === 'markdown' ? MARKDOWN : PLAIN;
  const where = options.fullReport;
  if (!where) return `The full report, every assignment and file: ${style.code('kalypso diff --summary')}.`;
  const path = style.code(where.path);
  const linked = where.url && format === 'markdown' ? `[${path}](${where.url})` : path;
  return `The full report, every assignment and file: ${linked}${where.url && format === 'text' ? ` (${where.url})` : ''}.`;
}

function renderLevel(
  report: ChangeReport,
  format: Format,
  level: Level,
  folded: boolean,
  options: RenderReviewOptions,
  out: Budget,
): void {
  const markdown = format === 'markdown';
  const style = markdown ? MARKDOWN : PLAIN;
  const heading = (title: string) => out.push('', markdown ? `### ${title}` : title, ...(markdown ? [''] : []));
  out.push(...(options.preamble ?? []));
  out.push(summaryLine(report, markdown));
  if (report.promotedCommit) out.push('', promotedCommitLine(report, style, markdown));
  if (folded) out.push('', `Some detail is folded to fit. ${fullReportSentence(format, options)}`);

  if (report.inputs.length > 0) {
    heading('Control-plane changes');
    renderInputs(report.inputs, level, style, out);
  }
  if (report.groups.length > 0) {
    heading('Changes, by cause');
    renderGroups(report, level, style, markdown, out);
  }
  if (markdown && level.picture !== 'none' && report.groups.length > 0) {
    heading('What moved');
    const mermaid = reviewMermaid(
      report,
      level.picture === 'full' ? { maxNodes: 20 } : { maxNodes: 8, maxValueLength: 20, compact: true },
    );
    out.push('```mermaid', ...mermaid.trimEnd().split('\n'), '```');
  }
  const matrix = level.matrix ? changedMatrix(report) : undefined;
  if (matrix) {
    heading('Changed cells');
    out.push(
      ...(markdown ? [] : ['']),
      ...(markdown ? changedMatrixMarkdown(matrix) : changedMatrixText(matrix, style)),
      ...(markdown ? [''] : []),
      `Each cell names the groups that change it (${style.code('+')} added, ${style.code('−')} removed).`,
    );
  }
  if (report.otherFiles.length > 0) {
    heading('Other files');
    const shown = level.inputs === 'all' ? report.otherFiles : report.otherFiles.slice(0, FIRST_INPUTS);
    out.push(...shown.map((path) => `- ${style.code(path)}`));
    if (shown.length < report.otherFiles.length)
      out.push(`- and ${countOf(report.otherFiles.length - shown.length, 'more file')}`);
  }
  if (report.files) {
    const { added, changed, deleted } = report.files;
    out.push('', `Files: ${added} added, ${changed} changed, ${deleted} deleted.`);
  }
}

function summaryLine(report: ChangeReport, markdown: boolean): string {
  const { added, removed, changed, after } = report.assignments;
  if (report.groups.length === 0 && report.inputs.length === 0)
    return `No change to the ${countOf(after, 'assignment')} of ${report.environment}.`;
  const parts = [
    ...(added > 0 ? [`${added.toLocaleString('en-US')} added`] : []),
    ...(removed > 0 ? [`${removed.toLocaleString('en-US')} removed`] : []),
    ...(changed > 0 ? [`${changed.toLocaleString('en-US')} changed`] : []),
  ];
  const label = markdown ? '**Summary:**' : 'Summary:';
  return `${label} ${countOf(report.inputs.length, 'control-plane change')} → ${countOf(report.groups.length, 'group')} of changes; assignments ${parts.length > 0 ? parts.join(', ') : 'unchanged'} (${after.toLocaleString('en-US')} now).`;
}

function promotedCommitLine(report: ChangeReport, style: Style, markdown: boolean): string {
  const { from, to, causes } = report.promotedCommit!;
  const label = markdown ? '**Promoted control-plane commit:**' : 'Promoted control-plane commit:';
  const by = causes.length > 0 ? `, set by ${causes.map((ref) => describeRef(ref, style)).join(', ')}` : '';
  return to
    ? `${label} ${style.code(to)}${from ? ` (was ${style.code(from)})` : ''}${by}`
    : `${label} removed (was ${style.code(from ?? '')})${by}`;
}

function renderInputs(inputs: readonly InputChange[], level: Level, style: Style, out: Budget): void {
  const shown = level.inputs === 'all' ? inputs : level.inputs === 'first' ? inputs.slice(0, FIRST_INPUTS) : [];
  out.push(...shown.map((input) => `- ${describeInput(input, style)}`));
  const rest = inputs.slice(shown.length);
  if (rest.length > 0) out.push(`- ${shown.length > 0 ? 'and ' : ''}${kindCounts(rest)}`);
}

/** `3 ConfigMaps changed, 1 ClusterType removed`. */
function kindCounts(inputs: readonly InputChange[]): string {
  const counts = new Map<string, number>();
  for (const input of inputs)
    counts.set(`${input.kind}\u0000${input.change}`, (counts.get(`${input.kind}\u0000${input.change}`) ?? 0) + 1);
  return [...counts]
    .map(([key, n]) => {
      const [kind, change] = key.split('\u0000');
      return `${countOf(n, kind)} ${change}`;
    })
    .join(', ');
}

function causeText(report: ChangeReport, group: ChangeGroup, style: Style, limit: number): string {
  if (group.drift) return 'the branch differs from what the previous control plane planned';
  if (group.causes.length === 0) return 'no control-plane change explains it';
  const inputs = new Map(report.inputs.map((input) => [input.ref, input]));
  const shown = group.causes.slice(0, limit).map((ref) => describeCause(inputs.get(ref), ref, style));
  const more = group.causes.length - shown.length;
  return `caused by ${shown.join(', ')}${more > 0 ? ` and ${countOf(more, 'more')}` : ''}`;
}

function renderGroups(report: ChangeReport, level: Level, style: Style, markdown: boolean, out: Budget): void {
  if (level.groups === 'families') return renderFamilies(report, style, out);
  if (level.groups === 'totals') return renderTotals(report, out);
  const id = (group: ChangeGroup) => (markdown ? `**${group.id}**` : group.id);
  for (const group of report.groups) {
    if (level.groups === 'line') {
      const changes = group.changes.slice(0, LINE_ITEMS).map((change) => describeChange(change, style, 40));
      const more = group.changes.length - changes.length;
      out.push(
        `- ${id(group)} ${changes.join('; ')}${more > 0 ? ` and ${countOf(more, 'more change')}` : ''} on ${describeScope(group.scope, style)}; ${causeText(report, group, style, LINE_ITEMS)}`,
      );
      continue;
    }
    out.push(`- ${id(group)} on ${describeScope(group.scope, style)}, ${causeText(report, group, style, Infinity)}`);
    out.push(...group.changes.map((change) => `  - ${describeChange(change, style)}`));
    if (level.examples && group.example) {
      const { assignment, files } = group.example;
      for (const file of files) {
        if (file.lines.length === 0) continue;
        out.push(
          `  - for example ${style.code(`${assignment.clusterType}/${assignment.deploymentTarget}/${file.file}`)}:`,
          ...file.lines.map((line) => `    - ${style.code(line)}`),
          ...(file.more > 0 ? [`    - and ${countOf(file.more, 'more difference')}`] : []),
        );
      }
    }
    if (level.lists !== 'none')
      renderList(group, level.lists === 'short' ? SHORT_LIST : Infinity, style, markdown, out);
  }
}

/** The names a group's scope stands for, when the scope does not name them already. */
function listedNames(group: ChangeGroup): { what: string; names: string[] }[] {
  const { scope } = group;
  if (scope.type === 'list')
    return [
      {
        what: 'assignment',
        names: group.assignments.map(({ clusterType, deploymentTarget }) => `${clusterType}/${deploymentTarget}`),
      },
    ];
  if (scope.type === 'all') return [];
  const lists: { what: string; names: string[] }[] = [];
  if (scope.clusterTypes.by === 'labels' || scope.clusterTypes.by === 'renderer')
    lists.push({ what: 'cluster type', names: [...scope.clusterTypeNames] });
  if (scope.deploymentTargets.by === 'labels' || scope.deploymentTargets.by === 'workload')
    lists.push({ what: 'deployment target', names: [...scope.deploymentTargetNames] });
  return lists;
}

function renderList(group: ChangeGroup, max: number, style: Style, markdown: boolean, out: Budget): void {
  for (const { what, names } of listedNames(group)) {
    if (names.length > max) continue;
    const text = names.map(style.code).join(', ');
    if (markdown)
      out.push(`  <details><summary>${countOf(names.length, what)}</summary>`, '', `  ${text}`, '', '  </details>');
    else out.push(`  ${countOf(names.length, what)}: ${text}`);
  }
}

/** A family: groups of the same key, the same file, or the same placement by the same policies. */
function familyOf(change: OutputChange): string {
  switch (change.type) {
    case 'config':
      return `config\u0000${change.key}`;
    case 'file':
      return `file\u0000${change.file}\u0000${change.change}`;
    case 'assignment':
      return `assignment\u0000${change.change}\u0000${change.policies.join(', ')}`;
  }
}

function familyTitle(change: OutputChange, style: Style): string {
  switch (change.type) {
    case 'config':
      return `${style.code(change.key)} changed`;
    case 'file':
      return `${style.code(change.file)} ${change.change}`;
    case 'assignment':
      return `assignments ${change.change} (${change.change === 'added' ? '' : 'were '}placed by ${change.policies.map(style.code).join(', ')})`;
  }
}

function renderFamilies(report: ChangeReport, style: Style, out: Budget): void {
  const families = new Map<
    string,
    { title: string; groups: ChangeGroup[]; causes: Set<string>; assignments: number }
  >();
  for (const group of report.groups) {
    for (const change of group.changes) {
      const key = familyOf(change);
      let family = families.get(key);
      if (!family)
        families.set(
          key,
          (family = { title: familyTitle(change, style), groups: [], causes: new Set(), assignments: 0 }),
        );
      family.groups.push(group);
      family.assignments += group.assignments.length;
      for (const cause of group.causes) family.causes.add(cause);
    }
  }
  const inputs = new Map(report.inputs.map((input) => [input.ref, input]));
  for (const family of [...families.values()].sort((a, b) => b.assignments - a.assignments)) {
    const ids = groupIds(family.groups);
    const causes = [...family.causes].sort();
    const shown = causes.slice(0, LINE_ITEMS).map((ref) => describeCause(inputs.get(ref), ref, style));
    const causeText =
      causes.length === 0
        ? 'no control-plane change explains it'
        : `caused by ${shown.join(', ')}${causes.length > shown.length ? ` and ${countOf(causes.length - shown.length, 'more')}` : ''}`;
    out.push(
      `- ${family.title}: ${countOf(family.groups.length, 'group')} (${ids}) on ${countOf(family.assignments, 'assignment')}; ${causeText}`,
    );
  }
}

function renderTotals(report: ChangeReport, out: Budget): void {
  const totals = new Map<string, { groups: ChangeGroup[]; names: Set<string> }>();
  for (const group of report.groups) {
    const types = new Set(
      group.changes.map((change) => (change.type === 'assignment' ? `assignments ${change.change}` : change.type)),
    );
    for (const type of types) {
      const total = totals.get(type) ?? { groups: [], names: new Set<string>() };
      total.groups.push(group);
      for (const change of group.changes) {
        if (change.type === 'config') total.names.add(change.key);
        if (change.type === 'file') total.names.add(change.file);
      }
      totals.set(type, total);
    }
  }
  for (const [type, total] of totals) {
    const what =
      type === 'config'
        ? `config keys: ${countOf(total.names.size, 'key')} changed`
        : type === 'file'
          ? `files: ${countOf(total.names.size, 'file name')} changed`
          : type;
    out.push(
      `- ${what} in ${countOf(total.groups.length, 'group')} (${groupIds(total.groups)}) on ${countOf(distinctAssignments(total.groups), 'assignment')}`,
    );
  }
}

/** `G1`, `G1, G3, G4`, or `G1 … G40, 12 groups` when there are many. */
function groupIds(groups: readonly ChangeGroup[]): string {
  if (groups.length <= LINE_ITEMS) return groups.map((group) => group.id).join(', ');
  return `${groups[0].id}, ${groups[1].id} … ${groups[groups.length - 1].id}`;
}
