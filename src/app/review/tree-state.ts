import { ConfigValue } from '../../core/model/config-value';
import { PLATFORM_CONFIG_FILE, PROMOTED_COMMIT_FILE } from '../../core/layout/names';
import { PlannedAssignment } from '../../core/plan/plan';
import { configEntries } from './config-entries';
import { ReviewState } from './report';
import { folderOf } from './review-context';

/** The branch's managed tree as a comparison reads it. */
export interface BranchTree {
  /** Every managed path of the branch (cluster-type folders and `.github/tracking/`). */
  readonly paths: Iterable<string>;
  /**
   * Contents of the paths that differ from the plan (changed and deleted ones); a path missing here that the plan
   * has is taken to hold what the plan holds.
   */
  readonly contents: ReadonlyMap<string, string>;
}

/**
 * The previous state when the branch has no record of the control plane it was published from (docs/explanation/
 * reviewing-changes.md): the current objects (so that no input change is known), and the assignment folders of the
 * branch with its files. An assignment still planned keeps its placement and config composition; its previous config
 * keys are read from the branch's platform-config file. An assignment only the branch has is known by its folder.
 * Build the report from it with `baseline: 'tree'`.
 */
export function treeState(next: ReviewState, branch: BranchTree): ReviewState {
  const planned = new Map(
    next.plan.assignments.map((assignment) => [
      folderOf(assignment.clusterType, assignment.deploymentTarget),
      assignment,
    ]),
  );
  const files: Record<string, string> = {};
  const folders = new Map<string, string[]>();
  for (const path of branch.paths) {
    const content = branch.contents.get(path) ?? next.plan.files[path];
    files[path] = content ?? '';
    const segments = path.split('/');
    if (segments.length < 3 || segments[0].startsWith('.')) continue;
    const folder = folderOf(segments[0], segments[1]);
    let paths = folders.get(folder);
    if (!paths) folders.set(folder, (paths = []));
    paths.push(path);
  }
  const assignments: PlannedAssignment[] = [];
  for (const [folder, paths] of folders) {
    const [clusterType, deploymentTarget] = folder.split('/');
    const now = planned.get(folder);
    const data = configOf(paths, files, folder.length + 1) ?? now?.config.data ?? {};
    assignments.push({
      clusterType,
      deploymentTarget,
      workload: now?.workload ?? '',
      namespace: now?.namespace ?? '',
      policies: now?.policies ?? [],
      config: { data, provenance: {} },
      files: paths.sort(),
    });
  }
  const promotedCommit = Object.prototype.hasOwnProperty.call(files, PROMOTED_COMMIT_FILE)
    ? files[PROMOTED_COMMIT_FILE]
    : undefined;
  return {
    model: next.model,
    plan: {
      ...next.plan,
      promotedCommit,
      files,
      assignments,
      failedFolders: [],
    },
  };
}

/** The config keys of an assignment folder as its platform-config file holds them; undefined when unreadable. */
function configOf(
  paths: readonly string[],
  files: Readonly<Record<string, string>>,
  nameAt: number,
): Record<string, ConfigValue> | undefined {
  const configPaths = paths.filter((path) => path.startsWith(`${PLATFORM_CONFIG_FILE}.`, nameAt));
  if (configPaths.length === 0) return undefined;
  const data: Record<string, ConfigValue> = {};
  for (const path of configPaths) {
    const entries = configEntries(path, files[path]);
    if (!entries) return undefined;
    Object.assign(data, entries);
  }
  return data;
}
