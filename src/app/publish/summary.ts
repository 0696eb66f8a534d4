import { TreeChanges } from '../../core/layout/managed-tree';
import { EnvironmentPlan } from '../../core/plan/plan';
import { configEntries } from './config-entries';
import { KeyChange } from '../review/describe';
import { CLUSTER_TYPE_README, PROMOTED_COMMIT_FILE } from '../../core/layout/names';
import { compareStrings } from '../../core/model/order';
import { ROLLOUT_STATE_FILE } from '../../core/rollout/rollout-state';

/** A deployment target on a cluster type, as reviewers read it. */
export interface AssignmentSummary {
  readonly clusterType: string;
  readonly deploymentTarget: string;
  /** From the plan (absent for removed assignments). */
  readonly namespace?: string;
  /** The policies that selected it (absent for removed assignments). */
  readonly policies?: readonly string[];
}

/** One config key of an assignment: added (`to` only), removed (`from` only) or changed. */
export type ConfigKeyChange = KeyChange;

export interface AssignmentChange extends AssignmentSummary {
  /** Files of the assignment folder added, changed or deleted, by name. */
  readonly files: readonly string[];
  /** Config keys that changed; undefined when the config files cannot be read as key-value pairs. */
  readonly config?: readonly ConfigKeyChange[];
}

/** What publishing a plan changes on an environment's branch, in the terms of the control plane. */
export interface ChangeSummary {
  readonly environment: string;
  readonly clusterTypes: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly assignments: {
    readonly added: readonly AssignmentSummary[];
    readonly removed: readonly AssignmentSummary[];
    readonly changed: readonly AssignmentChange[];
  };
  /** Set when `.github/tracking/Promoted_Commit_Id` changes. */
  readonly promotedCommit?: { readonly from?: string; readonly to?: string };
  /** Changed managed files that belong to no assignment (stray files in cluster-type folders). */
  readonly otherFiles: readonly string[];
  readonly files: { readonly added: number; readonly changed: number; readonly deleted: number };
}

/** The previous contents `summarizeChanges` needs: config files that changed or went away, and the promoted commit. */
export function previousFilesNeeded(changes: TreeChanges): string[] {
  return [...changes.changed, ...changes.deleted]
    .filter((path) => path === PROMOTED_COMMIT_FILE || isConfigFile(path))
    .sort();
}

/**
 * Summarizes a change set (pure): cluster types and assignments added, removed and changed, the config keys that
 * changed with their old and new values, and the promoted commit. `previous` holds the old contents of the paths
 * `previousFilesNeeded` lists.
 */
export function summarizeChanges(
  plan: Pick<EnvironmentPlan, 'environment' | 'files' | 'assignments'>,
  changes: TreeChanges,
  previous: ReadonlyMap<string, string>,
): ChangeSummary {
  const before = folderPrefixes([...changes.changed, ...changes.deleted, ...changes.unchanged]);
  const after = folderPrefixes([...changes.added, ...changes.changed, ...changes.unchanged]);
  const touched = [...changes.added, ...changes.changed, ...changes.deleted];
  const planned = new Map(
    plan.assignments.map((assignment) => [`${assignment.clusterType}/${assignment.deploymentTarget}`, assignment]),
  );
  const describe = (folder: string): AssignmentSummary => {
    const [clusterType, deploymentTarget] = folder.split('/');
    const assignment = planned.get(folder);
    return assignment
      ? { clusterType, deploymentTarget, namespace: assignment.namespace, policies: assignment.policies }
      : { clusterType, deploymentTarget };
  };

  const folders = new Map<string, string[]>();
  const otherFiles: string[] = [];
  for (const path of touched) {
    const segments = path.split('/');
    if (
      path === PROMOTED_COMMIT_FILE ||
      path === ROLLOUT_STATE_FILE ||
      (segments.length === 2 && segments[1] === CLUSTER_TYPE_README)
    )
      continue;
    if (segments.length < 3) {
      otherFiles.push(path);
      continue;
    }
    const folder = `${segments[0]}/${segments[1]}`;
    folders.set(folder, [...(folders.get(folder) ?? []), path]);
  }
  const added: AssignmentSummary[] = [];
  const removed: AssignmentSummary[] = [];
  const changed: AssignmentChange[] = [];
  for (const [folder, paths] of [...folders].sort(([a], [b]) => compareStrings(a, b))) {
    const wasThere = before.has(folder);
    const isThere = after.has(folder);
    if (!wasThere) added.push(describe(folder));
    else if (!isThere) removed.push(describe(folder));
    else
      changed.push({
        ...describe(folder),
        files: paths.map((path) => path.slice(folder.length + 1)).sort(),
        config: configChanges(paths, plan.files, previous),
      });
  }

  const clusterTypes = new Set(touched.map((path) => path.split('/')[0]).filter((name) => !name.startsWith('.')));
  const clusterTypesAdded = [...clusterTypes].filter((name) => !before.has(name)).sort();
  const clusterTypesRemoved = [...clusterTypes].filter((name) => !after.has(name)).sort();

  const promotedChanged = touched.includes(PROMOTED_COMMIT_FILE);
  return {
    environment: plan.environment,
    clusterTypes: { added: clusterTypesAdded, removed: clusterTypesRemoved },
    assignments: { added, removed, changed },
    promotedCommit: promotedChanged
      ? { from: previous.get(PROMOTED_COMMIT_FILE), to: plan.files[PROMOTED_COMMIT_FILE] }
      : undefined,
    otherFiles: otherFiles.sort(),
    files: { added: changes.added.length, changed: changes.changed.length, deleted: changes.deleted.length },
  };
}

/** Whether the promoted commit changes to a new one (reference §9.2: the `promoted` label). */
export function isPromotion(summary: ChangeSummary): boolean {
  return summary.promotedCommit?.to !== undefined;
}

/** The folders holding the paths: first segments, and first two segments of deeper paths. */
function folderPrefixes(paths: readonly string[]): Set<string> {
  const folders = new Set<string>();
  for (const path of paths) {
    const segments = path.split('/');
    if (segments.length >= 2) folders.add(segments[0]);
    if (segments.length >= 3) folders.add(`${segments[0]}/${segments[1]}`);
  }
  return folders;
}

function isConfigFile(path: string): boolean {
  return /^[^/]+\/[^/]+\/platform-config\.(yaml|sh)$/.test(path);
}

function configChanges(
  paths: readonly string[],
  files: Readonly<Record<string, string>>,
  previous: ReadonlyMap<string, string>,
): ConfigKeyChange[] | undefined {
  const configPaths = paths.filter(isConfigFile);
  if (configPaths.length === 0) return [];
  const read = (side: 'old' | 'new'): Record<string, string> | undefined => {
    const merged: Record<string, string> = {};
    for (const path of configPaths) {
      const text = side === 'old' ? previous.get(path) : files[path];
      if (text === undefined) continue;
      const entries = configEntries(path, text);
      if (!entries) return undefined;
      Object.assign(merged, entries);
    }
    return merged;
  };
  const from = read('old');
  const to = read('new');
  if (!from || !to) return undefined;
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
  return keys
    .filter((key) => from[key] !== to[key])
    .map((key) => ({
      key,
      ...(key in from ? { from: from[key] } : {}),
      ...(key in to ? { to: to[key] } : {}),
    }));
}
