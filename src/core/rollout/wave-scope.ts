import { ManagedScope } from '../layout/managed-tree';
import { PROMOTED_COMMIT_FILE } from '../layout/names';

/** What one wave's publication may change: the planned files it writes, the folders it owns. */
export interface WaveScope {
  /** The planned files of the cluster types rolled out (and the promoted commit with the last wave). */
  readonly files: Readonly<Record<string, string>>;
  /** The plan's cluster types the publication owns. */
  readonly clusterTypes: readonly string[];
  /** Which folders (planned or stale) and whether the promoted commit are the publication's to change. */
  readonly scope: ManagedScope;
}

/**
 * The part of an environment's plan a wave publishes (pure): the cluster-type folders of the waves rolled out so far
 * take the plan, every other folder keeps its published content (it is not the publication's to change), so the tree
 * at every step is a real, consistent state. Folders the plan no longer has and the promoted commit change with the
 * last wave only, when the whole environment is at the new change. `rolledOut` empty and `last` false owns nothing.
 */
export function waveScope(
  plan: { readonly files: Readonly<Record<string, string>>; readonly clusterTypes: readonly string[] },
  rolledOut: ReadonlySet<string>,
  last: boolean,
): WaveScope {
  const owns = (folder: string) => last || rolledOut.has(folder);
  const files: Record<string, string> = {};
  for (const [file, content] of Object.entries(plan.files)) {
    const slash = file.indexOf('/');
    const owned = file === PROMOTED_COMMIT_FILE || slash < 0 ? last : owns(file.slice(0, slash));
    if (owned) files[file] = content;
  }
  return {
    files,
    clusterTypes: plan.clusterTypes.filter(owns),
    scope: { ownsFolder: owns, ownsPromotedCommit: last },
  };
}
