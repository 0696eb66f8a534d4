import { formatLocation } from '../../core/model/problems';
import { PLAIN, countOf, describeChange, describeRef, describeScope, unexplainedText } from './describe';
import { ChangeGroup, ChangeReport } from './report';

/*
 * A Mermaid flowchart of what moved (GitHub renders ```mermaid blocks): the input changes on the left, the groups of
 * output changes on the right, an arrow from each cause to what it caused. It is kept small by the grouping: beyond
 * `maxNodes` groups, groups with the same causes share a node, and beyond that the smallest are counted in one node.
 */

/** Node ids of the inputs no control-plane change stands for. */
export const UNEXPLAINED_NODE = 'unexplained';
export const DRIFT_NODE = 'drift';

export interface MermaidOptions {
  /**
   * Most group nodes, and most input nodes, drawn.
   * @default 20
   */
  readonly maxNodes?: number;
  /**
   * Longest config value quoted in a node.
   * @default 30
   */
  readonly maxValueLength?: number;
  /**
   * Short labels: inputs without their file, groups with their number of assignments instead of their scope.
   * @default false
   */
  readonly compact?: boolean;
}

interface GroupNode {
  readonly id: string;
  readonly label: string[];
  readonly groups: readonly ChangeGroup[];
}

/** The flowchart source (without the fence). */
export function reviewMermaid(report: ChangeReport, options: MermaidOptions = {}): string {
  const maxNodes = Math.max(2, options.maxNodes ?? 20);
  const maxValueLength = options.maxValueLength ?? 30;
  const compact = options.compact ?? false;
  const nodes = groupNodes(report.groups, maxNodes, maxValueLength, compact);
  const causesOf = (group: ChangeGroup) =>
    group.drift ? [DRIFT_NODE] : group.causes.length > 0 ? group.causes : [UNEXPLAINED_NODE];

  // Inputs drawn: those causing the most assignments; the rest share one node.
  const weight = new Map<string, number>();
  for (const group of report.groups)
    for (const cause of causesOf(group)) weight.set(cause, (weight.get(cause) ?? 0) + group.assignments.length);
  const ranked = [...weight.keys()].sort((a, b) => weight.get(b)! - weight.get(a)! || (a < b ? -1 : 1));
  const drawn = ranked.length <= maxNodes ? ranked : ranked.slice(0, maxNodes - 1);
  const hidden = ranked.length - drawn.length;
  const inputIds = new Map<string, string>();
  const order = [...drawn].sort((a, b) => inputRank(a, report) - inputRank(b, report) || (a < b ? -1 : a > b ? 1 : 0));
  order.forEach((ref, index) => inputIds.set(ref, isPseudo(ref) ? ref : `i${index + 1}`));
  const inputs = new Map(report.inputs.map((input) => [input.ref, input]));

  const lines = ['flowchart LR'];
  for (const ref of order) {
    const input = inputs.get(ref);
    const label =
      ref === UNEXPLAINED_NODE
        ? [unexplainedText(report)]
        : ref === DRIFT_NODE
          ? ['the branch differs from the previous plan']
          : [
              `${describeRef(ref, PLAIN)}${input ? ` ${input.change}` : ''}`,
              ...(input?.location && !compact ? [formatLocation(input.location)] : []),
            ];
    lines.push(`  ${inputIds.get(ref)}${shape(ref, label)}`);
  }
  if (hidden > 0) lines.push(`  otherInputs${shape('', [`${countOf(hidden, 'more input change')}`])}`);
  for (const node of nodes) lines.push(`  ${node.id}["${node.label.map(escapeLabel).join('<br/>')}"]`);
  for (const node of nodes) {
    const sources = new Set<string>();
    for (const group of node.groups)
      for (const cause of causesOf(group)) sources.add(inputIds.get(cause) ?? 'otherInputs');
    for (const source of [...sources].sort()) lines.push(`  ${source} --> ${node.id}`);
  }
  return `${lines.join('\n')}\n`;
}

function isPseudo(ref: string): boolean {
  return ref === UNEXPLAINED_NODE || ref === DRIFT_NODE;
}

/** Inputs in report order, the pseudo inputs last. */
function inputRank(ref: string, report: ChangeReport): number {
  if (isPseudo(ref)) return report.inputs.length + (ref === DRIFT_NODE ? 1 : 0);
  return report.inputs.findIndex((input) => input.ref === ref);
}

/** Input changes are drawn as stadiums, the pseudo inputs as hexagons, groups as rectangles. */
function shape(ref: string, label: readonly string[]): string {
  const text = label.map(escapeLabel).join('<br/>');
  return isPseudo(ref) ? `{{"${text}"}}` : `(["${text}"])`;
}

/**
 * One node per group; beyond `maxNodes`, one per set of causes; beyond that, the largest `maxNodes - 1` and one node
 * counting the rest.
 */
function groupNodes(
  groups: readonly ChangeGroup[],
  maxNodes: number,
  maxValueLength: number,
  compact: boolean,
): GroupNode[] {
  if (groups.length <= maxNodes) {
    return groups.map((group) => ({
      id: group.id.toLowerCase(),
      label: [
        `${group.id}: ${describeChange(group.changes[0], PLAIN, maxValueLength)}${
          group.changes.length > 1 ? ` and ${countOf(group.changes.length - 1, 'more change')}` : ''
        }`,
        compact ? countOf(group.assignments.length, 'assignment') : describeScope(group.scope, PLAIN),
      ],
      groups: [group],
    }));
  }
  const byCauses = new Map<string, ChangeGroup[]>();
  for (const group of groups) {
    const key = `${group.drift ? 'drift' : ''}\u0001${group.causes.join('\u0000')}`;
    byCauses.set(key, [...(byCauses.get(key) ?? []), group]);
  }
  const sets = [...byCauses.values()]
    .map((members) => ({ members, assignments: distinctAssignments(members) }))
    .sort((a, b) => b.assignments - a.assignments);
  const shown = sets.length <= maxNodes ? sets : sets.slice(0, maxNodes - 1);
  const nodes: GroupNode[] = shown.map(({ members, assignments }, index) => ({
    id: `s${index + 1}`,
    label: [
      members.length === 1 ? members[0].id : `${members[0].id} … ${members[members.length - 1].id}`,
      `${countOf(
        members.reduce((sum, group) => sum + group.changes.length, 0),
        'change',
      )} on ${countOf(assignments, 'assignment')}`,
    ],
    groups: members,
  }));
  const rest = sets.slice(shown.length).flatMap(({ members }) => members);
  if (rest.length > 0) {
    nodes.push({
      id: 'otherGroups',
      label: [`${countOf(rest.length, 'more group')}`, `on ${countOf(distinctAssignments(rest), 'assignment')}`],
      groups: rest,
    });
  }
  return nodes;
}

/** How many assignments the groups touch together. */
export function distinctAssignments(groups: readonly ChangeGroup[]): number {
  const folders = new Set<string>();
  for (const group of groups)
    for (const { clusterType, deploymentTarget } of group.assignments)
      folders.add(`${clusterType}/${deploymentTarget}`);
  return folders.size;
}

/** Characters that end a quoted label or start an entity are written as Mermaid entity codes. */
export function escapeLabel(text: string): string {
  return text.replace(/[#"<>`;]/g, (character) => `#${character.charCodeAt(0)};`);
}
