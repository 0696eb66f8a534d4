import { NAMESPACE_FILE, PLATFORM_CONFIG_FILE, RECONCILER_FILE } from '../../core/layout/names';
import { PlannedAssignment } from '../../core/plan/plan';
import { AssignmentRef, ChangeType, OutputChange, RendererField, TreeChangeSet } from './report';
import { ReviewContext, folderOf } from './review-context';

/** One output change of one assignment, with the input changes that caused it. */
export interface AssignmentOutputChange {
  readonly assignment: AssignmentRef;
  readonly change: OutputChange;
  /** `Kind/name` of input changes, sorted; empty when none explains the change. */
  readonly causes: readonly string[];
  /** The branch differs from the previous plan here. */
  readonly drift?: boolean;
}

/** Which ClusterType field names the renderer of an assignment file. */
function rendererFieldOf(file: string): RendererField | undefined {
  if (file === RECONCILER_FILE) return 'reconciler';
  if (file === NAMESPACE_FILE) return 'namespaceService';
  if (isConfigFile(file)) return 'configType';
  return undefined;
}

const RENDERER_FIELDS: readonly RendererField[] = ['reconciler', 'namespaceService', 'configType'];

const CONFIG_FILE_PREFIX = `${PLATFORM_CONFIG_FILE}.`;

/** Whether the file name starting at `from` in `path` is the platform config file. */
function isConfigFile(path: string, from = 0): boolean {
  return path.startsWith(CONFIG_FILE_PREFIX, from);
}

/**
 * Every output change of every assignment, each with its causes: those of the current plan's assignments in its order,
 * then those of the assignments that went.
 * With a tree change set, only the changes the branch does not have yet, and the branch's differences from the
 * previous plan that no input explains.
 */
export function outputChanges(context: ReviewContext, tree?: TreeChangeSet): AssignmentOutputChange[] {
  const { previous, next } = context;
  // In plan order, then the assignments that went; groups sort their assignments themselves.
  const folders = [...next.assignments.keys()];
  for (const folder of previous.assignments.keys()) if (!next.assignments.has(folder)) folders.push(folder);
  const changes: AssignmentOutputChange[] = [];
  const touched = tree ? new Set([...tree.added, ...tree.changed, ...tree.deleted]) : undefined;
  const inTree = (paths: readonly string[]) => !touched || paths.some((path) => touched.has(path));
  const explained = new Set<string>();
  for (const folder of folders) {
    const before = previous.assignments.get(folder);
    const after = next.assignments.get(folder);
    const assignment = {
      clusterType: (after ?? before)!.clusterType,
      deploymentTarget: (after ?? before)!.deploymentTarget,
    };
    const add = (change: OutputChange, causes: readonly string[], paths: readonly string[]) => {
      if (!inTree(paths)) return;
      if (touched) for (const path of paths) explained.add(path);
      changes.push({ assignment, change, causes: causes.length > 1 ? [...new Set(causes)].sort() : causes });
    };
    if (!before) {
      add(placementChange(context, after!, 'added'), placementCauses(context, after!, 'added'), after!.files);
    } else if (!after) {
      add(placementChange(context, before, 'removed'), placementCauses(context, before, 'removed'), before.files);
    } else {
      for (const { change, causes, paths } of keptChanges(context, before, after, touched)) add(change, causes, paths);
    }
  }
  if (tree) changes.push(...driftChanges(context, tree, explained));
  return changes;
}

function placementChange(
  context: ReviewContext,
  assignment: PlannedAssignment,
  change: 'added' | 'removed',
): OutputChange {
  const folder = folderOf(assignment.clusterType, assignment.deploymentTarget);
  const otherSide = change === 'added' ? context.previous : context.next;
  const failed = otherSide.failedFolders.has(folder);
  return {
    type: 'assignment',
    change,
    policies: assignment.policies,
    ...(failed ? { note: change === 'added' ? ('failed-before' as const) : ('fails-now' as const) } : {}),
  };
}

/**
 * Why an assignment appeared or went: the policies that place it (now, or before), its cluster type appearing,
 * going or being relabelled, its deployment target likewise. An assignment that failed to render on the other side is
 * explained by what may make rendering fail: its renderers' Templates, ConfigSchemas, its config.
 */
function placementCauses(context: ReviewContext, assignment: PlannedAssignment, change: 'added' | 'removed'): string[] {
  const { clusterType, deploymentTarget } = assignment;
  const causes = [
    ...assignment.policies.map((policy) => `SchedulingPolicy/${policy}`).filter((ref) => context.changed(ref)),
    ...context.clusterTypeCause(clusterType, 'labels'),
    ...context.targetCause(deploymentTarget),
  ];
  const otherSide = change === 'added' ? context.previous : context.next;
  if (otherSide.failedFolders.has(folderOf(clusterType, deploymentTarget))) {
    for (const field of RENDERER_FIELDS) causes.push(...context.rendererCauses(clusterType, field));
    for (const input of context.inputs.values()) if (input.kind === 'ConfigSchema') causes.push(input.ref);
    const configMaps = new Set(
      Object.values(assignment.config.provenance)
        .flat()
        .map((contribution) => `ConfigMap/${contribution.configMap}`),
    );
    for (const ref of configMaps) if (context.changed(ref)) causes.push(ref);
  }
  return causes;
}

interface KeptChange {
  readonly change: OutputChange;
  readonly causes: readonly string[];
  /** The files of the assignment the change shows in. */
  readonly paths: readonly string[];
}

/**
 * The output changes of an assignment kept from before: config keys, and files that changed otherwise. `touched` is
 * what the branch changes, when known.
 */
function keptChanges(
  context: ReviewContext,
  before: PlannedAssignment,
  after: PlannedAssignment,
  touched: ReadonlySet<string> | undefined,
): KeptChange[] {
  const { previous, next } = context;
  // Only paths the branch changes can show a change; without a tree change set, every file is compared.
  const changedPaths = before.files.filter(
    (path) => (!touched || touched.has(path)) && previous.files[path] !== next.files[path],
  );
  for (const path of after.files)
    if (!(path in previous.files) && (!touched || touched.has(path))) changedPaths.push(path);
  if (changedPaths.length === 0) return [];
  changedPaths.sort();
  const nameAt = folderOf(after.clusterType, after.deploymentTarget).length + 1;
  const configPaths = changedPaths.filter((path) => isConfigFile(path, nameAt));
  const keys = configPaths.length > 0 ? configKeyChanges(context, before, after, configPaths) : [];
  // A config file whose renderer did not change shows as its key changes; otherwise the file itself changed too.
  const keysShowConfig = keys.length > 0 && context.rendererCauses(after.clusterType, 'configType').length === 0;
  const changes: KeptChange[] = keys;
  for (const path of changedPaths) {
    const kept = path in previous.files && path in next.files;
    if (keysShowConfig && kept && isConfigFile(path, nameAt)) continue;
    const file = path.slice(nameAt);
    const change: ChangeType = !(path in previous.files) ? 'added' : !(path in next.files) ? 'removed' : 'changed';
    const configCauses = [...new Set(keys.flatMap((key) => key.causes))];
    changes.push({
      change: { type: 'file', file, change },
      causes: fileCauses(context, after, file, configCauses),
      paths: [path],
    });
  }
  return changes;
}

function configKeyChanges(
  context: ReviewContext,
  before: PlannedAssignment,
  after: PlannedAssignment,
  configPaths: readonly string[],
): KeptChange[] {
  return context.config.differences(before, after).map(({ key, from, to, before: old, after: now }) => ({
    change: {
      type: 'config',
      key,
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
    },
    causes: context.configKeyCauses(after.clusterType, after.deploymentTarget, old, now),
    paths: configPaths,
  }));
}

/**
 * Why a file of a kept assignment changed: its renderer (the ClusterType field naming it, or the Template it names),
 * the deployment target (its labels and manifests are rendered), and the config for the config file or a Template that
 * reads the config. A Template sees only the cluster type's name, so the cluster type's labels are no cause.
 */
function fileCauses(
  context: ReviewContext,
  assignment: PlannedAssignment,
  file: string,
  configCauses: readonly string[],
): string[] {
  const { clusterType, deploymentTarget } = assignment;
  const field = rendererFieldOf(file);
  const fields = field ? [field] : RENDERER_FIELDS;
  const causes = fields.flatMap((f) => context.rendererCauses(clusterType, f));
  causes.push(...context.targetCause(deploymentTarget));
  const readsConfig = fields.some(
    (f) => context.previous.templateReadsConfig(clusterType, f) || context.next.templateReadsConfig(clusterType, f),
  );
  if (field === 'configType' || readsConfig) causes.push(...configCauses);
  return causes;
}

/** Changed paths of assignment folders that the comparison of the two plans does not explain. */
function driftChanges(
  context: ReviewContext,
  tree: TreeChangeSet,
  explained: ReadonlySet<string>,
): AssignmentOutputChange[] {
  const { previous, next } = context;
  const changes: AssignmentOutputChange[] = [];
  const lists: [ChangeType, readonly string[]][] = [
    ['added', tree.added],
    ['changed', tree.changed],
    ['removed', tree.deleted],
  ];
  for (const [change, paths] of lists) {
    for (const path of paths) {
      if (explained.has(path)) continue;
      const segments = path.split('/');
      if (segments.length < 3) continue;
      const folder = folderOf(segments[0], segments[1]);
      if (!previous.assignments.has(folder) && !next.assignments.has(folder)) continue;
      changes.push({
        assignment: { clusterType: segments[0], deploymentTarget: segments[1] },
        change: { type: 'file', file: segments.slice(2).join('/'), change },
        causes: [],
        drift: true,
      });
    }
  }
  return changes;
}
