import { gitBlobId } from '../../io/git/blob-id';
import type { ObjectFormat } from '../../io/git/git-repository';
import { ManagedScope, TreeChanges, WHOLE_TREE, diffTree } from '../../core/layout/managed-tree';
import { CLUSTER_TYPE_README_TEXT } from '../../core/layout/names';

/** The files of the branch a plan is published to, by blob id (what `git ls-tree` and GitHub's tree API list). */
export interface ExistingTree {
  /** Path → blob id of every file of the branch. */
  readonly blobs: ReadonlyMap<string, string>;
  /** @default 'sha1' */
  readonly objectFormat?: ObjectFormat;
}

/** What publishing changes on the branch: `diffTree`'s lists plus the content to write. */
export interface ChangeSet extends TreeChanges {
  /** Content of every added and changed path. */
  readonly writes: Readonly<Record<string, string>>;
}

/**
 * The change that makes the managed folders of a branch equal the plan (docs/explanation/publishing.md; unlike
 * upstream Kalypso, stale files inside live target folders are removed too): `diffTree` over the branch's blob ids. Contents are compared by blob id,
 * so only the files that differ have to be fetched or sent; Kalypso's cluster-type README is spelled out so that
 * `diffTree` still recognises cluster-type folders written earlier. `scope` limits what may change (a rollout's wave).
 */
export function computeChangeSet(
  existing: ExistingTree,
  plan: { readonly files: Readonly<Record<string, string>>; readonly clusterTypes: readonly string[] },
  scope: ManagedScope = WHOLE_TREE,
): ChangeSet {
  const format = existing.objectFormat ?? 'sha1';
  const readmeId = gitBlobId(CLUSTER_TYPE_README_TEXT, format);
  const fromId = (id: string) => (id === readmeId ? CLUSTER_TYPE_README_TEXT : `blob:${id}`);
  const fromContent = (content: string) =>
    content === CLUSTER_TYPE_README_TEXT ? CLUSTER_TYPE_README_TEXT : `blob:${gitBlobId(content, format)}`;
  const existingIds = new Map([...existing.blobs].map(([path, id]) => [path, fromId(id)]));
  const desiredIds = Object.fromEntries(
    Object.entries(plan.files).map(([path, content]) => [path, fromContent(content)]),
  );
  const changes = diffTree(existingIds, desiredIds, plan.clusterTypes, [], true, scope);
  const writes = Object.fromEntries(
    [...changes.added, ...changes.changed].sort().map((path) => [path, plan.files[path]]),
  );
  return { ...changes, writes };
}

export function isEmptyChangeSet(changes: TreeChanges): boolean {
  return changes.added.length === 0 && changes.changed.length === 0 && changes.deleted.length === 0;
}
