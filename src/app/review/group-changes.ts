import { AssignmentOutputChange } from './output-changes';
import { AssignmentRef, OutputChange } from './report';

/** Assignments that share output changes and their causes, before their scope is described. */
export interface UngroupedScope {
  readonly changes: readonly OutputChange[];
  readonly causes: readonly string[];
  readonly drift: boolean;
  readonly assignments: readonly AssignmentRef[];
}

/**
 * Groups identical output changes with identical causes, then merges the groups that touch the same assignments for
 * the same causes (two keys of one ConfigMap changed everywhere are one entry). Sorted by the number of assignments,
 * most first, then by their first change.
 */
export function groupChanges(changes: readonly AssignmentOutputChange[]): UngroupedScope[] {
  const byChange = new Map<
    string,
    { change: OutputChange; causes: readonly string[]; drift: boolean; assignments: AssignmentRef[] }
  >();
  for (const { assignment, change, causes, drift } of changes) {
    const key = `${changeKey(change)}\u0001${causes.join('\u0000')}\u0001${drift ? 'drift' : ''}`;
    let group = byChange.get(key);
    if (!group) byChange.set(key, (group = { change, causes, drift: drift ?? false, assignments: [] }));
    group.assignments.push(assignment);
  }
  // Groups with the same causes and the same assignments are merged; candidates share causes and size.
  const merged: Merged[] = [];
  const candidates = new Map<string, Merged[]>();
  for (const group of byChange.values()) {
    group.assignments.sort(compareAssignments);
    const key = `${group.causes.join('\u0000')}\u0001${group.drift}\u0001${group.assignments.length}`;
    const bucket = candidates.get(key) ?? [];
    const same = bucket.find((other) => sameAssignments(other.assignments, group.assignments));
    if (same) same.changes.push(group.change);
    else {
      const entry = {
        changes: [group.change],
        causes: group.causes,
        drift: group.drift,
        assignments: group.assignments,
      };
      merged.push(entry);
      candidates.set(key, [...bucket, entry]);
    }
  }
  return merged
    .map((group) => ({ ...group, changes: [...group.changes].sort(compareChanges) }))
    .sort(
      (a, b) =>
        b.assignments.length - a.assignments.length ||
        compareChanges(a.changes[0], b.changes[0]) ||
        compareText(a.causes.join(','), b.causes.join(',')),
    );
}

export function compareAssignments(a: AssignmentRef, b: AssignmentRef): number {
  return compareText(a.clusterType, b.clusterType) || compareText(a.deploymentTarget, b.deploymentTarget);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Merged {
  changes: OutputChange[];
  readonly causes: readonly string[];
  readonly drift: boolean;
  readonly assignments: AssignmentRef[];
}

/** Two sorted lists of the same assignments (the changes of one assignment share its reference, except drift's). */
function sameAssignments(a: readonly AssignmentRef[], b: readonly AssignmentRef[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && compareAssignments(a[i], b[i]) !== 0) return false;
  }
  return true;
}

const TYPE_ORDER: Record<OutputChange['type'], number> = { assignment: 0, config: 1, file: 2 };

/** Placement first, then config keys by key, then files by name. */
export function compareChanges(a: OutputChange, b: OutputChange): number {
  if (a.type !== b.type) return TYPE_ORDER[a.type] - TYPE_ORDER[b.type];
  if (a.type === 'assignment' && b.type === 'assignment')
    return compareText(a.change, b.change) || compareText(a.policies.join(','), b.policies.join(','));
  if (a.type === 'config' && b.type === 'config') return compareText(a.key, b.key);
  if (a.type === 'file' && b.type === 'file') return compareText(a.file, b.file) || compareText(a.change, b.change);
  return 0;
}

/** A key equal for equal changes (cheaper than JSON for the tens of thousands of changes of a fleet-wide edit). */
function changeKey(change: OutputChange): string {
  switch (change.type) {
    case 'config':
      return `c\u0000${change.key}\u0000${change.from === undefined ? '\u0002' : change.from}\u0000${change.to === undefined ? '\u0002' : change.to}`;
    case 'file':
      return `f\u0000${change.file}\u0000${change.change}`;
    case 'assignment':
      return `a\u0000${change.change}\u0000${change.policies.join('\u0000')}\u0000${change.note ?? ''}`;
  }
}
