import { locationJson } from '../explain/explanation-json';
import { describeScope, PLAIN } from './describe';
import { ChangeGroup, ChangeReport, ClusterTypeSelection, OutputChange, Scope, TargetSelection } from './report';

/*
 * The stable JSON shape of the change report (`kalypso diff --summary --json`). Every key is always present; absent
 * values are null. Nothing is folded: every group lists every assignment.
 */

export function changeReportJson(report: ChangeReport) {
  return {
    environment: report.environment,
    baseline: report.baseline,
    inputs: report.inputs.map((input) => ({
      ref: input.ref,
      kind: input.kind,
      name: input.name,
      change: input.change,
      location: locationJson(input.location),
      fields: input.fields,
    })),
    groups: report.groups.map(groupJson),
    assignments: { ...report.assignments },
    promotedCommit: report.promotedCommit
      ? {
          from: report.promotedCommit.from ?? null,
          to: report.promotedCommit.to ?? null,
          causes: report.promotedCommit.causes,
        }
      : null,
    otherFiles: report.otherFiles,
    files: report.files ? { ...report.files } : null,
  };
}

function groupJson(group: ChangeGroup) {
  return {
    id: group.id,
    changes: group.changes.map(changeJson),
    causes: group.causes,
    drift: group.drift ?? false,
    scope: scopeJson(group.scope),
    assignments: group.assignments.map(({ clusterType, deploymentTarget }) => ({ clusterType, deploymentTarget })),
    example: group.example
      ? {
          clusterType: group.example.assignment.clusterType,
          deploymentTarget: group.example.assignment.deploymentTarget,
          files: group.example.files.map(({ file, lines, more }) => ({ file, lines, more })),
        }
      : null,
  };
}

function changeJson(change: OutputChange) {
  switch (change.type) {
    case 'assignment':
      return { type: change.type, change: change.change, policies: change.policies, note: change.note ?? null };
    case 'config':
      return { type: change.type, key: change.key, from: change.from ?? null, to: change.to ?? null };
    case 'file':
      return { type: change.type, file: change.file, change: change.change };
  }
}

function scopeJson(scope: Scope) {
  const description = describeScope(scope, PLAIN);
  if (scope.type !== 'selection')
    return {
      type: scope.type,
      description,
      assignments: scope.assignments,
      clusterTypes: null,
      deploymentTargets: null,
    };
  return {
    type: scope.type,
    description,
    assignments: scope.assignments,
    clusterTypes: { ...selectionJson(scope.clusterTypes), names: scope.clusterTypeNames },
    deploymentTargets: { ...selectionJson(scope.deploymentTargets), names: scope.deploymentTargetNames },
  };
}

function selectionJson(selection: ClusterTypeSelection | TargetSelection) {
  return {
    by: selection.by,
    labels: selection.by === 'labels' ? selection.labels : null,
    renderer: selection.by === 'renderer' ? { field: selection.field, name: selection.renderer } : null,
    workload: selection.by === 'workload' ? selection.workload : null,
  };
}
