import { CLUSTER_TYPE_README, PROMOTED_COMMIT_FILE } from '../../core/layout/names';
import { PROMOTED_BASE_REPO } from '../../core/model/environments';
import { fileExample } from './file-example';
import { groupChanges } from './group-changes';
import { diffInputs } from './input-changes';
import { outputChanges } from './output-changes';
import { ChangeGroup, ChangeReport, ReviewInput, TreeChangeSet } from './report';
import { IndexedState, ReviewContext, emptyState, folderOf } from './review-context';
import { AssignmentUniverse } from './scope';

/**
 * The change report of one environment (pure): the objects that changed between the previous and the current control
 * plane, every output change of every assignment attributed to the input changes that caused it, identical changes
 * grouped and each group's assignments described as briefly as is exact.
 */
export function buildChangeReport(input: ReviewInput): ChangeReport {
  const environment = input.next.plan.environment;
  const previous = new IndexedState(input.previous ?? emptyState(environment));
  const next = new IndexedState(input.next);
  const inputs = diffInputs(previous.state.model, next.state.model);
  const context = new ReviewContext(previous, next, inputs);
  const changes = outputChanges(context, input.tree);

  const before = new AssignmentUniverse('environment', previous.clusterTypes, previous.targets);
  for (const assignment of previous.assignments.values()) before.add(assignment);
  const keptFolders = [...next.assignments.keys()].filter((folder) => previous.assignments.has(folder));
  const now = new AssignmentUniverse('environment', next.clusterTypes, next.targets);
  // "All N assignments" of the kept ones is all of the environment's when nothing was added.
  const kept = new AssignmentUniverse(
    keptFolders.length === next.assignments.size ? 'environment' : 'kept',
    next.clusterTypes,
    next.targets,
  );
  for (const assignment of next.assignments.values()) now.add(assignment);
  for (const folder of keptFolders) kept.add(next.assignments.get(folder)!);

  const groups: ChangeGroup[] = groupChanges(changes).map((group, index) => {
    const [first] = group.changes;
    const universe = first.type === 'assignment' ? (first.change === 'removed' ? before : now) : kept;
    const described: ChangeGroup = {
      id: `G${index + 1}`,
      changes: group.changes,
      causes: group.causes,
      ...(group.drift ? { drift: true } : {}),
      assignments: group.assignments,
      scope: universe.describe(group.assignments),
    };
    const example = group.drift ? undefined : fileExample(previous, next, group.changes, group.assignments);
    return example ? { ...described, example } : described;
  });

  const placement = (type: 'added' | 'removed') =>
    new Set(
      changes
        .filter(({ change }) => change.type === 'assignment' && change.change === type)
        .map(({ assignment }) => folderOf(assignment.clusterType, assignment.deploymentTarget)),
    ).size;
  const changed = new Set(
    changes
      .filter(({ change }) => change.type !== 'assignment')
      .map(({ assignment }) => folderOf(assignment.clusterType, assignment.deploymentTarget)),
  ).size;

  const promotedCommit = promotedCommitChange(context, input.tree);
  return {
    environment,
    inputs,
    groups,
    assignments: {
      before: previous.assignments.size,
      after: next.assignments.size,
      added: placement('added'),
      removed: placement('removed'),
      changed,
    },
    ...(promotedCommit ? { promotedCommit } : {}),
    otherFiles: otherFiles(context, input.tree),
    ...(input.tree
      ? {
          files: {
            added: input.tree.added.length,
            changed: input.tree.changed.length,
            deleted: input.tree.deleted.length,
          },
        }
      : {}),
  };
}

function promotedCommitChange(context: ReviewContext, tree: TreeChangeSet | undefined): ChangeReport['promotedCommit'] {
  const from = context.previous.state.plan.promotedCommit;
  const to = context.next.state.plan.promotedCommit;
  const inTree = !tree || [...tree.added, ...tree.changed, ...tree.deleted].includes(PROMOTED_COMMIT_FILE);
  if (from === to || !inTree) return undefined;
  const ref = `BaseRepo/${PROMOTED_BASE_REPO}`;
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    causes: context.changed(ref) ? [ref] : [],
  };
}

/**
 * Changed paths outside every assignment folder: of the tree change set, or else where the two plans differ. The
 * promoted commit and the README Kalypso writes in each cluster-type folder are reported otherwise.
 */
function otherFiles(context: ReviewContext, tree: TreeChangeSet | undefined): string[] {
  const { previous, next } = context;
  const paths = tree ? [...tree.added, ...tree.changed, ...tree.deleted] : differingPaths(previous.files, next.files);
  const isAssignmentPath = (path: string) => {
    const first = path.indexOf('/');
    const second = first < 0 ? -1 : path.indexOf('/', first + 1);
    if (second < 0) return false;
    const folder = path.slice(0, second);
    return previous.assignments.has(folder) || next.assignments.has(folder);
  };
  return paths.filter((path) => !isAssignmentPath(path) && !isReportedOtherwise(path)).sort();
}

/** `.github/tracking/Promoted_Commit_Id` and `<clusterType>/README.md` are reported otherwise. */
function isReportedOtherwise(path: string): boolean {
  if (path === PROMOTED_COMMIT_FILE) return true;
  const slash = path.indexOf('/');
  return slash > 0 && path.indexOf('/', slash + 1) < 0 && path.slice(slash + 1) === CLUSTER_TYPE_README;
}

/** Paths whose content differs between two trees, or that only one has. */
function differingPaths(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): string[] {
  const paths: string[] = [];
  for (const path in before) if (before[path] !== after[path]) paths.push(path);
  for (const path in after) if (!(path in before)) paths.push(path);
  return paths;
}
