import { CLUSTER_TYPE_README, PROMOTED_COMMIT_FILE } from '../../core/layout/names';
import { PROMOTED_BASE_REPO } from '../../core/model/environments';
import { fileExample } from './file-example';
import { groupChanges } from './group-changes';
import { diffInputs } from './input-changes';
import { outputChanges } from './output-changes';
import { AssignmentRef, ChangeGroup, ChangeReport, ReviewInput, TreeChangeSet } from './report';
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
  const baseline = input.baseline ?? 'control-plane';
  const context = new ReviewContext(previous, next, inputs, baseline === 'tree');
  const changes = outputChanges(context, input.tree);

  const kept = () => [...next.assignments].filter(([folder]) => previous.assignments.has(folder)).map(([, a]) => a);
  let keptCount = 0;
  for (const folder of next.assignments.keys()) if (previous.assignments.has(folder)) keptCount++;
  const universe = (
    state: IndexedState,
    of: 'environment' | 'kept',
    size: number,
    assignments: () => Iterable<AssignmentRef>,
  ) => new AssignmentUniverse(of, size, assignments, state.clusterTypes, state.targets);
  const before = universe(previous, 'environment', previous.assignments.size, () => previous.assignments.values());
  const now = universe(next, 'environment', next.assignments.size, () => next.assignments.values());
  // "All N assignments" of the kept ones is all of the environment's when nothing was added.
  const keptUniverse = universe(next, keptCount === next.assignments.size ? 'environment' : 'kept', keptCount, kept);

  const groups: ChangeGroup[] = groupChanges(changes).map((group, index) => {
    const [first] = group.changes;
    const from = first.type === 'assignment' ? (first.change === 'removed' ? before : now) : keptUniverse;
    const described: ChangeGroup = {
      id: `G${index + 1}`,
      changes: group.changes,
      causes: group.causes,
      ...(group.drift ? { drift: true } : {}),
      assignments: group.assignments,
      scope: from.describe(group.assignments),
    };
    const example = group.drift ? undefined : fileExample(previous, next, group.changes, group.assignments);
    return example ? { ...described, example } : described;
  });

  const count = (type: 'added' | 'removed' | 'changed') => {
    const of = changes.filter(({ change }) => (change.type === 'assignment' ? change.change : 'changed') === type);
    // The changes of one assignment share its AssignmentRef; drift has its own, so it is counted by folder.
    return of.some(({ drift }) => drift)
      ? new Set(of.map(({ assignment }) => folderOf(assignment.clusterType, assignment.deploymentTarget))).size
      : new Set(of.map(({ assignment }) => assignment)).size;
  };

  const promotedCommit = promotedCommitChange(context, input.tree);
  return {
    environment,
    baseline,
    inputs,
    groups,
    assignments: {
      before: previous.assignments.size,
      after: next.assignments.size,
      added: count('added'),
      removed: count('removed'),
      changed: count('changed'),
    },
    ...(promotedCommit ? { promotedCommit } : {}),
    otherFiles: otherFiles(context, input.tree, baseline === 'tree'),
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
function otherFiles(context: ReviewContext, tree: TreeChangeSet | undefined, treeBaseline: boolean): string[] {
  const { previous, next } = context;
  // Without a tree change set there are none: a plan's files outside assignment folders are the cluster-type READMEs
  // and the promoted commit.
  if (!tree) return [];
  const paths = [...tree.added, ...tree.changed, ...tree.deleted];
  const isAssignmentPath = (path: string) => {
    const first = path.indexOf('/');
    const second = first < 0 ? -1 : path.indexOf('/', first + 1);
    if (second < 0) return false;
    const folder = path.slice(0, second);
    return previous.assignments.has(folder) || next.assignments.has(folder);
  };
  // Compared with a tree, no ClusterType change tells of a cluster-type folder that appears or goes: its README does.
  return paths
    .filter((path) => !isAssignmentPath(path) && !(isReportedOtherwise(path) && !(treeBaseline && isReadme(path))))
    .sort();
}

/** `.github/tracking/Promoted_Commit_Id` and `<clusterType>/README.md` are reported otherwise. */
function isReportedOtherwise(path: string): boolean {
  if (path === PROMOTED_COMMIT_FILE) return true;
  return isReadme(path);
}

function isReadme(path: string): boolean {
  const slash = path.indexOf('/');
  return slash > 0 && path.indexOf('/', slash + 1) < 0 && path.slice(slash + 1) === CLUSTER_TYPE_README;
}
