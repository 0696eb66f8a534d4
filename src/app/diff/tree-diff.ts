import { diffTree } from '../../core/layout/managed-tree';
import { LineCounts, countLineChanges } from './line-diff';
import { ObjectChange, diffManifests } from './yaml-diff';

/** A file whose content differs. */
export interface FileDiff {
  readonly path: string;
  /** The objects that differ, when both versions are YAML objects. */
  readonly objects?: readonly ObjectChange[];
  /** Lines added and removed, when the file is not YAML objects or only its formatting changed. */
  readonly lines?: LineCounts;
}

/** What the plan changes in an existing platform GitOps tree (its managed part). */
export interface TreeDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly FileDiff[];
  readonly unchanged: number;
}

/**
 * Compares the plan of one environment with the existing tree, both as `{ path → content }` relative to the environment
 * root. Only managed paths count (docs/reference/output-tree.md: cluster-type folders and `.github/tracking/`), so
 * files others keep in the repository never show up. Pure: the caller reads the tree (a folder, or a git branch).
 */
export function diffPlatformTree(
  existing: ReadonlyMap<string, string>,
  planned: Readonly<Record<string, string>>,
  clusterTypes: readonly string[],
): TreeDiff {
  const changes = diffTree(existing, planned, clusterTypes);
  return {
    added: changes.added,
    removed: changes.deleted,
    changed: changes.changed.map((path) => diffFile(path, existing.get(path)!, planned[path])),
    unchanged: changes.unchanged.length,
  };
}

/** A changed file, semantically when it is YAML (per object and field), else as a line count. */
export function diffFile(path: string, before: string, after: string): FileDiff {
  const objects = /\.ya?ml$/.test(path) ? diffManifests(before, after) : undefined;
  if (objects && objects.length > 0) return { path, objects };
  return { path, lines: countLineChanges(before, after) };
}

export function isEmptyDiff(diff: TreeDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}
