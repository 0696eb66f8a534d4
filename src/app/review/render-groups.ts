import { Style, countOf, describeCause, describeChange, describeScope, unexplainedText } from './describe';
import { distinctAssignments } from './mermaid';
import { ChangeGroup, ChangeReport, OutputChange } from './report';

/*
 * The groups of a change report as lines, at the detail a rendering level asks for: each group with its changes,
 * example and lists; one line per group; one line per key, file or placement (groups by key); one line per kind of
 * change (groups by kind).
 */

/** Where lines go (a budget that stops the attempt when over its bound). */
export interface LineSink {
  push(...lines: string[]): void;
}

/** How much of each group is shown. */
export interface GroupDetail {
  readonly groups: 'full' | 'line' | 'families' | 'totals';
  readonly examples: boolean;
  /** Names listed behind <details> (Markdown) or under each group (text): every list, lists of at most 50, none. */
  readonly lists: 'all' | 'short' | 'none';
}

const SHORT_LIST = 50;
/** Changes and causes named on one line; the others are counted. */
export const LINE_ITEMS = 3;

function causeText(report: ChangeReport, group: ChangeGroup, style: Style, limit: number): string {
  if (group.drift) return 'the branch differs from what the previous control plane planned';
  if (group.causes.length === 0) return unexplainedText(report);
  const inputs = new Map(report.inputs.map((input) => [input.ref, input]));
  const shown = group.causes.slice(0, limit).map((ref) => describeCause(inputs.get(ref), ref, style));
  const more = group.causes.length - shown.length;
  return `caused by ${shown.join(', ')}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''}`;
}

export function renderGroups(
  report: ChangeReport,
  level: GroupDetail,
  style: Style,
  markdown: boolean,
  out: LineSink,
): void {
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

function renderList(group: ChangeGroup, max: number, style: Style, markdown: boolean, out: LineSink): void {
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

function renderFamilies(report: ChangeReport, style: Style, out: LineSink): void {
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
        ? unexplainedText(report)
        : `caused by ${shown.join(', ')}${causes.length > shown.length ? ` and ${(causes.length - shown.length).toLocaleString('en-US')} more` : ''}`;
    out.push(
      `- ${family.title}: ${countOf(family.groups.length, 'group')} (${ids}) on ${countOf(family.assignments, 'assignment')}; ${causeText}`,
    );
  }
}

function renderTotals(report: ChangeReport, out: LineSink): void {
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
