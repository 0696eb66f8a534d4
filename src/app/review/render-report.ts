import { changedMatrix, changedMatrixMarkdown, changedMatrixText } from './changed-matrix';
import { MARKDOWN, PLAIN, Style, TREE_BASELINE_NOTICE, countOf, describeInput, describeRef } from './describe';
import { reviewMermaid } from './mermaid';
import { GroupDetail, LineSink, renderGroups } from './render-groups';
import { ChangeReport, InputChange } from './report';

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
interface Level extends GroupDetail {
  readonly matrix: boolean;
  readonly picture: 'full' | 'small' | 'none';
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

const FIRST_INPUTS = 30;

/** Stops an attempt as soon as it is over the bound, so that a level too large costs no more than the bound. */
class Budget implements LineSink {
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
  if (report.baseline === 'tree') out.push('', TREE_BASELINE_NOTICE);
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
  const inputs = report.baseline === 'tree' ? '' : `${countOf(report.inputs.length, 'control-plane change')} → `;
  return `${label} ${inputs}${countOf(report.groups.length, 'group')} of changes; assignments ${parts.length > 0 ? parts.join(', ') : 'unchanged'} (${after.toLocaleString('en-US')} now).`;
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
