import { PROMOTED_COMMIT_FILE } from '../layout/names';
import { compareStrings } from '../model/order';

/**
 * The tree a wave's pull request makes (pure): the planned files of the cluster types rolled out so far (`rolledOut`),
 * the published files of every other cluster type, so the tree at every step is a real, consistent state. Cluster
 * types the plan no longer has keep their published folders until the last wave; the promoted commit changes with the
 * last wave, when the whole environment is at the new control-plane commit.
 */
export function waveTree(
  planned: Readonly<Record<string, string>>,
  published: Readonly<Record<string, string>>,
  rolledOut: ReadonlySet<string>,
  last: boolean,
): Record<string, string> {
  const tree: Record<string, string> = {};
  const folderOf = (file: string) => file.slice(0, file.indexOf('/'));
  const plannedFolders = new Set(
    Object.keys(planned)
      .filter((file) => file.includes('/'))
      .map(folderOf),
  );
  for (const [file, content] of Object.entries(published)) {
    if (file === PROMOTED_COMMIT_FILE) {
      if (!last) tree[file] = content;
      continue;
    }
    const folder = folderOf(file);
    if (rolledOut.has(folder) || last) continue;
    if (!plannedFolders.has(folder) || !rolledOut.has(folder)) tree[file] = content;
  }
  for (const [file, content] of Object.entries(planned)) {
    if (file === PROMOTED_COMMIT_FILE) {
      if (last) tree[file] = content;
      continue;
    }
    if (last || rolledOut.has(folderOf(file))) tree[file] = content;
  }
  return Object.fromEntries(Object.entries(tree).sort(([a], [b]) => compareStrings(a, b)));
}
