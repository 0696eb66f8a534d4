import { CLUSTER_TYPE_README, CLUSTER_TYPE_README_TEXT, PROMOTED_COMMIT_FILE } from './names';

/*
 * Which files of a platform GitOps tree belong to kalypso-cdk8s (docs/reference/output-tree.md): the folders of the
 * plan's cluster types, cluster-type folders written earlier (recognised by the README Kalypso puts in each), and
 * `.github/tracking/Promoted_Commit_Id`. Everything else — root files, other dot folders, other folders — is never
 * changed or deleted.
 */

/** How an environment's tree on disk changes, as paths relative to the environment folder. */
export interface TreeChanges {
  /** Files the plan adds. */
  readonly added: string[];
  /** Files whose content changes. */
  readonly changed: string[];
  /** Managed files the plan no longer has. */
  readonly deleted: string[];
  /** Files left as they are (not rewritten). */
  readonly unchanged: string[];
}

/** What part of the managed tree a run may change, when several runs (`--shard`) share one tree. */
export interface ManagedScope {
  /** Whether a top-level folder (a cluster type's, current or stale) is the run's to change. */
  readonly ownsFolder: (folder: string) => boolean;
  /** Whether `.github/tracking/Promoted_Commit_Id` is the run's to change. */
  readonly ownsPromotedCommit: boolean;
}

/** The whole managed tree: a run that is not sharded. */
export const WHOLE_TREE: ManagedScope = { ownsFolder: () => true, ownsPromotedCommit: true };

/**
 * Top-level folders that are Kalypso cluster-type folders: those of the plan and those with Kalypso's README, as far
 * as they are in `scope`.
 */
export function managedFolders(
  existing: ReadonlyMap<string, string>,
  planClusterTypes: readonly string[],
  scope: ManagedScope = WHOLE_TREE,
): Set<string> {
  const folders = new Set(planClusterTypes);
  for (const [path, content] of existing) {
    const segments = path.split('/');
    if (
      segments.length === 2 &&
      segments[1] === CLUSTER_TYPE_README &&
      content === CLUSTER_TYPE_README_TEXT &&
      scope.ownsFolder(segments[0])
    ) {
      folders.add(segments[0]);
    }
  }
  return folders;
}

export function isManagedPath(path: string, folders: ReadonlySet<string>, scope: ManagedScope = WHOLE_TREE): boolean {
  if (path === PROMOTED_COMMIT_FILE) return scope.ownsPromotedCommit;
  const slash = path.indexOf('/');
  return slash > 0 && folders.has(path.slice(0, slash));
}

/**
 * What makes the managed part of `existing` equal to `desired` (docs/explanation/compatibility.md: stale files inside a
 * live target folder go too). Paths under `keep` prefixes (folders of failed assignments, with `--keep-going`) keep
 * their previous files, and nothing is deleted when `deleteStale` is false.
 */
export function diffTree(
  existing: ReadonlyMap<string, string>,
  desired: Readonly<Record<string, string>>,
  planClusterTypes: readonly string[],
  keep: readonly string[] = [],
  deleteStale = true,
  scope: ManagedScope = WHOLE_TREE,
): TreeChanges {
  const folders = managedFolders(existing, planClusterTypes, scope);
  const kept = (path: string) => keep.some((folder) => path.startsWith(`${folder}/`));
  const changes: TreeChanges = { added: [], changed: [], deleted: [], unchanged: [] };
  for (const [path, content] of Object.entries(desired)) {
    const previous = existing.get(path);
    if (previous === undefined) changes.added.push(path);
    else if (previous === content) changes.unchanged.push(path);
    else changes.changed.push(path);
  }
  for (const path of existing.keys()) {
    if (deleteStale && !(path in desired) && isManagedPath(path, folders, scope) && !kept(path))
      changes.deleted.push(path);
  }
  for (const list of Object.values(changes)) list.sort();
  return changes;
}
